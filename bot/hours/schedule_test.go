package hours_test

import (
	"testing"
	"time"

	"pasarbot/bot/config"
	"pasarbot/bot/hours"
)

func TestIsOpen(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	for _, tc := range []struct {
		at   string
		want bool
	}{
		{"2026-11-25 05:59", false},
		{"2026-11-25 06:00", true},
		{"2026-11-25 11:59", true},
		{"2026-11-25 12:00", false},
		{"2026-11-25 23:59", false},
		{"2026-11-29 10:59", true},  // Sunday closes at 11
		{"2026-11-29 11:00", false}, //
		{"2026-12-25 08:00", false}, // holiday
		{"2026-12-26 08:00", true},
	} {
		if got := s.IsOpen(at(t, jkt, tc.at)); got != tc.want {
			t.Errorf("IsOpen(%s) = %v, want %v", tc.at, got, tc.want)
		}
	}
}

func TestNextOpenClose(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	for _, tc := range []struct {
		from, open, close string
	}{
		{"2026-11-25 05:00", "2026-11-25 06:00", "2026-11-25 12:00"},
		{"2026-11-25 06:00", "2026-11-26 06:00", "2026-11-25 12:00"}, // strictly after
		{"2026-11-25 07:00", "2026-11-26 06:00", "2026-11-25 12:00"},
		{"2026-11-25 12:00", "2026-11-26 06:00", "2026-11-26 12:00"},
		{"2026-11-25 23:59", "2026-11-26 06:00", "2026-11-26 12:00"}, // across midnight
		{"2026-11-29 07:00", "2026-11-30 06:00", "2026-11-29 11:00"}, // Sunday's short day
		{"2026-12-24 13:00", "2026-12-26 06:00", "2026-12-26 12:00"}, // jumps the holiday
		{"2026-12-25 08:00", "2026-12-26 06:00", "2026-12-26 12:00"},
	} {
		from := at(t, jkt, tc.from)
		if got := fmtT(jkt, s.NextOpen(from)); got != tc.open {
			t.Errorf("NextOpen(%s) = %s, want %s", tc.from, got, tc.open)
		}
		if got := fmtT(jkt, s.NextClose(from)); got != tc.close {
			t.Errorf("NextClose(%s) = %s, want %s", tc.from, got, tc.close)
		}
	}
}

func TestMakassar(t *testing.T) {
	mks := mustLoc(t, "Asia/Makassar")
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), mks, hours.Overrides{})
	// 06:00 WITA is 22:00 UTC of the day before: the market day follows
	// the market's zone, not UTC's or the server's.
	open := time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC)
	if got := s.NextOpen(open.Add(-time.Hour)); !got.Equal(open) {
		t.Errorf("NextOpen = %v, want %v", got, open)
	}
	if !s.IsOpen(open) || s.IsOpen(open.Add(-time.Minute)) {
		t.Error("not opening at 06:00 WITA")
	}
	if got, want := s.MarketDay(open), "2026-11-25"; got != want {
		t.Errorf("MarketDay = %s, want %s", got, want)
	}
	if got, want := mustNew(t, kahayan(), jkt, hours.Overrides{}).MarketDay(open), "2026-11-25"; got != want {
		t.Errorf("Jakarta MarketDay = %s, want %s", got, want)
	}
	late := time.Date(2026, 11, 24, 16, 30, 0, 0, time.UTC) // 23:30 WIB, 00:30 WITA
	if got, want := mustNew(t, kahayan(), jkt, hours.Overrides{}).MarketDay(late), "2026-11-24"; got != want {
		t.Errorf("Jakarta MarketDay at 16:30Z = %s, want %s", got, want)
	}
	if got, want := s.MarketDay(late), "2026-11-25"; got != want {
		t.Errorf("Makassar MarketDay at 16:30Z = %s, want %s", got, want)
	}
	// The same wall-clock opening is an hour earlier in absolute time than in Jakarta.
	sj := mustNew(t, kahayan(), jkt, hours.Overrides{})
	if d := sj.NextOpen(open.Add(-time.Hour)).Sub(s.NextOpen(open.Add(-time.Hour))); d != time.Hour {
		t.Errorf("Jakarta opens %v after Makassar, want 1h", d)
	}
}

