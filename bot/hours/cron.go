package hours

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Job names a scheduled piece of work.
type Job string

const (
	JobOpen     Job = "open"     // the market opens: pre-orders placed, seller groups told
	JobClose    Job = "close"    // the market closes: carts told, unconfirmed orders handled
	JobReport   Job = "report"   // daily report to admins
	JobSweep    Job = "sweep"    // every minute: cart, seller and courier deadlines
	JobMaintain Job = "maintain" // nightly database maintenance
)

const (
	sweepSpec    = "* * * * *"
	maintainSpec = "30 2 * * *" // 02:30: the quietest hour before traders wake
)

// Entry is one cron line: a standard 5-field spec in market-local time.
type Entry struct {
	Job  Job
	Spec string
}

// Firing is one run of a job. Key is the idempotency key the engine stores
// when the work is done: "open:2026-11-25", "close:2026-11-25",
// "report:2026-11-25", "maintain:2026-11-25", "sweep:2026-11-25T06:31".
type Firing struct {
	Job Job
	At  time.Time
	Key string
}

// Entries are the cron lines for this schedule: opening and closing per
// weekday (grouped, e.g. "0 6 * * 1-6" and "0 6 * * 0"), one-off lines for
// dates whose hours differ from their weekday (robfig has no year field, so
// "0 7 25 11 *" recurs yearly; Effective filters the stray ones), the daily
// report at report_at, the minute sweep and nightly maintenance.
//
// Holidays and BUKA/TUTUP need no lines of their own: the weekday lines
// still fire and Effective says whether the market really opens or closes.
// Rebuild the entries (Runner.Update) whenever the overrides change.
func (s *Schedule) Entries() []Entry {
	var opens, closes []at
	for wd, sp := range s.weekly {
		if !sp.ok {
			continue
		}
		opens = append(opens, at{sp.open, time.Weekday(wd)})
		// 24:00 is minute 0 of the next weekday.
		closes = append(closes, at{sp.close % 1440, time.Weekday((wd + sp.close/1440) % 7)})
	}
	out := append(weekly(JobOpen, opens), weekly(JobClose, closes)...)

	dates := make([]civil, 0, len(s.days))
	for c := range s.days {
		dates = append(dates, c)
	}
	slices.SortFunc(dates, func(a, b civil) int { return -a.daysUntil(b) })
	seen := map[Entry]bool{}
	for _, e := range out {
		seen[e] = true
	}
	add := func(e Entry) {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	for _, c := range dates {
		sp, reg := s.days[c], s.weekly[c.weekday()]
		if !sp.ok {
			continue
		}
		if !reg.ok || reg.open != sp.open {
			add(Entry{JobOpen, dateSpec(c, sp.open)})
		}
		if !reg.ok || reg.close != sp.close {
			add(Entry{JobClose, dateSpec(c, sp.close)})
		}
	}
	if s.report >= 0 {
		m := s.report % 1440
		out = append(out, Entry{JobReport, fmt.Sprintf("%d %d * * *", m%60, m/60)})
	}
	return append(out, Entry{JobSweep, sweepSpec}, Entry{JobMaintain, maintainSpec})
}

// at is a minute of a weekday.
type at struct {
	min int
	wd  time.Weekday
}

// weekly groups weekdays sharing a time into one line per time.
func weekly(job Job, ats []at) []Entry {
	byMin := map[int][]int{}
	for _, a := range ats {
		byMin[a.min] = append(byMin[a.min], int(a.wd))
	}
	mins := make([]int, 0, len(byMin))
	for m := range byMin {
		mins = append(mins, m)
	}
	sort.Ints(mins)
	out := make([]Entry, 0, len(mins))
	for _, m := range mins {
		out = append(out, Entry{job, fmt.Sprintf("%d %d * * %s", m%60, m/60, dowField(byMin[m]))})
	}
	return out
}

// dowField writes weekdays 0-6 as a cron day-of-week field: "*", "1-6",
// "0,6".
func dowField(days []int) string {
	slices.Sort(days)
	days = slices.Compact(days)
	if len(days) == 7 {
		return "*"
	}
	var parts []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[j+1] == days[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, fmt.Sprintf("%d-%d", days[i], days[j]))
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, strconv.Itoa(days[k]))
			}
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// dateSpec is minute m (up to 1440) of one calendar date.
func dateSpec(c civil, m int) string {
	if m >= 1440 {
		c, m = c.add(m/1440), m%1440
	}
	return fmt.Sprintf("%d %d %d %d *", m%60, m/60, c.d, int(c.m))
}

