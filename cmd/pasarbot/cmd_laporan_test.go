package main

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

	"pasarbot/bot/charts"
	"pasarbot/bot/config"
	bmarket "pasarbot/bot/market"
	"pasarbot/store"
)

var wib = time.FixedZone("WIB", 7*3600)

// seededWithPrice is a closed market database seeded with the default
// catalog at seeded, where a leader set sku's price at at.
func seededWithPrice(t *testing.T, seeded time.Time, sku string, price int64, at time.Time) (path string) {
	t.Helper()
	ctx := context.Background()
	path = filepath.Join(t.TempDir(), "pasar.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := bmarket.Seed(ctx, db, config.Default(), seeded); err != nil {
		t.Fatal(err)
	}
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.SetPrice(sku, price, "6282200000002", at) }); err != nil {
		t.Fatal(err)
	}
	return path
}

// The daily price report shows each product's price that day, the day
// before, the change and who set it.
func TestLaporanHarga(t *testing.T) {
	ctx := context.Background()
	path := seededWithPrice(t, time.Date(2026, 11, 24, 6, 0, 0, 0, wib), "cabai-rawit-merah", 60000, time.Date(2026, 11, 25, 6, 30, 0, 0, wib))

	var out, errb bytes.Buffer
	e := env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	if code := Main(ctx, e, []string{"laporan", "harga", "--db", path, "--date", "2026-11-25"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(rows[0], ","), "date,sku,name,unit,price,previous_price,change,available,changed_by"; got != want {
		t.Fatalf("header = %s", got)
	}
	found := false
	for _, r := range rows[1:] {
		if r[1] == "cabai-rawit-merah" {
			found = true
			if r[4] != "60000" || r[5] != "40000" || r[6] != "20000" || r[8] != "6282200000002" {
				t.Errorf("cabai row = %v", r)
			}
		}
		if r[1] == "tomat" && (r[4] != "12000" || r[6] != "0") {
			t.Errorf("tomat row = %v", r)
		}
	}
	if !found || len(rows) < 100 {
		t.Errorf("rows = %d, cabai found %v", len(rows), found)
	}
	if code := Main(ctx, e, []string{"laporan", "harga", "--db", path, "--date", "kemarin"}); code == 0 {
		t.Error("a bad date was accepted")
	}
}

// laporan grafik writes the day's charts (PNG, decodable, at the chart
// size) and numbers (CSV) into --out, or next to the database, and prints
// the files it wrote.
func TestLaporanGrafik(t *testing.T) {
	ctx := context.Background()
	path := seededWithPrice(t, time.Date(2026, 11, 20, 6, 0, 0, 0, wib), "bawang-merah", 41000, time.Date(2026, 11, 24, 6, 30, 0, 0, wib))

	for name, args := range map[string][]string{
		"Out":         {"--out", filepath.Join(t.TempDir(), "charts")},
		"BesideTheDB": nil,
	} {
		t.Run(name, func(t *testing.T) {
			var out, errb bytes.Buffer
			e := env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
			argv := append([]string{"laporan", "grafik", "--db", path, "--date", "2026-11-25"}, args...)
			if code := Main(ctx, e, argv); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			files := strings.Fields(out.String())
			wantDir := filepath.Join(filepath.Dir(path), "laporan")
			if args != nil {
				wantDir = args[1]
			}
			var pngs, csvs int
			for _, f := range files {
				if filepath.Dir(f) != wantDir || !strings.HasPrefix(filepath.Base(f), "2026-11-25-") {
					t.Errorf("wrote %s, want it in %s named for the day", f, wantDir)
				}
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				switch filepath.Ext(f) {
				case ".png":
					img, err := png.Decode(bytes.NewReader(b))
					if err != nil {
						t.Fatalf("%s: %v", f, err)
					}
					w, h := charts.ChartW, charts.ChartH
					if strings.HasSuffix(f, "-report.png") {
						w, h = charts.SheetSize(len(files) - 5 - 1)
					}
					if got := img.Bounds().Size(); got.X != w || got.Y != h {
						t.Errorf("%s is %v, want %dx%d", f, got, w, h)
					}
					pngs++
				case ".csv":
					csvs++
					if strings.HasSuffix(f, "prices-week.csv") && !bytes.Contains(b, []byte("2026-11-25,bawang-merah,Bawang Merah,41000")) {
						t.Errorf("prices-week.csv lacks the day's bawang merah price:\n%s", b)
					}
				}
			}
			if pngs < 2 || csvs != 5 {
				t.Errorf("wrote %d PNGs and %d CSVs: %v", pngs, csvs, files)
			}
		})
	}
}
