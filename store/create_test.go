package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"pasarbot/store"
)

// A new database appears whole: what a killed creation left beside it is
// cleared, the file is never empty, and nothing is left over.
func TestCreateIsOneStep(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pasar.db")
	// A creation killed before its first write left an empty file beside the path.
	if err := os.WriteFile(path+".creating", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	coreUpdate(t, db, func(tx *store.Tx) error { return tx.SetSetting("a", "1", time.Now()) })
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("database after creation: %v, %v", fi, err)
	}
	for _, left := range []string{".creating", ".creating-wal", ".creating-shm"} {
		if _, err := os.Stat(path + left); err == nil {
			t.Errorf("%s left behind", left)
		}
	}
	db, err = store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	coreView(t, db, func(tx *store.Tx) error {
		v, err := tx.Setting("a")
		if err == nil && v != "1" {
			t.Errorf("setting after reopening: %q", v)
		}
		return err
	})
}
