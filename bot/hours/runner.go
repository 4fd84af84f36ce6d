package hours

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/rs/zerolog"
)

// Runner fires the entries with robfig/cron in production. It does no
// scheduling of its own: the same entries and keys drive Due in the
// simulator.
type Runner struct {
	loc *time.Location
	log zerolog.Logger

	mu      sync.Mutex
	c       *cron.Cron
	fire    func(Firing)
	ids     []cron.EntryID
	entries []Entry // as scheduled, to make an unchanged Update free
	stopped bool
}

// NewRunner prepares a runner in the market's time zone.
func NewRunner(loc *time.Location, log zerolog.Logger) *Runner {
	return &Runner{loc: loc, log: log}
}

// Start schedules the entries and starts cron. fire runs on cron's
// goroutine for each firing, one at a time per entry (a run still going
// when the next is due is skipped and logged), and a panic in it is logged,
// not fatal. fire should check Effective and the done key, like Missed's
// callers do.
func (r *Runner) Start(entries []Entry, fire func(Firing)) error {
	if fire == nil {
		return errors.New("hours: Start without a fire func")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.c != nil {
		return errors.New("hours: runner already started")
	}
	l := cronLogger{r.log}
	// SkipIfStillRunning outermost: it hands its token back only when the
	// job returns, so a panic must be recovered inside it, or that entry
	// would be skipped forever after its first panic.
	r.c = cron.New(cron.WithLocation(r.loc), cron.WithLogger(l), cron.WithChain(jobChain(l)...))
	r.fire, r.stopped = fire, false
	if err := r.replace(entries); err != nil {
		r.c = nil
		return err
	}
	r.c.Start()
	return nil
}

// jobChain wraps every job: skip overlapping runs, recover panics.
func jobChain(l cron.Logger) []cron.JobWrapper {
	return []cron.JobWrapper{cron.SkipIfStillRunning(l), cron.Recover(l)}
}

// Update replaces the entries while running, after the overrides changed.
// The same entries again change nothing (calling it after every firing is
// cheap and keeps each entry's overlap guard); nothing changes either when
// a spec does not parse. After Stop it is a no-op.
func (r *Runner) Update(entries []Entry) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.stopped:
		return nil
	case r.c == nil:
		return errors.New("hours: runner not started")
	case slices.Equal(entries, r.entries):
		return nil
	}
	return r.replace(entries)
}

func (r *Runner) replace(entries []Entry) error {
	scheds := make([]cron.Schedule, len(entries))
	for i, e := range entries {
		s, err := cron.ParseStandard(e.Spec)
		if err != nil {
			return fmt.Errorf("hours: %s %q: %w", e.Job, e.Spec, err)
		}
		scheds[i] = s
	}
	for _, id := range r.ids {
		r.c.Remove(id)
	}
	r.ids = r.ids[:0]
	for i, e := range entries {
		r.ids = append(r.ids, r.c.Schedule(scheds[i], r.job(e.Job, scheds[i])))
	}
	r.entries = slices.Clone(entries)
	return nil
}

// job computes the firing from the scheduled instant, not the wall clock,
// so keys match Due even when cron wakes a little late.
func (r *Runner) job(job Job, sched cron.Schedule) cron.Job {
	return cron.FuncJob(func() {
		at := lastActivation(sched, time.Now().In(r.loc))
		r.fire(Firing{Job: job, At: at, Key: keyFor(job, at, r.loc)})
	})
}

// lastActivation is the latest instant ≤ now the schedule activates: the
// instant cron is firing for. Short look-backs first: a minute covers any
// timely firing; longer ones cover a wake-up after suspend.
func lastActivation(s cron.Schedule, now time.Time) time.Time {
	for _, back := range []time.Duration{time.Minute, time.Hour, 25 * time.Hour, 32 * 24 * time.Hour, 367 * 24 * time.Hour} {
		t := s.Next(now.Add(-back))
		if t.IsZero() || t.After(now) {
			continue
		}
		for {
			n := s.Next(t)
			if n.IsZero() || n.After(now) {
				return t
			}
			t = n
		}
	}
	return now.Truncate(time.Minute)
}

// Stop stops cron and waits, until ctx ends, for running jobs to return.
// Shut down in this order: the runner, then WhatsApp, then the database.
func (r *Runner) Stop(ctx context.Context) error {
	r.mu.Lock()
	c := r.c
	r.c, r.ids, r.entries = nil, nil, nil
	r.stopped = r.stopped || c != nil
	r.mu.Unlock()
	if c == nil {
		return nil
	}
	select {
	case <-c.Stop().Done():
		return nil
	case <-ctx.Done():
		return fmt.Errorf("hours: jobs still running: %w", ctx.Err())
	}
}

// cronLogger puts cron's logs on zerolog: its chatter (wake, run,
// schedule) at debug, a skipped overlapping run as a warning, errors
// (recovered panics) as errors.
type cronLogger struct{ log zerolog.Logger }

func (l cronLogger) Info(msg string, kv ...any) {
	ev := l.log.Debug()
	if msg == "skip" {
		ev = l.log.Warn()
		msg = "skipped: previous run still going"
	}
	ev.Fields(kv).Msg("cron " + msg)
}

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error().Err(err).Fields(kv).Msg("cron " + msg)
}
