package main

import (
	"context"
	"fmt"

	"pasarbot/bot/config"
	"pasarbot/store"
)

func runMigrate(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "migrate", "[--config FILE] [--market ID] [--db FILE]")
	cf := addConfigFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	// Without --market every market of the deployment is migrated: an
	// upgrade concerns them all.
	_, markets, err := cf.markets(e, true)
	if err != nil {
		return err
	}
	for _, cfg := range markets {
		if err := migrateMarket(ctx, e, cfg); err != nil {
			return fmt.Errorf("market %s: %w", cfg.Market.ID, err)
		}
	}
	return nil
}

func migrateMarket(ctx context.Context, e env, cfg *config.Config) error {
	// The one command that may give a 0-byte file a fresh schema.
	db, err := openConfigured(ctx, cfg, func(ctx context.Context, path string) (*store.DB, error) {
		return openInDir(ctx, path, store.OpenForMigrate)
	}, store.OpenPostgres)
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
