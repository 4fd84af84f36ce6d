package hours_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"pasarbot/bot/hours"
)

func TestOpenNow(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})

	t.Run("BeforeOpening", func(t *testing.T) {
		now := at(t, jkt, "2026-11-25 05:00")
		ov := s.OpenNow(now)
		if got, want := fmtT(jkt, ov.ForceOpenUntil), "2026-11-25 12:00"; got != want {
			t.Fatalf("ForceOpenUntil = %s, want %s (the next scheduled close)", got, want)
		}
		b := mustNew(t, kahayan(), jkt, ov)
		if !b.IsOpen(now) || !b.IsOpen(at(t, jkt, "2026-11-25 05:59")) || b.IsOpen(at(t, jkt, "2026-11-25 12:00")) {
			t.Error("BUKA at 05:00 not open 05:00–12:00")
		}
		if b.IsOpen(now.Add(-time.Minute)) {
			t.Error("BUKA reaches back before it was given")
		}
		// The 06:00 opening is already covered; the 12:00 close still is a close.
		if b.Effective(hours.Firing{Job: hours.JobOpen, At: at(t, jkt, "2026-11-25 06:00")}) {
			t.Error("06:00 open effective after BUKA")
		}
		if !b.Effective(hours.Firing{Job: hours.JobClose, At: at(t, jkt, "2026-11-25 12:00")}) {
			t.Error("12:00 close not effective after BUKA")
		}
		if got, want := fmtT(jkt, b.NextClose(now)), "2026-11-25 12:00"; got != want {
			t.Errorf("NextClose = %s, want %s", got, want)
		}
	})
	t.Run("AfterClosing", func(t *testing.T) {
		// Open through the night until tomorrow's scheduled close.
		ov := s.OpenNow(at(t, jkt, "2026-11-25 13:00"))
		if got, want := fmtT(jkt, ov.ForceOpenUntil), "2026-11-26 12:00"; got != want {
			t.Fatalf("ForceOpenUntil = %s, want %s", got, want)
		}
		b := mustNew(t, kahayan(), jkt, ov)
		if !b.IsOpen(at(t, jkt, "2026-11-26 03:00")) {
			t.Error("not open overnight")
		}
		if got, want := fmtT(jkt, b.NextOpen(at(t, jkt, "2026-11-25 13:30"))), "2026-11-27 06:00"; got != want {
			t.Errorf("NextOpen = %s, want %s", got, want)
		}
	})
	t.Run("WhileOpen", func(t *testing.T) {
		if ov := s.OpenNow(at(t, jkt, "2026-11-25 08:00")); !reflect.DeepEqual(ov, hours.Overrides{}) {
			t.Errorf("BUKA while open = %+v, want nothing", ov)
		}
	})
	t.Run("LiftsTutup", func(t *testing.T) {
		closed := mustNew(t, kahayan(), jkt, s.CloseNow(at(t, jkt, "2026-11-25 08:00")))
		reopened := mustNew(t, kahayan(), jkt, closed.OpenNow(at(t, jkt, "2026-11-25 09:00")))
		if !reopened.IsOpen(at(t, jkt, "2026-11-25 09:00")) {
			t.Error("BUKA after TUTUP not open")
		}
		if !reflect.DeepEqual(reopened.Overrides(), hours.Overrides{}) {
			t.Errorf("overrides = %+v, want none", reopened.Overrides())
		}
	})
}

func TestCloseNow(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	now := at(t, jkt, "2026-11-25 10:00")
	ov := s.CloseNow(now)
	if got, want := fmtT(jkt, ov.ForceClosedUntil), "2026-11-26 06:00"; got != want {
		t.Fatalf("ForceClosedUntil = %s, want %s (the next scheduled open)", got, want)
	}
	c := mustNew(t, kahayan(), jkt, ov)
	if c.IsOpen(now) || c.IsOpen(at(t, jkt, "2026-11-25 11:59")) || !c.IsOpen(at(t, jkt, "2026-11-25 09:59")) {
		t.Error("TUTUP at 10:00 wrong")
	}
	if c.Effective(hours.Firing{Job: hours.JobClose, At: at(t, jkt, "2026-11-25 12:00")}) {
		t.Error("12:00 close effective after TUTUP")
	}
	if !c.Effective(hours.Firing{Job: hours.JobOpen, At: at(t, jkt, "2026-11-26 06:00")}) {
		t.Error("next opening not effective after TUTUP")
	}
	// Before TUTUP was given, yesterday's close was real.
	if !c.Effective(hours.Firing{Job: hours.JobClose, At: at(t, jkt, "2026-11-24 12:00")}) {
		t.Error("TUTUP reaches back to yesterday")
	}
	if ov := c.CloseNow(at(t, jkt, "2026-11-25 10:30")); !ov.ForceClosedUntil.Equal(c.Overrides().ForceClosedUntil) {
		// TUTUP again while closed by TUTUP keeps the same end.
		t.Errorf("TUTUP twice = %+v", ov)
	}
	if ov := s.CloseNow(at(t, jkt, "2026-11-25 13:00")); !reflect.DeepEqual(ov, hours.Overrides{}) {
		t.Errorf("TUTUP while closed = %+v, want nothing", ov)
	}
}

