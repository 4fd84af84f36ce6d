package charts_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/charts"
	"pasarbot/bot/config"
	"pasarbot/bot/sim"
	"pasarbot/store"
	"pasarbot/store/storetest"
)

// playedMarket plays the happy path (an order at 06:30, confirmed by the
// bumbu group, claimed and delivered) after a week of chilli price changes.
func playedMarket(t *testing.T) (*sim.SimMarket, *config.Config) {
	t.Helper()
	ctx := context.Background()
	cfg := config.Default()
	cfg.Orders.CodeSeed = 2026
	rec := sim.NewRecorder()
	loc := cfg.Location()
	dbPath, schema := filepath.Join(t.TempDir(), "p.db"), ""
	if strings.HasPrefix(t.Name(), "TestOnPostgres/") {
		dbPath = ""
		cfg.Database.Postgres, schema = storetest.Schema(t)
	}
	m, err := sim.NewMarket(ctx, sim.Options{Config: cfg, DBPath: dbPath, Schema: schema, Messenger: rec,
		Start: time.Date(2026, 11, 25, 6, 0, 0, 0, loc), Log: zerolog.Nop(), BindGroups: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	rec.SetClock(m.Now)
	if err := m.DB().Update(ctx, func(tx *store.Tx) error {
		for i, p := range []int64{50000, 55000, 62000} {
			if err := tx.SetPrice("cabai-rawit-merah", p, "6282200000002", time.Date(2026, 11, 21+2*i, 6, 0, 0, 0, loc)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"happy_path.txt"} {
		f, err := os.Open(filepath.Join("..", "..", "testdata", "scripts", name))
		if err != nil {
			t.Fatal(err)
		}
		s, err := sim.Parse(name, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := (&sim.Player{Market: m, Recorder: rec}).Play(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	return m, cfg
}

// TestOnPostgres collects the same numbers from a market on PostgreSQL.
func TestOnPostgres(t *testing.T) {
	storetest.URL(t)
	t.Run("ChartsOfAMarketDay", TestChartsOfAMarketDay)
}

func TestChartsOfAMarketDay(t *testing.T) {
	m, cfg := playedMarket(t)
	n, err := charts.Collect(context.Background(), m.DB(), "2026-11-25", cfg.Location())
	if err != nil {
		t.Fatal(err)
	}
	if n.Hours[6].Orders != 1 || n.Hours[6].Revenue <= 0 || n.Hours[7] != (charts.HourCount{}) {
		t.Errorf("06:00 = %+v, 07:00 = %+v: want the delivered order and its goods at 06:00 (market time) only", n.Hours[6], n.Hours[7])
	}
	if len(n.Trips) != 1 || len(n.Trips[0].Times) != 1 || n.Trips[0].Times[0] <= 0 {
		t.Errorf("courier trips = %+v, want one delivery", n.Trips)
	}
	if len(n.Groups) != 1 || n.Groups[0].Group != "bumbu" || n.Groups[0].Orders != 1 || n.Groups[0].Revenue != n.Hours[6].Revenue {
		t.Errorf("groups = %+v, want bumbu with the order and its goods", n.Groups)
	}
	if len(n.Answers) != 1 || len(n.Answers[0].Times) != 1 {
		t.Errorf("seller answers = %+v, want bumbu's one answer", n.Answers)
	}
	var chilli *charts.PriceMoves
	for i := range n.Prices {
		if n.Prices[i].SKU == "cabai-rawit-merah" {
			chilli = &n.Prices[i]
		}
	}
	if chilli == nil {
		t.Fatalf("cabai-rawit-merah missing from the week's prices: %+v", n.Prices)
	}
	if got, want := chilli.Price, [7]int64{0, 0, 50000, 50000, 55000, 55000, 62000}; got != want {
		t.Errorf("chilli week = %v, want %v (days %v)", got, want, chilli.Days)
	}

	cs, err := charts.Draw(n)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := charts.WriteFiles(dir, n, cs)
	if err != nil {
		t.Fatal(err)
	}
	sheetW, sheetH := charts.SheetSize(len(cs))
	pngs, csvs := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasSuffix(f, "-report.png"):
			checkPNG(t, f, b, sheetW, sheetH)
			pngs++
		case strings.HasSuffix(f, ".png"):
			checkPNG(t, f, b, charts.ChartW, charts.ChartH)
			pngs++
		case strings.HasSuffix(f, ".csv"):
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil || len(rows) < 2 {
				t.Errorf("%s: %d rows, %v", f, len(rows), err)
			}
			csvs++
		}
	}
	if pngs != len(cs)+1 || csvs != 5 {
		t.Errorf("wrote %d PNGs and %d CSVs, want %d and 5: %v", pngs, csvs, len(cs)+1, files)
	}
}

func checkPNG(t *testing.T, name string, b []byte, w, h int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Errorf("%s does not decode: %v", name, err)
		return
	}
	if got := img.Bounds().Size(); got.X != w || got.Y != h {
		t.Errorf("%s is %dx%d, want %dx%d", name, got.X, got.Y, w, h)
	}
}

// An empty day still draws every chart (titled "no data").
func TestChartsOfAnEmptyDay(t *testing.T) {
	cs, err := charts.Draw(charts.Numbers{Day: "2026-11-26"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		b, err := charts.PNG(c)
		if err != nil {
			t.Fatal(err)
		}
		checkPNG(t, c.Name, b, charts.ChartW, charts.ChartH)
	}
}
