// Package hours keeps the market's clock: opening hours per weekday,
// holidays and admin overrides, the cron entries that open and close the
// market, and the texts buyers get while it is closed.
//
// Everything except Runner is pure and deterministic: a Schedule is built
// once from the configuration and the persisted Overrides, answers questions
// about instants, and admin changes produce new Overrides from which the
// engine builds a new Schedule. Tests and the simulator drive it with fixed
// times; production drives the same entries with robfig/cron.
package hours

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"pasarbot/bot/config"
)

// horizonDays bounds every search for the next opening or closing, so a
// market configured closed on every day answers "never" instead of looping.
const horizonDays = 400

// span is one market day's hours in minutes after local midnight; close may
// be 1440 (24:00). ok=false means closed all day.
type span struct {
	open, close int
	ok          bool
}

// civil is a calendar date, used as a map key without formatting strings.
type civil struct {
	y int
	m time.Month
	d int
}

func parseCivil(s string) (civil, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return civil{}, &InputError{Code: BadDate, Value: s}
	}
	return civilOf(t), nil
}

func civilOf(t time.Time) civil {
	y, m, d := t.Date()
	return civil{y, m, d}
}

func (c civil) String() string { return fmt.Sprintf("%04d-%02d-%02d", c.y, c.m, c.d) }

// weekday uses UTC so a zone's quirks can never move a calendar date.
func (c civil) weekday() time.Weekday {
	return time.Date(c.y, c.m, c.d, 12, 0, 0, 0, time.UTC).Weekday()
}

// add moves by n calendar days (time.Date normalizes d+n).
func (c civil) add(n int) civil { return civilOf(time.Date(c.y, c.m, c.d+n, 12, 0, 0, 0, time.UTC)) }