// keyFor is a firing's idempotency key. A close or report belongs to the
// day it ends, so a 24:00 close is still that day's ("close:" + the date of
// one minute earlier).
func keyFor(job Job, t time.Time, loc *time.Location) string {
	t = t.In(loc)
	switch job {
	case JobOpen, JobMaintain:
		return string(job) + ":" + t.Format("2006-01-02")
	case JobClose, JobReport:
		return string(job) + ":" + t.Add(-time.Minute).Format("2006-01-02")
	default:
		return string(job) + ":" + t.Format("2006-01-02T15:04")
	}
}

// jobRank orders firings at the same instant: close before open (a 24:00
// close and a 00:00 open), sweep before the report so it counts the
// expiries.
var jobRank = map[Job]int{JobClose: 0, JobOpen: 1, JobSweep: 2, JobReport: 3, JobMaintain: 4}

// Due lists the firings in (from, to] in time order, computed with robfig's
// own parser in loc exactly as the Runner fires them, so the simulator and
// production agree. Entries whose spec does not parse are skipped (Entries
// never makes one). Two entries of the same job at the same instant fire
// once. Mind the sweep: one firing per minute of the range.
func Due(entries []Entry, loc *time.Location, from, to time.Time) []Firing {
	type once struct {
		job Job
		at  int64
	}
	var out []Firing
	seen := map[once]bool{}
	for _, e := range entries {
		sched, err := cron.ParseStandard(e.Spec)
		if err != nil {
			continue
		}
		t := from.In(loc)
		for {
			t = sched.Next(t)
			if t.IsZero() || t.After(to) {
				break
			}
			if k := (once{e.Job, t.UnixNano()}); !seen[k] {
				seen[k] = true
				out = append(out, Firing{Job: e.Job, At: t, Key: keyFor(e.Job, t, loc)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return jobRank[out[i].Job] < jobRank[out[j].Job]
	})
	return out
}

// Effective reports whether a firing does something now that the schedule
// (with holidays and overrides) is known: an open firing only when the
// market really goes from closed to open at that instant (false on a
// holiday, on a day whose special hours start at another time, or after a
// BUKA already opened it), a close firing likewise. Other jobs are always
// effective. The engine checks Effective before the done key, and records
// the key only for work it did, so a stray firing never uses up the key.
func (s *Schedule) Effective(f Firing) bool {
	before := f.At.Add(-time.Nanosecond)
	switch f.Job {
	case JobOpen:
		return s.IsOpen(f.At) && !s.IsOpen(before)
	case JobClose:
		return !s.IsOpen(f.At) && s.IsOpen(before)
	default:
		return true
	}
}

// missedWindow is how far back Missed looks after a restart.
const missedWindow = 24 * time.Hour

// Missed lists the open, close and report firings of the last 24 hours that
// were effective and whose key is not in done, in time order: cron does not
// replay runs missed while the process was down. A session wholly inside the
// downtime (its open never ran and its close has passed) is skipped as a
// whole: nothing was announced, so nothing needs closing, and pre-orders
// wait for the next opening. An open is returned only while the market is
// still open at now. Sweep and maintenance are not replayed (the engine
// sweeps once at startup anyway).
func (s *Schedule) Missed(done map[string]bool, now time.Time) []Firing {
	var entries []Entry
	for _, e := range s.Entries() {
		if e.Job == JobOpen || e.Job == JobClose || e.Job == JobReport {
			entries = append(entries, e)
		}
	}
	var eff []Firing
	for _, f := range Due(entries, s.loc, now.Add(-missedWindow), now) {
		if s.Effective(f) {
			eff = append(eff, f)
		}
	}
	var out []Firing
	for i, f := range eff {
		if done[f.Key] {
			continue
		}
		switch f.Job {
		case JobOpen:
			if !s.IsOpen(now) || slices.ContainsFunc(eff[i+1:], func(g Firing) bool { return g.Job == JobClose }) {
				continue
			}
		case JobClose:
			// The session's open is the transition just before; when it
			// is not an open, an admin's BUKA opened it and it ran then.
			if prev, ok := lastTransition(eff[:i]); ok && prev.Job == JobOpen && !done[prev.Key] {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

func lastTransition(fs []Firing) (Firing, bool) {
	for i := len(fs) - 1; i >= 0; i-- {
		if fs[i].Job == JobOpen || fs[i].Job == JobClose {
			return fs[i], true
		}
	}
	return Firing{}, false
}
