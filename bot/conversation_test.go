package bot_test

import (
	"strings"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/catalog"
	"pasarbot/orders"
)

const address = "Bu Rina, Jl. Yos Sudarso 12, Langkai"

func TestHappyPath(t *testing.T) {
	h := newHarness(t)
	got := h.say(buyer1, "mbak, cabe rawit merah 1/4 sama bawang merah setengah kilo ya")
	contains(t, "cart", got, "Cabai Rawit Merah", "Bawang Merah", "Rp10.000", "Rp22.500")
	if got := h.state(buyer1); got != bot.StateCart {
		t.Fatalf("state = %s, want cart", got)
	}
	contains(t, "delivery question", h.say(buyer1, "itu aja"), "diantar", "ambil sendiri")
	contains(t, "address question", h.say(buyer1, "1"), "alamat")
	receipt := h.say(buyer1, address)
	contains(t, "receipt", receipt, "Ongkir", "Rp8.000", "Total", "Rp40.500", "COD")
	placed := h.say(buyer1, "ya")
	code := h.lastCode()
	contains(t, "placed", placed, code)
	card := h.to("bumbu")
	contains(t, "seller card", card, code, "Cabai Rawit Merah", "Langkai")
	if strings.Contains(card, "Yos Sudarso") || strings.Contains(card, buyer1) {
		t.Errorf("seller card shows the buyer's address or number:\n%s", card)
	}
	h.group("bumbu", bumbuL, "OK "+code)
	contains(t, "buyer told", h.to(buyer1), code, "Rp40.500")
	job := h.to("kurir")
	contains(t, "job card", job, code, "AMBIL "+code, "Rp40.500")
	if strings.Contains(job, "Yos Sudarso") {
		t.Errorf("job card shows the address:\n%s", job)
	}
	h.group("kurir", kurir1, "AMBIL "+code)
	contains(t, "buyer courier", h.to(buyer1), "Mas Joko", "KH 1234 AB")
	contains(t, "courier brief", h.to(kurir1), "Yos Sudarso", "PIN")
	h.say(kurir1, "JEMPUT "+code)
	contains(t, "on the way", h.to(buyer1), "diantar")
	h.say(kurir1, "SELESAI "+code)
	contains(t, "delivered", h.to(buyer1), "sampai", "1–5")
	h.say(buyer1, "5 mantap")
	o := h.order(code)
	if o.Status != orders.Completed {
		t.Errorf("status = %s, want completed", o.Status)
	}
	if got, want := o.Total(), int64(40500); got != want {
		t.Errorf("total = %d, want %d", got, want)
	}
}

func TestEditCart(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg, kangkung 2 ikat")
	got := h.say(buyer1, "hapus tomat")
	if strings.Contains(got, "Tomat 1") {
		t.Errorf("tomat still in cart:\n%s", got)
	}
	contains(t, "after remove", got, "Kangkung")
	got = h.say(buyer1, "tambah tomat 1/2 kg")
	contains(t, "after add", got, "Tomat 1/2 kg", "Kangkung")
	got = h.say(buyer1, "kurangi kangkung jadi 1 ikat")
	contains(t, "after change", got, "Kangkung 1 ikat")
	contains(t, "show", h.say(buyer1, "cek"), "Tomat", "Kangkung")
}

func TestCancelAtEachStage(t *testing.T) {
	for _, steps := range [][]string{
		{"tomat 1 kg"},
		{"tomat 1 kg", "itu aja"},
		{"tomat 1 kg", "itu aja", "1"},
		{"tomat 1 kg", "itu aja", "1", address},
	} {
		h := newHarness(t)
		for _, s := range steps {
			h.say(buyer1, s)
		}
		contains(t, "cancel after "+steps[len(steps)-1], h.say(buyer1, "batal"), "dikosongkan")
		if got := h.state(buyer1); got != bot.StateIdle {
			t.Errorf("after %v: state = %s, want idle", steps, got)
		}
	}
	t.Run("PlacedOrder", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "tomat 1 kg")
		h.checkout(buyer1, address)
		code := h.lastCode()
		contains(t, "cancel", h.say(buyer1, "batal "+code), "dibatalkan")
		contains(t, "group told", h.to("sayur"), code, "dibatalkan")
		if got := h.order(code).Status; got != orders.Cancelled {
			t.Errorf("status = %s", got)
		}
	})
}

func TestUnknownAndAmbiguous(t *testing.T) {
	h := newHarness(t)
	contains(t, "unknown", h.say(buyer1, "pesan durian montong 2 kg"), "durian")
	got := h.say(buyer1, "cabe rawit 1/4")
	contains(t, "ambiguous", got, "Cabai Rawit Merah", "Cabai Rawit Hijau")
	if s := h.state(buyer1); s != bot.StateClarify {
		t.Fatalf("state = %s, want clarify", s)
	}
	got = h.say(buyer1, "2")
	contains(t, "chosen", got, "Cabai Rawit Hijau 1/4 kg")
}