func TestSetToday(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	now := at(t, jkt, "2026-11-25 05:00")
	ov, err := s.SetToday(now, "7:00-11.00")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ov.Days["2026-11-25"], "07:00-11:00"; got != want {
		t.Fatalf("Days = %q, want %q", got, want)
	}
	d := mustNew(t, kahayan(), jkt, ov)
	if d.IsOpen(at(t, jkt, "2026-11-25 06:30")) || !d.IsOpen(at(t, jkt, "2026-11-25 07:00")) || d.IsOpen(at(t, jkt, "2026-11-25 11:00")) {
		t.Error("special hours not applied")
	}
	if !d.IsOpen(at(t, jkt, "2026-11-26 06:00")) {
		t.Error("special hours leak into tomorrow")
	}
	if _, err := s.SetToday(now, "11:00-07:00"); err == nil {
		t.Error("reversed span accepted")
	}
	// A date's hours beat a configured holiday.
	x, err := s.SetDay("2026-12-25", "08:00-10:00")
	if err != nil {
		t.Fatal(err)
	}
	if !mustNew(t, kahayan(), jkt, x).IsOpen(at(t, jkt, "2026-12-25 09:00")) {
		t.Error("JAM on a holiday does not open it")
	}
}

func TestSetWeekday(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	ov, err := s.SetWeekday(time.Monday, "tutup")
	if err != nil {
		t.Fatal(err)
	}
	m := mustNew(t, kahayan(), jkt, ov)
	if got, want := fmtT(jkt, m.NextOpen(at(t, jkt, "2026-11-29 12:00"))), "2026-12-01 06:00"; got != want {
		t.Errorf("NextOpen over closed Monday = %s, want %s", got, want)
	}
	if _, err := s.SetWeekday(7, "06:00-12:00"); err == nil {
		t.Error("weekday 7 accepted")
	}
}

func TestHolidays(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	today, err := s.SetToday(at(t, jkt, "2026-11-26 05:00"), "07:00-10:00")
	if err != nil {
		t.Fatal(err)
	}
	s = mustNew(t, kahayan(), jkt, today)
	ov, err := s.AddHoliday("2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ov.Days["2026-11-26"]; ok {
		t.Error("LIBUR kept that day's special hours")
	}
	ov2, _ := mustNew(t, kahayan(), jkt, ov).AddHoliday("2026-11-26")
	if !reflect.DeepEqual(ov2.Holidays, []string{"2026-11-26"}) {
		t.Errorf("Holidays = %v, want one entry", ov2.Holidays)
	}
	h := mustNew(t, kahayan(), jkt, ov)
	if got, want := fmtT(jkt, h.NextOpen(at(t, jkt, "2026-11-25 13:00"))), "2026-11-27 06:00"; got != want {
		t.Errorf("NextOpen = %s, want %s", got, want)
	}
	if h.Effective(hours.Firing{Job: hours.JobOpen, At: at(t, jkt, "2026-11-26 06:00")}) {
		t.Error("open on a holiday is effective")
	}
	if _, err := s.AddHoliday("26/11/2026"); err == nil {
		t.Error("bad date accepted")
	}

	t.Run("RemoveAdded", func(t *testing.T) {
		back, err := h.RemoveHoliday("2026-11-26")
		if err != nil {
			t.Fatal(err)
		}
		if back.Holidays != nil || !mustNew(t, kahayan(), jkt, back).IsOpen(at(t, jkt, "2026-11-26 06:00")) {
			t.Errorf("LIBUR BATAL: %+v", back)
		}
	})
	t.Run("RemoveConfigured", func(t *testing.T) {
		back, err := h.RemoveHoliday("2026-12-25")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := back.Days["2026-12-25"], "06:00-12:00"; got != want {
			t.Errorf("Days = %q, want %q", got, want)
		}
		if !mustNew(t, kahayan(), jkt, back).IsOpen(at(t, jkt, "2026-12-25 06:00")) {
			t.Error("configured holiday not lifted")
		}
	})
}

