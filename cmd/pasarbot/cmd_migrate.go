package main

import (
	"context"
	"fmt"

	"pasarbot/store"
)

func runMigrate(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "migrate", "[--config FILE] [--db FILE]")
	cf := addConfigFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	// The one command that may give a 0-byte file a fresh schema.
	cfg, db, err := cf.openWith(ctx, e, store.OpenForMigrate)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := db.Version(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: schema version %d\n", cfg.Database.Path, v)
	return nil
}
