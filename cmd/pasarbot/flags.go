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
	if *f.db != "" {
		cfg.Database.Path = *f.db
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

// openWith opens the configured database with open (a SQLite file) or
// openPG (a schema on PostgreSQL).
func (f configFlags) openWith(ctx context.Context, e env, open func(context.Context, string) (*store.DB, error),
	openPG func(ctx context.Context, url, schema string) (*store.DB, error)) (*config.Config, *store.DB, error) {
	cfg, err := f.load(e)
	if err != nil {
		return nil, nil, err
	}
	var db *store.DB
	if cfg.Database.OnPostgres() && *f.db == "" {
		db, err = openPG(ctx, cfg.Database.Postgres, cfg.Database.Schema)
	} else {
		db, err = open(ctx, cfg.Database.Path)
	}
	if err != nil {
		return nil, nil, err
	}
	return cfg, db, nil
}
