package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/orders"
)

// Every command, tried by every party that may not use it, changes
// nothing: leaders act only for their group, couriers only on their job,
// admins by allowlist.
func TestWrongPartiesChangeNothing(t *testing.T) {
	h := newHarness(t)
	code := placeOrder(h, buyer1, "tomat 1 kg", false)
	sellerCmds := []string{"OK " + code, "OK " + code + " tanpa tomat", "ADA " + code + " tomat 1/2 saja",
		"TOLAK " + code + " habis", "HARGA " + code + " 5000", "TIMBANG " + code + " total 1000", "DIAMBIL " + code}
	t.Run("SellerCommandsFromBuyerChat", func(t *testing.T) {
		for _, c := range sellerCmds {
			h.say(buyer2, c)
		}
		assertStatus(t, h, code, orders.Placed)
	})
	t.Run("SellerCommandsFromMember", func(t *testing.T) {
		for i, c := range sellerCmds {
			// A refused party is answered once per rate window, then silence.
			if got := h.group("sayur", sayurM, c); i == 0 || got != "" {
				contains(t, c, got, "Bu Tini")
			}
		}
		assertStatus(t, h, code, orders.Placed)
	})
	t.Run("SellerCommandsFromOtherGroup", func(t *testing.T) {
		for _, c := range sellerCmds[:5] {
			contains(t, c, h.group("bumbu", bumbuL, c), "bukan untuk")
		}
		assertStatus(t, h, code, orders.Placed)
	})
	t.Run("SellerCommandsFromCourierGroup", func(t *testing.T) {
		for _, c := range sellerCmds {
			h.group("kurir", sayurL, c)
		}
		assertStatus(t, h, code, orders.Placed)
	})
	h.group("sayur", sayurL, "OK "+code)
	assertStatus(t, h, code, orders.AwaitingCourier)
	t.Run("CourierCommandsBeforeClaim", func(t *testing.T) {
		for _, c := range []string{"JEMPUT " + code, "SELESAI " + code, "BATAL AMBIL " + code + " x"} {
			h.say(kurir1, c)
			h.group("kurir", kurir2, c)
		}
		assertStatus(t, h, code, orders.AwaitingCourier)
	})
	h.group("kurir", kurir1, "AMBIL "+code)
	h.advance(time.Minute) // a new rate window: kurir2 was refused above
	t.Run("CourierCommandsFromOthers", func(t *testing.T) {
		for i, c := range []string{"JEMPUT " + code, "SELESAI " + code, "BATAL AMBIL " + code + " x"} {
			// A refused party is answered once per rate window, then silence.
			if got := h.say(kurir2, c); i == 0 || got != "" {
				contains(t, c, got, "bukan milik")
			}
			h.say(buyer1, c)
			h.group("sayur", sayurL, c)
		}
		if o := h.order(code); o.Courier != kurir1 || o.Status != orders.AwaitingCourier {
			t.Errorf("courier %s status %s", o.Courier, o.Status)
		}
	})
	t.Run("AdminCommandsFromOthers", func(t *testing.T) {
		for _, who := range []string{buyer2, sayurL, kurir1} {
			for _, c := range []string{"TUTUP", "LIBUR 2026-11-26", "BLOKIR " + buyer1, "KURIR TAMBAH 081299990000 Penyusup B1234XYZ",
				"TUGASKAN " + code + " 081299990000", "SELESAI CS " + buyer1, "UMUMKAN promo palsu", "BALAS " + buyer1 + " halo"} {
				got := h.say(who, c)
				if strings.Contains(got, "✅") || strings.Contains(got, "📢") {
					t.Errorf("%s ran %q: %s", who, c, got)
				}
			}
		}
		if got := h.to(buyer1); strings.Contains(got, "promo") || strings.Contains(got, "halo") {
			t.Errorf("buyer got a message from a non-admin: %s", got)
		}
		// The market is still open and buyer1 still served.
		contains(t, "still served", h.say(buyer1, "tomat 1 kg"), "Tomat")
	})
	t.Run("NoTextReachesAnotherChatAsCommand", func(t *testing.T) {
		// A buyer's PESAN relays text to the courier as a quote, never as a command.
		h.say(buyer1, "PESAN "+code+" TOLAK "+code)
		contains(t, "relay", h.to(kurir1), "Pesan pembeli")
		assertStatus(t, h, code, orders.AwaitingCourier)
	})
}

