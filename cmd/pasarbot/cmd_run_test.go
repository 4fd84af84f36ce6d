package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasarbot/bot/config"
)

func waTestEnv() (env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}, &out, &errb
}

func TestRun_PairPhoneValidated(t *testing.T) {
	e, _, stderr := waTestEnv()
	dir := t.TempDir()
	code := Main(context.Background(), e, []string{"run", "--db", filepath.Join(dir, "m.db"), "--pair-phone", "0812-ABC"})
	if code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), "not a phone number") {
		t.Errorf("stderr %q", stderr.String())
	}
	// Refused before anything was opened.
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files created: %v", entries)
	}
}

func TestRun_ExtraArguments(t *testing.T) {
	e, _, _ := waTestEnv()
	if code := Main(context.Background(), e, []string{"run", "extra"}); code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
}

func TestDevicePath(t *testing.T) {
	for _, tt := range []struct {
		flag, store, db, want string
	}{
		{"", "pasarbot-device.db", "data/pasarbot.db", filepath.Join("data", "pasarbot-device.db")},
		{"", "pasarbot-device.db", "pasarbot.db", "pasarbot-device.db"},
		{"", "keys/device.db", "data/pasarbot.db", "keys/device.db"},
		{"", "/var/lib/pasarbot/device.db", "data/pasarbot.db", "/var/lib/pasarbot/device.db"},
		{"my.db", "pasarbot-device.db", "data/pasarbot.db", "my.db"},
	} {
		cfg := config.Default()
		cfg.WhatsApp.DeviceStore, cfg.Database.Path = tt.store, tt.db
		flag := tt.flag
		if got := (deviceFlags{device: &flag}).path(cfg); got != tt.want {
			t.Errorf("device path (flag %q, store %q, db %q) = %q, want %q", tt.flag, tt.store, tt.db, got, tt.want)
		}
	}
}

func TestLogout_NothingLinked(t *testing.T) {
	e, stdout, stderr := waTestEnv()
	device := filepath.Join(t.TempDir(), "device.db")
	if code := Main(context.Background(), e, []string{"logout", "--device", device}); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "no linked device") {
		t.Errorf("stdout %q", stdout.String())
	}
}
