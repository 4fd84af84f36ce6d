// Package ops is what an operator runs beside the market: backups on a
// schedule, the health and metrics endpoint, and signed webhooks.
package ops

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"pasarbot/bot/config"
	"pasarbot/store"
)

// Backups writes backup sets: the market database and the WhatsApp device
// store, each copied online, named by one UTC time stamp so the two files
// of a set are found together:
//
//	market-20261125T190000Z.db
//	device-20261125T190000Z.db
type Backups struct {
	Dir        string // where the sets go (created 0700 if missing)
	Database   string // the market database
	DeviceFile string // the device store; "" or a missing file is skipped
	Keep       int    // sets kept by Prune; 0 keeps all
}

// Set is one written backup.
type Set struct {
	Market string // path of the market database copy
	Device string // path of the device store copy, "" when there was none
}

const (
	marketPrefix = "market-"
	devicePrefix = "device-"
	stampLayout  = "20060102T150405Z"
)

// ResolveDir places a relative backup directory next to the database, so
// the default "backups" ends up in /var/lib/pasarbot/backups in a service
// whatever the working directory.
func ResolveDir(dir, database string) string { return config.BesideDatabase(dir, database) }

// Run writes one backup set stamped with now, then removes the oldest sets
// beyond Keep.
func (b Backups) Run(ctx context.Context, now time.Time) (Set, error) {
	var set Set
	if err := os.MkdirAll(b.Dir, 0o700); err != nil {
		return set, fmt.Errorf("backup: %w", err)
	}
	stamp := now.UTC().Format(stampLayout)
	set.Market = filepath.Join(b.Dir, marketPrefix+stamp+".db")
	if err := store.BackupFile(ctx, b.Database, set.Market); err != nil {
		return Set{}, err
	}
	if b.DeviceFile != "" {
		if _, err := os.Stat(b.DeviceFile); err == nil {
			set.Device = filepath.Join(b.Dir, devicePrefix+stamp+".db")
			if err := store.BackupFile(ctx, b.DeviceFile, set.Device); err != nil {
				return set, err
			}
		}
	}
	if b.Keep > 0 {
		if _, err := b.Prune(); err != nil {
			return set, err
		}
	}
	return set, nil
}

// List returns the stamps of the market backups in Dir, oldest first.
func (b Backups) List() ([]string, error) {
	ents, err := os.ReadDir(b.Dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var stamps []string
	for _, e := range ents {
		name := e.Name()
		if !strings.HasPrefix(name, marketPrefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		stamp := strings.TrimSuffix(strings.TrimPrefix(name, marketPrefix), ".db")
		if _, err := time.Parse(stampLayout, stamp); err != nil {
			continue // not ours: leave it alone
		}
		stamps = append(stamps, stamp)
	}
	sort.Strings(stamps) // the layout sorts chronologically
	return stamps, nil
}

// Prune removes the oldest sets beyond Keep and returns how many it
// removed. Only files named like our sets are touched.
func (b Backups) Prune() (int, error) {
	stamps, err := b.List()
	if err != nil || b.Keep <= 0 || len(stamps) <= b.Keep {
		return 0, err
	}
	old := stamps[:len(stamps)-b.Keep]
	var errs []error
	for _, s := range old {
		for _, p := range []string{marketPrefix, devicePrefix} {
			if err := os.Remove(filepath.Join(b.Dir, p+s+".db")); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return len(old), errors.Join(errs...)
}

// DeviceBeside names the device store copy of the set a market backup
// belongs to; "" when the file is not named like a set or has no device copy.
func DeviceBeside(marketBackup string) string {
	dir, name := filepath.Split(marketBackup)
	if !strings.HasPrefix(name, marketPrefix) {
		return ""
	}
	p := filepath.Join(dir, devicePrefix+strings.TrimPrefix(name, marketPrefix))
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}
