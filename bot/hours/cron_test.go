package hours_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/robfig/cron/v3"

	"pasarbot/bot/hours"
)

func TestEntries(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	want := []hours.Entry{
		{Job: hours.JobOpen, Spec: "0 6 * * *"},
		{Job: hours.JobClose, Spec: "0 11 * * 0"},
		{Job: hours.JobClose, Spec: "0 12 * * 1-6"},
		{Job: hours.JobReport, Spec: "0 20 * * *"},
		{Job: hours.JobSweep, Spec: "* * * * *"},
		{Job: hours.JobMaintain, Spec: "30 2 * * *"},
	}
	if got := s.Entries(); !reflect.DeepEqual(got, want) {
		t.Errorf("Entries =\n%v\nwant\n%v", got, want)
	}
	for _, e := range s.Entries() {
		if _, err := cron.ParseStandard(e.Spec); err != nil {
			t.Errorf("%s: %v", e.Spec, err)
		}
	}
}

func TestEntriesSpecialDays(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	h := kahayan()
	h.Days = map[string]string{"minggu": "07:00-11:00", "sabtu": "18:00-24:00", "jumat": "tutup"}
	ov := hours.Overrides{Days: map[string]string{
		"2026-11-25": "07:00-12:00", // Wednesday, later opening only
		"2026-11-27": "06:00-10:00", // a closed Friday opens
		"2026-11-30": "06:00-12:00", // same as usual: no extra line
	}}
	got := specs(mustNew(t, h, jkt, ov).Entries())
	want := []string{
		"open 0 6 * * 1-4", "open 0 7 * * 0", "open 0 18 * * 6",
		"close 0 0 * * 0", "close 0 11 * * 0", "close 0 12 * * 1-4",
		"open 0 7 25 11 *", "open 0 6 27 11 *", "close 0 10 27 11 *",
		"report 0 20 * * *", "sweep * * * * *", "maintain 30 2 * * *",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Entries =\n%q\nwant\n%q", got, want)
	}
}

func specs(es []hours.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, string(e.Job)+" "+e.Spec)
	}
	return out
}

func without(es []hours.Entry, job hours.Job) []hours.Entry {
	var out []hours.Entry
	for _, e := range es {
		if e.Job != job {
			out = append(out, e)
		}
	}
	return out
}

func firings(loc *time.Location, fs []hours.Firing) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.At.In(loc).Format("01-02 15:04")+" "+f.Key)
	}
	return out
}

func TestDueAcrossMidnight(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	got := firings(jkt, hours.Due(without(s.Entries(), hours.JobSweep), jkt, at(t, jkt, "2026-11-25 12:00"), at(t, jkt, "2026-11-26 12:00")))
	want := []string{
		// (from, to]: the 12:00 close at from is not due again.
		"11-25 20:00 report:2026-11-25",
		"11-26 02:30 maintain:2026-11-26",
		"11-26 06:00 open:2026-11-26",
		"11-26 12:00 close:2026-11-26",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Due =\n%q\nwant\n%q", got, want)
	}
}

func TestDueSeveralDays(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	var got []string
	for _, f := range hours.Due(s.Entries(), jkt, at(t, jkt, "2026-12-24 00:00"), at(t, jkt, "2026-12-27 23:59")) {
		if (f.Job == hours.JobOpen || f.Job == hours.JobClose) && s.Effective(f) {
			got = append(got, f.At.In(jkt).Format("Mon 01-02 15:04")+" "+f.Key)
		}
	}
	want := []string{
		"Thu 12-24 06:00 open:2026-12-24",
		"Thu 12-24 12:00 close:2026-12-24",
		// Friday 25th: holiday, its firings are not effective.
		"Sat 12-26 06:00 open:2026-12-26",
		"Sat 12-26 12:00 close:2026-12-26",
		"Sun 12-27 06:00 open:2026-12-27",
		"Sun 12-27 11:00 close:2026-12-27",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("effective =\n%q\nwant\n%q", got, want)
	}
	// The same range twice gives the same keys: idempotency holds across
	// a simulator restart.
	a := hours.Due(s.Entries(), jkt, at(t, jkt, "2026-12-24 00:00"), at(t, jkt, "2026-12-27 23:59"))
	b := hours.Due(s.Entries(), jkt, at(t, jkt, "2026-12-24 00:00"), at(t, jkt, "2026-12-27 23:59"))
	if !reflect.DeepEqual(a, b) {
		t.Error("Due not deterministic")
	}
	// Sweeps (every minute after from), reports, maintenance, opens, and
	// closes (the Monday–Saturday line three times, Sunday's once).
	if n := len(a); n != 4*1440-1+4+4+4+3+1 {
		t.Errorf("len = %d", n)
	}
	for i := 1; i < len(a); i++ {
		if a[i].At.Before(a[i-1].At) {
			t.Fatalf("out of order at %d: %v after %v", i, a[i].At, a[i-1].At)
		}
	}
}

func TestDueSweepKeys(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	got := firings(jkt, hours.Due([]hours.Entry{{Job: hours.JobSweep, Spec: "* * * * *"}}, jkt, at(t, jkt, "2026-11-25 06:29").Add(30*time.Second), at(t, jkt, "2026-11-25 06:31")))
	want := []string{"11-25 06:30 sweep:2026-11-25T06:30", "11-25 06:31 sweep:2026-11-25T06:31"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Due = %q, want %q", got, want)
	}
}