func TestTwoSellerGroups(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg sama ayam potong 1 ekor")
	receipt := h.say(buyer1, "itu aja")
	_ = receipt
	h.say(buyer1, "1")
	contains(t, "receipt", h.say(buyer1, address), "Kelompok Sayur", "Kelompok Daging")
	h.say(buyer1, "ya")
	code := h.lastCode()
	contains(t, "sayur card", h.to("sayur"), code, "Tomat")
	contains(t, "daging card", h.to("daging"), code, "Ayam Potong")
	h.group("sayur", sayurL, "OK "+code)
	if got := h.order(code).Status; got != orders.PartlyConfirmed {
		t.Errorf("after one OK: %s", got)
	}
	h.group("daging", dagingL, "OK "+code)
	if got := h.order(code).Status; got != orders.AwaitingCourier {
		t.Errorf("after both OK: %s", got)
	}
	contains(t, "one job, two pickups", h.to("kurir"), "Kelompok Sayur", "Kelompok Daging")
}

func TestRestartMidConversation(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.say(buyer1, "itu aja")
	h.restart()
	contains(t, "after restart", h.say(buyer1, "1"), "alamat")
	h.say(buyer1, address)
	h.restart()
	h.say(buyer1, "ya")
	code := h.lastCode()
	h.restart()
	h.group("sayur", sayurL, "OK "+code)
	if got := h.order(code).Status; got != orders.AwaitingCourier {
		t.Errorf("status = %s", got)
	}
}

func TestIdleCartExpiry(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.say(buyer1, "itu aja")
	h.advance(31 * time.Minute)
	contains(t, "reminder", h.to(buyer1), "menunggu")
	h.advance(31 * time.Minute)
	contains(t, "expired", h.to(buyer1), "kosongkan")
	if s := h.state(buyer1); s != bot.StateIdle {
		t.Errorf("state = %s", s)
	}
}

func TestReorderAndLastAddress(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.checkout(buyer1, address)
	code := h.lastCode()
	h.group("sayur", sayurL, "OK "+code)
	h.group("kurir", kurir1, "AMBIL "+code)
	h.say(kurir1, "JEMPUT "+code)
	h.say(kurir1, "SELESAI "+code)
	h.say(buyer1, "4")
	contains(t, "reorder", h.say(buyer1, "ulang pesanan kemarin"), "Tomat 1 kg")
	h.say(buyer1, "itu aja")
	contains(t, "last address", h.say(buyer1, "1"), "Yos Sudarso")
	contains(t, "receipt", h.say(buyer1, "ya"), "Total")
}

func TestClosedHoursPreOrder(t *testing.T) {
	h := newHarness(t)
	h.advance(6 * time.Hour) // 13:00, closed
	h.say(buyer1, "tomat 1 kg")
	got := h.checkout(buyer1, address)
	contains(t, "pre-order", got, "pre-order", "besok", "06.00")
	code := h.lastCode()
	if s := h.order(code).Status; s != orders.Draft {
		t.Fatalf("status = %s, want draft", s)
	}
	h.advance(17*time.Hour + 5*time.Minute) // next day 06:05
	contains(t, "placed at opening", h.to(buyer1), code)
	contains(t, "card at opening", h.to("sayur"), code)
	if s := h.order(code).Status; s != orders.Placed {
		t.Errorf("status = %s, want placed", s)
	}
}

func TestBurstOfMessagesAndHelp(t *testing.T) {
	h := newHarness(t)
	contains(t, "greeting", h.say(buyer1, "halo"), "selamat datang", "menu")
	contains(t, "help", h.say(buyer1, "bantuan"), "Cara pesan")
	contains(t, "menu", h.say(buyer1, "menu"), "Rp")
	contains(t, "price", h.say(buyer1, "harga bawang merah"), "Rp45.000")
	contains(t, "status none", h.say(buyer1, "status"), "belum punya")
	contains(t, "voice", h.say(buyer1, ""), "")
}

func TestCaps(t *testing.T) {
	h := newHarness(t, func(c *config.Config) { c.Orders.DailyCap = 1 })
	h.say(buyer1, "tomat 1 kg")
	h.checkout(buyer1, address)
	h.say(buyer2, "tomat 1 kg")
	contains(t, "cap", h.checkout(buyer2, address), "kuota", "pre-order", "2026-11-26")
	if s := h.order(h.lastCode()).Status; s != orders.Draft {
		t.Errorf("status = %s, want draft", s)
	}
}

func TestReceiptMoneyIsExact(t *testing.T) {
	// ¼ kg × Rp40.000 = Rp10.000 exactly; Qty is integer thousandths.
	if got := catalog.Cost(40000, 250); got != 10000 {
		t.Fatalf("Cost = %d", got)
	}
}

func TestCartEditWhileAskedForAddress(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.say(buyer1, "itu aja")
	h.say(buyer1, "1")
	// The cart changes and the address is still what the form needs.
	contains(t, "edit instead of address", h.say(buyer1, "tambah kangkung 2 ikat"), "Kangkung 2 ikat", "Tomat 1 kg", "Kirim ke mana")
	if s := h.state(buyer1); s != bot.StateAddress {
		t.Errorf("state = %s, want address", s)
	}
}

func TestCartChangesWhileAQuestionWaits(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "telur 1 kg sama minyak goreng 2 liter")
	contains(t, "category answered", h.say(buyer1, "ada ikan apa aja?"), "Ikan Tongkol")
	contains(t, "removed, question again", h.say(buyer1, "hapus telur"), "dihapus", "Minyakita")
	contains(t, "answered", h.say(buyer1, "3"), "Minyakita 2 liter")
	if s := h.state(buyer1); s != bot.StateCart {
		t.Errorf("state = %s", s)
	}
}
