package sim_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pasarbot/bot/config"
	"pasarbot/bot/sim"
	"pasarbot/bot/sim/simtest"
)

// realStart is where a market playing s starts: its first dated @clock,
// else now.
func realStart(cfg *config.Config, s *sim.Script) time.Time {
	now := time.Now().In(cfg.Location()).Truncate(time.Minute)
	if w, ok := s.Start(); ok {
		return w.In(cfg.Location(), now)
	}
	return now
}

// TestScriptsParse keeps every script under testdata/scripts parseable and
// playable to the end (on the toy market, whose answers differ, so
// expectations are not checked here; TestScripts checks them on the real one).
func TestScriptsParse(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "scripts", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			s, err := sim.Parse(filepath.Base(p), strings.NewReader(string(b)))
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := s.Start(); !ok {
				t.Error("script does not start with a dated @clock, so its times depend on the day it runs")
			}
			rec := sim.NewRecorder()
			m := simtest.NewEcho(realStart(config.Default(), s), rec)
			rec.SetClock(m.Now)
			if _, err := (&sim.Player{Market: m, Recorder: rec}).Play(context.Background(), s); err != nil {
				t.Fatal(err)
			}
		})
	}
}