// Specs are read in the market's zone whatever the server's zone.
func TestDueZone(t *testing.T) {
	mks := mustLoc(t, "Asia/Makassar")
	fs := hours.Due([]hours.Entry{{Job: hours.JobOpen, Spec: "0 6 * * *"}}, mks, time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC), time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
	if len(fs) != 1 || !fs[0].At.Equal(time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC)) || fs[0].Key != "open:2026-11-25" {
		t.Errorf("Due = %+v", fs)
	}
}

func TestDueDedupesAndSkipsBadSpecs(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	es := []hours.Entry{
		{Job: hours.JobOpen, Spec: "0 6 * * *"},
		{Job: hours.JobOpen, Spec: "0 6 25 11 *"},
		{Job: hours.JobClose, Spec: "0 25 * * *"},
	}
	got := firings(jkt, hours.Due(es, jkt, at(t, jkt, "2026-11-25 00:00"), at(t, jkt, "2026-11-25 23:00")))
	if want := []string{"11-25 06:00 open:2026-11-25"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Due = %q, want %q", got, want)
	}
}

// A 24:00 close belongs to the day it ends.
func TestMidnightCloseKey(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	h := kahayan()
	h.Open, h.Close, h.Days = "18:00", "24:00", nil
	s := mustNew(t, h, jkt, hours.Overrides{})
	var got []string
	for _, f := range hours.Due(s.Entries(), jkt, at(t, jkt, "2026-11-25 12:00"), at(t, jkt, "2026-11-26 01:00")) {
		if f.Job == hours.JobClose || f.Job == hours.JobOpen {
			got = append(got, f.At.In(jkt).Format("01-02 15:04")+" "+f.Key+" "+map[bool]string{true: "effective", false: "stray"}[s.Effective(f)])
		}
	}
	want := []string{"11-25 18:00 open:2026-11-25 effective", "11-26 00:00 close:2026-11-25 effective"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A day with special hours: the weekday line fires too but only the
// special one is effective, and both carry the day's key.
func TestEffectiveSpecialDay(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s0 := mustNew(t, kahayan(), jkt, hours.Overrides{})
	ov, err := s0.SetToday(at(t, jkt, "2026-11-25 05:00"), "07:00-11:00")
	if err != nil {
		t.Fatal(err)
	}
	s := mustNew(t, kahayan(), jkt, ov)
	var got []string
	for _, f := range hours.Due(without(s.Entries(), hours.JobSweep), jkt, at(t, jkt, "2026-11-25 00:00"), at(t, jkt, "2026-11-25 13:00")) {
		got = append(got, f.At.In(jkt).Format("15:04")+" "+f.Key+" "+map[bool]string{true: "effective", false: "stray"}[s.Effective(f)])
	}
	want := []string{
		"02:30 maintain:2026-11-25 effective",
		"06:00 open:2026-11-25 stray",
		"07:00 open:2026-11-25 effective",
		"11:00 close:2026-11-25 effective",
		"12:00 close:2026-11-25 stray",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestMissed(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	yesterday := map[string]bool{"open:2026-11-25": true, "close:2026-11-25": true, "report:2026-11-25": true}
	with := func(keys ...string) map[string]bool {
		m := map[string]bool{}
		for k := range yesterday {
			m[k] = true
		}
		for _, k := range keys {
			m[k] = true
		}
		return m
	}
	keys := func(fs []hours.Firing) string {
		var ks []string
		for _, f := range fs {
			ks = append(ks, f.Key)
		}
		return strings.Join(ks, " ")
	}
	for name, tc := range map[string]struct {
		done map[string]bool
		now  string
		want string
	}{
		"RestartAfterOpening":    {with(), "2026-11-26 06:05", "open:2026-11-26"},
		"OpeningAlreadyDone":     {with("open:2026-11-26"), "2026-11-26 06:05", ""},
		"RestartBeforeOpening":   {with(), "2026-11-26 05:59", ""},
		"CrashedMidSession":      {with("open:2026-11-26"), "2026-11-26 13:00", "close:2026-11-26"},
		"DownAllSession":         {with(), "2026-11-26 13:00", ""},
		"ReportMissed":           {with("open:2026-11-26", "close:2026-11-26"), "2026-11-26 21:00", "report:2026-11-26"},
		"DownAllDay":             {with(), "2026-11-26 21:00", "report:2026-11-26"},
		"YesterdaysReport":       {map[string]bool{"open:2026-11-25": true, "close:2026-11-25": true}, "2026-11-26 05:00", "report:2026-11-25"},
		"YesterdaysCloseAndOpen": {map[string]bool{"open:2026-11-25": true}, "2026-11-26 06:05", "close:2026-11-25 report:2026-11-25 open:2026-11-26"},
		"Holiday":                {map[string]bool{"open:2026-12-24": true, "close:2026-12-24": true, "report:2026-12-24": true}, "2026-12-25 06:05", ""},
	} {
		t.Run(name, func(t *testing.T) {
			if got := keys(s.Missed(tc.done, at(t, jkt, tc.now))); got != tc.want {
				t.Errorf("Missed = %q, want %q", got, tc.want)
			}
		})
	}
}

// A BUKA before the crash: the session's close is still owed after restart.
func TestMissedCloseAfterBuka(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s0 := mustNew(t, kahayan(), jkt, hours.Overrides{})
	s := mustNew(t, kahayan(), jkt, s0.OpenNow(at(t, jkt, "2026-11-25 05:00")))
	got := s.Missed(map[string]bool{"close:2026-11-24": true, "report:2026-11-24": true}, at(t, jkt, "2026-11-25 12:30"))
	if len(got) != 1 || got[0].Key != "close:2026-11-25" {
		t.Errorf("Missed = %+v", got)
	}
}
