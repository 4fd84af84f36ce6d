package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	compat  int // the oldest schema version whose code still works on this schema
	name    string
	sql     string
}

// compatHeader is the mark a migration's first line carries when older
// builds keep working on the schema it makes (a new table or column they
// do not read): `-- 0005 (compatible with v4+): …`. Without it a
// migration is compatible with its own version only.
var compatHeader = regexp.MustCompile(`\(compatible with v(\d+)\+\)`)

// migrations returns the SQLite migrations in version order.
func migrations() ([]migration, error) { return migrationsOf(sqliteDialect) }

// migrationsOf returns a dialect's embedded migrations in version order.
// Files are named NNNN_what.sql; a shipped migration is never edited, only
// added to, in both dialects' folders.
func migrationsOf(d *dialect) ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, d.migrations)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("store: migration %s is not named NNNN_name.sql", e.Name())
		}
		b, err := migrationFS.ReadFile(d.migrations + "/" + e.Name())
		if err != nil {
			return nil, err
		}
		m := migration{version: v, compat: v, name: e.Name(), sql: string(b)}
		first, _, _ := strings.Cut(m.sql, "\n")
		if sub := compatHeader.FindStringSubmatch(first); sub != nil {
			m.compat, _ = strconv.Atoi(sub[1])
			if m.compat > v || m.compat < 1 {
				return nil, fmt.Errorf("store: migration %s: compatible with v%d+ must be between 1 and %d", e.Name(), m.compat, v)
			}
		}
		ms = append(ms, m)
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

// NewerSchemaError is returned when the database was written by a newer
// pasarbot whose schema this build cannot use: its newest migration is
// compatible only with versions after ours.
type NewerSchemaError struct{ Have, Compat, Know int }

func (e NewerSchemaError) Error() string {
	return fmt.Sprintf("store: database schema version %d (usable from version %d) is newer than this pasarbot knows (%d); upgrade pasarbot or use a backup", e.Have, e.Compat, e.Know)
}

// Version returns the schema version recorded in the database.
func (db *DB) Version(ctx context.Context) (int, error) {
	if db.writeConn == nil {
		v, _, err := readSchemaVersion(ctx, db.reader, db.d)
		return v, err
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	v, _, err := readSchemaVersion(ctx, db.writeConn, db.d)
	return v, err
}

// rowQuerier is what the schema version is read through: a pool, a
// connection or a transaction's querier.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readSchemaVersion returns the newest applied migration and the oldest
// version it is compatible with. Databases migrated before the compat
// column existed count as compatible with their own version only.
func readSchemaVersion(ctx context.Context, q rowQuerier, d *dialect) (have, compat int, err error) {
	var n int
	if err := q.QueryRowContext(ctx, d.compatColumnCount).Scan(&n); err != nil {
		return 0, 0, err
	}
	query := "SELECT version, version FROM schema_version ORDER BY 1 DESC LIMIT 1"
	if n > 0 {
		query = "SELECT version, CASE WHEN compat > 0 THEN compat ELSE version END FROM schema_version ORDER BY 1 DESC LIMIT 1"
	}
	err = q.QueryRowContext(ctx, query).Scan(&have, &compat)
	if err == sql.ErrNoRows {
		return 0, 0, nil
	}
	return have, compat, err
}

func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrationsOf(db.d)
	if err != nil {
		return err
	}
	return db.Update(ctx, func(t *Tx) error {
		tx := t.q
		if _, err := tx.ExecContext(ctx, db.d.schemaVersionTable); err != nil {
			return fmt.Errorf("store: schema_version: %w", err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, db.d.compatColumnCount).Scan(&n); err != nil {
			return fmt.Errorf("store: schema_version: %w", err)
		}
		if n == 0 { // made before migrations declared their compatibility
			if _, err := tx.ExecContext(ctx, "ALTER TABLE schema_version ADD COLUMN compat INTEGER NOT NULL DEFAULT 0"); err != nil {
				return fmt.Errorf("store: schema_version: %w", err)
			}
		}
		have, compat, err := readSchemaVersion(ctx, tx, db.d)
		if err != nil {
			return fmt.Errorf("store: read schema version: %w", err)
		}
		if have > len(ms) {
			if compat > len(ms) {
				return NewerSchemaError{Have: have, Compat: compat, Know: len(ms)}
			}
			return nil // a newer build's schema that still serves this one
		}
		for _, m := range ms[have:] {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("store: migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(ctx, db.d.sql("INSERT INTO schema_version(version, name, compat) VALUES (?, ?, ?)"), m.version, m.name, m.compat); err != nil {
				return fmt.Errorf("store: record migration %s: %w", m.name, err)
			}
		}
		return nil
	})
}
