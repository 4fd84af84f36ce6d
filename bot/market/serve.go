package market

import (
	"context"
	"sync"

	"pasarbot/bot/hours"
	"pasarbot/store"
)

// Serve runs the market until ctx ends: missed jobs and overdue deadlines
// first, then the inbox worker, the outbox sender and the cron schedules.
// It returns after every goroutine it started has stopped.
func (m *Market) Serve(ctx context.Context) error {
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
	go func() { defer wg.Done(); m.Pipeline.Run(ctx) }()
	go func() { defer wg.Done(); m.Sender.Run(ctx) }()
	<-ctx.Done()
	stopCtx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err = runner.Stop(stopCtx)
	wg.Wait()
	return err
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
