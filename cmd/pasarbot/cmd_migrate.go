package main

import (
	"context"
	"fmt"
)

func runMigrate(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "migrate", "[--config FILE] [--db FILE]")
	cf := addConfigFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, db, err := cf.openDB(ctx, e)
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