// A BUKA/TUTUP survives a change that leaves the days it spans alone and
// is dropped (the newer command wins) when the change touches them.
func TestChangeKeepsOrDropsForce(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	tutup := mustNew(t, kahayan(), jkt, s.CloseNow(at(t, jkt, "2026-11-25 10:00"))) // until Thu 06:00

	ov, err := tutup.SetWeekday(time.Saturday, "07:00-12:00")
	if err != nil {
		t.Fatal(err)
	}
	if ov.ForceClosedUntil.IsZero() {
		t.Error("change of Saturday dropped Wednesday's TUTUP")
	}
	ov, err = tutup.SetToday(at(t, jkt, "2026-11-25 10:05"), "06:00-14:00")
	if err != nil {
		t.Fatal(err)
	}
	if !ov.ForceClosedUntil.IsZero() {
		t.Error("JAM for today kept the TUTUP")
	}
	after := mustNew(t, kahayan(), jkt, ov)
	if f, ok := hours.Switched(tutup, after, at(t, jkt, "2026-11-25 10:05")); !ok || f.Job != hours.JobOpen || f.Key != "open:admin:2026-11-25T10:05:00" {
		t.Errorf("Switched = %+v, %v", f, ok)
	}
	// Thursday's hours change the day the TUTUP ends on: dropped, so its
	// end never falls where no cron entry fires.
	ov, err = tutup.SetWeekday(time.Thursday, "08:00-12:00")
	if err != nil {
		t.Fatal(err)
	}
	if !ov.ForceClosedUntil.IsZero() {
		t.Error("change of Thursday kept a TUTUP ending Thursday 06:00")
	}
}

func TestSwitchedNoChange(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	s := mustNew(t, kahayan(), jkt, hours.Overrides{})
	if _, ok := hours.Switched(s, mustNew(t, kahayan(), jkt, s.OpenNow(at(t, jkt, "2026-11-25 08:00"))), at(t, jkt, "2026-11-25 08:00")); ok {
		t.Error("BUKA while open switched something")
	}
	now := at(t, jkt, "2026-11-25 08:00")
	if f, ok := hours.Switched(s, mustNew(t, kahayan(), jkt, s.CloseNow(now)), now); !ok || f.Job != hours.JobClose {
		t.Errorf("TUTUP: %+v, %v", f, ok)
	}
}

func TestPrune(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	ov := hours.Overrides{
		Days:     map[string]string{"2026-11-24": "07:00-11:00", "2026-11-25": "07:00-11:00"},
		Holidays: []string{"2026-11-01", "2026-12-31"},
		Weekdays: map[time.Weekday]string{time.Monday: "tutup"},
	}
	s := mustNew(t, kahayan(), jkt, ov)
	s = mustNew(t, kahayan(), jkt, s.CloseNow(at(t, jkt, "2026-11-25 08:00")))
	got := s.Prune(at(t, jkt, "2026-11-25 09:00"))
	want := hours.Overrides{
		ForcedAt:         got.ForcedAt,
		ForceClosedUntil: got.ForceClosedUntil,
		Days:             map[string]string{"2026-11-25": "07:00-11:00"},
		Holidays:         []string{"2026-12-31"},
		Weekdays:         map[time.Weekday]string{time.Monday: "tutup"},
	}
	if got.ForceClosedUntil.IsZero() || !reflect.DeepEqual(got, want) {
		t.Errorf("Prune = %+v\nwant %+v", got, want)
	}
	if got := s.Prune(at(t, jkt, "2026-11-26 08:00")); !got.ForceClosedUntil.IsZero() {
		t.Error("expired TUTUP kept")
	}
}

func TestOverridesJSON(t *testing.T) {
	jkt := mustLoc(t, "Asia/Jakarta")
	ov := hours.Overrides{
		ForcedAt:         at(t, jkt, "2026-11-25 10:00"),
		ForceClosedUntil: at(t, jkt, "2026-11-26 06:00"),
		Days:             map[string]string{"2026-11-27": "07:00-11:00", "2026-11-26": "tutup"},
		Weekdays:         map[time.Weekday]string{time.Sunday: "06:00-10:00", time.Monday: "tutup"},
		Holidays:         []string{"2026-12-25"},
	}
	b, err := json.Marshal(ov)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"forced_at":"2026-11-25T10:00:00+07:00","force_closed_until":"2026-11-26T06:00:00+07:00","days":{"2026-11-26":"tutup","2026-11-27":"07:00-11:00"},"weekdays":{"minggu":"06:00-10:00","senin":"tutup"},"holidays":["2026-12-25"]}`
	if string(b) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", b, want)
	}
	var back hours.Overrides
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.ForcedAt.Equal(ov.ForcedAt) || !back.ForceClosedUntil.Equal(ov.ForceClosedUntil) ||
		!reflect.DeepEqual(back.Days, ov.Days) || !reflect.DeepEqual(back.Weekdays, ov.Weekdays) || !reflect.DeepEqual(back.Holidays, ov.Holidays) {
		t.Errorf("round trip = %+v", back)
	}
	if b, _ := json.Marshal(hours.Overrides{}); string(b) != "{}" {
		t.Errorf("empty = %s", b)
	}
	if err := json.Unmarshal([]byte(`{"weekdays":{"1":"tutup","Sunday":"tutup"}}`), &back); err != nil || back.Weekdays[time.Monday] != "tutup" || back.Weekdays[time.Sunday] != "tutup" {
		t.Errorf("numeric/English keys: %v %+v", err, back)
	}
	if err := json.Unmarshal([]byte(`{"weekdays":{"senen":"tutup"}}`), &back); err == nil {
		t.Error("unknown weekday accepted")
	}
}
