package hours

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"pasarbot/bot/config"
)

// Overrides are the admins' changes to the configured hours. The engine
// stores them as JSON (MarshalJSON gives a stable form) and builds a new
// Schedule with New after each change. Values of Days and Weekdays are
// "06:00-12:00" or "tutup".
//
// BUKA and TUTUP are a force window [ForcedAt, Until): BUKA lasts until the
// next scheduled close, TUTUP until the next scheduled open, so every force
// ends exactly when a cron entry fires anyway and the close/open work runs
// at the usual moment. At most one of the two Until fields is set.
type Overrides struct {
	ForcedAt         time.Time               // when BUKA/TUTUP was given
	ForceOpenUntil   time.Time               // BUKA: open until then
	ForceClosedUntil time.Time               // TUTUP: closed until then
	Days             map[string]string       // "2026-11-25" → hours of that date (JAM today)
	Weekdays         map[time.Weekday]string // persistent hours of a weekday (JAM SENIN …)
	Holidays         []string                // "2026-12-25", added with LIBUR
}

// overridesJSON is the stored form; weekdays are keyed by Indonesian name
// so the row reads well in the database.
type overridesJSON struct {
	ForcedAt         time.Time         `json:"forced_at,omitzero"`
	ForceOpenUntil   time.Time         `json:"force_open_until,omitzero"`
	ForceClosedUntil time.Time         `json:"force_closed_until,omitzero"`
	Days             map[string]string `json:"days,omitempty"`
	Weekdays         map[string]string `json:"weekdays,omitempty"`
	Holidays         []string          `json:"holidays,omitempty"`
}

