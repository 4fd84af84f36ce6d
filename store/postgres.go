package store

import (
	"context"
	"database/sql"

	"fmt"
	"regexp"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

// A market on PostgreSQL lives in its own schema: the same tables and the
// same SQL as its SQLite file, found through the search_path set on every
// connection of its pools, so one market can be dumped or moved alone
// (pg_dump -n <schema>). whatsmeow's device tables share the schema.

// schemaName is what a market's schema may be called: a plain lower-case
// identifier, so it never needs quoting anywhere (SQL, search_path, pg_dump).
var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// checkSchemaName refuses a schema name that is not a plain lower-case identifier.
func checkSchemaName(schema string) error {
	if !schemaName.MatchString(schema) {
		return fmt.Errorf("store: PostgreSQL schema %q must be lower-case letters, digits and _ (at most 63, not starting with a digit)", schema)
	}
	return nil
}

// postgresConfig parses url and points its connections at schema.
func postgresConfig(url, schema, app string) (*pgx.ConnConfig, error) {
	if err := checkSchemaName(schema); err != nil {
		return nil, err
	}
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store: PostgreSQL URL: %w", err)
	}
	cfg.RuntimeParams["search_path"] = schema
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = app
	}
	return cfg, nil
}

// PostgresPool opens a database/sql pool on the PostgreSQL at url whose
// connections all work in schema: for whatsmeow's device store, which
// keeps its tables beside the market's.
func PostgresPool(url, schema string) (*sql.DB, error) {
	cfg, err := postgresConfig(url, schema, "pasarbot device "+schema)
	if err != nil {
		return nil, err
	}
	return stdlib.OpenDB(*cfg), nil
}

// OpenPostgres opens the market kept in schema of the PostgreSQL database
// at url for writing: it takes the market's lease on the writer connection
// (LeaseHeldError when another process holds it), creates the schema when
// missing and applies pending migrations.
func OpenPostgres(ctx context.Context, url, schema string) (*DB, error) {
	return openPostgres(ctx, url, schema, false)
}

// OpenPostgresWait is OpenPostgres that waits for the lease, trying every
// LeasePoll until ctx ends: a standby process taking over a market.
func OpenPostgresWait(ctx context.Context, url, schema string) (*DB, error) {
	return openPostgres(ctx, url, schema, true)
}

func openPostgres(ctx context.Context, url, schema string, wait bool) (*DB, error) {
	cfg, err := postgresConfig(url, schema, "pasarbot "+schema)
	if err != nil {
		return nil, err
	}
	// One writer connection: it holds the lease, so only it can write.
	w := stdlib.OpenDB(*cfg)
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	conn, err := w.Conn(ctx)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: connect to PostgreSQL for %s: %w", schema, err)
	}
	lease, err := acquireLease(ctx, conn, schema, wait)
	if err != nil {
		conn.Close()
		w.Close()
		return nil, err
	}
	// The schema is created by the lease holder only, so two processes
	// starting the same new market never race to create it.
	if _, err := conn.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+schema); err != nil {
		conn.Close()
		w.Close()
		return nil, fmt.Errorf("store: create schema %s: %w", schema, err)
	}
	db := &DB{Schema: schema, d: postgresDialect, writer: w, writeConn: conn, lease: lease}
	if err := db.migrate(ctx); err != nil {
		conn.Close()
		w.Close()
		return nil, err
	}
	db.reader = stdlib.OpenDB(*cfg)
	db.readers = newReaderPool(db.reader)
	lease.watch(db)
	return db, nil
}

// OpenPostgresReadOnly opens a market's schema for reading only: no lease,
// no migration, so it works while another process serves the market.
func OpenPostgresReadOnly(ctx context.Context, url, schema string) (*DB, error) {
	cfg, err := postgresConfig(url, schema, "pasarbot read "+schema)
	if err != nil {
		return nil, err
	}
	r := stdlib.OpenDB(*cfg)
	if err := checkReadable(ctx, r, postgresDialect, "schema "+schema); err != nil {
		r.Close()
		return nil, err
	}
	return &DB{Schema: schema, d: postgresDialect, reader: r, readers: newReaderPool(r)}, nil
}

// IsPostgres reports whether the market lives on PostgreSQL.
func (db *DB) IsPostgres() bool { return db.d.postgres }

// errSQLiteOnly says a feature works on SQLite files only, and what to use instead.
func errSQLiteOnly(what, instead string) error {
	return fmt.Errorf("store: %s is for SQLite files only; on PostgreSQL %s", what, instead)
}

// ErrPostgresBackup is returned by the file backup for a market on PostgreSQL.
func ErrPostgresBackup(schema string) error {
	return errSQLiteOnly("the backup (VACUUM INTO)", fmt.Sprintf("back the market up with `pg_dump -n %s`", schema))
}
