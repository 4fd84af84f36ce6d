package ops_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pasarbot/bot/config"
	"pasarbot/bot/ops"
	"pasarbot/store"
	"pasarbot/store/storetest"
)

// On PostgreSQL the doctor checks the market's schema instead of files:
// missing is a warning, migrated is fine, and no file check fails.
func TestDoctorOnPostgres(t *testing.T) {
	ctx := context.Background()
	cfg := config.Default()
	cfg.Database.Postgres, cfg.Database.Schema = storetest.Schema(t)
	d := ops.Deployment{ConfigPath: "pasar.yaml", Config: cfg, Now: time.Now()}
	if sev, detail := worst(ops.Doctor(ctx, d), "database"); sev != ops.Warn || !strings.Contains(detail, "no market schema") {
		t.Errorf("before the first run: %v %s, want a warning that the schema is missing", sev, detail)
	}
	db, err := store.OpenPostgres(ctx, cfg.Database.Postgres, cfg.Database.Schema)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close() // served meanwhile: the doctor reads without the lease
	fs := ops.Doctor(ctx, d)
	for _, check := range []string{"config", "timezone", "database", "clock", "backup"} {
		if sev, detail := worst(fs, check); sev != ops.OK {
			t.Errorf("%s: %v %s", check, sev, detail)
		}
	}
	for _, f := range fs {
		if f.Check == "permissions" || f.Check == "device" || f.Check == "disk" {
			t.Errorf("a file check on a PostgreSQL market: %+v", f)
		}
	}
}
