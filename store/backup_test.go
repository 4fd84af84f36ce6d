package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"pasarbot/store"
)

func TestCheckBackup(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		dest := filepath.Join(t.TempDir(), "b.db")
		if err := store.BackupFile(ctx, db.Path, dest); err != nil {
			t.Fatal(err)
		}
		c, err := store.CheckBackup(ctx, dest)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := c.Schema, store.SchemaVersion(); got != want {
			t.Errorf("schema = %d, want %d", got, want)
		}
		if _, err := store.CheckDeviceBackup(ctx, dest); err == nil {
			t.Error("a market database passed as a device store")
		}
		if err := store.BackupFile(ctx, db.Path, dest); err == nil {
			t.Error("a backup overwrote an existing file")
		}
	})
	t.Run("NewerSchemaError", func(t *testing.T) {
		db := MustOpen(t)
		if err := db.Update(ctx, func(tx *store.Tx) error {
			_, err := store.ExecForTest(tx, "INSERT INTO schema_version(version, name) VALUES (?, 'future.sql')", store.SchemaVersion()+1)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		dest := filepath.Join(dir, "b.db")
		if err := store.BackupFile(ctx, db.Path, dest); err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(dir, "target.db")
		_, err := store.Restore(ctx, dest, target, target, store.CheckBackup, time.Now())
		var newer store.NewerSchemaError
		if !errors.As(err, &newer) {
			t.Fatalf("err = %v, want NewerSchemaError", err)
		}
		if _, err := os.Stat(target); err == nil {
			t.Fatal("a refused restore wrote the target")
		}
	})
	t.Run("ErrNotPasarbot", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "notes.txt")
		os.WriteFile(p, []byte("not a database at all, just some words in a file"), 0o600)
		if _, err := store.CheckBackup(ctx, p); err == nil {
			t.Fatal("a text file passed as a backup")
		}
		empty := filepath.Join(dir, "empty.db")
		os.WriteFile(empty, nil, 0o600)
		var e *store.EmptyFileError
		if _, err := store.CheckBackup(ctx, empty); !errors.As(err, &e) {
			t.Fatalf("empty file: err = %v, want EmptyFileError", err)
		}
	})
}
