package main

import (
	"context"
	"flag"
	"fmt"

	"pasarbot/bot/config"
	"pasarbot/store"
)

// configFlags are the flags every command that touches the market shares.
type configFlags struct {
	config *string
	db     *string
}

func addConfigFlags(fs *flag.FlagSet) configFlags {
	return configFlags{
		config: fs.String("config", "", "configuration file (default $PASARBOT_CONFIG, else built-in defaults)"),
		db:     fs.String("db", "", "database file (default: database.path from the configuration)"),
	}
}

// load reads the configuration named by --config or $PASARBOT_CONFIG and
// applies --db.
func (f configFlags) load(e env) (*config.Config, error) {
	path := *f.config
	if path == "" && e.getenv != nil {
		path = e.getenv("PASARBOT_CONFIG")
	}
	var cfg *config.Config
	if path == "" {
		cfg = config.Default()
	} else {
		var err error
		if cfg, err = config.Load(path); err != nil {
			return nil, err
		}
		for _, w := range cfg.Warnings() {
			fmt.Fprintf(e.stderr, "warning: %s\n", w)
		}
	}
	if *f.db != "" { // an explicit SQLite file, even when the configuration names PostgreSQL
		cfg.Database.Path = *f.db
		cfg.Database.Postgres, cfg.Database.Schema = "", ""
	}
	return cfg, nil
}

// openDB loads the configuration and opens its database for writing (with
// the database's lock); the caller closes it.
func (f configFlags) openDB(ctx context.Context, e env) (*config.Config, *store.DB, error) {
	return f.openWith(ctx, e, store.Open, store.OpenPostgres)
}

// openReadOnly loads the configuration and opens its existing database for
// reading only: it works while `pasarbot run` holds the lock.
func (f configFlags) openReadOnly(ctx context.Context, e env) (*config.Config, *store.DB, error) {
	return f.openWith(ctx, e, store.OpenReadOnly, store.OpenPostgresReadOnly)
}

// openConfigured opens cfg's database with open (a SQLite file) or openPG
// (a schema on PostgreSQL).
func openConfigured(ctx context.Context, cfg *config.Config, open func(context.Context, string) (*store.DB, error),
	openPG func(ctx context.Context, url, schema string) (*store.DB, error)) (*store.DB, error) {
	if cfg.Database.OnPostgres() {
		return openPG(ctx, cfg.Database.Postgres, cfg.Database.Schema)
	}
	return open(ctx, cfg.Database.Path)
}

// readOnlyStore opens cfg's existing database for reading only.
func readOnlyStore(ctx context.Context, cfg *config.Config) (*store.DB, error) {
	return openConfigured(ctx, cfg, store.OpenReadOnly, store.OpenPostgresReadOnly)
}

// openWith opens the configured database with open (a SQLite file) or
// openPG (a schema on PostgreSQL).
func (f configFlags) openWith(ctx context.Context, e env, open func(context.Context, string) (*store.DB, error),
	openPG func(ctx context.Context, url, schema string) (*store.DB, error)) (*config.Config, *store.DB, error) {
	cfg, err := f.load(e)
	if err != nil {
		return nil, nil, err
	}
	db, err := openConfigured(ctx, cfg, open, openPG)
	if err != nil {
		return nil, nil, err
	}
	return cfg, db, nil
}
