package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"pasarbot/store"
)

// runStatus lists the markets on the configured PostgreSQL and which
// process serves each (the holder of its lease), from PostgreSQL's own
// lock table.
func runStatus(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "status", "[--config FILE] [--postgres URL]")
	cf := addConfigFlags(fs)
	url := fs.String("postgres", "", "the PostgreSQL to look at (default: database.postgres)")
	if err := parseArgs(fs, args, 0); err != nil {
		return err
	}
	if *url == "" {
		cfg, err := cf.load(e)
		if err != nil {
			return err
		}
		if !cfg.Database.OnPostgres() {
			return exitError{code: 2, msg: fmt.Sprintf("status lists markets on PostgreSQL; this market is the SQLite file %s "+
				"(%s names the serving process while one runs)", cfg.Database.Path, store.LockPath(cfg.Database.Path))}
		}
		*url = cfg.Database.Postgres
	}
	leases, err := store.Leases(ctx, *url)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "MARKET SCHEMA\tSERVED BY\tFROM\tCONNECTED")
	for _, l := range leases {
		if !l.Held {
			fmt.Fprintf(w, "%s\t-\t-\t-\n", l.Schema)
			continue
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", l.Schema, l.Holder, l.Client, l.Since.UTC().Format(time.RFC3339))
	}
	return w.Flush()
}
