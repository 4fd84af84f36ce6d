package ops

import (
	"context"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/charts"
	"pasarbot/bot/hours"
	"pasarbot/store"
)

// ReportDir is where the report charts go, relative to the database's
// directory unless absolute: /var/lib/pasarbot/laporan in the service.
const ReportDir = "laporan"

// JobReportCharts is the cron job that writes the daily report's charts.
const JobReportCharts hours.Job = "report_charts"

// WriteReportCharts writes market day day's charts (PNG: each chart and
// the sheet of all) and numbers (CSV) into dir, and returns the files.
func WriteReportCharts(ctx context.Context, db *store.DB, dir, day string, loc *time.Location) ([]string, error) {
	n, err := charts.Collect(ctx, db, day, loc)
	if err != nil {
		return nil, err
	}
	cs, err := charts.Draw(n)
	if err != nil {
		return nil, err
	}
	return charts.WriteFiles(dir, n, cs)
}

// ScheduleReportCharts writes the day's charts into dir daily at "HH:MM"
// market time (the report time: the admins' text report goes out then)
// until ctx ends. WhatsApp messages carry text and locations only so far,
// so the sheet is written for the admins to open, not sent.
func ScheduleReportCharts(ctx context.Context, db *store.DB, dir, at string, loc *time.Location, log zerolog.Logger) error {
	return scheduleDaily(ctx, JobReportCharts, at, loc, log, func(f hours.Firing) {
		day := f.At.In(loc).Format("2006-01-02")
		files, err := WriteReportCharts(ctx, db, dir, day, loc)
		if err != nil {
			log.Error().Err(err).Str("dir", dir).Msg("report charts failed")
			return
		}
		log.Info().Str("day", day).Int("files", len(files)).Str("dir", dir).Msg("report charts written")
	})
}
