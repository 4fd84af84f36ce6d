package bot_test

import (
	"regexp"
	"strings"
	"testing"

	"pasarbot/bot/config"
	"pasarbot/orders"
)

// negativeRupiah finds a negative amount in any text the market sent.
var negativeRupiah = regexp.MustCompile(`-Rp|Rp-`)

func TestBuyerQuantityBound(t *testing.T) {
	t.Run("HugeQuantityRefused", func(t *testing.T) {
		h := newHarness(t)
		got := h.say(buyer1, "cabe rawit merah 375000000000 kg")
		if strings.HasPrefix(got, "Betul") {
			got = h.say(buyer1, "ya") // the parser asks first; the cart still refuses
		}
		if negativeRupiah.MatchString(got) {
			t.Fatalf("negative amount in reply:\n%s", got)
		}
		contains(t, "refusal", got, "paling banyak", "100")
		contains(t, "cart", h.say(buyer1, "cek"), "kosong")
	})
	t.Run("MergedLinesBounded", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "tomat 60 kg")
		if got := h.say(buyer1, "ya"); got == "" {
			t.Fatal("no reply")
		}
		got := h.say(buyer1, "tomat 60 kg lagi")
		if strings.HasPrefix(got, "Betul") {
			got = h.say(buyer1, "ya")
		}
		contains(t, "merged refusal", got, "paling banyak 100 kg")
	})
	t.Run("OrderTotalBounded", func(t *testing.T) {
		h := newHarness(t, func(c *config.Config) { c.Limits.MaxOrderTotal = 50000; c.Limits.MaxLineAmount = 50000 })
		h.say(buyer1, "tomat 2 kg")
		got := h.say(buyer1, "bawang merah 1 kg")
		contains(t, "order refusal", got, "Rp50.000")
	})
}

func TestSellerBounds(t *testing.T) {
	t.Run("HargaTotalTooHigh", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		got := h.group("sayur", sayurL, "HARGA "+code+" 99999999999999999999")
		contains(t, "refusal", got, "paling banyak Rp20.000.000")
		if s := h.order(code).Sub("sayur"); s.Status != orders.Placed || s.Proposal != nil {
			t.Errorf("sub = %+v", s)
		}
		if negativeRupiah.MatchString(h.to(buyer1)) || h.to(buyer1) != "" {
			t.Errorf("buyer asked: %s", h.to(buyer1))
		}
	})
	t.Run("HargaNegative", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		h.group("sayur", sayurL, "HARGA "+code+" -5000")
		if s := h.order(code).Sub("sayur"); s.Status != orders.Placed {
			t.Errorf("-5000 read as a price: %+v", s.Proposal)
		}
	})
	t.Run("HargaLinePriceAbsurd", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		contains(t, "refusal", h.group("sayur", sayurL, "HARGA "+code+" tomat 999999999999/kg"), "paling tinggi Rp10.000.000")
		if s := h.order(code).Sub("sayur"); s.Status != orders.Placed {
			t.Errorf("status = %s", s.Status)
		}
	})
	t.Run("TimbangQtyAbsurd", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		h.group("sayur", sayurL, "OK "+code)
		before := h.order(code).Sub("sayur").AgreedTotal
		got := h.group("sayur", sayurL, "TIMBANG "+code+" tomat 999999999999")
		contains(t, "refusal", got, "paling banyak 100 kg")
		if s := h.order(code).Sub("sayur"); s.AgreedTotal != before || s.Status != orders.Confirmed {
			t.Errorf("sub = %+v", s)
		}
		if l := h.order(code).Lines[0]; l.Qty != 1000 {
			t.Errorf("line qty changed to %s", l.Qty)
		}
	})
	t.Run("TimbangTotalAbsurd", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		h.group("sayur", sayurL, "OK "+code)
		contains(t, "refusal", h.group("sayur", sayurL, "TIMBANG "+code+" total 99999999999999"), "paling banyak")
		if s := h.order(code).Sub("sayur"); s.Status != orders.Confirmed || s.Proposal != nil {
			t.Errorf("sub = %+v", s)
		}
	})
	t.Run("CatalogPriceOutOfRange", func(t *testing.T) {
		for _, in := range []string{"HARGA tomat 0/kg", "HARGA tomat -5000/kg", "HARGA tomat 99999999999/kg", "HARGA tomat 99999999999999999999"} {
			h := newHarness(t)
			contains(t, in, h.group("sayur", sayurL, in), "Tomat", "Rp10.000.000")
			if got := h.say(buyer1, "harga tomat"); !strings.Contains(got, "Rp12.000") {
				t.Errorf("%s: price changed: %s", in, got)
			}
		}
	})
}

func TestOrderOverLimitsNotPlaced(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 50 kg")
	// A change bypasses the add-time check (the lead's cart rewrite bounds
	// it too); checkout still refuses.
	h.say(buyer1, "ganti tomat jadi 150 kg")
	h.say(buyer1, "itu aja")
	h.say(buyer1, "1")
	h.say(buyer1, address)
	got := h.say(buyer1, "ya")
	if c, err := h.m.LastOrderCode(h.ctx); err == nil && c != "" {
		t.Fatalf("order %s placed over the limits; reply:\n%s", c, got)
	}
	contains(t, "refusal", got, "paling banyak 100 kg")
}
