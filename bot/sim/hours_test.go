package sim_test

import (
	"testing"
	"time"

	"pasarbot/bot/config"
	"pasarbot/bot/sim"
)

func TestNextOpening(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Jakarta")
	h := config.Hours{
		Open: "06:00", Close: "12:00",
		Days:        map[string]string{"minggu": "07:00-11:00", "Sabtu": "tutup"},
		ClosedDates: []string{"2026-12-25"},
	}
	at := func(y int, m time.Month, d, hh, mm int) time.Time { return time.Date(y, m, d, hh, mm, 0, 0, loc) }
	for _, tt := range []struct {
		name        string
		after, want time.Time
	}{
		{"BeforeOpening", at(2026, 11, 25, 5, 50), at(2026, 11, 25, 6, 0)},             // Wednesday
		{"AtOpeningIsNext", at(2026, 11, 25, 6, 0), at(2026, 11, 26, 6, 0)},            // strictly after
		{"Afternoon", at(2026, 11, 25, 13, 0), at(2026, 11, 26, 6, 0)},                 //
		{"FridaySkipsClosedSaturday", at(2026, 11, 27, 13, 0), at(2026, 11, 29, 7, 0)}, // Sunday's own hours
		{"Holiday", at(2026, 12, 24, 13, 0), at(2026, 12, 27, 7, 0)},                   // 25 closed, 26 Saturday
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := sim.NextOpening(h, loc, tt.after)
			if !ok || !got.Equal(tt.want) {
				t.Errorf("NextOpening(%v) = %v, %v; want %v", tt.after, got, ok, tt.want)
			}
		})
	}
	t.Run("Never", func(t *testing.T) {
		never := config.Hours{Open: "06:00", Close: "12:00", Days: map[string]string{}}
		for name := range config.Weekdays {
			never.Days[name] = "tutup"
		}
		if got, ok := sim.NextOpening(never, loc, at(2026, 11, 25, 5, 0)); ok {
			t.Errorf("NextOpening = %v for a market that never opens", got)
		}
	})
}
