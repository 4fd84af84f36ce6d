package ops

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"pasarbot/bot/config"
	"pasarbot/store"
)

// Severity of a doctor finding.
type Severity int

const (
	OK   Severity = iota
	Warn          // works, but look at it
	Fail          // pasarbot will not run (well) like this
)

func (s Severity) String() string { return [...]string{"ok", "warn", "FAIL"}[s] }

// Finding is one line of `pasarbot doctor`: what was checked, what was
// found and, when it is not fine, what to do.
type Finding struct {
	Check    string
	Severity Severity
	Detail   string
	Fix      string
}

// Deployment is what doctor looks at.
type Deployment struct {
	ConfigPath string // "" for the built-in defaults
	Config     *config.Config
	ConfigErr  error // loading the configuration failed
	DeviceFile string
	Now        time.Time
}

// disk space thresholds: SQLite needs room for the WAL and VACUUM INTO
// needs room for a whole copy.
const (
	diskFail = 200 << 20 // 200 MiB
	diskWarn = 2 << 30   // 2 GiB
)

// Doctor checks a deployment: configuration, database and device files,
// their permissions, time zone data, the clock, disk space and backups.
func Doctor(ctx context.Context, d Deployment) []Finding {
	var fs []Finding
	add := func(check string, sev Severity, detail, fix string) {
		fs = append(fs, Finding{Check: check, Severity: sev, Detail: detail, Fix: fix})
	}
	if d.ConfigErr != nil {
		add("config", Fail, d.ConfigErr.Error(), "correct the configuration file (config.example.yaml documents every key)")
		return fs
	}
	cfg := d.Config
	if d.ConfigPath == "" {
		add("config", Warn, "no configuration file: built-in defaults (the example market)", "set PASARBOT_CONFIG or pass --config with your market's file")
	} else {
		add("config", OK, d.ConfigPath+" is valid", "")
	}
	if len(cfg.AdminPhones()) == 0 {
		add("config", Warn, "no admins configured: nobody can run admin commands or receive reports", "add your numbers under admins:")
	}

	// Time zone data: hours and reports are market-local.
	if _, err := time.LoadLocation(cfg.Market.Timezone); err != nil {
		add("timezone", Fail, err.Error(), "install the tzdata package")
	} else {
		add("timezone", OK, cfg.Market.Timezone+" loads", "")
	}

	if cfg.Database.OnPostgres() {
		return append(fs, checkPostgres(ctx, cfg, d.Now)...)
	}
	dbDir := filepath.Dir(cfg.Database.Path)
	fs = append(fs, checkDir(dbDir)...)
	fs = append(fs, checkDatabase(ctx, cfg.Database.Path, d.Now)...)
	fs = append(fs, checkPrivateFile("device", d.DeviceFile, "no device file yet: run `pasarbot run` once by hand and link the market phone")...)
	fs = append(fs, checkDisk(dbDir)...)
	fs = append(fs, checkBackups(cfg, d.Now)...)
	return fs
}

// checkDir: the directory of the database must exist and be writable by
// this user (SQLite creates -wal, -shm and lock files beside the file).
func checkDir(dir string) []Finding {
	probe, err := os.CreateTemp(dir, ".pasarbot-doctor-*")
	if err != nil {
		return []Finding{{Check: "permissions", Severity: Fail, Detail: fmt.Sprintf("cannot create files in %s: %v", dir, err),
			Fix: "create the directory and give it to the user pasarbot runs as (chown pasarbot: " + dir + ")"}}
	}
	probe.Close()
	os.Remove(probe.Name())
	return []Finding{{Check: "permissions", Severity: OK, Detail: dir + " is writable"}}
}

// checkPostgres: a market on PostgreSQL is reachable and its schema is one
// this build reads; its device keys and backups are PostgreSQL's business.
func checkPostgres(ctx context.Context, cfg *config.Config, now time.Time) []Finding {
	schema := cfg.Database.Schema
	db, err := store.OpenPostgresReadOnly(ctx, cfg.Database.Postgres, schema)
	if err != nil && strings.Contains(err.Error(), "does not exist") {
		return []Finding{{Check: "database", Severity: Warn, Detail: "no market schema " + schema + " on PostgreSQL yet",
			Fix: "`pasarbot run` (or `pasarbot migrate`) creates it"}}
	}
	out := []Finding{{Check: "backup", Severity: OK, Detail: "the market is on PostgreSQL: back it up with `pg_dump -n " + schema + "` (pasarbot's file backups do not apply)"}}
	return append(out, checkOpened(ctx, "PostgreSQL schema "+schema, db, err, now)...)
}

func checkDatabase(ctx context.Context, path string, now time.Time) []Finding {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return []Finding{{Check: "database", Severity: Warn, Detail: "no database at " + path + " yet",
			Fix: "`pasarbot run` (or `pasarbot migrate`) creates it; restore a backup instead if this market had one"}}
	}
	out := checkPrivateFile("database", path, "")
	db, err := store.OpenReadOnly(ctx, path)
	return append(out, checkOpened(ctx, path, db, err, now)...)
}

