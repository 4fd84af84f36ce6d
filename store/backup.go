package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"
)

// BackupFile writes a consistent copy of the SQLite database at src to dest
// with VACUUM INTO, on a read-only connection of its own: it works while
// another connection or process (`pasarbot run`) writes, and sees one
// committed snapshot. Copying the file instead would miss what is still in
// the WAL and could tear a page. dest must not exist; the copy is written
// to dest+".partial" and renamed, so a dest file is always a whole backup.
// Works for the market database and for whatsmeow's device store alike.
func BackupFile(ctx context.Context, src, dest string) error {
	if _, err := os.Stat(src); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("store: backup: %s exists already", dest)
	}
	partial := dest + ".partial"
	os.Remove(partial) // left by a crash during an earlier backup
	conn, err := sql.Open("sqlite3", dsn(src, true))
	if err != nil {
		return fmt.Errorf("store: backup %s: %w", src, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", partial); err != nil {
		os.Remove(partial)
		return fmt.Errorf("store: backup %s: %w", src, err)
	}
	if err := syncFile(partial); err != nil {
		os.Remove(partial)
		return fmt.Errorf("store: backup: %w", err)
	}
	if err := os.Rename(partial, dest); err != nil {
		os.Remove(partial)
		return fmt.Errorf("store: backup: %w", err)
	}
	return syncDir(filepath.Dir(dest))
}

// BackupCheck is what CheckBackup found in a backup file.
type BackupCheck struct {
	Integrity string // PRAGMA integrity_check's verdict: "ok" when sound
	Schema    int    // pasarbot schema version; 0 for a device store
}

// openBackup opens a backup file read-only and immutable: nothing writes a
// backup, so SQLite need not create -wal or -shm files beside it.
func openBackup(path string) (*sql.DB, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if fi.Size() == 0 {
		return nil, &EmptyFileError{Path: path}
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("immutable", "1")
	return sql.Open("sqlite3", "file:"+path+"?"+q.Encode())
}

// CheckBackup verifies a market database backup: integrity_check passes
// and its schema is one this pasarbot can run (equal, or older and
// upgraded by the next `run`). It changes nothing.
func CheckBackup(ctx context.Context, path string) (BackupCheck, error) {
	conn, c, err := openSound(ctx, path)
	if err != nil {
		return c, err
	}
	defer conn.Close()
	if err := conn.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_version").Scan(&c.Schema); err != nil {
		return c, fmt.Errorf("store: %s is not a pasarbot database: %w", path, err)
	}
	if know := SchemaVersion(); c.Schema > know {
		return c, NewerSchemaError{Have: c.Schema, Know: know}
	}
	if c.Schema < 1 {
		return c, fmt.Errorf("store: %s has no pasarbot schema", path)
	}
	return c, nil
}

// CheckDeviceBackup verifies a WhatsApp device store backup: integrity_check
// passes and it holds whatsmeow's device table.
func CheckDeviceBackup(ctx context.Context, path string) (BackupCheck, error) {
	conn, c, err := openSound(ctx, path)
	if err != nil {
		return c, err
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'whatsmeow_device'").Scan(&n); err != nil || n == 0 {
		return c, fmt.Errorf("store: %s is not a WhatsApp device store (no whatsmeow_device table)", path)
	}
	return c, nil
}

// openSound opens a backup file and runs integrity_check on it; the
// connection is open only when the check passed.
func openSound(ctx context.Context, path string) (*sql.DB, BackupCheck, error) {
	var c BackupCheck
	conn, err := openBackup(path)
	if err != nil {
		return nil, c, err
	}
	if c.Integrity, err = integrity(ctx, conn); err != nil {
		conn.Close()
		return nil, c, fmt.Errorf("store: %s is not a readable SQLite database: %w", path, err)
	}
	if c.Integrity != "ok" {
		conn.Close()
		return nil, c, fmt.Errorf("store: %s fails integrity_check: %s", path, c.Integrity)
	}
	return conn, c, nil
}

// integrity runs PRAGMA integrity_check and joins its rows ("ok" alone
// when sound).
func integrity(ctx context.Context, conn *sql.DB) (string, error) {
	rows, err := conn.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var out string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		if out != "" {
			out += "; "
		}
		out += s
	}
	return out, rows.Err()
}

// Restore replaces the file at target with the backup at from, after the
// check (CheckBackup or CheckDeviceBackup) passed. It holds the market
// database's lock (lockOf, LockPath of the market database) for the whole
// replacement, so it refuses with LockedError while `pasarbot run` serves.
// The file it replaces is kept as target+".before-restore-<time>" (with its
// -wal, which may hold its last commits); the returned path names it, ""
// when there was nothing to replace.
func Restore(ctx context.Context, from, target, lockOf string, check func(context.Context, string) (BackupCheck, error), now time.Time) (kept string, err error) {
	lock, err := lockFile(LockPath(lockOf))
	if err != nil {
		return "", err
	}
	if lock != nil {
		defer lock.Close()
	}
	if _, err := check(ctx, from); err != nil {
		return "", err
	}
	abs1, _ := filepath.Abs(from)
	abs2, _ := filepath.Abs(target)
	if abs1 == abs2 {
		return "", errors.New("store: restore: the backup is the file it would replace")
	}
	tmp := target + ".restoring"
	if err := copyFile(from, tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("store: restore: %w", err)
	}
	if err := setWAL(ctx, tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("store: restore: %w", err)
	}
	if _, err := os.Stat(target); err == nil {
		kept = target + ".before-restore-" + now.UTC().Format("20060102T150405Z")
		if err := os.Rename(target, kept); err != nil {
			os.Remove(tmp)
			return "", fmt.Errorf("store: restore: keeping the old file: %w", err)
		}
		if _, err := os.Stat(target + "-wal"); err == nil {
			if err := os.Rename(target+"-wal", kept+"-wal"); err != nil {
				return kept, fmt.Errorf("store: restore: moving the old WAL aside: %w", err)
			}
		}
	}
	// A stale -shm describes the old WAL; SQLite rebuilds it.
	os.Remove(target + "-shm")
	if err := os.Rename(tmp, target); err != nil {
		return kept, fmt.Errorf("store: restore: %w", err)
	}
	return kept, syncDir(filepath.Dir(target))
}

// setWAL switches a restored copy back to WAL: VACUUM INTO writes a
// rollback-journal file, and read-only openers (orders, laporan) ask for
// WAL, which a read-only connection cannot switch to.
func setWAL(ctx context.Context, path string) error {
	conn, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		return err
	}
	defer conn.Close()
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return err
	}
	if mode != "wal" {
		return fmt.Errorf("journal mode is %s, not wal", mode)
	}
	return nil
}

// copyFile copies src to a new file dest (0600: market data and device
// keys are private) and syncs it.
func copyFile(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := os.Chmod(path, 0o600); err != nil {
		return err
	}
	return f.Sync()
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	d.Sync() // not supported everywhere; the rename is done either way
	return nil
}
