package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	bmarket "pasarbot/bot/market"
	"pasarbot/bot/ops"
	"pasarbot/bot/whatsapp"
	"pasarbot/catalog"
	"pasarbot/store"
)

// writeTwoMarkets writes a deployment of two markets (kahayan, besar) that
// share the example's sections and keep their files under dir.
func writeTwoMarkets(t *testing.T) (cfgPath, dir string) {
	t.Helper()
	dir = t.TempDir()
	shared := strings.NewReplacer("  id: kahayan\n", "", "  path: pasarbot.db\n", "").Replace(string(config.Example))
	yaml := shared + "data_dir: " + dir + "\nmarkets:\n  - market: {id: kahayan, name: Pasar Kahayan}\n  - market: {id: besar, name: Pasar Besar}\n"
	cfgPath = filepath.Join(dir, "markets.yaml")
	if err := os.WriteFile(cfgPath, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfgPath, dir
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// A command given --market acts on that market's files only; without it,
// a command for one market refuses a two-market deployment, and migrate
// and doctor take every market.
func TestMarketFlag_TouchesOnlyTheNamedMarket(t *testing.T) {
	cfg, dir := writeTwoMarkets(t)
	kahayanDB, besarDB := filepath.Join(dir, "kahayan", "pasarbot.db"), filepath.Join(dir, "besar", "pasarbot.db")
	csv := filepath.Join(dir, "catalog.csv")
	if err := os.WriteFile(csv, catalog.DefaultCSV, 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("ErrOneMarketCommandWithoutMarket", func(t *testing.T) {
		code, _, errs := runMain(t, "catalog", "import", "--config", cfg, csv)
		if code != 2 || !strings.Contains(errs, "--market") || !strings.Contains(errs, "kahayan, besar") {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if exists(kahayanDB) || exists(besarDB) {
			t.Error("a refused command created a database")
		}
	})
	t.Run("ErrUnknownMarket", func(t *testing.T) {
		if code, _, errs := runMain(t, "orders", "--config", cfg, "--market", "sampit"); code != 2 || !strings.Contains(errs, `no market "sampit"`) {
			t.Fatalf("exit %d: %s", code, errs)
		}
	})
	t.Run("OKImportIntoBesarOnly", func(t *testing.T) {
		code, out, errs := runMain(t, "catalog", "import", "--config", cfg, "--market", "besar", csv)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, besarDB) {
			t.Errorf("import names %q, want %s", out, besarDB)
		}
		if !exists(besarDB) {
			t.Fatal("besar's database was not written")
		}
		if exists(kahayanDB) || exists(filepath.Join(dir, "kahayan")) {
			t.Error("importing into besar touched kahayan")
		}
	})
	t.Run("OKMigrateTakesEveryMarket", func(t *testing.T) {
		code, out, errs := runMain(t, "migrate", "--config", cfg)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, kahayanDB) || !strings.Contains(out, besarDB) {
			t.Errorf("migrate output %q does not name both databases", out)
		}
	})
	t.Run("OKExportPerMarket", func(t *testing.T) {
		_, besar, errs := runMain(t, "catalog", "export", "--config", cfg, "--market", "besar")
		if !strings.Contains(besar, "kangkung") {
			t.Fatalf("besar's catalog has no kangkung: %s %s", besar, errs)
		}
		_, kahayan, errs := runMain(t, "catalog", "export", "--config", cfg, "--market", "kahayan")
		if strings.Contains(kahayan, "kangkung") {
			t.Errorf("kahayan's catalog has besar's products: %s %s", kahayan, errs)
		}
	})
	t.Run("ErrDBNeedsMarket", func(t *testing.T) {
		if code, _, errs := runMain(t, "migrate", "--config", cfg, "--db", filepath.Join(dir, "x.db")); code != 2 || !strings.Contains(errs, "--market") {
			t.Fatalf("exit %d: %s", code, errs)
		}
	})
	t.Run("ErrRunDeviceNeedsMarket", func(t *testing.T) {
		if code, _, errs := runMain(t, "run", "--config", cfg, "--device", filepath.Join(dir, "d.db")); code != 2 || !strings.Contains(errs, "--market") {
			t.Fatalf("exit %d: %s", code, errs)
		}
	})
	t.Run("OKDoctorNamesEachMarket", func(t *testing.T) {
		_, out, _ := runMain(t, "doctor", "--config", cfg)
		if !strings.Contains(out, "market kahayan (Pasar Kahayan)") || !strings.Contains(out, "market besar (Pasar Besar)") {
			t.Errorf("doctor output does not name both markets:\n%s", out)
		}
	})
}

// seedMarket writes a market database at path with the default catalog
// and one price set on 25 November 2026.
func seedMarket(t *testing.T, path, sku string, price int64) {
	t.Helper()
	ctx := context.Background()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := bmarket.Seed(ctx, db, config.Default(), time.Date(2026, 11, 24, 6, 0, 0, 0, wib)); err != nil {
		t.Fatal(err)
	}
	if err := db.Update(ctx, func(tx *store.Tx) error {
		return tx.SetPrice(sku, price, "6282200000002", time.Date(2026, 11, 25, 6, 30, 0, 0, wib))
	}); err != nil {
		t.Fatal(err)
	}
}

// laporan harga --market all: one CSV for the Disperindag, each row
// naming its market; one market's report keeps the old columns.
func TestLaporanHarga_AllMarkets(t *testing.T) {
	cfg, dir := writeTwoMarkets(t)
	seedMarket(t, filepath.Join(dir, "kahayan", "pasarbot.db"), "cabai-rawit-merah", 60000)
	seedMarket(t, filepath.Join(dir, "besar", "pasarbot.db"), "cabai-rawit-merah", 72000)

	code, out, errs := runMain(t, "laporan", "harga", "--config", cfg, "--market", "all", "--date", "2026-11-25")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(rows[0][:3], ","), "market,market_name,date"; got != want {
		t.Fatalf("header starts %s, want %s", got, want)
	}
	prices := map[string]string{}
	for _, r := range rows[1:] {
		if r[3] == "cabai-rawit-merah" {
			prices[r[0]+"/"+r[1]] = r[6]
		}
	}
	if got, want := prices["kahayan/Pasar Kahayan"], "60000"; got != want {
		t.Errorf("kahayan price %q, want %q (rows %v)", got, want, prices)
	}
	if got, want := prices["besar/Pasar Besar"], "72000"; got != want {
		t.Errorf("besar price %q, want %q (rows %v)", got, want, prices)
	}

	_, one, _ := runMain(t, "laporan", "harga", "--config", cfg, "--market", "besar", "--date", "2026-11-25")
	if header, _, _ := strings.Cut(one, "\n"); header != "date,sku,name,unit,price,previous_price,change,available,changed_by" {
		t.Errorf("besar's own report has header %q", header)
	}
	if !strings.Contains(one, "cabai-rawit-merah,Cabai Rawit Merah,kg,72000,") {
		t.Errorf("besar's own report lacks its price:\n%s", one)
	}
	if code, _, errs := runMain(t, "orders", "--config", cfg, "--market", "all"); code != 2 || !strings.Contains(errs, "one market") {
		t.Errorf("orders --market all: exit %d: %s", code, errs)
	}
}

// Pairing output names its market on every line, also when a line comes
// in pieces.
func TestMarketWriterTagsEveryLine(t *testing.T) {
	var out strings.Builder
	w := &marketWriter{id: "besar", out: &out}
	for _, s := range []string{"Scan with the market phone\n", "▀▀ ", "▄▄\n", "\n", "Linked.\n"} {
		if _, err := w.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := out.String(), "[besar] Scan with the market phone\n[besar] ▀▀ ▄▄\n[besar] \n[besar] Linked.\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Only what no restart can cure keeps a market down.
func TestFatalForMarket(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{&whatsapp.StoppedError{Reason: "logged out"}, true},
		{fmt.Errorf("open: %w", &store.LockedError{Path: "x.db", PID: 1}), true},
		{&bmarket.PanicError{Where: "outbox sender", Value: "boom"}, false},
		{errors.New("market stopped unexpectedly"), false},
	} {
		if got := fatalForMarket(tt.err); got != tt.want {
			t.Errorf("fatalForMarket(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// With several markets each has its operator page under /ops/<id>/, on
// its own database, and /ops/ lists them.
func TestOperatorPagePerMarket(t *testing.T) {
	cfgPath, dir := writeTwoMarkets(t)
	dep, err := config.LoadDeployment(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	token := "a-long-operator-token"
	o := dep.Ops()
	o.Token = token
	fleet := ops.NewFleet(zerolog.Nop())
	var units []*marketUnit
	for _, cfg := range dep.Markets {
		cfg.Ops.Token = token
		units = append(units, &marketUnit{cfg: cfg, fleet: fleet.Add(cfg.Market.ID), opsBase: "/ops/" + cfg.Market.ID + "/"})
	}
	besarDB := filepath.Join(dir, "besar", "pasarbot.db")
	seedMarket(t, besarDB, "cabai-rawit-merah", 72000)
	db, err := store.OpenReadOnly(context.Background(), besarDB)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	page := http.NewServeMux()
	registerOperatorPage(page, units[1].opsBase, units[1].cfg, db, func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, wib) }, zerolog.Nop())
	units[1].page.Store(page)
	mux := processOpsMux(o, fleet, units)

	get := func(path string, auth bool) (int, string) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if auth {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	if code, body := get("/ops/", false); code != http.StatusOK || !strings.Contains(body, `href="/ops/kahayan/"`) || !strings.Contains(body, `href="/ops/besar/"`) {
		t.Errorf("index: %d %s", code, body)
	}
	if code, body := get("/ops/besar/", true); code != http.StatusOK || !strings.Contains(body, "72.000") || !strings.Contains(body, `src="/ops/besar/charts.png"`) {
		t.Errorf("besar's page: %d %.300s", code, body)
	}
	if code, _ := get("/ops/besar/", false); code != http.StatusUnauthorized {
		t.Errorf("besar's page without the token: %d", code)
	}
	if code, _ := get("/ops/kahayan/", true); code != http.StatusServiceUnavailable {
		t.Errorf("kahayan (not running): %d, want 503", code)
	}
}
