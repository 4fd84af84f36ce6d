package main

import (
	"context"
	"sync"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/ops"
)

// startOps starts what runs beside a live market: the scheduled backups.
// stop ends them and waits; call it before the market database closes.
func startOps(ctx context.Context, cfg *config.Config, log zerolog.Logger, devicePath string) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	if cfg.Backup.At != "" {
		b := ops.Backups{Dir: ops.ResolveDir(cfg.Backup.Dir, cfg.Database.Path), Database: cfg.Database.Path,
			DeviceFile: devicePath, Keep: cfg.Backup.Keep}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := ops.ScheduleBackups(ctx, b, cfg.Backup.At, cfg.Location(), &ops.BackupStatus{}, log); err != nil {
				log.Error().Err(err).Msg("backup schedule stopped")
			}
		}()
	}
	return func() { cancel(); wg.Wait() }
}