// daysUntil counts calendar days from c to o (negative when o is earlier).
func (c civil) daysUntil(o civil) int {
	a := time.Date(c.y, c.m, c.d, 12, 0, 0, 0, time.UTC)
	b := time.Date(o.y, o.m, o.d, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// Schedule answers when the market is open. It is immutable: admin changes
// return new Overrides and the engine builds a new Schedule from them.
type Schedule struct {
	loc      *time.Location
	weekly   [7]span        // regular hours: config default < hours.days < Overrides.Weekdays
	days     map[civil]span // Overrides.Days: one date's hours, beats holidays
	holidays map[civil]bool // hours.closed_dates and Overrides.Holidays
	report   int            // report_at in minutes; -1: no daily report
	ov       Overrides      // deep copy of what the schedule was built from
	cfg      config.Hours   // kept to rebuild after an override change
	force    *forceWindow   // active BUKA/TUTUP, nil when none
	plain    *Schedule      // the same schedule without BUKA/TUTUP (itself when none)
}

// forceWindow is an admin BUKA (open=true) or TUTUP in force over
// [from, until); a zero from reaches back indefinitely.
type forceWindow struct {
	open        bool
	from, until time.Time
}

func (w *forceWindow) covers(t time.Time) bool {
	return (w.from.IsZero() || !t.Before(w.from)) && t.Before(w.until)
}

// New builds a schedule from the configuration's hours and the overrides
// admins made (see Overrides). An empty report_at means no daily report.
func New(h config.Hours, loc *time.Location, ov Overrides) (*Schedule, error) {
	if loc == nil {
		return nil, errors.New("hours: no time zone")
	}
	def, err := parseSpan(h.Open + "-" + h.Close)
	if err != nil {
		return nil, fmt.Errorf("hours: open/close: %w", err)
	}
	h.Days, h.ClosedDates = cloneMap(h.Days), slices.Clone(h.ClosedDates) // immutable, also after the caller's edits
	s := &Schedule{loc: loc, days: map[civil]span{}, holidays: map[civil]bool{}, report: -1, ov: ov.clone(), cfg: h}
	for i := range s.weekly {
		s.weekly[i] = def
	}
	// Sorted so that an error (two names for one weekday) is deterministic.
	names := make([]string, 0, len(h.Days))
	for name := range h.Days {
		names = append(names, name)
	}
	sort.Strings(names)
	set := map[time.Weekday]string{}
	for _, name := range names {
		wd, ok := config.Weekdays[strings.ToLower(strings.TrimSpace(name))]
		if !ok {
			return nil, fmt.Errorf("hours: days: unknown day %q", name)
		}
		if prev, dup := set[wd]; dup {
			return nil, fmt.Errorf("hours: days: %q and %q are the same day", prev, name)
		}
		set[wd] = name
		if s.weekly[wd], err = parseSpan(h.Days[name]); err != nil {
			return nil, fmt.Errorf("hours: days.%s: %w", name, err)
		}
	}
	for wd, v := range ov.Weekdays {
		if wd < time.Sunday || wd > time.Saturday {
			return nil, fmt.Errorf("hours: overrides: weekday %d out of range", wd)
		}
		if s.weekly[wd], err = parseSpan(v); err != nil {
			return nil, fmt.Errorf("hours: overrides: %s: %w", wd, err)
		}
	}
	for d, v := range ov.Days {
		c, err := parseCivil(d)
		if err != nil {
			return nil, fmt.Errorf("hours: overrides: %w", err)
		}
		if s.days[c], err = parseSpan(v); err != nil {
			return nil, fmt.Errorf("hours: overrides: %s: %w", d, err)
		}
	}
	for _, d := range append(append([]string(nil), h.ClosedDates...), ov.Holidays...) {
		c, err := parseCivil(d)
		if err != nil {
			return nil, fmt.Errorf("hours: holidays: %w", err)
		}
		s.holidays[c] = true
	}
	if strings.TrimSpace(h.ReportAt) != "" {
		if s.report, err = config.ParseClock(h.ReportAt); err != nil {
			return nil, fmt.Errorf("hours: report_at: %w", err)
		}
	}
	switch {
	case !ov.ForceClosedUntil.IsZero():
		s.force = &forceWindow{open: false, from: ov.ForcedAt, until: ov.ForceClosedUntil}
	case !ov.ForceOpenUntil.IsZero():
		s.force = &forceWindow{open: true, from: ov.ForcedAt, until: ov.ForceOpenUntil}
	}
	s.plain = s
	if s.force != nil {
		p := *s
		p.force = nil
		p.plain = &p
		p.ov.clearForce()
		s.plain = &p
	}
	return s, nil
}

// parseSpan reads "06:00-12:00" or "tutup" (closed all day).
func parseSpan(v string) (span, error) {
	v = strings.TrimSpace(v)
	if strings.EqualFold(v, "tutup") || strings.EqualFold(v, "closed") {
		return span{}, nil
	}
	o, c, err := config.ParseSpan(v)
	if err != nil {
		return span{}, &InputError{Code: BadHours, Value: v, Err: err}
	}
	return span{open: o, close: c, ok: true}, nil
}

// Location returns the market's time zone.
func (s *Schedule) Location() *time.Location { return s.loc }

// spanOn is a date's hours: a date override wins over a holiday, which wins
// over the weekday's regular hours. AddHoliday deletes a date override, so
// whichever an admin said last is what counts.
func (s *Schedule) spanOn(c civil) span {
	if sp, ok := s.days[c]; ok {
		return sp
	}
	if s.holidays[c] {
		return span{}
	}
	return s.weekly[c.weekday()]
}

// at is minute m of date c in market time (1440 is the next midnight).
func (s *Schedule) at(c civil, m int) time.Time {
	return time.Date(c.y, c.m, c.d, 0, m, 0, 0, s.loc)
}

func (s *Schedule) civil(t time.Time) civil { return civilOf(t.In(s.loc)) }

// MarketDay is t's date in market time, "2006-01-02".
func (s *Schedule) MarketDay(t time.Time) string { return t.In(s.loc).Format("2006-01-02") }

// Span returns the scheduled hours of day's market-local date, ignoring any
// BUKA/TUTUP in force; ok=false on a closed day or holiday.
func (s *Schedule) Span(day time.Time) (open, close time.Time, ok bool) {
	c := s.civil(day)
	sp := s.spanOn(c)
	if !sp.ok {
		return time.Time{}, time.Time{}, false
	}
	return s.at(c, sp.open), s.at(c, sp.close), true
}

// IsOpen reports whether the market takes orders at t: a TUTUP or BUKA in
// force decides, else the day's span [open, close).
func (s *Schedule) IsOpen(t time.Time) bool {
	if s.force != nil && s.force.covers(t) {
		return s.force.open
	}
	return s.scheduledOpen(t)
}

func (s *Schedule) scheduledOpen(t time.Time) bool {
	c := s.civil(t)
	sp := s.spanOn(c)
	return sp.ok && !t.Before(s.at(c, sp.open)) && t.Before(s.at(c, sp.close))
}

// NextOpen is the first instant strictly after t at which the market goes
// from closed to open, skipping holidays and closed days; the zero time when
// it does not open within horizonDays.
func (s *Schedule) NextOpen(t time.Time) time.Time { return s.nextChange(t, true) }

// NextClose is the first instant strictly after t at which the market goes
// from open to closed; the zero time when none within horizonDays.
func (s *Schedule) NextClose(t time.Time) time.Time { return s.nextChange(t, false) }

// nextChange walks the only instants where IsOpen can change (each day's
// open and close, the force window's ends) in order, tracking the state.
func (s *Schedule) nextChange(t time.Time, opening bool) time.Time {
	state := s.IsOpen(t)
	var extra []time.Time
	if s.force != nil {
		extra = append(extra, s.force.until)
		if !s.force.from.IsZero() {
			extra = append(extra, s.force.from)
		}
	}
	start := s.civil(t)
	for i := 0; i <= horizonDays; i++ {
		c := start.add(i)
		dayStart, dayEnd := s.at(c, 0), s.at(c.add(1), 0)
		var pts []time.Time
		if sp := s.spanOn(c); sp.ok {
			pts = append(pts, s.at(c, sp.open), s.at(c, sp.close))
		}
		for _, e := range extra {
			if !e.Before(dayStart) && e.Before(dayEnd) {
				pts = append(pts, e)
			}
		}
		sort.Slice(pts, func(a, b int) bool { return pts[a].Before(pts[b]) })
		for _, p := range pts {
			if !p.After(t) {
				continue
			}
			if now := s.IsOpen(p); now != state {
				if now == opening {
					return p
				}
				state = now
			}
		}
	}
	return time.Time{}
}
