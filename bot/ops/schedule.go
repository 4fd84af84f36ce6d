package ops

import (
	"context"
	"fmt"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/hours"
)

// JobBackup is the scheduled backup's cron job.
const JobBackup hours.Job = "backup"

// BackupSpec is the cron line for a daily job (a backup, the report charts) at "HH:MM".
func BackupSpec(at string) (string, error) {
	min, err := config.ParseClock(at)
	if err != nil {
		return "", err
	}
	if min == 24*60 {
		min = 0
	}
	return fmt.Sprintf("%d %d * * *", min%60, min/60), nil
}

// ScheduleBackups runs b daily at "HH:MM" market time until ctx ends, with
// the market's cron runner (skips a run while the previous one is still
// going, recovers panics). Each result is logged; a failed backup is an
// error in the log (doctor warns when the newest backup is over two days old).
func ScheduleBackups(ctx context.Context, b Backups, at string, loc *time.Location, log zerolog.Logger) error {
	return scheduleDaily(ctx, JobBackup, at, loc, log, func(hours.Firing) {
		set, err := b.Run(ctx, time.Now())
		if err != nil {
			log.Error().Err(err).Str("dir", b.Dir).Msg("scheduled backup failed")
			return
		}
		log.Info().Str("market", set.Market).Str("device", set.Device).Msg("backup written")
	})
}

// scheduleDaily runs fn daily at "HH:MM" market time until ctx ends.
func scheduleDaily(ctx context.Context, job hours.Job, at string, loc *time.Location, log zerolog.Logger, fn func(hours.Firing)) error {
	spec, err := BackupSpec(at)
	if err != nil {
		return err
	}
	r := hours.NewRunner(loc, log)
	if err := r.Start([]hours.Entry{{Job: job, Spec: spec}}, fn); err != nil {
		return err
	}
	<-ctx.Done()
	return r.Stop(context.Background())
}