func TestSpan(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	h := kahayan()
	h.Days = map[string]string{"Minggu": "06:00-11:00", "sabtu": "18:00-24:00", "jumat": "tutup"}
	s := mustNew(t, h, jkt, hours.Overrides{})
	for _, tc := range []struct {
		day, open, close string
		ok               bool
	}{
		{"2026-11-25 15:00", "2026-11-25 06:00", "2026-11-25 12:00", true},
		{"2026-11-29 00:00", "2026-11-29 06:00", "2026-11-29 11:00", true},
		{"2026-11-28 01:00", "2026-11-28 18:00", "2026-11-29 00:00", true}, // 24:00
		{"2026-11-27 09:00", "", "", false},                                // Friday: tutup
		{"2026-12-25 09:00", "", "", false},                                // holiday
	} {
		o, c, ok := s.Span(at(t, jkt, tc.day))
		if ok != tc.ok || (ok && (fmtT(jkt, o) != tc.open || fmtT(jkt, c) != tc.close)) {
			t.Errorf("Span(%s) = %s, %s, %v; want %s, %s, %v", tc.day, fmtT(jkt, o), fmtT(jkt, c), ok, tc.open, tc.close, tc.ok)
		}
	}
	// Saturday 18:00-24:00 runs into Sunday's 06:00 opening without a gap
	// problem: closed at 00:00, open again at 06:00.
	if s.IsOpen(at(t, jkt, "2026-11-29 00:00")) || !s.IsOpen(at(t, jkt, "2026-11-28 23:59")) {
		t.Error("24:00 close wrong")
	}
	if got, want := fmtT(jkt, s.NextClose(at(t, jkt, "2026-11-28 20:00"))), "2026-11-29 00:00"; got != want {
		t.Errorf("NextClose = %s, want %s", got, want)
	}
	if got, want := fmtT(jkt, s.NextOpen(at(t, jkt, "2026-11-26 13:00"))), "2026-11-28 18:00"; got != want {
		t.Errorf("NextOpen over a closed Friday = %s, want %s", got, want)
	}
}

func TestNeverOpen(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	h := kahayan()
	h.Days = map[string]string{"senin": "tutup", "selasa": "tutup", "rabu": "tutup", "kamis": "tutup", "jumat": "tutup", "sabtu": "tutup", "minggu": "tutup"}
	s := mustNew(t, h, jkt, hours.Overrides{})
	if got := s.NextOpen(at(t, jkt, "2026-11-25 05:00")); !got.IsZero() {
		t.Errorf("NextOpen = %v, want zero", got)
	}
	if got := s.ClosedReply(at(t, jkt, "2026-11-25 05:00"), "id"); got != "Maaf kak, hari ini pasar libur. Jadwal buka berikutnya belum ada." {
		t.Errorf("ClosedReply = %q", got)
	}
}

func TestNewErrors(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	for name, tc := range map[string]struct {
		h  func(*config.Hours)
		ov hours.Overrides
	}{
		"NoZone":      {h: func(h *config.Hours) {}},
		"BadOpen":     {h: func(h *config.Hours) { h.Open = "6" }},
		"CloseFirst":  {h: func(h *config.Hours) { h.Close = "05:00" }},
		"UnknownDay":  {h: func(h *config.Hours) { h.Days = map[string]string{"senen": "06:00-11:00"} }},
		"TwoNamesOne": {h: func(h *config.Hours) { h.Days = map[string]string{"minggu": "tutup", "Sunday": "06:00-11:00"} }},
		"BadClosed":   {h: func(h *config.Hours) { h.ClosedDates = []string{"25-12-2026"} }},
		"BadReport":   {h: func(h *config.Hours) { h.ReportAt = "20" }},
		"BadDay":      {h: func(h *config.Hours) {}, ov: hours.Overrides{Days: map[string]string{"2026-11-25": "12:00-06:00"}}},
		"BadDate":     {h: func(h *config.Hours) {}, ov: hours.Overrides{Days: map[string]string{"besok": "06:00-12:00"}}},
		"BadWeekday":  {h: func(h *config.Hours) {}, ov: hours.Overrides{Weekdays: map[time.Weekday]string{9: "06:00-12:00"}}},
		"BadHoliday":  {h: func(h *config.Hours) {}, ov: hours.Overrides{Holidays: []string{"2026-13-01"}}},
		"BadWeekSpan": {h: func(h *config.Hours) {}, ov: hours.Overrides{Weekdays: map[time.Weekday]string{time.Monday: "pagi"}}},
	} {
		t.Run(name, func(t *testing.T) {
			h := kahayan()
			tc.h(&h)
			loc := jkt
			if name == "NoZone" {
				loc = nil
			}
			if _, err := hours.New(h, loc, tc.ov); err == nil {
				t.Error("no error")
			}
		})
	}
}

// The configuration's zero value must not be accepted silently.
func TestNewEmptyHours(t *testing.T) {
	if _, err := hours.New(config.Hours{}, time.UTC, hours.Overrides{}); err == nil {
		t.Error("empty hours accepted")
	}
}

// New copies the overrides: changing the caller's maps later changes nothing.
func TestImmutable(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	ov := hours.Overrides{Days: map[string]string{"2026-11-25": "07:00-11:00"}}
	s := mustNew(t, kahayan(), jkt, ov)
	ov.Days["2026-11-25"] = "tutup"
	got := s.Overrides()
	got.Days["2026-11-25"] = "tutup"
	if !s.IsOpen(at(t, jkt, "2026-11-25 08:00")) || s.Overrides().Days["2026-11-25"] != "07:00-11:00" {
		t.Error("schedule changed through a map it was given or returned")
	}
}
