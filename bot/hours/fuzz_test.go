package hours_test

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"pasarbot/bot/config"
	"pasarbot/bot/hours"
)

// FuzzSchedule checks that the cron entries and the schedule agree: over
// four days, the effective open/close firings Due computes from Entries are
// exactly the transitions NextOpen/NextClose walk through, and no two
// effective firings share an idempotency key. Weekday hours, a closed
// weekday, a date's special hours or a holiday, a BUKA/TUTUP at the start
// and a weekday change after it vary.
func FuzzSchedule(f *testing.F) {
	f.Add(uint16(360), uint16(720), uint16(360), uint16(660), uint8(5), uint32(0), uint8(0), uint16(420), uint16(600))
	f.Add(uint16(1080), uint16(1440), uint16(0), uint16(360), uint8(9), uint32(1500), uint8(1), uint16(0), uint16(1440))
	f.Add(uint16(360), uint16(720), uint16(360), uint16(720), uint8(3), uint32(2000), uint8(2), uint16(800), uint16(700))
	f.Add(uint16(0), uint16(1440), uint16(0), uint16(1440), uint8(7), uint32(4000), uint8(1), uint16(60), uint16(120))
	f.Add(uint16(360), uint16(720), uint16(360), uint16(660), uint8(0), uint32(600), uint8(2|4|3<<4), uint16(2000), uint16(0))
	f.Add(uint16(360), uint16(720), uint16(360), uint16(660), uint8(0), uint32(780), uint8(1|4|8|3<<4), uint16(2000), uint16(0))
	f.Fuzz(func(t *testing.T, open, close, sunOpen, sunClose uint16, closedWd uint8, startMin uint32, force uint8, dayOpen, dayClose uint16) {
		jkt := time.FixedZone("WIB", 7*3600) // no tzdata lookups in the hot loop
		hm := func(m uint16) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }
		valid := func(o, c uint16) bool { return o < c && c <= 1440 }
		if !valid(open, close) {
			t.Skip()
		}
		h := config.Hours{Open: hm(open), Close: hm(close), ReportAt: "20:00", Days: map[string]string{}}
		if valid(sunOpen, sunClose) {
			h.Days["minggu"] = hm(sunOpen) + "-" + hm(sunClose)
		}
		if wd := closedWd % 8; wd >= 1 && wd <= 6 {
			h.Days[[]string{"", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu"}[wd]] = "tutup"
		}
		base := time.Date(2026, 11, 23, 0, 0, 0, 0, jkt) // a Monday
		start := base.Add(time.Duration(startMin%(7*1440)) * time.Minute)
		end := start.Add(4 * 24 * time.Hour)
		var ov hours.Overrides
		if valid(dayOpen, dayClose) {
			ov.Days = map[string]string{start.AddDate(0, 0, 1).Format("2006-01-02"): hm(dayOpen) + "-" + hm(dayClose)}
		} else if dayOpen%3 == 0 {
			ov.Holidays = []string{start.AddDate(0, 0, 2).Format("2006-01-02")}
		}
		s, err := hours.New(h, jkt, ov)
		if err != nil {
			t.Fatal(err)
		}
		switch force % 3 {
		case 1:
			s = mustNew(t, h, jkt, s.OpenNow(start))
		case 2:
			s = mustNew(t, h, jkt, s.CloseNow(start))
		}
		// An admin then changes a weekday: a force the change touches is
		// dropped, one it leaves alone must still end on a cron line.
		if force&4 != 0 {
			v := "07:00-09:00"
			if force&8 != 0 {
				v = "tutup"
			}
			ov, err := s.SetWeekday(time.Weekday(force>>4%7), v)
			if err != nil {
				t.Fatal(err)
			}
			s = mustNew(t, h, jkt, ov)
		}

		var walked []string
		for at := start; ; {
			o, c := s.NextOpen(at), s.NextClose(at)
			next, job := o, "open"
			if o.IsZero() || (!c.IsZero() && c.Before(o)) {
				next, job = c, "close"
			}
			if next.IsZero() || next.After(end) {
				break
			}
			walked = append(walked, job+" "+next.Format("01-02 15:04"))
			at = next
		}
		var fired []string
		keys := map[string]bool{}
		for _, f := range hours.Due(without(s.Entries(), hours.JobSweep), jkt, start, end) {
			if (f.Job != hours.JobOpen && f.Job != hours.JobClose) || !s.Effective(f) {
				continue
			}
			fired = append(fired, string(f.Job)+" "+f.At.Format("01-02 15:04"))
			if keys[f.Key] {
				t.Fatalf("key %s twice", f.Key)
			}
			keys[f.Key] = true
		}
		if !reflect.DeepEqual(walked, fired) {
			t.Fatalf("entries %v\nwalked %q\nfired  %q", s.Entries(), walked, fired)
		}
	})
}
