package hours_test

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/rs/zerolog"

	"pasarbot/bot/hours"
)

func TestRunnerFiresAndStops(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	before := runtime.NumGoroutine()
	r := hours.NewRunner(jkt, zerolog.Nop())
	got := make(chan hours.Firing, 4)
	// "@every 1s" fires within a second: the only real-time wait here.
	err := r.Start([]hours.Entry{{Job: hours.JobSweep, Spec: "@every 1s"}, {Job: hours.JobOpen, Spec: "0 6 * * *"}}, func(f hours.Firing) {
		select {
		case got <- f:
		default:
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case f := <-got:
		now := time.Now()
		if f.Job != hours.JobSweep || f.At.After(now) || now.Sub(f.At) > time.Second || f.At.Nanosecond() != 0 {
			t.Errorf("firing = %+v at %v", f, now)
		}
		if want := "sweep:" + f.At.In(jkt).Format("2006-01-02T15:04"); f.Key != want {
			t.Errorf("key = %q, want %q", f.Key, want)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no firing within 2s")
	}
	if err := r.Start(nil, func(hours.Firing) {}); err == nil {
		t.Error("second Start accepted")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := r.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if err := r.Stop(ctx); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	// cron's goroutines end shortly after Stop's context is done.
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("goroutines: %d before, %d after Stop", before, n)
	}
}

func TestRunnerStopWaitsForJob(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	r := hours.NewRunner(jkt, zerolog.Nop())
	started, release := make(chan struct{}), make(chan struct{})
	var once atomic.Bool
	if err := r.Start([]hours.Entry{{Job: hours.JobSweep, Spec: "@every 1s"}}, func(hours.Firing) {
		if once.CompareAndSwap(false, true) {
			close(started)
			<-release
		}
	}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(2 * time.Second):
		t.Fatal("no firing within 2s")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := r.Stop(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Stop with a job running = %v, want deadline exceeded", err)
	}
	close(release)
}

func TestRunnerRejectsBadSpecs(t *testing.T) {
	r := hours.NewRunner(time.UTC, zerolog.Nop())
	if err := r.Start([]hours.Entry{{Job: hours.JobOpen, Spec: "0 25 * * *"}}, func(hours.Firing) {}); err == nil {
		t.Error("bad spec accepted")
	}
	if err := r.Start(nil, nil); err == nil {
		t.Error("nil fire accepted")
	}
	if err := r.Update(nil); err == nil {
		t.Error("Update before Start accepted")
	}
	if err := r.Start([]hours.Entry{{Job: hours.JobOpen, Spec: "0 6 * * *"}}, func(hours.Firing) {}); err != nil {
		t.Fatal(err)
	}
	if err := r.Update([]hours.Entry{{Job: hours.JobOpen, Spec: "nonsense"}}); err == nil {
		t.Error("Update with a bad spec accepted")
	}
	es := []hours.Entry{{Job: hours.JobOpen, Spec: "0 7 * * *"}, {Job: hours.JobClose, Spec: "0 12 * * *"}}
	if err := r.Update(es); err != nil {
		t.Error(err)
	}
	if err := r.Update(es); err != nil {
		t.Error(err)
	}
	if err := r.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := r.Update(es); err != nil {
		t.Errorf("Update after Stop = %v, want a no-op", err)
	}
}

// A panicking job is recovered and the entry keeps firing: with robfig's
// SkipIfStillRunning outside Recover a panic would keep its token forever.
func TestJobChainSurvivesPanic(t *testing.T) {
	var buf bytes.Buffer
	logger := cron.VerbosePrintfLogger(&printer{&buf})
	runs := 0
	job := cron.NewChain(hours.JobChain(logger)...).Then(cron.FuncJob(func() {
		runs++
		if runs == 1 {
			panic("boom")
		}
	}))
	job.Run()
	job.Run()
	if runs != 2 {
		t.Errorf("runs = %d, want 2 (second run skipped after a panic)", runs)
	}
	if !strings.Contains(buf.String(), "boom") {
		t.Errorf("panic not logged: %q", buf.String())
	}
}

// The reason for the order: the other way round, the first panic keeps
// SkipIfStillRunning's token and every later run is skipped.
func TestRecoverOutsideSkipLosesEntry(t *testing.T) {
	logger := cron.DiscardLogger
	runs := 0
	job := cron.NewChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)).Then(cron.FuncJob(func() {
		runs++
		panic("boom")
	}))
	job.Run()
	job.Run()
	if runs != 1 {
		t.Errorf("runs = %d; robfig's chain changed, revisit jobChain", runs)
	}
}

type printer struct{ b *bytes.Buffer }

func (p *printer) Printf(format string, args ...any) {
	p.b.WriteString(strings.TrimSpace(strings.ReplaceAll(format, "%", "")))
	for _, a := range args {
		if s, ok := a.(string); ok {
			p.b.WriteString(" " + s)
		}
		if e, ok := a.(error); ok {
			p.b.WriteString(" " + e.Error())
		}
	}
}

func TestLastActivation(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	daily, _ := cron.ParseStandard("0 6 * * *")
	minute, _ := cron.ParseStandard("* * * * *")
	for _, tc := range []struct {
		sched cron.Schedule
		now   time.Time
		want  string
	}{
		{daily, at(t, jkt, "2026-11-25 06:00").Add(200 * time.Millisecond), "2026-11-25 06:00"},
		{daily, at(t, jkt, "2026-11-25 08:30"), "2026-11-25 06:00"}, // woke up late
		{daily, at(t, jkt, "2026-11-25 05:00"), "2026-11-24 06:00"},
		{minute, at(t, jkt, "2026-11-25 06:31").Add(500 * time.Millisecond), "2026-11-25 06:31"},
	} {
		if got := fmtT(jkt, hours.LastActivation(tc.sched, tc.now)); got != tc.want {
			t.Errorf("LastActivation(%v) = %s, want %s", tc.now, got, tc.want)
		}
	}
}

func TestCronLogger(t *testing.T) {
	var buf bytes.Buffer
	l := hours.NewCronLogger(zerolog.New(&buf).Level(zerolog.InfoLevel))
	l.Info("wake", "now", time.Date(2026, 11, 25, 6, 0, 0, 0, time.UTC))
	l.Info("skip")
	l.Error(errors.New("boom"), "panic", "stack", "...")
	out := buf.String()
	if strings.Contains(out, "wake") {
		t.Errorf("chatter logged at info: %s", out)
	}
	if !strings.Contains(out, `"level":"warn"`) || !strings.Contains(out, `"level":"error","error":"boom"`) {
		t.Errorf("log = %s", out)
	}
}
