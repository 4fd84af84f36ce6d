package market

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/rs/zerolog"
)

// Restart policy of a market in a process serving several: a market that
// stops by error or panic is started again after Backoff, doubling up to
// MaxBackoff; a run that lasted ResetAfter starts the count again. Values
// and reasons in docs/decisions.md ("Many markets").
const (
	Backoff    = time.Second
	MaxBackoff = 5 * time.Minute
	ResetAfter = 10 * time.Minute
)

// Supervision says how to keep one market running.
type Supervision struct {
	ID  string
	Log zerolog.Logger
	// Run serves the market until ctx ends or it fails; it opens and
	// closes everything it uses, so a restart starts clean.
	Run func(ctx context.Context) error
	// Fatal reports errors no restart can cure (the WhatsApp link was
	// removed; another process holds the device): the market stays down
	// until the operator acts, the others carry on.
	Fatal func(error) bool
	// OnState is told whenever the market goes up or down (for /healthz).
	OnState func(State)
	// Backoff, MaxBackoff and ResetAfter override the package defaults
	// (tests shorten them).
	Backoff, MaxBackoff, ResetAfter time.Duration
}

// State is one market's condition as its supervisor sees it.
type State struct {
	Running  bool
	Detail   string // why it is down, and when it starts again
	Restarts int
	Since    time.Time
}

// Supervise runs s.Run until ctx ends, restarting it with backoff after an
// error or a panic (recovered here, whatever goroutine of Run's own it
// reaches through Serve). It returns nil when ctx ends, or the fatal error
// that stopped the market for good.
func Supervise(ctx context.Context, s Supervision) error {
	backoff, maxBackoff, resetAfter := orDefault(s.Backoff, Backoff), orDefault(s.MaxBackoff, MaxBackoff), orDefault(s.ResetAfter, ResetAfter)
	state := func(st State) {
		st.Since = time.Now()
		if s.OnState != nil {
			s.OnState(st)
		}
	}
	wait, restarts := backoff, 0
	for {
		state(State{Running: true, Restarts: restarts})
		started := time.Now()
		err := runRecovered(ctx, s.Run)
		if ctx.Err() != nil {
			state(State{Detail: "stopped", Restarts: restarts})
			return nil
		}
		if err == nil {
			err = errors.New("market stopped unexpectedly")
		}
		if s.Fatal != nil && s.Fatal(err) {
			s.Log.Error().Err(err).Msg("market stopped; it stays down until the operator acts (the other markets carry on)")
			state(State{Detail: "stopped: " + err.Error(), Restarts: restarts})
			return err
		}
		if time.Since(started) >= resetAfter {
			wait = backoff
		}
		ev := s.Log.Error().Err(err).Dur("restart_in", wait).Int("restarts", restarts)
		var p *PanicError
		if errors.As(err, &p) {
			ev = ev.Str("stack", string(p.Stack))
		}
		ev.Msg("market stopped; restarting it (the other markets carry on)")
		state(State{Detail: fmt.Sprintf("restarting in %s after: %v", wait, err), Restarts: restarts})
		select {
		case <-ctx.Done():
			state(State{Detail: "stopped", Restarts: restarts})
			return nil
		case <-time.After(wait):
		}
		restarts++
		wait = min(wait*2, maxBackoff)
	}
}

// runRecovered calls run, turning a panic on its own goroutine into an
// error.
func runRecovered(ctx context.Context, run func(context.Context) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Where: "market", Value: r, Stack: debug.Stack()}
		}
	}()
	return run(ctx)
}

// SuperviseAll runs every supervision at once and waits for all of them.
// It returns the fatal errors joined (nil when ctx ended with every market
// still restartable).
func SuperviseAll(ctx context.Context, ss []Supervision) error {
	var wg sync.WaitGroup
	errs := make([]error, len(ss))
	for i, s := range ss {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := Supervise(ctx, s); err != nil {
				errs[i] = fmt.Errorf("market %s: %w", s.ID, err)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}
