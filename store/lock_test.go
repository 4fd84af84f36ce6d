package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasarbot/store"
)

func TestOneWriterPerDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pasar.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ErrLockedNamesHolder", func(t *testing.T) {
		second, err := store.Open(ctx, path)
		var locked *store.LockedError
		if !errors.As(err, &locked) {
			if second != nil {
				second.Close()
			}
			t.Fatalf("second writer opened: %v", err)
		}
		if locked.PID != os.Getpid() || !strings.Contains(err.Error(), "pid") {
			t.Errorf("lock error = %v (pid %d)", err, locked.PID)
		}
	})
	t.Run("ReadOnlyWhileLocked", func(t *testing.T) {
		ro, err := store.OpenReadOnly(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		if err := ro.View(ctx, func(tx *store.Tx) error { _, err := tx.Products(); return err }); err != nil {
			t.Errorf("read: %v", err)
		}
		if err := ro.Update(ctx, func(tx *store.Tx) error { return nil }); err == nil {
			t.Error("a read-only database accepted a write")
		}
	})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	t.Run("ReopenAfterClose", func(t *testing.T) {
		again, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		again.Close()
	})
}

func TestEmptyDatabaseFileRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pasar.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var empty *store.EmptyFileError
	if db, err := store.Open(ctx, path); !errors.As(err, &empty) {
		if db != nil {
			db.Close()
		}
		t.Fatalf("0-byte file opened: %v", err)
	}
	if db, err := store.OpenReadOnly(ctx, path); !errors.As(err, &empty) {
		if db != nil {
			db.Close()
		}
		t.Fatalf("0-byte file opened read-only: %v", err)
	}
	db, err := store.OpenForMigrate(ctx, path)
	if err != nil {
		t.Fatalf("migrate refused: %v", err)
	}
	db.Close()
	if db, err = store.Open(ctx, path); err != nil {
		t.Fatalf("after migrate: %v", err)
	}
	db.Close()
}

// A new database appears only complete: a leftover half-made side file
// from a crash during creation is replaced, and the market file is never
// empty.
func TestCreateIsAtomic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pasar.db")
	if err := os.WriteFile(path+".creating", []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("database file after create: %v, %v", fi, err)
	}
	if _, err := os.Stat(path + ".creating"); !os.IsNotExist(err) {
		t.Fatalf("side file left: %v", err)
	}
}
