package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasarbot/store"
	"pasarbot/store/storetest"
)

// On PostgreSQL: status names the process serving a market; writing
// commands stop naming it; read-only ones work meanwhile.
func TestStatusAndCommandsOnPostgres(t *testing.T) {
	ctx := context.Background()
	url, schema := storetest.Schema(t)
	cfg := filepath.Join(t.TempDir(), "pasarbot.yaml")
	if err := os.WriteFile(cfg, []byte("database:\n  postgres: "+url+"\n  schema: "+schema+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		e := env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
		return Main(ctx, e, append(args, "--config", cfg)), out.String(), errb.String()
	}
	if code, out, errs := run("migrate"); code != 0 || !strings.Contains(out, "schema "+schema) {
		t.Fatalf("migrate: exit %d, %q %q", code, out, errs)
	}
	held, err := store.OpenPostgres(ctx, url, schema)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	code, out, errs := run("status")
	line := ""
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, schema+" ") {
			line = l
		}
	}
	if code != 0 || !strings.Contains(line, held.Lease().Holder) {
		t.Errorf("status while served: exit %d, line %q of %q (%s), want the holder %q", code, line, out, errs, held.Lease().Holder)
	}
	if code, _, errs := run("migrate"); code == 0 || !strings.Contains(errs, held.Lease().Holder) {
		t.Errorf("migrate while served: exit %d, %q", code, errs)
	}
	for _, args := range [][]string{{"orders"}, {"catalog", "export"}, {"laporan", "harga", "--date", "2026-11-25"}} {
		if code, out, errs := run(args...); code != 0 || (args[0] == "catalog" && !strings.Contains(out, "sku")) {
			t.Errorf("%s while served: exit %d, %s (%d bytes out)", args[0], code, errs, len(out))
		}
	}
	if code, _, errs := run("backup"); code == 0 || !strings.Contains(errs, "pg_dump -n "+schema) {
		t.Errorf("backup on PostgreSQL: exit %d, %q, want the pg_dump advice", code, errs)
	}
	held.Close()
	if _, out, _ := run("status"); !strings.Contains(out, schema+"  -") && !strings.Contains(out, schema+" -") {
		t.Errorf("status after the holder left: %q, want the market free", out)
	}
}
