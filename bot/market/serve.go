package market

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"

	"pasarbot/bot/hours"
	"pasarbot/store"
)

// Serve runs the market until ctx ends: missed jobs and overdue deadlines
// first, then the inbox worker, the outbox sender and the cron schedules.
// It returns after every goroutine it started has stopped. A panic in the
// inbox worker or the sender (a messenger gone wrong) stops this market
// only: Serve returns it as a *PanicError after the other goroutines
// stopped, and the process and its other markets carry on (see Supervise).
func (m *Market) Serve(parent context.Context) error {
	ctx, cancel := context.WithCancelCause(parent)
	defer cancel(nil)
	if err := m.Pipeline.CatchUp(ctx); err != nil {
		return err
	}
	entries, err := m.Pipeline.Entries(ctx)
	if err != nil {
		return err
	}
	runner := hours.NewRunner(m.Config.Location(), m.Log)
	fire := func(f hours.Firing) {
		m.NoteFiring(m.Clock.Now())
		if f.Job == hours.JobMaintain {
			m.maintain(ctx)
		}
		if err := m.Pipeline.Fire(ctx, f); err != nil && ctx.Err() == nil {
			m.Log.Error().Err(err).Str("job", f.Key).Msg("scheduled job failed")
		}
		// Admin commands may have changed the hours: keep cron in step.
		if es, err := m.Pipeline.Entries(ctx); err == nil {
			if err := runner.Update(es); err != nil {
				m.Log.Error().Err(err).Msg("updating schedules failed")
			}
		}
	}
	if err := runner.Start(entries, fire); err != nil {
		return err
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go guarded(&wg, cancel, "inbox worker", func() { m.Pipeline.Run(ctx) })
	go guarded(&wg, cancel, "outbox sender", func() { m.Sender.Run(ctx) })
	<-ctx.Done()
	err = runner.Stop(context.Background())
	wg.Wait()
	var p *PanicError
	if errors.As(context.Cause(ctx), &p) {
		return p
	}
	return err
}

// PanicError is a panic caught in one of a market's goroutines.
type PanicError struct {
	Where string // "outbox sender", "inbox worker"
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic in the %s: %v", e.Where, e.Value) }

// guarded runs f, turning a panic into the cancellation cause of the
// market's context, so the market stops as a whole and reports why.
func guarded(wg *sync.WaitGroup, cancel context.CancelCauseFunc, where string, f func()) {
	defer wg.Done()
	defer func() {
		if r := recover(); r != nil {
			cancel(&PanicError{Where: where, Value: r, Stack: debug.Stack()})
		}
	}()
	f()
}

// maintain prunes old inbox/outbox rows and timers, then checkpoints the
// WAL and refreshes SQLite's statistics.
func (m *Market) maintain(ctx context.Context) {
	n, err := m.DB.Prune(ctx, m.Clock.Now().Add(-store.Retention))
	if err != nil {
		m.Log.Error().Err(err).Msg("pruning old rows failed")
	}
	if err := m.DB.Maintain(ctx); err != nil {
		m.Log.Error().Err(err).Msg("database maintenance failed")
	}
	m.Log.Info().Int64("pruned", n).Msg("nightly maintenance done")
}
