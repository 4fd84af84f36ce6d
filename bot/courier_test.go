package bot_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"pasarbot/bot/sim"
	"pasarbot/orders"
)

func confirmedDelivery(h *harness) string {
	code := placeOrder(h, buyer1, "tomat 1 kg", false)
	h.group("sayur", sayurL, "OK "+code)
	return code
}

func TestCourierFlow(t *testing.T) {
	t.Run("ClaimRaceInGroup", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		contains(t, "second claim", h.group("kurir", kurir2, "AMBIL "+code), "sudah diambil")
		if got := h.order(code).Courier; got != kurir1 {
			t.Errorf("courier = %s", got)
		}
	})
	t.Run("ErrUnregistered", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		contains(t, "refusal", h.group("kurir", buyer2, "AMBIL "+code), "belum terdaftar")
	})
	t.Run("GiveBackAndReclaim", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		h.say(kurir1, "BATAL AMBIL "+code+" ban bocor")
		contains(t, "rebroadcast", h.to("kurir"), "AMBIL "+code)
		h.group("kurir", kurir2, "AMBIL "+code)
		contains(t, "buyer", h.to(buyer1), "Mas Eko")
		contains(t, "old courier refused", h.say(kurir1, "JEMPUT "+code), "bukan milik")
	})
	t.Run("NoTakerEscalates", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.advance(11 * time.Minute)
		contains(t, "rebroadcast 1", h.to("kurir"), code)
		h.advance(10 * time.Minute)
		h.advance(10 * time.Minute)
		contains(t, "admins", h.to(admin), "TUGASKAN "+code)
		contains(t, "assign", h.say(admin, "TUGASKAN "+code+" 0833-0000-0002"), "Mas Eko")
		if got := h.order(code).Courier; got != kurir2 {
			t.Errorf("courier = %s", got)
		}
	})
	t.Run("SelfPickup", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", true)
		h.group("sayur", sayurL, "OK "+code)
		contains(t, "ready", h.to(buyer1), "Los A", "Rp12.000")
		if h.to("kurir") != "" {
			t.Error("self pickup reached couriers")
		}
		h.group("sayur", sayurL, "DIAMBIL "+code)
		if s := h.order(code).Status; s != orders.Delivered {
			t.Errorf("status = %s", s)
		}
	})
	t.Run("CancelBeforePickupTellsCourier", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		h.say(buyer1, "batal "+code)
		contains(t, "courier told", h.to(kurir1), "dibatalkan")
	})
	t.Run("ErrCancelAfterPickup", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		h.say(kurir1, "JEMPUT "+code)
		contains(t, "refused", h.say(buyer1, "batal "+code), "tidak bisa")
		if s := h.order(code).Status; s != orders.PickedUp {
			t.Errorf("status = %s", s)
		}
	})
	t.Run("Rekap", func(t *testing.T) {
		h := newHarness(t)
		code := confirmedDelivery(h)
		h.group("kurir", kurir1, "AMBIL "+code)
		h.say(kurir1, "JEMPUT "+code)
		h.say(kurir1, "SELESAI "+code)
		contains(t, "rekap", h.say(kurir1, "REKAP"), "1 order", "Rp8.000")
	})
}

// Several couriers claim the same job at once from their own goroutines:
// exactly one wins, the others are told it is taken.
func TestConcurrentClaims(t *testing.T) {
	h := newHarness(t)
	code := confirmedDelivery(h)
	m := h.m
	var wg sync.WaitGroup
	phones := []string{kurir1, kurir2}
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			in := sim.InGroup(fmt.Sprintf("race-%d", i), "kurir", phones[i%2], "AMBIL "+code, m.Now())
			if err := m.Deliver(context.Background(), in); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	o := h.order(code)
	if o.Courier != kurir1 && o.Courier != kurir2 {
		t.Fatalf("courier = %q", o.Courier)
	}
	claims := 0
	for _, ent := range h.rec.Since(0) {
		if ent.Kind == sim.EntryOut && ent.Chat == sim.GroupChat("kurir") && strings.Contains(ent.Text, "diambil Mas") {
			claims++
		}
	}
	if claims != 1 {
		t.Errorf("claims announced = %d, want 1", claims)
	}
}
