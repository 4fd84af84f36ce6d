package ops_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pasarbot/bot/config"
	"pasarbot/bot/ops"
	"pasarbot/bot/sim"
)

// worst returns the findings of check and the worst severity among them.
func worst(fs []ops.Finding, check string) (ops.Severity, string) {
	sev, detail := ops.OK, ""
	found := false
	for _, f := range fs {
		if f.Check == check {
			found = true
			if f.Severity >= sev {
				sev, detail = f.Severity, f.Detail+" → "+f.Fix
			}
		}
	}
	if !found {
		return -1, "not checked"
	}
	return sev, detail
}

func TestDoctor(t *testing.T) {
	ctx := context.Background()
	// A market that served a morning, with a backup.
	dir := t.TempDir()
	cfg := config.Default()
	cfg.Database.Path = filepath.Join(dir, "pasarbot.db")
	m, rec := newSimMarket(t, cfg.Database.Path)
	if _, err := (&sim.Player{Market: m, Recorder: rec}).Play(ctx, busyMorning(t, 1)); err != nil {
		t.Fatal(err)
	}
	m.Close()
	// SQLite creates the file with the umask's mode; the service's UMask=0077 makes it 0600.
	if err := os.Chmod(cfg.Database.Path, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := (ops.Backups{Dir: ops.ResolveDir(cfg.Backup.Dir, cfg.Database.Path), Database: cfg.Database.Path}).Run(ctx, time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	afterMorning := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	d := ops.Deployment{ConfigPath: "pasar.yaml", Config: cfg, DeviceFile: filepath.Join(dir, "device.db"), Now: afterMorning}

	t.Run("OK", func(t *testing.T) {
		fs := ops.Doctor(ctx, d)
		for _, check := range []string{"config", "timezone", "permissions", "database", "clock", "disk", "backup"} {
			if sev, detail := worst(fs, check); sev != ops.OK {
				t.Errorf("%s: %v %s", check, sev, detail)
			}
		}
		if sev, _ := worst(fs, "device"); sev != ops.Warn {
			t.Errorf("a missing device file is %v, want warn", sev)
		}
	})
	t.Run("ErrClockBehind", func(t *testing.T) {
		d := d
		d.Now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		if sev, detail := worst(ops.Doctor(ctx, d), "clock"); sev != ops.Fail {
			t.Errorf("clock a year behind the database: %v %s", sev, detail)
		}
	})
	t.Run("ErrOldBackup", func(t *testing.T) {
		d := d
		d.Now = afterMorning.Add(5 * 24 * time.Hour)
		if sev, _ := worst(ops.Doctor(ctx, d), "backup"); sev != ops.Warn {
			t.Errorf("a 5-day-old newest backup is %v, want warn", sev)
		}
	})
	t.Run("ErrReadableByOthers", func(t *testing.T) {
		if err := os.Chmod(cfg.Database.Path, 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(cfg.Database.Path, 0o600)
		sev, detail := worst(ops.Doctor(ctx, d), "database")
		if sev != ops.Warn || !strings.Contains(detail, "chmod 600") {
			t.Errorf("a world-readable database: %v %s", sev, detail)
		}
	})
	t.Run("ErrEmptyDatabase", func(t *testing.T) {
		c := *cfg
		c.Database.Path = filepath.Join(t.TempDir(), "empty.db")
		os.WriteFile(c.Database.Path, nil, 0o600)
		d := d
		d.Config = &c
		if sev, detail := worst(ops.Doctor(ctx, d), "database"); sev != ops.Fail {
			t.Errorf("an empty database: %v %s", sev, detail)
		}
	})
	t.Run("ErrConfig", func(t *testing.T) {
		fs := ops.Doctor(ctx, ops.Deployment{ConfigErr: errors.New("pasar.yaml:7: market.timezone: unknown time zone")})
		if sev, _ := worst(fs, "config"); sev != ops.Fail {
			t.Errorf("a bad configuration: %v", sev)
		}
	})
}
