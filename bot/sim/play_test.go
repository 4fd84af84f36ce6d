package sim_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"pasarbot/bot/sim"
	"pasarbot/bot/sim/simtest"
)

// play parses src and plays it on a fresh Echo market starting at the
// script's first @clock, returning the result and the transcript.
func play(t *testing.T, src string) (sim.Result, string, error) {
	t.Helper()
	s, err := sim.Parse("s.txt", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	rec := sim.NewRecorder()
	m := simtest.NewEcho(time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC), rec)
	if w, ok := s.Start(); ok {
		m = simtest.NewEcho(w.In(m.Location(), m.Now()), rec)
	}
	rec.SetClock(m.Now)
	var out bytes.Buffer
	p := &sim.Player{Market: m, Recorder: rec, Transcript: sim.NewTranscript(&out, m.Location()), Narrate: true}
	res, err := p.Play(context.Background(), s)
	return res, out.String(), err
}

func TestPlay(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		res, out, err := play(t, `# Pagi di pasar
@clock 2026-11-25 05:55
@advance 10m
@expect sayur = Pasar buka
6281234567001: cabe rawit 1/4
  sama ayam 1 ekor
@expect 6281234567001 ~ $LAST
@expect sayur ~ Pesanan baru $LAST
sayur/0822-0000-0001: OK $LAST
@expect sayur = $LAST dikonfirmasi
@expect 6281234567001 ~ dikonfirmasi
@expect-not 6281234567001 ~ batal
`)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Failures) != 0 {
			t.Fatalf("failures: %v", res.Failures)
		}
		if got, want := res.Expectations, 6; got != want {
			t.Errorf("expectations = %d, want %d", got, want)
		}
		want := `
# Pagi di pasar
--- Rabu, 25 Nov 2026 05:55 ---
--- 06:05 (+10m) ---
[06:00] → sayur: Pasar buka
[06:05] 6281234567001 > cabe rawit 1/4
                        sama ayam 1 ekor
[06:05] → 6281234567001: Siap kak, pesanan F001: cabe rawit 1/4
                         sama ayam 1 ekor
[06:05] → sayur: Pesanan baru F001
                 cabe rawit 1/4
                 sama ayam 1 ekor
[06:05] sayur/6282200000001 > OK F001
[06:05] → sayur: F001 dikonfirmasi
[06:05] → 6281234567001: Pesanan F001 dikonfirmasi penjual
`
		if out != want {
			t.Errorf("transcript:\n%s\nwant:\n%s", out, want)
		}
	})

	t.Run("FailuresContinue", func(t *testing.T) {
		res, out, err := play(t, `@clock 2026-11-25 06:30
@expect 6281234567001 ~ Rp
6281234567001: halo
@expect 6281234567001 ~ Rp
@expect 6281234567001 = Siap
@expect-not sayur ~ Pesanan
sayur/6282200000001: OK $LAST
@expect 6281234567001 ~ dikonfirmasi
`)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			`s.txt:2: expected last message to 6281234567001 to contain "Rp", got: nothing (no message to 6281234567001 yet)`,
			`s.txt:4: expected last message to 6281234567001 to contain "Rp", got: "Siap kak, pesanan F001: halo"`,
			`s.txt:5: expected last message to 6281234567001 to be "Siap", got: "Siap kak, pesanan F001: halo"`,
			"s.txt:6: expected last message to sayur to not contain \"Pesanan\", got: \n    Pesanan baru F001\n    halo",
		}
		var got []string
		for _, f := range res.Failures {
			got = append(got, f.String())
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("failures:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if !strings.Contains(out, "OK F001") {
			t.Errorf("the run stopped at a failure:\n%s", out)
		}
	})

	t.Run("ErrLastBeforeOrder", func(t *testing.T) {
		res, out, err := play(t, "sayur/6282200000001: OK $LAST\n@expect sayur ~ $LAST\n")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Failures) != 2 || !strings.Contains(res.Failures[0].Msg, "$LAST used before any order") {
			t.Errorf("failures = %v", res.Failures)
		}
		if strings.Contains(out, "OK") {
			t.Errorf("a message with an unresolved $LAST was sent:\n%s", out)
		}
	})

	t.Run("ErrClockBack", func(t *testing.T) {
		_, _, err := play(t, "@clock 2026-11-25 06:30\n@clock 06:00\n")
		if err == nil || !strings.HasPrefix(err.Error(), "s.txt:2: @clock 2026-11-25 06:00 is before the market clock 2026-11-25 06:30") {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("ErrDeliver", func(t *testing.T) {
		s, _ := sim.Parse("s.txt", strings.NewReader("6281234567001: rusak\n6281234567001: halo\n"))
		rec := sim.NewRecorder()
		m := simtest.NewEcho(time.Now(), rec)
		m.FailDeliver = "rusak"
		_, err := (&sim.Player{Market: m, Recorder: rec}).Play(context.Background(), s)
		if err == nil || !strings.HasPrefix(err.Error(), "s.txt:1: echo: asked to fail") {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("DeterministicIDs", func(t *testing.T) {
		ids := func() []string {
			s, _ := sim.Parse("s.txt", strings.NewReader("6281234567001: a\n\n6281234567001: b\n"))
			rec := sim.NewRecorder()
			m := simtest.NewEcho(time.Now(), rec)
			if _, err := (&sim.Player{Market: m, Recorder: rec}).Play(context.Background(), s); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range rec.Since(0) {
				if e.Kind == sim.EntryIn {
					ids = append(ids, e.ID)
				}
			}
			return ids
		}
		a, b := ids(), ids()
		if strings.Join(a, ",") != "SIM-1-1,SIM-3-2" || strings.Join(a, ",") != strings.Join(b, ",") {
			t.Errorf("ids %v then %v", a, b)
		}
	})
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Minute: "45m", 90 * time.Minute: "1h30m", 2 * time.Hour: "2h", 90 * time.Second: "1m30s",
	} {
		if got := sim.FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
