package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// createIfMissing makes a new database at path in one step: it is built
// and migrated beside it, then renamed into place. A process killed while
// creating a market's database leaves no half-made file at path — not
// even the empty file SQLite creates before its first write, which Open
// refuses (EmptyFileError) — so the next start simply creates it again.
// The caller holds the lock beside path.
func createIfMissing(ctx context.Context, path string) error {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil // there, or unreadable: Open reports it
	}
	tmp := path + ".creating"
	removeDatabaseFiles(tmp) // left by a creation that was killed
	db, err := openLocked(ctx, tmp, true)
	if err != nil {
		removeDatabaseFiles(tmp)
		return err
	}
	// Everything into the main file, so the rename moves the whole database.
	if _, err := db.writeConn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		db.Close()
		removeDatabaseFiles(tmp)
		return fmt.Errorf("store: create %s: %w", path, err)
	}
	if err := db.Close(); err != nil {
		removeDatabaseFiles(tmp)
		return fmt.Errorf("store: create %s: %w", path, err)
	}
	if fi, err := os.Stat(tmp + "-wal"); err == nil && fi.Size() > 0 {
		removeDatabaseFiles(tmp)
		return fmt.Errorf("store: create %s: the new database's log was not emptied", path)
	}
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	if err := os.Rename(tmp, path); err != nil {
		removeDatabaseFiles(tmp)
		return fmt.Errorf("store: create %s: %w", path, err)
	}
	return nil
}

// removeDatabaseFiles removes a database file and its WAL and shared-memory files.
func removeDatabaseFiles(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}
