package sim

import (
	"strings"
	"time"

	"pasarbot/bot/config"
)

// NextOpener is implemented by a Market that knows its own schedule
// (including admin overrides such as BUKA/TUTUP/JAM); the web simulator's
// "next opening" button prefers it to reading the configuration.
type NextOpener interface {
	NextOpening(after time.Time) (time.Time, bool)
}

// NextOpening is the first scheduled opening strictly after after, by the
// configured hours, per-day exceptions and closed dates; false when the
// market never opens in the coming year.
func NextOpening(h config.Hours, loc *time.Location, after time.Time) (time.Time, bool) {
	closed := map[string]bool{}
	for _, d := range h.ClosedDates {
		closed[d] = true
	}
	days := map[time.Weekday]string{}
	for name, span := range h.Days {
		if wd, ok := config.Weekdays[strings.ToLower(name)]; ok {
			days[wd] = span
		}
	}
	local := after.In(loc)
	for i := range 367 {
		day := time.Date(local.Year(), local.Month(), local.Day()+i, 0, 0, 0, 0, loc)
		if closed[day.Format("2006-01-02")] {
			continue
		}
		open, err := config.ParseClock(h.Open)
		if span, ok := days[day.Weekday()]; ok {
			if strings.EqualFold(strings.TrimSpace(span), "tutup") {
				continue
			}
			open, _, err = config.ParseSpan(span)
		}
		if err != nil {
			continue // config validation rejects these; skip rather than guess
		}
		t := time.Date(day.Year(), day.Month(), day.Day(), open/60, open%60, 0, 0, loc)
		if t.After(after) {
			return t, true
		}
	}
	return time.Time{}, false
}
