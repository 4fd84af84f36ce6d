package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"pasarbot/store"
	"pasarbot/store/storetest"
)

// reopen closes db and opens the same market again.
func reopen(tb testing.TB, db *store.DB) (*store.DB, error) {
	tb.Helper()
	db.Close()
	ctx := context.Background()
	if db.IsPostgres() {
		return store.OpenPostgres(ctx, storetest.URL(tb), db.Schema)
	}
	return store.Open(ctx, db.Path)
}

// TestMigrationsBothWays: a build opens a newer build's schema when that
// schema declares itself compatible with the older build's version, and
// refuses it otherwise (issue 22); it never migrates a newer schema down.
func TestMigrationsBothWays(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	know := store.SchemaVersion()
	if v, err := db.Version(ctx); err != nil || v != know {
		t.Fatalf("fresh database at version %d (%v), want %d", v, err, know)
	}
	// A newer build added migration know+1, still usable by this one.
	if err := db.Update(ctx, func(tx *store.Tx) error {
		_, err := store.ExecForTest(tx, "INSERT INTO schema_version(version, name, compat) VALUES (?, 'future.sql', ?)", know+1, know)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	db, err := reopen(t, db)
	if err != nil {
		t.Fatalf("older build refused a schema compatible with it: %v", err)
	}
	if v, err := db.Version(ctx); err != nil || v != know+1 {
		t.Fatalf("version = %d (%v), want the newer %d kept", v, err, know+1)
	}
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.SetSetting("k", "v", time.Now()) }); err != nil {
		t.Fatalf("older build cannot write a compatible newer schema: %v", err)
	}
	// The next newer migration is not usable by this build.
	if err := db.Update(ctx, func(tx *store.Tx) error {
		_, err := store.ExecForTest(tx, "INSERT INTO schema_version(version, name, compat) VALUES (?, 'breaking.sql', ?)", know+2, know+2)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	_, err = reopen(t, db)
	var newer store.NewerSchemaError
	if !errors.As(err, &newer) || newer.Have != know+2 || newer.Compat != know+2 {
		t.Fatalf("err = %v, want NewerSchemaError{Have: %d, Compat: %d}", err, know+2, know+2)
	}
}

// TestSchemasMatchAcrossBackends: the two dialects' migrations end with the
// same tables and columns (PostgreSQL's explicit rowid columns stand for
// SQLite's implicit ones).
func TestSchemasMatchAcrossBackends(t *testing.T) {
	pg := storetest.Open(t)
	lite, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "pasar.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	columns := func(db *store.DB, query string) map[string]bool {
		cols := map[string]bool{}
		if err := db.View(context.Background(), func(tx *store.Tx) error {
			rows, err := store.QueryForTest(tx, query)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var table, col string
				if err := rows.Scan(&table, &col); err != nil {
					return err
				}
				if col != "rowid" {
					cols[table+"."+col] = true
				}
			}
			return rows.Err()
		}); err != nil {
			t.Fatal(err)
		}
		return cols
	}
	want := columns(lite, `SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'`)
	got := columns(pg, `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`)
	for c := range want {
		if !got[c] {
			t.Errorf("PostgreSQL lacks %s", c)
		}
	}
	for c := range got {
		if !want[c] {
			t.Errorf("SQLite lacks %s", c)
		}
	}
	if len(want) < 50 {
		t.Fatalf("only %d SQLite columns read: the query is wrong", len(want))
	}
}
