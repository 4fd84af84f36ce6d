package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
)

// MarketLease is one market on a PostgreSQL database and who serves it.
type MarketLease struct {
	Schema string
	Held   bool
	Holder string    // the holder's application name: host, pid, since
	Client string    // the holder's address as PostgreSQL sees it
	Since  time.Time // the holder's connection start
}

// Leases lists the markets (schemas with a pasarbot schema) on the
// PostgreSQL at url and who holds each one's lease, read from PostgreSQL's
// own lock table: it is the lock itself, so it cannot go stale.
func Leases(ctx context.Context, url string) ([]MarketLease, error) {
	cfg, err := postgresConfig(url, "public", "pasarbot status")
	if err != nil {
		return nil, err
	}
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT n.nspname FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid
		WHERE c.relname = 'schema_version' AND c.relkind = 'r' ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("store: list markets: %w", err)
	}
	var out []MarketLease
	for rows.Next() {
		var m MarketLease
		if err := rows.Scan(&m.Schema); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		m := &out[i]
		err := db.QueryRowContext(ctx, `SELECT a.application_name, COALESCE(host(a.client_addr), 'local socket'), a.backend_start
			FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
			AND ((l.classid::bigint << 32) | l.objid::bigint) = $1`, LeaseKey(m.Schema)).Scan(&m.Holder, &m.Client, &m.Since)
		switch {
		case err == nil:
			m.Held = true
		case !errors.Is(err, sql.ErrNoRows):
			return nil, fmt.Errorf("store: lease of %s: %w", m.Schema, err)
		}
	}
	return out, nil
}
