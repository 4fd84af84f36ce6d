package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order. Files are
// named NNNN_what.sql; a shipped migration is never edited, only added to.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("store: migration %s is not named NNNN_name.sql", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("store: migrations are not numbered 1..n: %s", m.name)
		}
	}
	return ms, nil
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// ErrNewerSchema is returned when the file was written by a newer pasarbot.
type ErrNewerSchema struct{ Have, Know int }

func (e ErrNewerSchema) Error() string {
	return fmt.Sprintf("store: database schema version %d is newer than this pasarbot knows (%d); upgrade pasarbot or use a backup", e.Have, e.Know)
}

// Version returns the schema version recorded in the file.
func (db *DB) Version(ctx context.Context) (int, error) {
	var v int
	if db.writeConn == nil {
		err := db.reader.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_version").Scan(&v)
		return v, err
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	err := db.writeConn.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_version").Scan(&v)
	return v, err
}

func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	return db.Update(ctx, func(t *Tx) error {
		tx := t.q
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
			version INTEGER PRIMARY KEY,
			name TEXT NOT NULL,
			applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))`); err != nil {
			return fmt.Errorf("store: schema_version: %w", err)
		}
		var have int
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_version").Scan(&have); err != nil {
			return fmt.Errorf("store: read schema version: %w", err)
		}
		if have > len(ms) {
			return ErrNewerSchema{Have: have, Know: len(ms)}
		}
		for _, m := range ms[have:] {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("store: migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO schema_version(version, name) VALUES (?, ?)", m.version, m.name); err != nil {
				return fmt.Errorf("store: record migration %s: %w", m.name, err)
			}
		}
		return nil
	})
}
