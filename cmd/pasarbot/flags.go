package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"pasarbot/bot/config"
	"pasarbot/store"
)

// configFlags are the flags every command that touches a market shares.
type configFlags struct {
	config *string
	db     *string
	market *string
}

func addConfigFlags(fs *flag.FlagSet) configFlags {
	return configFlags{
		config: fs.String("config", "", "configuration file (default $PASARBOT_CONFIG, else built-in defaults)"),
		db:     fs.String("db", "", "database file (default: the market's database.path from the configuration)"),
		market: fs.String("market", "", "the market to act on, by its id (needed when the configuration lists several markets)"),
	}
}

// deployment reads the configuration named by --config or
// $PASARBOT_CONFIG (built-in defaults without one) and prints its
// warnings.
func (f configFlags) deployment(e env) (*config.Deployment, error) {
	path := *f.config
	if path == "" && e.getenv != nil {
		path = e.getenv("PASARBOT_CONFIG")
	}
	if path == "" {
		return config.DefaultDeployment(), nil
	}
	d, err := config.LoadDeployment(path)
	if err != nil {
		return nil, err
	}
	for _, w := range d.Warnings() {
		fmt.Fprintf(e.stderr, "warning: %s\n", w)
	}
	return d, nil
}

// markets picks the markets --market names; without --market, every
// market when all is true, else the only one (an error when there are
// several). --db applies to a single chosen market only.
func (f configFlags) markets(e env, all bool) (*config.Deployment, []*config.Config, error) {
	d, err := f.deployment(e)
	if err != nil {
		return nil, nil, err
	}
	id := *f.market
	if id == "" && all {
		id = config.AllMarkets
	}
	ms, err := d.Select(id)
	if err != nil {
		return nil, nil, exitError{code: 2, msg: err.Error()}
	}
	if *f.db != "" { // an explicit SQLite file, even when the configuration names PostgreSQL
		if len(ms) != 1 {
			return nil, nil, exitError{code: 2, msg: "--db names one market's database: add --market ID"}
		}
		ms[0].Database.Path = *f.db
		ms[0].Database.Postgres, ms[0].Database.Schema = "", ""
	}
	return d, ms, nil
}

// load reads the configuration and picks the one market the command acts
// on (--market, needed when there are several), with --db applied.
func (f configFlags) load(e env) (*config.Config, error) {
	_, ms, err := f.markets(e, false)
	if err != nil {
		return nil, err
	}
	if len(ms) != 1 {
		return nil, exitError{code: 2, msg: "this command acts on one market: name it with --market ID"}
	}
	return ms[0], nil
}

// openDB loads the configuration and opens its database for writing (with
// the database's lock); the caller closes it.
func (f configFlags) openDB(ctx context.Context, e env) (*config.Config, *store.DB, error) {
	return f.openWith(ctx, e, openMarketDB, store.OpenPostgres)
}

// openMarketDB opens a market's database for writing, making its
// directory first: a new market of a deployment has none yet.
func openMarketDB(ctx context.Context, path string) (*store.DB, error) {
	return openInDir(ctx, path, store.Open)
}

// openInDir makes path's directory, then opens it with open.
func openInDir(ctx context.Context, path string, open func(context.Context, string) (*store.DB, error)) (*store.DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	return open(ctx, path)
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
