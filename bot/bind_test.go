package bot_test

import (
	"strings"
	"testing"
)

func TestBindingChats(t *testing.T) {
	t.Run("AlreadyBound", func(t *testing.T) {
		h := newHarness(t)
		got := h.group("sayur", sayurL, "DAFTAR GRUP sayur")
		contains(t, "same group again", got, "sudah terdaftar")
		if strings.Contains(got, "gangguan") {
			t.Errorf("internal error reply: %s", got)
		}
		got = h.group("sayur", admin, "DAFTAR GRUP bumbu")
		contains(t, "another group onto a bound chat", got, "sudah terdaftar")
		if strings.Contains(got, "gangguan") {
			t.Errorf("internal error reply: %s", got)
		}
	})
	t.Run("LeaderCannotBindOntoCourierChat", func(t *testing.T) {
		h := newHarness(t)
		got := h.group("kurir", sayurL, "DAFTAR GRUP sayur")
		contains(t, "refusal", got, "grup kurir")
		// The seller group stays where it was, the courier group too.
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		contains(t, "card still in the seller group", h.to("sayur"), code)
		if h.to("kurir") != "" {
			t.Errorf("seller card reached the courier group: %s", h.to("kurir"))
		}
	})
	t.Run("CourierOntoSellerChat", func(t *testing.T) {
		h := newHarness(t)
		contains(t, "refusal", h.group("sayur", admin, "DAFTAR KURIR"), "Kelompok Sayur")
	})
}
