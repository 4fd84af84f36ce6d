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
	cfg, db, err := cf.openWith(ctx, e, store.OpenForMigrate, store.OpenPostgres)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := db.Version(ctx)
	if err != nil {
		return err
	}
	where := cfg.Database.Path
	if db.IsPostgres() {
		where = "PostgreSQL schema " + db.Schema
	}
	fmt.Fprintf(e.stdout, "%s: schema version %d\n", where, v)
	return nil
}