// checkOpened checks an opened market database: its schema version and
// that the clock is not behind its last message.
func checkOpened(ctx context.Context, path string, db *store.DB, err error, now time.Time) []Finding {
	var out []Finding
	if err != nil {
		var newer store.NewerSchemaError
		fix := "restore the newest backup (pasarbot restore)"
		if errors.As(err, &newer) {
			fix = "install the newer pasarbot that wrote this database"
		}
		return append(out, Finding{Check: "database", Severity: Fail, Detail: err.Error(), Fix: fix})
	}
	defer db.Close()
	v, err := db.Version(ctx)
	if err != nil {
		return append(out, Finding{Check: "database", Severity: Fail, Detail: err.Error(), Fix: "restore the newest backup"})
	}
	out = append(out, Finding{Check: "database", Severity: OK, Detail: fmt.Sprintf("%s opens, schema version %d", path, v)})
	var last time.Time
	if err := db.View(ctx, func(tx *store.Tx) error {
		var err error
		last, err = tx.LastActivity()
		return err
	}); err == nil && last.After(now.Add(5*time.Minute)) {
		out = append(out, Finding{Check: "clock", Severity: Fail,
			Detail: fmt.Sprintf("the system clock (%s) is behind the last message the market received (%s)", now.UTC().Format(time.RFC3339), last.Format(time.RFC3339)),
			Fix:    "enable time sync (timedatectl set-ntp true); deadlines and reports follow the clock"})
	} else {
		out = append(out, Finding{Check: "clock", Severity: OK, Detail: now.UTC().Format(time.RFC3339) + " (not behind the database)"})
	}
	return out
}

// checkPrivateFile: the device store holds the number's keys and the
// database buyers' addresses: readable by the owner only.
func checkPrivateFile(check, path, missing string) []Finding {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		if missing == "" {
			return nil
		}
		return []Finding{{Check: check, Severity: Warn, Detail: missing}}
	}
	if err != nil {
		return []Finding{{Check: check, Severity: Fail, Detail: err.Error(), Fix: "give " + path + " to the user pasarbot runs as"}}
	}
	if fi.Size() == 0 {
		return []Finding{{Check: check, Severity: Fail, Detail: path + " is empty (0 bytes)", Fix: "restore it from a backup"}}
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return []Finding{{Check: check, Severity: Warn, Detail: fmt.Sprintf("%s is readable by others (%v)", path, fi.Mode().Perm()), Fix: "chmod 600 " + path}}
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return []Finding{{Check: check, Severity: Fail, Detail: fmt.Sprintf("%s is not writable: %v", path, err), Fix: "chown it to the user pasarbot runs as"}}
	}
	f.Close()
	return []Finding{{Check: check, Severity: OK, Detail: path + " is private and writable"}}
}

func checkDisk(dir string) []Finding {
	free, err := freeBytes(dir)
	if err != nil {
		return []Finding{{Check: "disk", Severity: Warn, Detail: "free space unknown: " + err.Error()}}
	}
	mib := free >> 20
	switch {
	case free < diskFail:
		return []Finding{{Check: "disk", Severity: Fail, Detail: fmt.Sprintf("%d MiB free in %s", mib, dir), Fix: "free space: old backups, logs (journalctl --vacuum-size=200M)"}}
	case free < diskWarn:
		return []Finding{{Check: "disk", Severity: Warn, Detail: fmt.Sprintf("%d MiB free in %s", mib, dir), Fix: "keep at least 2 GiB free for the WAL and backups"}}
	}
	return []Finding{{Check: "disk", Severity: OK, Detail: fmt.Sprintf("%d MiB free in %s", mib, dir)}}
}

func checkBackups(cfg *config.Config, now time.Time) []Finding {
	if cfg.Backup.At == "" {
		return []Finding{{Check: "backup", Severity: Warn, Detail: "scheduled backups are off (backup.at is empty)", Fix: `set backup.at, e.g. "02:00"`}}
	}
	b := Backups{Dir: ResolveDir(cfg.Backup.Dir, cfg.Database.Path)}
	stamps, err := b.List()
	if err != nil {
		return []Finding{{Check: "backup", Severity: Fail, Detail: err.Error(), Fix: "make " + b.Dir + " readable by the user pasarbot runs as"}}
	}
	if len(stamps) == 0 {
		return []Finding{{Check: "backup", Severity: Warn, Detail: "no backups in " + b.Dir + " yet", Fix: "they start at " + cfg.Backup.At + "; `pasarbot backup` makes one now"}}
	}
	newest, _ := time.Parse(stampLayout, stamps[len(stamps)-1])
	if age := now.Sub(newest); age > 48*time.Hour {
		return []Finding{{Check: "backup", Severity: Warn, Detail: fmt.Sprintf("the newest backup is %s old", age.Round(time.Hour)), Fix: "look for \"scheduled backup failed\" in the log"}}
	}
	return []Finding{{Check: "backup", Severity: OK, Detail: fmt.Sprintf("%d sets, newest %s", len(stamps), newest.Format(time.RFC3339))}}
}
