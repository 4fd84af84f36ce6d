package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/sim/simtest"
)

// useEcho makes the simulator commands run on the toy market for one test.
func useEcho(t *testing.T) *time.Time {
	t.Helper()
	var started time.Time
	old := newSimMarket
	newSimMarket = func(ctx context.Context, cfg *config.Config, dbPath string, out bot.Messenger, start time.Time, log zerolog.Logger) (simMarket, error) {
		started = start
		return simtest.NewEcho(start, out), nil
	}
	t.Cleanup(func() { newSimMarket = old })
	return &started
}

func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}, args)
	return code, out.String(), errb.String()
}

func writeScript(t *testing.T, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "script.txt")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReplay(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		started := useEcho(t)
		p := writeScript(t, "@clock 2026-11-25 06:30\n0812-3456-7001: cabe 1/4\n@expect 6281234567001 ~ F001\n")
		code, out, errs := runMain(t, "replay", p)
		if code != 0 {
			t.Fatalf("exit %d, stderr: %s", code, errs)
		}
		if !strings.Contains(out, "[06:30] 6281234567001 > cabe 1/4\n[06:30] → 6281234567001: Siap kak, pesanan F001: cabe 1/4\n") {
			t.Errorf("transcript:\n%s", out)
		}
		loc, _ := time.LoadLocation("Asia/Jakarta")
		if want := time.Date(2026, 11, 25, 6, 30, 0, 0, loc); !started.Equal(want) {
			t.Errorf("market started at %v, want the script's first @clock %v", *started, want)
		}
	})

	t.Run("ErrExpectation", func(t *testing.T) {
		useEcho(t)
		p := writeScript(t, "6281234567001: halo\n@expect 6281234567001 ~ Rp\n@expect 6281234567001 ~ Siap\n@expect sayur ~ Rp\n")
		code, out, errs := runMain(t, "replay", p)
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		want := p + `:2: expected last message to 6281234567001 to contain "Rp", got: "Siap kak, pesanan F001: halo"`
		if !strings.Contains(errs, want) || !strings.Contains(errs, p+":4: ") || !strings.Contains(errs, "2 of 3 expectations failed") {
			t.Errorf("stderr:\n%s\nwant it to contain:\n%s", errs, want)
		}
		if !strings.Contains(out, "halo") {
			t.Errorf("no transcript on stdout:\n%s", out)
		}
	})

	t.Run("ErrParse", func(t *testing.T) {
		useEcho(t)
		p := writeScript(t, "# x\n@foo\n")
		code, _, errs := runMain(t, "replay", p)
		if code != 1 || !strings.Contains(errs, p+":2: unknown directive @foo") {
			t.Errorf("exit %d, stderr: %s", code, errs)
		}
	})

	t.Run("ErrUsage", func(t *testing.T) {
		if code, _, _ := runMain(t, "replay"); code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
	})

	t.Run("ErrNoEngine", func(t *testing.T) {
		old := newSimMarket
		t.Cleanup(func() { newSimMarket = old })
		newSimMarket = func(context.Context, *config.Config, string, bot.Messenger, time.Time, zerolog.Logger) (simMarket, error) {
			return nil, exitError{code: 3, msg: "not yet available"}
		}
		code, _, errs := runMain(t, "replay", writeScript(t, "6281234567001: halo\n"))
		if code != 3 || !strings.Contains(errs, "not yet available") {
			t.Errorf("exit %d, stderr: %s", code, errs)
		}
	})
}

func TestDemo(t *testing.T) {
	useEcho(t)
	// The toy market cannot meet the demo's expectations; what matters here
	// is that the demo plays to the end with its narration.
	code, out, _ := runMain(t, "demo")
	if code != 1 {
		t.Errorf("exit %d, want 1 (expectations fail on the toy market)", code)
	}
	for _, want := range []string{"pasarbot demo — satu pagi di Pasar Kahayan", "# 05.50 — pasar belum buka", "--- Rabu, 25 Nov 2026 05:50 ---", "LAPORAN"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
}
