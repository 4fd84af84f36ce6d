package bot_test

import (
	"testing"
	"time"

	"pasarbot/orders"
)

// placeOrder puts one order for group g's product and returns its code.
func placeOrder(h *harness, phone, items string, pickup bool) string {
	h.t.Helper()
	h.say(phone, items)
	h.say(phone, "itu aja")
	if pickup {
		h.say(phone, "2")
	} else {
		h.say(phone, "1")
		h.say(phone, address)
	}
	h.say(phone, "ya")
	return h.lastCode()
}

func TestSellerAnswers(t *testing.T) {
	t.Run("Confirm", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		contains(t, "group ack", h.group("sayur", sayurL, "ok "+code+" siap"), code)
		if s := h.order(code).Sub("sayur"); s.Status != orders.Confirmed || s.ConfirmedBy != sayurL {
			t.Errorf("sub = %+v", s)
		}
	})
	t.Run("DuplicateOKIgnored", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		h.group("sayur", sayurL, "OK "+code)
		events := len(h.order(code).Subs)
		contains(t, "second OK", h.group("sayur", sayurL, "OK "+code), "tidak perlu")
		if h.to(buyer1) != "" {
			t.Errorf("buyer told twice: %s", h.to(buyer1))
		}
		_ = events
	})
	t.Run("PartialAccepted", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg, kangkung 2 ikat", false)
		h.group("sayur", sayurL, "OK "+code+" tanpa tomat")
		contains(t, "buyer asked", h.to(buyer1), code, "Tomat", "Rp8.000")
		h.say(buyer1, "ya")
		o := h.order(code)
		if len(o.Lines) != 1 || o.Lines[0].SKU != "kangkung" {
			t.Errorf("lines = %+v", o.Lines)
		}
		if o.Status != orders.AwaitingCourier || o.Total() != 8000+8000 {
			t.Errorf("status %s total %d", o.Status, o.Total())
		}
	})
	t.Run("PartialQtyRefused", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg, kangkung 2 ikat", false)
		h.group("sayur", sayurL, "ADA "+code+" tomat 1/2 saja")
		contains(t, "buyer asked", h.to(buyer1), "1/2 kg")
		h.say(buyer1, "tidak")
		o := h.order(code)
		if o.Status != orders.Cancelled {
			t.Errorf("status = %s", o.Status)
		}
		contains(t, "group told", h.to("sayur"), "dibatalkan")
	})
	t.Run("Reject", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		h.group("sayur", sayurL, "TOLAK "+code+" habis")
		contains(t, "buyer", h.to(buyer1), "habis")
		if s := h.order(code).Status; s != orders.Rejected {
			t.Errorf("status = %s", s)
		}
	})
	t.Run("PriceChange", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		h.group("sayur", sayurL, "HARGA "+code+" 15000")
		contains(t, "buyer asked", h.to(buyer1), "Rp15.000")
		h.say(buyer1, "oke")
		if got := h.order(code).Sub("sayur").AgreedTotal; got != 15000 {
			t.Errorf("agreed = %d", got)
		}
	})
	t.Run("PerLinePrice", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "cabe rawit merah 1/4, bawang merah 1/2 kg", false)
		h.group("bumbu", bumbuL, "HARGA "+code+" cabe rawit merah 48000/kg")
		contains(t, "buyer asked", h.to(buyer1), "Rp34.500")
	})
	t.Run("ErrNotLeader", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		contains(t, "refusal", h.group("sayur", sayurM, "OK "+code), "Bu Tini")
		if s := h.order(code).Status; s != orders.Placed {
			t.Errorf("status = %s", s)
		}
	})
	t.Run("ErrWrongGroup", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		contains(t, "refusal", h.group("bumbu", bumbuL, "OK "+code), "bukan untuk")
	})
	t.Run("ErrUnknownOrder", func(t *testing.T) {
		h := newHarness(t)
		contains(t, "refusal", h.group("sayur", sayurL, "OK X9Y9"), "tidak ditemukan")
	})
	t.Run("DeadlineReminderAndTimeout", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		h.advance(21 * time.Minute)
		contains(t, "reminder", h.to("sayur"), "Pengingat", code)
		h.advance(11 * time.Minute)
		contains(t, "buyer asked", h.to(buyer1), "menunggu")
		h.say(buyer1, "tidak")
		if s := h.order(code).Status; s != orders.Cancelled {
			t.Errorf("status = %s", s)
		}
	})
	t.Run("ExpiredAtClose", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		h.advance(5*time.Hour + 1*time.Minute)
		if s := h.order(code).Status; s != orders.Expired {
			t.Errorf("status = %s", s)
		}
	})
}

