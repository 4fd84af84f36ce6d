package hours_test

import (
	"errors"
	"testing"
	"time"

	"pasarbot/bot/hours"
)

// TestInputErrors: an admin change the schedule refuses comes back as an
// InputError with its code and the value as given, so the engine can word
// it in the market's language.
func TestInputErrors(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	now := at(t, jkt, "2026-11-25 05:00")
	for _, tc := range []struct {
		name  string
		err   error
		code  hours.InputCode
		value string
	}{
		{"ErrBadDate", second(s.AddHoliday("2026-02-30")), hours.BadDate, "2026-02-30"},
		{"ErrBadDateRemove", second(s.RemoveHoliday("besok")), hours.BadDate, "besok"},
		{"ErrBadHours", second(s.SetToday(now, "12:00-06:00")), hours.BadHours, "12:00-06:00"},
		{"ErrBadHoursWeekday", second(s.SetWeekday(time.Monday, "pagi")), hours.BadHours, "pagi"},
		{"ErrBadWeekday", second(s.SetWeekday(time.Weekday(9), "06:00-12:00")), hours.BadWeekday, "9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ie *hours.InputError
			if !errors.As(tc.err, &ie) {
				t.Fatalf("error %v is no InputError", tc.err)
			}
			if ie.Code != tc.code || ie.Value != tc.value || ie.Error() == "" {
				t.Errorf("got %s %q (%v), want %s %q", ie.Code, ie.Value, ie, tc.code, tc.value)
			}
		})
	}
}

func second(_ hours.Overrides, err error) error { return err }
