package sim

import (
	"time"

	"pasarbot/bot/config"
	"pasarbot/bot/hours"
)

// NextOpener is implemented by a Market that knows its live schedule
// (including admin overrides such as BUKA, TUTUP, JAM, LIBUR); the web
// simulator's "next opening" button prefers it to the configured hours.
type NextOpener interface {
	NextOpening(after time.Time) (time.Time, bool)
}

// NextOpening is the first scheduled opening strictly after after, by the
// configured hours alone; false when the market does not open in the coming
// year or the hours do not parse (config validation rejects those).
func NextOpening(h config.Hours, loc *time.Location, after time.Time) (time.Time, bool) {
	s, err := hours.New(h, loc, hours.Overrides{})
	if err != nil {
		return time.Time{}, false
	}
	t := s.NextOpen(after)
	return t, !t.IsZero()
}
