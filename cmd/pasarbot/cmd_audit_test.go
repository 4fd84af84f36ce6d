package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestAudit replays the QRIS refund script into a database, then reads the
// order's trail back: who ordered, the payment, each group's answer, the
// refund and its closing, with actor and time.
func TestAudit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pasar.db")
	cfg := filepath.Join("..", "..", "testdata", "scripts", "qris", "config.yaml")
	script := filepath.Join("..", "..", "testdata", "scripts", "qris", "refund.txt")
	if code, _, errs := runMain(t, "replay", "--images", t.TempDir(), "--config", cfg, "--db", db, script); code != 0 {
		t.Fatalf("replay exit %d: %s", code, errs)
	}
	code, out, errs := runMain(t, "audit", "--config", cfg, "--db", db, "A9H6")
	if code != 0 {
		t.Fatalf("audit exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"payment  qris Rp42.500 paid 6281100000001",
		"refund   #1 Rp12.000 done transfer (Kelompok Sayur Bu Tini: ditolak (habis))",
		"status    buyer                  placed order created",
		"payment   system                 payment requested: qris Rp42.500",
		"payment   6281100000001          payment confirmed: qris Rp42.500",
		"status    sayur/6282200000001    placed → rejected habis",
		"refund    system                 refund 1 created: Rp12.000",
		"status    bumbu/6282200000002    placed → confirmed",
		"courier   system                 job offered: ongkir Rp8.000, COD Rp0",
		"refund    6281100000001          refund 1 done by transfer: Rp12.000",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("audit lacks %q:\n%s", want, out)
		}
	}
	t.Run("OrdersJSON", func(t *testing.T) {
		code, out, errs := runMain(t, "orders", "--config", cfg, "--db", db, "--json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var v struct {
			Code    string `json:"code"`
			Method  string `json:"payment_method"`
			Payment struct {
				State string `json:"state"`
			} `json:"payment"`
			Refunds []struct {
				Amount int64  `json:"amount"`
				State  string `json:"state"`
			} `json:"refunds"`
			Trail []struct {
				Kind  string `json:"kind"`
				Actor string `json:"actor"`
				At    string `json:"at"`
			} `json:"trail"`
		}
		if err := json.Unmarshal([]byte(strings.Split(strings.TrimSpace(out), "\n")[0]), &v); err != nil {
			t.Fatal(err)
		}
		if v.Code != "A9H6" || v.Method != "qris" || v.Payment.State != "paid" || len(v.Refunds) != 1 || v.Refunds[0].State != "done" || len(v.Trail) < 8 {
			t.Errorf("orders --json: %+v", v)
		}
		for _, e := range v.Trail {
			if e.Actor == "" || e.At == "" {
				t.Errorf("trail entry without actor or time: %+v", e)
			}
		}
	})
	t.Run("ErrUnknown", func(t *testing.T) {
		if code, _, errs := runMain(t, "audit", "--config", cfg, "--db", db, "Z9Z9"); code != 1 || !strings.Contains(errs, "no order Z9Z9") {
			t.Errorf("exit %d: %s", code, errs)
		}
	})
}
