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
	cfg, err := cf.load(e)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.Database.Path)
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
