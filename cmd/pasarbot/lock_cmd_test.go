package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasarbot/store"
)

// While one process holds the database, writing commands stop at once
// naming it, and read-only commands work.
func TestCommandsWhileDatabaseHeld(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pasar.db")
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		e := env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
		return Main(ctx, e, args), out.String(), errb.String()
	}
	held, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	code, _, errs := run("migrate", "--db", path)
	if code == 0 || !strings.Contains(errs, fmt.Sprintf("pid %d", os.Getpid())) {
		t.Errorf("migrate while held: exit %d, %q", code, errs)
	}
	for _, args := range [][]string{{"orders", "--db", path}, {"laporan", "harga", "--db", path, "--date", "2026-11-25"}, {"catalog", "export", "--db", path}} {
		if code, _, errs := run(args...); code != 0 {
			t.Errorf("%s while held: exit %d, %s", args[0], code, errs)
		}
	}
}

func TestMigrateOnEmptyFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pasar.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	e := env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	if code := Main(ctx, e, []string{"orders", "--db", path}); code == 0 || !strings.Contains(errb.String(), "0 bytes") {
		t.Errorf("orders on a 0-byte file: exit %d, %q", code, errb.String())
	}
	errb.Reset()
	if code := Main(ctx, e, []string{"migrate", "--db", path}); code != 0 {
		t.Fatalf("migrate: exit %d, %s", code, errb.String())
	}
}
