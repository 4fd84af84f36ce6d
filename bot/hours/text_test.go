package hours_test

import (
	"testing"
	"time"

	"pasarbot/bot/hours"
)

func TestClosedReply(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	h := kahayan()
	h.ClosedDates = append(h.ClosedDates, "2027-01-01")
	s := mustNew(t, h, jkt, hours.Overrides{})
	for _, tc := range []struct {
		name, at, lang, want string
	}{
		{"LaterToday", "2026-11-25 05:00", "id", "Maaf kak, pasar belum buka. Pasar buka hari ini jam 06.00 WIB."},
		{"Tomorrow", "2026-11-25 13:00", "id", "Maaf kak, pasar sudah tutup. Pasar buka lagi besok jam 06.00 WIB."},
		{"AfterMidnight", "2026-11-26 00:30", "id", "Maaf kak, pasar belum buka. Pasar buka hari ini jam 06.00 WIB."},
		{"AfterHoliday", "2026-12-24 13:00", "id", "Maaf kak, pasar sudah tutup. Pasar buka lagi hari Sabtu, 26 Desember jam 06.00 WIB."},
		{"OnHoliday", "2026-12-25 09:00", "id", "Maaf kak, hari ini pasar libur. Pasar buka lagi besok jam 06.00 WIB."},
		{"NextYear", "2026-12-31 13:00", "id", "Maaf kak, pasar sudah tutup. Pasar buka lagi hari Sabtu, 2 Januari 2027 jam 06.00 WIB."},
		{"Open", "2026-11-25 07:00", "id", "Pasar lagi buka kak, silakan pesan."},
		{"EnLaterToday", "2026-11-25 05:00", "en", "Sorry, the market isn't open yet. It opens today at 06:00 WIB."},
		{"EnTomorrow", "2026-11-25 13:00", "en", "Sorry, the market has closed. It opens again tomorrow at 06:00 WIB."},
		{"EnAfterHoliday", "2026-12-24 13:00", "en", "Sorry, the market has closed. It opens again on Saturday, 26 December at 06:00 WIB."},
		{"EnOnHoliday", "2026-12-25 09:00", "en", "Sorry, the market is closed today. It opens again tomorrow at 06:00 WIB."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.ClosedReply(at(t, jkt, tc.at), tc.lang); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestClosedReplyTutup(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	c := mustNew(t, kahayan(), jkt, s.CloseNow(at(t, jkt, "2026-11-25 10:00")))
	if got, want := c.ClosedReply(at(t, jkt, "2026-11-25 10:30"), "id"), "Maaf kak, pasar sedang tutup. Pasar buka lagi besok jam 06.00 WIB."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestZoneName(t *testing.T) {
	when := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for zone, want := range map[string]string{
		"Asia/Jakarta":   "WIB",
		"Asia/Pontianak": "WIB",
		"Asia/Makassar":  "WITA",
		"Asia/Jayapura":  "WIT",
		"Europe/Berlin":  "CET",
		"UTC":            "UTC",
		"Asia/Singapore": "Asia/Singapore", // tzdata says "+08"
	} {
		if got := hours.ZoneName(mustLoc(t, zone), when); got != want {
			t.Errorf("ZoneName(%s) = %q, want %q", zone, got, want)
		}
	}
}

func TestClosedReplyZones(t *testing.T) {
	for zone, want := range map[string]string{
		"Asia/Makassar": "Maaf kak, pasar sudah tutup. Pasar buka lagi besok jam 06.00 WITA.",
		"Asia/Jayapura": "Maaf kak, pasar sudah tutup. Pasar buka lagi besok jam 06.00 WIT.",
	} {
		loc := mustLoc(t, zone)
		s := mustNew(t, kahayan(), loc, hours.Overrides{})
		if got := s.ClosedReply(at(t, loc, "2026-11-25 13:00"), "id"); got != want {
			t.Errorf("%s: got %q, want %q", zone, got, want)
		}
	}
}

func TestHoursText(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	now := at(t, jkt, "2026-11-25 13:00")
	for lang, want := range map[string]string{
		"id": "Buka setiap hari 06.00–12.00 WIB (Minggu 06.00–11.00). Libur: 25 Des.",
		"en": "Open every day 06:00–12:00 WIB (Sunday 06:00–11:00). Closed: 25 Dec.",
	} {
		if got := s.HoursText(now, lang); got != want {
			t.Errorf("%s: got  %q\nwant %q", lang, got, want)
		}
	}
	// Christmas is past: not mentioned any more.
	if got, want := s.HoursText(at(t, jkt, "2026-12-26 08:00"), "id"), "Buka setiap hari 06.00–12.00 WIB (Minggu 06.00–11.00)."; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestHoursTextOverrides(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	h := kahayan()
	h.Days = map[string]string{"minggu": "06:00-11:00", "sabtu": "06:00-11:00", "jumat": "tutup"}
	ov := hours.Overrides{
		Days:     map[string]string{"2026-11-25": "07:00-11:00", "2026-11-26": "tutup"},
		Holidays: []string{"2027-06-01"}, // too far ahead to mention
		// 25 Dec is a Friday, closed anyway: not listed as a holiday.
	}
	s := mustNew(t, h, jkt, ov)
	now := at(t, jkt, "2026-11-25 08:00")
	s = mustNew(t, h, jkt, s.CloseNow(now))
	want := "Buka setiap hari 06.00–12.00 WIB (Jumat tutup; Sabtu, Minggu 06.00–11.00). Jam khusus: hari ini 07.00–11.00. Libur: 26 Nov. Saat ini tutup sampai hari Sabtu, 28 November jam 06.00."
	if got := s.HoursText(now, "id"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	open := mustNew(t, h, jkt, s.OpenNow(at(t, jkt, "2026-11-25 13:00")))
	if got, want := open.HoursText(at(t, jkt, "2026-11-25 13:00"), "en"), "Open every day 06:00–12:00 WIB (Friday closed; Saturday, Sunday 06:00–11:00). Special hours: today 07:00–11:00. Closed: 26 Nov. Open outside the usual hours until Saturday, 28 November at 11:00."; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestHoursTextNoRegularDays(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	h := kahayan()
	h.Days = map[string]string{"senin": "tutup", "selasa": "tutup", "rabu": "tutup", "kamis": "tutup", "jumat": "tutup", "sabtu": "tutup", "minggu": "tutup"}
	h.ClosedDates = nil
	s := mustNew(t, h, jkt, hours.Overrides{Days: map[string]string{"2026-11-28": "06:00-10:00"}})
	if got, want := s.HoursText(at(t, jkt, "2026-11-25 08:00"), "id"), "Belum ada jadwal buka rutin. Jam khusus: 28 Nov 06.00–10.00."; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
