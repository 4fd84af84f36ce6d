package bot_test

import (
	"strings"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/orders"
	"pasarbot/store"
)

func TestMarketDay(t *testing.T) {
	t.Run("OpenCloseAcrossMidnight", func(t *testing.T) {
		h := newHarness(t)
		h.advance(5*time.Hour + time.Minute) // 12:01: closed
		contains(t, "closed", h.say(buyer1, "tomat 1 kg"), "tutup", "besok jam 06.00")
		h.advance(17*time.Hour + time.Minute) // 05:02 next day: still closed, notice already given
		if got := h.say(buyer1, "kangkung 1 ikat"); strings.Contains(got, "tutup") {
			t.Errorf("closed notice repeated in the same closed period: %s", got)
		}
		h.mark = h.rec.Len()
		h.advance(time.Hour) // 06:02: opening fired at 06:00
		contains(t, "opening broadcast", h.to("sayur"), "Pasar buka")
	})
	t.Run("HolidaySkipped", func(t *testing.T) {
		h := newHarness(t, func(c *config.Config) { c.Hours.ClosedDates = []string{"2026-11-26"} })
		h.advance(23 * time.Hour) // 06:00 on the holiday
		if got := h.to("sayur"); strings.Contains(got, "Pasar buka") {
			t.Errorf("opened on a holiday: %s", got)
		}
		contains(t, "holiday reply", h.say(buyer1, "tomat 1 kg"), "libur")
	})
	t.Run("RestartDoesNotRepeatOpening", func(t *testing.T) {
		h := newHarness(t)
		h.m.AdvanceTo(h.ctx, time.Date(2026, 11, 26, 6, 1, 0, 0, wib))
		count := func() int {
			n := 0
			for _, e := range h.rec.Since(0) {
				if e.Chat == "sayur@g.us" && strings.Contains(e.Text, "Pasar buka") {
					n++
				}
			}
			return n
		}
		if got := count(); got != 1 {
			t.Fatalf("opening broadcasts = %d", got)
		}
		h.restart()
		if err := h.m.AdvanceTo(h.ctx, time.Date(2026, 11, 26, 6, 30, 0, 0, wib)); err != nil {
			t.Fatal(err)
		}
		// Catch-up after the restart finds the opening done.
		if err := catchUp(h); err != nil {
			t.Fatal(err)
		}
		if got := count(); got != 0 { // new recorder after restart
			t.Errorf("opening repeated after restart: %d", got)
		}
	})
	t.Run("DowntimeOpensOnce", func(t *testing.T) {
		h := newHarness(t)
		h.advance(5*time.Hour + time.Minute) // closed
		h.restart()
		// Down over night: the process comes back at 06:05 without having
		// seen the 06:00 firing; catch-up opens the market once.
		h.restartAt(time.Date(2026, 11, 26, 6, 5, 0, 0, wib))
		if err := catchUp(h); err != nil {
			t.Fatal(err)
		}
		contains(t, "late opening", h.to("sayur"), "Pasar buka")
		h.mark = 0
		if err := catchUp(h); err != nil {
			t.Fatal(err)
		}
		n := strings.Count(h.to("sayur"), "Pasar buka")
		if n != 1 {
			t.Errorf("opening sent %d times", n)
		}
	})
}

// restartAt reopens the market with the clock at t, as after downtime.
func (h *harness) restartAt(t time.Time) {
	h.t.Helper()
	if err := h.m.Close(); err != nil {
		h.t.Fatal(err)
	}
	h.open(t)
}

func catchUp(h *harness) error {
	return h.m.CatchUp(h.ctx)
}

func TestDailyReportMatchesStore(t *testing.T) {
	h := newHarness(t)
	a := placeOrder(h, buyer1, "tomat 1 kg", false)
	h.group("sayur", sayurL, "OK "+a)
	h.group("kurir", kurir1, "AMBIL "+a)
	h.say(kurir1, "JEMPUT "+a)
	h.say(kurir1, "SELESAI "+a)
	b := placeOrder(h, buyer2, "ayam potong 1 ekor", true)
	h.group("daging", dagingL, "TOLAK "+b+" habis")
	placeOrder(h, buyer2, "bawang merah 1/2 kg", false)
	got := h.say(admin, "LAPORAN")
	contains(t, "report", got, "3 masuk", "1 selesai", "1 batal", "1 masih berjalan", "Rp12.000", "Tomat")

	var os []*orders.Order
	if err := h.m.DB().View(h.ctx, func(tx *store.Tx) error {
		var err error
		os, err = tx.OrdersOfDay("2026-11-25")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	r := bot.BuildReport("2026-11-25", os, nil)
	if r.Placed != 3 || r.Completed != 1 || r.Cancelled != 1 || r.Open != 1 || r.Revenue != 12000 || r.ByGroup["sayur"] != 12000 {
		t.Errorf("report = %+v", r)
	}
}