func TestBargaining(t *testing.T) {
	t.Run("ThreeRoundsToAgreement", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "ayam potong 2 ekor", true) // Rp90.000
		h.say(buyer1, "tawar 85rb")
		contains(t, "relayed", h.to("daging"), "Rp85.000", "Rp90.000")
		h.group("daging", dagingL, "HARGA "+code+" 89000")
		contains(t, "counter", h.to(buyer1), "Rp89.000")
		h.say(buyer1, "bisa 86 ribu?")
		contains(t, "round 2", h.to("daging"), "Rp86.000")
		h.group("daging", dagingL, "HARGA "+code+" 88000")
		h.say(buyer1, "tawar 87rb")
		h.group("daging", dagingL, "OK "+code)
		contains(t, "deal", h.to(buyer1), "Rp87.000")
		o := h.order(code)
		if got := o.Sub("daging").AgreedTotal; got != 87000 {
			t.Errorf("agreed = %d", got)
		}
		if o.Status != orders.Confirmed {
			t.Errorf("status = %s", o.Status)
		}
		contains(t, "no more rounds", h.say(buyer1, "tawar 86rb "+code), "habis")
	})
	t.Run("UnderFloorAutoRefused", func(t *testing.T) {
		h := newHarness(t)
		placeOrder(h, buyer1, "ayam potong 2 ekor", true)
		contains(t, "auto refusal", h.say(buyer1, "tawar 50rb"), "terlalu")
		if got := h.to("daging"); got != "" {
			t.Errorf("trader bothered: %s", got)
		}
	})
	t.Run("SellerRefusesOffer", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "ayam potong 2 ekor", true)
		h.say(buyer1, "tawar 85rb")
		h.group("daging", dagingL, "TOLAK "+code)
		contains(t, "refused", h.to(buyer1), "Rp90.000")
		h.group("daging", dagingL, "OK "+code)
		if got := h.order(code).Sub("daging").AgreedTotal; got != 90000 {
			t.Errorf("agreed = %d", got)
		}
	})
}

func TestWeighing(t *testing.T) {
	h := newHarness(t)
	code := placeOrder(h, buyer1, "bawang merah 1/2 kg", false) // Rp22.500
	h.group("bumbu", bumbuL, "OK "+code)
	h.group("bumbu", bumbuL, "TIMBANG "+code+" total 23500")
	contains(t, "within tolerance", h.to(buyer1), "Rp23.500")
	if got := h.order(code).Total(); got != 23500+8000 {
		t.Errorf("total = %d", got)
	}
	h.group("bumbu", bumbuL, "TIMBANG "+code+" total 30000")
	contains(t, "needs approval", h.to(buyer1), "Rp30.000", "Setuju")
	h.say(buyer1, "ya")
	if got := h.order(code).Total(); got != 30000+8000 {
		t.Errorf("total = %d", got)
	}
}

func TestGroupBinding(t *testing.T) {
	h := newHarness(t)
	contains(t, "unbound", h.group("grupbaru", sayurL, "OK A3C4"), "DAFTAR GRUP")
	if got := h.group("grupbaru", sayurL, "OK A3C4"); got != "" {
		t.Errorf("told twice: %s", got)
	}
	contains(t, "not allowed", h.group("grupbaru", bumbuL, "DAFTAR GRUP sayur"), "ketua")
	contains(t, "bound", h.group("grupbaru", sayurL, "DAFTAR GRUP sayur"), "Kelompok Sayur")
	contains(t, "unknown", h.group("grupbaru", admin, "DAFTAR GRUP mainan"), "mainan")
}

func TestLeaderPriceUpdates(t *testing.T) {
	h := newHarness(t)
	contains(t, "price", h.group("bumbu", bumbuL, "HARGA cabe rawit merah 60000/kg"), "Rp60.000")
	contains(t, "buyer sees", h.say(buyer1, "harga cabe rawit merah"), "Rp60.000")
	contains(t, "not leader", h.group("sayur", sayurL, "HARGA bawang merah 10000"), "ketua")
	contains(t, "habis", h.group("bumbu", bumbuL, "HABIS bawang putih"), "habis")
	contains(t, "sold out to buyer", h.say(buyer1, "bawang putih 1 kg"), "habis")
	contains(t, "ada", h.group("bumbu", bumbuL, "ADA bawang putih"), "tersedia")
}

func TestSpokenOffers(t *testing.T) {
	h := newHarness(t)
	code := placeOrder(h, buyer1, "ayam potong 2 ekor", true) // Rp90.000
	h.say(buyer1, "tawar delapan lima")
	contains(t, "spoken price relayed", h.to("daging"), "Rp85.000")
	h.group("daging", dagingL, "HARGA "+code+" 88000")
	contains(t, "slang juta confirmed", h.say(buyer1, "tawar 86 juta"), "Maksudnya")
}

// TestGroupHelp: "BANTUAN" in a seller group and in the courier group
// answers with that party's command list; in a chat between traders it is
// the only new word the bot answers.
func TestGroupHelp(t *testing.T) {
	h := newHarness(t)
	contains(t, "leader help", h.group("sayur", sayurL, "bantuan"), "*Perintah grup penjual*", "*OK A7K2*", "*HARGA cabe rawit 60000/kg*", "*TIMBANG A7K2")
	contains(t, "courier help", h.group("kurir", kurir1, "BANTUAN"), "*Perintah kurir*", "*AMBIL A7K2*", "*BATAL AMBIL A7K2 alasan*", "*REKAP*")
	if got := h.group("sayur", sayurL, "bantuan dong, siapa yang ke pasar?"); got != "" {
		t.Errorf("chat answered: %s", got)
	}
}