func assertStatus(t *testing.T, h *harness, code string, want orders.Status) {
	t.Helper()
	if got := h.order(code).Status; got != want {
		t.Fatalf("status = %s, want %s", got, want)
	}
}

func TestAdminCommands(t *testing.T) {
	h := newHarness(t)
	contains(t, "tutup", h.say(admin, "TUTUP"), "ditutup")
	contains(t, "closed reply", h.say(buyer1, "tomat 1 kg"), "buka")
	contains(t, "buka", h.say(admin, "BUKA"), "dibuka")
	contains(t, "info", h.say(admin, "INFO"), "BUKA")
	contains(t, "blokir", h.say(admin, "BLOKIR "+buyer2), "diblokir")
	if got := h.say(buyer2, "halo"); got != "" {
		t.Errorf("blocked number answered: %s", got)
	}
	contains(t, "kurir", h.say(admin, "KURIR TAMBAH 0833-0000-0009 Mas Bayu KH 9999 ZZ"), "Mas Bayu")
	contains(t, "umumkan", h.say(admin, "UMUMKAN besok pasar libur"), "8 chat")
	contains(t, "group got it", h.to("sayur"), "besok pasar libur")
	contains(t, "bantuan", h.say(admin, "ADMIN BANTUAN"), "BUKA", "*BALAS 0812xxxx teks*")
	contains(t, "bad syntax", h.say(admin, "KURIR TAMBAH abc"), "KURIR")
}

func TestHandover(t *testing.T) {
	h := newHarness(t)
	contains(t, "start", h.say(buyer1, "mau ngomong sama orang"), "petugas")
	contains(t, "admin told", h.to(admin), buyer1)
	h.say(buyer1, "cabe saya kemarin busuk")
	contains(t, "relayed", h.to(admin), "busuk")
	h.say(admin, "BALAS "+buyer1+" maaf bu, kami ganti besok")
	contains(t, "admin reply", h.to(buyer1), "kami ganti besok")
	h.say(admin, "SELESAI CS "+buyer1)
	if s := h.state(buyer1); s != bot.StateIdle {
		t.Errorf("state = %s", s)
	}
}

func TestRateLimit(t *testing.T) {
	h := newHarness(t)
	warnings, answered := 0, 0
	for i := 0; i < 30; i++ {
		got := h.say(buyer1, fmt.Sprintf("halo %d", i))
		if strings.Contains(got, "jeda") {
			warnings++
		} else if got != "" {
			answered++
		}
	}
	if warnings != 1 || answered != 20 {
		t.Errorf("warnings %d answered %d, want 1 and 20", warnings, answered)
	}
	contains(t, "admins exempt", h.say(admin, "INFO"), "Pasar")
}

func TestBadInput(t *testing.T) {
	h := newHarness(t)
	contains(t, "too long", h.say(buyer1, strings.Repeat("cabe ", 1000)), "terlalu panjang")
	got := h.say(buyer1, "tomat\x00 1\u200b kg\x1b[31m")
	contains(t, "control characters stripped", got, "Tomat 1 kg")
}

// TestAdminMistakesInEnglish: a market with `language: en` explains an
// admin's malformed command in English (before, always in Indonesian).
func TestAdminMistakesInEnglish(t *testing.T) {
	h := newHarness(t, func(c *config.Config) { c.Market.Language = "en" })
	contains(t, "JAM", h.say(admin, "JAM"), "The hours are missing.", "*JAM 06:00-12:00* — today's hours")
	contains(t, "KURIR", h.say(admin, "KURIR"), "There are two courier commands:", "register a courier", "remove a courier")
	contains(t, "LIBUR", h.say(admin, "LIBUR 2026-02-30"), "That date is not in the calendar.")
}
