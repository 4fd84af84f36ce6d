package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// LockedError is returned when another process holds the database's write
// lock: two processes on one file would both run the cron, the sender and
// the pipeline.
type LockedError struct {
	Path string // the lock file
	PID  int    // the holder's process id, 0 when unknown
}

func (e *LockedError) Error() string {
	who := "another pasarbot process"
	if e.PID > 0 {
		who = fmt.Sprintf("another pasarbot process (pid %d)", e.PID)
	}
	return fmt.Sprintf("store: the database is in use by %s, holding %s; stop it first "+
		"(read-only commands — orders, laporan, catalog export — work meanwhile)", who, e.Path)
}

// EmptyFileError is returned for a database file of 0 bytes: a truncated
// copy or a failed restore, never a market. Starting a fresh market over it
// silently would lose every order; `pasarbot migrate` creates one on purpose.
type EmptyFileError struct{ Path string }

func (e *EmptyFileError) Error() string {
	return fmt.Sprintf("store: %s is an empty file (0 bytes); refusing to start a fresh market over it. "+
		"Restore the backup, or run `pasarbot migrate --db %s` if this really is a new market", e.Path, e.Path)
}

// LockPath is the lock file beside a database.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// OpenForMigrate is Open that also accepts a 0-byte file (the operator
// asked for a schema explicitly).
func OpenForMigrate(ctx context.Context, path string) (*DB, error) {
	return open(ctx, path, true)
}

// checkNotEmpty refuses an existing 0-byte database file.
func checkNotEmpty(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
		return &EmptyFileError{Path: path}
	}
	return nil
}

// OpenReadOnly opens an existing database for reading only: no lock, no
// migration, so it works while `pasarbot run` holds the file. The schema
// must be the one this build knows.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("store: no database at %s: %w", path, err)
	}
	if fi.Size() == 0 {
		return nil, &EmptyFileError{Path: path}
	}
	r, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(4)
	if err := checkReadable(ctx, r, sqliteDialect, path); err != nil {
		r.Close()
		return nil, err
	}
	return &DB{Path: path, d: sqliteDialect, reader: r, readers: newReaderPool(r)}, nil
}

// errReadOnly is returned by writes on a database opened read-only.
var errReadOnly = errors.New("store: database opened read-only")

// checkReadable checks that a database opened without migrating holds a
// schema this build reads: its own version, or a newer one that declares
// itself compatible with it.
func checkReadable(ctx context.Context, r *sql.DB, d *dialect, where string) error {
	have, compat, err := readSchemaVersion(ctx, r, d)
	if err != nil {
		return fmt.Errorf("store: %s is not a pasarbot database: %w", where, err)
	}
	know := SchemaVersion()
	switch {
	case have > know && compat > know:
		return NewerSchemaError{Have: have, Compat: compat, Know: know}
	case have < know:
		return fmt.Errorf("store: %s has schema version %d, this pasarbot reads %d; run `pasarbot migrate` (or `pasarbot run`) first", where, have, know)
	}
	return nil
}
