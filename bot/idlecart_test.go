package bot_test

import (
	"strings"
	"testing"
	"time"

	"pasarbot/bot/sim"
)

// An abandoned cart is reminded once, then expires as orders.cart_idle
// says; a closing never repeats "cart kept" day after day.
func TestAbandonedCart(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	mark := h.rec.Len()
	for i := 0; i < 4*24; i++ {
		h.advance(time.Hour)
	}
	if n := h.count(buyer1, mark); n > 2 {
		var texts []string
		for _, e := range h.rec.Since(mark) {
			if e.Chat == sim.DirectChat(buyer1) {
				texts = append(texts, e.Text)
			}
		}
		t.Errorf("abandoned cart sent %d messages in 4 days:\n%v", n, texts)
	}
	if got := h.state(buyer1); got != "idle" {
		t.Errorf("state after 4 days = %s", got)
	}
}

// A cart left just before closing hears "kept" once, not at every closing.
func TestCartKeptOnceAtClosing(t *testing.T) {
	h := newHarness(t)
	h.advance(4*time.Hour + 50*time.Minute) // 11:50, ten minutes before closing
	h.say(buyer1, "tomat 1 kg")
	mark := h.rec.Len()
	for i := 0; i < 4*24; i++ {
		h.advance(time.Hour)
	}
	kept := 0
	for _, e := range h.rec.Since(mark) {
		if e.Chat == sim.DirectChat(buyer1) && strings.Contains(e.Text, "kami simpan") {
			kept++
		}
	}
	if kept > 1 {
		t.Errorf("'cart kept' sent %d times", kept)
	}
	if got := h.state(buyer1); got != "idle" {
		t.Errorf("state after 4 days = %s", got)
	}
}

func TestSellerToldOrderExpiredAtClosing(t *testing.T) {
	h := newHarness(t)
	h.advance(4*time.Hour + 50*time.Minute)
	code := placeOrder(h, buyer1, "tomat 1 kg", false)
	h.advance(15 * time.Minute) // closing at 12:00 passes; the seller never answered
	contains(t, "group told", h.to("sayur"), code, "dibatalkan")
}
