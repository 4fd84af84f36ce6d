package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasarbot/store"
)

// backup works while the database is held (as by `run`); restore refuses
// then, and replaces the file once it is free.
func TestBackupAndRestoreCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "pasar.db")
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		e := env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
		return Main(ctx, e, args), out.String(), errb.String()
	}
	held, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := run("backup", "--db", path, "--to", filepath.Join(dir, "usb"))
	if code != 0 {
		t.Fatalf("backup while held: exit %d, %s", code, errs)
	}
	backup := strings.TrimSpace(strings.Split(out, "\n")[0])
	if !strings.HasPrefix(filepath.Base(backup), "market-") {
		t.Fatalf("backup printed %q, want the market-… file", out)
	}
	if _, err := store.CheckBackup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	code, _, errs = run("restore", "--db", path, backup)
	if code == 0 || !strings.Contains(errs, "in use") {
		t.Errorf("restore while held: exit %d, %q", code, errs)
	}
	held.Close()
	code, out, errs = run("restore", "--db", path, backup)
	if code != 0 {
		t.Fatalf("restore: exit %d, %s", code, errs)
	}
	if !strings.Contains(out, "before-restore") {
		t.Errorf("restore did not say where the replaced file is: %q", out)
	}
	if code, _, errs := run("orders", "--db", path); code != 0 {
		t.Errorf("orders on the restored database: exit %d, %s", code, errs)
	}
	os.WriteFile(filepath.Join(dir, "junk.db"), []byte("junk junk junk junk junk junk"), 0o600)
	if code, _, _ := run("restore", "--db", path, filepath.Join(dir, "junk.db")); code == 0 {
		t.Error("restore accepted a junk file")
	}
}
