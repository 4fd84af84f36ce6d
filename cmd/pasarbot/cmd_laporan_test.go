package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pasarbot/bot/config"
	bmarket "pasarbot/bot/market"
	"pasarbot/store"
)

// The daily price report shows each product's price that day, the day
// before, the change and who set it.
func TestLaporanHarga(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pasar.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	wib := time.FixedZone("WIB", 7*3600)
	day1 := time.Date(2026, 11, 24, 6, 0, 0, 0, wib)
	if err := bmarket.Seed(ctx, db, config.Default(), day1); err != nil {
		t.Fatal(err)
	}
	if err := db.Update(ctx, func(tx *store.Tx) error {
		return tx.SetPrice("cabai-rawit-merah", 60000, "6282200000002", time.Date(2026, 11, 25, 6, 30, 0, 0, wib))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

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