// dayNamesID are the Indonesian weekday names, indexed by time.Weekday.
var dayNamesID = [7]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// MarshalJSON writes the stable stored form (map keys sorted by encoding/json).
func (o Overrides) MarshalJSON() ([]byte, error) {
	w := overridesJSON{ForcedAt: o.ForcedAt, ForceOpenUntil: o.ForceOpenUntil, ForceClosedUntil: o.ForceClosedUntil, Days: o.Days, Holidays: o.Holidays}
	if len(o.Weekdays) > 0 {
		w.Weekdays = map[string]string{}
		for wd, v := range o.Weekdays {
			if wd < time.Sunday || wd > time.Saturday {
				return nil, fmt.Errorf("hours: weekday %d out of range", wd)
			}
			w.Weekdays[strings.ToLower(dayNamesID[wd])] = v
		}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the stored form; weekday keys may be Indonesian or
// English names or the numbers 0 (Sunday) to 6.
func (o *Overrides) UnmarshalJSON(b []byte) error {
	var w overridesJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*o = Overrides{ForcedAt: w.ForcedAt, ForceOpenUntil: w.ForceOpenUntil, ForceClosedUntil: w.ForceClosedUntil, Days: w.Days, Holidays: w.Holidays}
	for k, v := range w.Weekdays {
		wd, ok := config.Weekdays[strings.ToLower(k)]
		if !ok {
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 || n > 6 {
				return fmt.Errorf("hours: unknown weekday %q", k)
			}
			wd = time.Weekday(n)
		}
		if o.Weekdays == nil {
			o.Weekdays = map[time.Weekday]string{}
		}
		o.Weekdays[wd] = v
	}
	return nil
}

func (o Overrides) clone() Overrides {
	c := o
	c.Days = cloneMap(o.Days)
	c.Weekdays = cloneMap(o.Weekdays)
	c.Holidays = slices.Clone(o.Holidays)
	return c
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	c := make(map[K]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func (o *Overrides) clearForce() {
	o.ForcedAt, o.ForceOpenUntil, o.ForceClosedUntil = time.Time{}, time.Time{}, time.Time{}
}

// Overrides returns a copy of the overrides the schedule was built from.
func (s *Schedule) Overrides() Overrides { return s.ov.clone() }

// OpenNow is BUKA: open from now until the next scheduled close. When the
// schedule already has the market open it only lifts a TUTUP. A market with
// no scheduled close within the horizon is opened until the end of today.
func (s *Schedule) OpenNow(now time.Time) Overrides {
	ov := s.ov.clone()
	ov.clearForce()
	if s.plain.IsOpen(now) {
		return ov
	}
	until := s.plain.NextClose(now)
	if until.IsZero() {
		until = s.at(s.civil(now).add(1), 0)
	}
	ov.ForcedAt, ov.ForceOpenUntil = now.Round(0), until
	return ov
}

// CloseNow is TUTUP: closed from now until the next scheduled open. When
// the schedule already has the market closed it only lifts a BUKA.
func (s *Schedule) CloseNow(now time.Time) Overrides {
	ov := s.ov.clone()
	ov.clearForce()
	if !s.plain.IsOpen(now) {
		return ov
	}
	until := s.plain.NextOpen(now)
	if until.IsZero() {
		until = now.AddDate(0, 0, horizonDays)
	}
	ov.ForcedAt, ov.ForceClosedUntil = now.Round(0), until
	return ov
}

// SetToday is "JAM 06:00-12:00": today's hours (or "tutup").
func (s *Schedule) SetToday(now time.Time, hours string) (Overrides, error) {
	return s.SetDay(s.MarketDay(now), hours)
}

// SetDay sets one date's hours ("2026-11-25", "06:00-12:00" or "tutup").
// A date's hours beat a holiday on that date.
func (s *Schedule) SetDay(date, hours string) (Overrides, error) {
	c, err := parseCivil(date)
	if err != nil {
		return Overrides{}, err
	}
	v, err := canonSpan(hours)
	if err != nil {
		return Overrides{}, err
	}
	ov := s.ov.clone()
	if ov.Days == nil {
		ov.Days = map[string]string{}
	}
	ov.Days[c.String()] = v
	return s.settle(ov)
}

// SetWeekday is "JAM SENIN 06:00-11:00": a weekday's regular hours from
// now on (or "tutup").
func (s *Schedule) SetWeekday(wd time.Weekday, hours string) (Overrides, error) {
	if wd < time.Sunday || wd > time.Saturday {
		return Overrides{}, &InputError{Code: BadWeekday, Value: fmt.Sprint(int(wd))}
	}
	v, err := canonSpan(hours)
	if err != nil {
		return Overrides{}, err
	}
	ov := s.ov.clone()
	if ov.Weekdays == nil {
		ov.Weekdays = map[time.Weekday]string{}
	}
	ov.Weekdays[wd] = v
	return s.settle(ov)
}

// AddHoliday is "LIBUR 2026-12-25". It also drops that date's special
// hours: the later command wins.
func (s *Schedule) AddHoliday(date string) (Overrides, error) {
	c, err := parseCivil(date)
	if err != nil {
		return Overrides{}, err
	}
	ov := s.ov.clone()
	delete(ov.Days, c.String())
	if !slices.Contains(ov.Holidays, c.String()) {
		ov.Holidays = append(ov.Holidays, c.String())
		slices.Sort(ov.Holidays)
	}
	return s.settle(ov)
}

// RemoveHoliday is "LIBUR BATAL 2026-12-25": the date gets its weekday's
// regular hours back. A holiday from the configuration file cannot be
// deleted from here, so it is overridden with the regular hours instead.
func (s *Schedule) RemoveHoliday(date string) (Overrides, error) {
	c, err := parseCivil(date)
	if err != nil {
		return Overrides{}, err
	}
	ov := s.ov.clone()
	ov.Holidays = slices.DeleteFunc(ov.Holidays, func(h string) bool {
		hc, err := parseCivil(h)
		return err == nil && hc == c
	})
	if len(ov.Holidays) == 0 {
		ov.Holidays = nil
	}
	for _, h := range s.cfg.ClosedDates {
		if hc, err := parseCivil(h); err == nil && hc == c {
			if ov.Days == nil {
				ov.Days = map[string]string{}
			}
			ov.Days[c.String()] = spanText(s.weekly[c.weekday()])
		}
	}
	return s.settle(ov)
}

// settle keeps a BUKA/TUTUP only while the change leaves the hours of every
// day it spans alone. Otherwise the force's end might no longer be a
// scheduled open/close (no cron entry would fire there), and the admin's
// newer command should win anyway.
func (s *Schedule) settle(ov Overrides) (Overrides, error) {
	next, err := New(s.cfg, s.loc, ov)
	if err != nil {
		return Overrides{}, err
	}
	if f := s.force; f != nil {
		from := f.from
		if from.IsZero() {
			from = f.until
		}
		last := s.civil(f.until)
		// Bounded: a force never spans more than the search horizon.
		for c, i := s.civil(from), 0; c.daysUntil(last) >= 0 && i <= horizonDays; c, i = c.add(1), i+1 {
			if s.spanOn(c) != next.spanOn(c) {
				ov.clearForce()
				break
			}
		}
	}
	return ov, nil
}

// Prune drops what can no longer matter at now: dates before today and an
// expired BUKA/TUTUP. The engine calls it before storing, e.g. nightly.
func (s *Schedule) Prune(now time.Time) Overrides {
	ov := s.ov.clone()
	today := s.civil(now)
	for d := range ov.Days {
		if c, err := parseCivil(d); err == nil && c.daysUntil(today) > 0 {
			delete(ov.Days, d)
		}
	}
	ov.Holidays = slices.DeleteFunc(ov.Holidays, func(h string) bool {
		c, err := parseCivil(h)
		return err == nil && c.daysUntil(today) > 0
	})
	if len(ov.Holidays) == 0 {
		ov.Holidays = nil
	}
	if len(ov.Days) == 0 {
		ov.Days = nil
	}
	if s.force != nil && !now.Before(s.force.until) {
		ov.clearForce()
	}
	return ov
}

// canonSpan validates and normalizes "6:00-12:00" to "06:00-12:00".
func canonSpan(v string) (string, error) {
	sp, err := parseSpan(v)
	if err != nil {
		return "", err
	}
	return spanText(sp), nil
}

func spanText(sp span) string {
	if !sp.ok {
		return "tutup"
	}
	return fmt.Sprintf("%02d:%02d-%02d:%02d", sp.open/60, sp.open%60, sp.close/60, sp.close%60)
}

// Switched tells what an admin change did to the market at now: a Firing
// for JobOpen or JobClose when before and after disagree, so the engine runs
// its opening or closing work right away (no cron entry fires at that
// moment). Its Key, "open:admin:2026-11-25T05:00:07", differs from the
// scheduled "open:2026-11-25" so a later scheduled firing is not suppressed.
func Switched(before, after *Schedule, now time.Time) (Firing, bool) {
	b, a := before.IsOpen(now), after.IsOpen(now)
	if a == b {
		return Firing{}, false
	}
	job := JobClose
	if a {
		job = JobOpen
	}
	at := now.In(after.loc)
	return Firing{Job: job, At: at, Key: string(job) + ":admin:" + at.Format("2006-01-02T15:04:05")}, true
}
