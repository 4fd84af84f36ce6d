package hours_test

import (
	"testing"
	"time"

	"pasarbot/bot/config"
	"pasarbot/bot/hours"
)

// kahayan is the example market: 06.00–12.00 every day, Sunday until 11.00,
// closed on Christmas.
func kahayan() config.Hours {
	return config.Hours{
		Open: "06:00", Close: "12:00",
		Days:        map[string]string{"minggu": "06:00-11:00"},
		ClosedDates: []string{"2026-12-25"},
		PreOrders:   true, OnClose: "expire", ReportAt: "20:00",
	}
}

func mustLoc(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

func mustNew(tb testing.TB, h config.Hours, loc *time.Location, ov hours.Overrides) *hours.Schedule {
	tb.Helper()
	s, err := hours.New(h, loc, ov)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// at reads "2026-11-25 06:00" in loc.
func at(tb testing.TB, loc *time.Location, s string) time.Time {
	tb.Helper()
	t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func fmtT(loc *time.Location, t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.In(loc).Format("2006-01-02 15:04")
}
