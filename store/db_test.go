package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"pasarbot/store"
	"pasarbot/store/storetest"
)

// MustOpen opens a fresh database and closes it at the end: a SQLite file
// in a temp dir, or a fresh PostgreSQL schema for the tests that
// TestOnPostgres runs (conformance_test.go).
func MustOpen(tb testing.TB) *store.DB {
	tb.Helper()
	if onPostgres(tb) {
		return storetest.Open(tb)
	}
	db, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "pasar.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestMigrate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pasar.db")
	t.Run("OK", func(t *testing.T) {
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := db.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := v, store.SchemaVersion(); got != want {
			t.Fatalf("version = %d, want %d", got, want)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("Twice", func(t *testing.T) {
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		if err := db.View(ctx, func(tx *store.Tx) error {
			return store.QueryRowForTest(tx, "SELECT COUNT(*) FROM schema_version").Scan(&n)
		}); err != nil {
			t.Fatal(err)
		}
		if got, want := n, store.SchemaVersion(); got != want {
			t.Fatalf("schema_version rows = %d, want %d", got, want)
		}
		if s, err := db.IntegrityCheck(ctx); err != nil || s != "ok" {
			t.Fatalf("integrity = %q, %v", s, err)
		}
	})
	t.Run("NewerSchemaError", func(t *testing.T) {
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(ctx, func(tx *store.Tx) error {
			_, err := store.ExecForTest(tx, "INSERT INTO schema_version(version, name) VALUES (999, 'future.sql')")
			return err
		}); err != nil {
			t.Fatal(err)
		}
		db.Close()
		_, err = store.Open(ctx, path)
		var newer store.NewerSchemaError
		if !errors.As(err, &newer) || newer.Have != 999 {
			t.Fatalf("err = %v, want NewerSchemaError{999}", err)
		}
	})
}
