package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pasarbot/bot/ops"
	"pasarbot/store"
)

func runBackup(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "backup", "[--config FILE] [--market ID] [--db FILE] [--device FILE] [--to DIR]")
	cf := addConfigFlags(fs)
	df := addDeviceFlags(fs)
	to := fs.String("to", "", "directory for the backup set (default: backup.dir from the configuration)")
	if err := parseArgs(fs, args, 0); err != nil {
		return err
	}
	cfg, err := cf.load(e)
	if err != nil {
		return err
	}
	if cfg.Database.OnPostgres() {
		return store.ErrPostgresBackup(cfg.Database.Schema)
	}
	dir := *to
	if dir == "" {
		dir = ops.ResolveDir(cfg.Backup.Dir, cfg.Database.Path)
	}
	// An explicit --to is a one-off copy (to a USB disk, say): retention
	// applies only to the configured directory.
	keep := 0
	if *to == "" {
		keep = cfg.Backup.Keep
	}
	b := ops.Backups{Dir: dir, Database: cfg.Database.Path, DeviceFile: df.path(cfg), Keep: keep}
	set, err := b.Run(ctx, time.Now())
	if err != nil {
		return err
	}
	// Check what was written, as a restore would.
	if _, err := store.CheckBackup(ctx, set.Market); err != nil {
		return fmt.Errorf("the backup just written fails its check: %w", err)
	}
	fmt.Fprintln(e.stdout, set.Market)
	if set.Device != "" {
		if _, err := store.CheckDeviceBackup(ctx, set.Device); err != nil {
			return fmt.Errorf("the device backup just written fails its check: %w", err)
		}
		fmt.Fprintln(e.stdout, set.Device)
	}
	return nil
}

func runRestore(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "restore", "[--config FILE] [--market ID] [--db FILE] [--device FILE] [--with-device] BACKUP")
	cf := addConfigFlags(fs)
	df := addDeviceFlags(fs)
	withDevice := fs.Bool("with-device", false, "also restore the device store copy of the same backup set (see docs/operations.md first)")
	if err := parseArgs(fs, args, 1); err != nil {
		return err
	}
	cfg, err := cf.load(e)
	if err != nil {
		return err
	}
	if cfg.Database.OnPostgres() {
		return store.ErrPostgresBackup(cfg.Database.Schema)
	}
	from, dbPath, devPath := fs.Arg(0), cfg.Database.Path, df.path(cfg)
	now := time.Now()
	// A device store backup given on its own restores the device store.
	if _, err := store.CheckDeviceBackup(ctx, from); err == nil {
		return restoreOne(ctx, e, from, devPath, dbPath, store.CheckDeviceBackup, now)
	}
	c, err := store.CheckBackup(ctx, from)
	if err != nil {
		return err
	}
	device := ""
	if *withDevice {
		if device = ops.DeviceBeside(from); device == "" {
			return errors.New("--with-device: no device-… copy beside " + from)
		}
		// Check both before replacing either.
		if _, err := store.CheckDeviceBackup(ctx, device); err != nil {
			return err
		}
	}
	if err := restoreOne(ctx, e, from, dbPath, dbPath, store.CheckBackup, now); err != nil {
		return err
	}
	if c.Schema < store.SchemaVersion() {
		fmt.Fprintf(e.stdout, "the backup has schema version %d; the next `pasarbot run` upgrades it to %d\n", c.Schema, store.SchemaVersion())
	}
	if device != "" {
		return restoreOne(ctx, e, device, devPath, dbPath, store.CheckDeviceBackup, now)
	}
	if ops.DeviceBeside(from) != "" {
		fmt.Fprintln(e.stdout, "the WhatsApp device store was left as it is (--with-device restores its copy too)")
	}
	return nil
}

// restoreOne replaces target with from and says what it did.
func restoreOne(ctx context.Context, e env, from, target, dbPath string, check func(context.Context, string) (store.BackupCheck, error), now time.Time) error {
	kept, err := store.Restore(ctx, from, target, dbPath, check, now)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "restored %s from %s\n", target, from)
	if kept != "" {
		fmt.Fprintf(e.stdout, "the file it replaced is kept as %s\n", kept)
	}
	return nil
}
