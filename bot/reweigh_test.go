package bot_test

import (
	"testing"

	"pasarbot/orders"
)

// A weighing after a courier claimed the job must never leave the order
// stuck, and the courier's COD must follow what the buyer pays.
func TestReweighAfterClaim(t *testing.T) {
	t.Run("BeyondToleranceAccepted", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		h.group("sayur", sayurL, "TIMBANG "+code+" total 15000") // +25%: beyond the 10% tolerance
		h.say(buyer1, "ya")
		o := h.order(code)
		contains(t, "courier told", h.to(kurir1), code, "Rp23.000") // 15.000 + ongkir 8.000
		contains(t, "pickup", h.say(kurir1, "JEMPUT "+code), code)
		if o = h.order(code); o.Status != orders.PickedUp {
			t.Fatalf("status = %s after JEMPUT", o.Status)
		}
		contains(t, "delivered", h.say(kurir1, "SELESAI "+code), "Rp23.000")
	})
	t.Run("PickupWhileBuyerDecides", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		h.group("sayur", sayurL, "TIMBANG "+code+" total 15000")
		h.say(kurir1, "JEMPUT "+code)
		if o := h.order(code); o.Status != orders.PickedUp || o.Sub("sayur").AgreedTotal != 12000 {
			t.Fatalf("status = %s, agreed %d after JEMPUT while the buyer decides", o.Status, o.Sub("sayur").AgreedTotal)
		}
		contains(t, "buyer told", h.to(buyer1), code, "Rp12.000")
		contains(t, "group told", h.to("sayur"), code, "Rp12.000")
		h.say(buyer1, "ya")
		h.say(kurir1, "SELESAI "+code)
		if o := h.order(code); o.Status != orders.Delivered {
			t.Fatalf("status = %s", o.Status)
		}
	})
	t.Run("WithinToleranceTellsCourier", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		h.group("sayur", sayurL, "TIMBANG "+code+" total 13000")
		contains(t, "courier told", h.to(kurir1), code, "Rp21.000")
	})
}
