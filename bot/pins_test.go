package bot_test

import (
	"regexp"
	"testing"

	"pasarbot/orders"
)

var pinRe = regexp.MustCompile(`PIN[^*]*\*(\d{4})\*`)

func pinIn(t *testing.T, text string) string {
	t.Helper()
	m := pinRe.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no PIN in:\n%s", text)
	}
	return m[1]
}

func TestPickupPINs(t *testing.T) {
	t.Run("DrawnAtClaimStoredWithJob", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		if got := h.to("sayur"); pinRe.MatchString(got) {
			t.Errorf("PIN before any claim:\n%s", got)
		}
		h.group("kurir", kurir1, "AMBIL "+code)
		groupPIN := pinIn(t, h.to("sayur"))
		if brief := pinIn(t, h.to(kurir1)); brief != groupPIN {
			t.Errorf("courier PIN %s, group PIN %s", brief, groupPIN)
		}
		if j := h.job(code); j.Pins["sayur"] != groupPIN {
			t.Errorf("stored pins %v", j.Pins)
		}
	})
	t.Run("NotDerivedFromCode", func(t *testing.T) {
		// The same order code and seed in two markets: a derived PIN is the
		// same both times, a drawn one differs (1 in 10 000 chance it does not,
		// so three tries).
		same := 0
		for i := 0; i < 3; i++ {
			a, b := newHarness(t), newHarness(t)
			ca, cb := confirmedDelivery(a), confirmedDelivery(b)
			a.group("kurir", kurir1, "AMBIL "+ca)
			b.group("kurir", kurir1, "AMBIL "+cb)
			if ca == cb && pinIn(t, a.to("sayur")) == pinIn(t, b.to("sayur")) {
				same++
			}
		}
		if same == 3 {
			t.Error("PINs follow from the order code")
		}
	})
	t.Run("GiveBackVoidsPINAndAccess", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		h.say(kurir1, "BATAL AMBIL "+code+" ban bocor")
		contains(t, "group told", h.to("sayur"), code, "tidak berlaku")
		if j := h.job(code); len(j.Pins) != 0 {
			t.Errorf("pins kept after give-back: %v", j.Pins)
		}
		contains(t, "old courier", h.say(kurir1, "PESAN "+code+" halo"), "bukan milik")
		h.group("kurir", kurir2, "AMBIL "+code)
		newPIN := pinIn(t, h.to("sayur"))
		if j := h.job(code); j.Pins["sayur"] != newPIN || j.Courier != kurir2 {
			t.Errorf("job after reclaim: %+v", j)
		}
	})
}

func TestCourierRemovalAndUnassign(t *testing.T) {
	t.Run("KurirHapusReleasesClaimed", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		contains(t, "admin", h.say(admin, "KURIR HAPUS 0833-0000-0001"), code)
		contains(t, "rebroadcast", h.to("kurir"), "AMBIL "+code)
		if j := h.job(code); j.Status != orders.JobOpen || j.Courier != "" {
			t.Fatalf("job = %+v", j)
		}
		h.group("kurir", kurir2, "AMBIL "+code)
		contains(t, "pickup", h.say(kurir2, "JEMPUT "+code), code)
		if s := h.order(code).Status; s != orders.PickedUp {
			t.Errorf("status = %s", s)
		}
	})
	t.Run("KurirHapusRefusedWhileCarrying", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		h.say(kurir1, "JEMPUT "+code)
		contains(t, "refusal", h.say(admin, "KURIR HAPUS 0833-0000-0001"), code, "membawa")
		contains(t, "still a courier", h.say(kurir1, "SELESAI "+code), code)
	})
	t.Run("AdminLepas", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		contains(t, "admin", h.say(admin, "LEPAS "+code), code)
		contains(t, "courier told", h.to(kurir1), code, "dilepas")
		if j := h.job(code); j.Status != orders.JobOpen {
			t.Fatalf("job = %+v", j)
		}
	})
	t.Run("TugaskanClaimedReassigns", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		contains(t, "admin", h.say(admin, "TUGASKAN "+code+" 0833-0000-0002"), "Mas Eko")
		if j := h.job(code); j.Courier != kurir2 || j.Status != orders.JobClaimed {
			t.Fatalf("job = %+v", j)
		}
		contains(t, "old courier", h.say(kurir1, "JEMPUT "+code), "bukan milik")
		contains(t, "new courier", h.say(kurir2, "JEMPUT "+code), code)
	})
}
