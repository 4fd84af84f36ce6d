package bot_test

import (
	"strings"
	"testing"

	"pasarbot/bot/sim"
)

// count returns how many messages since mark went to chat name.
func (h *harness) count(name string, mark int) int {
	n := 0
	for _, e := range h.rec.Since(mark) {
		if e.Kind == sim.EntryOut && sim.ChatName(e.Chat) == name {
			n++
		}
	}
	return n
}

func TestFloods(t *testing.T) {
	t.Run("OversizedMessagesLimitedFirst", func(t *testing.T) {
		h := newHarness(t)
		mark := h.rec.Len()
		big := strings.Repeat("cabe ", 2000)
		for i := 0; i < 300; i++ {
			h.say(buyer1, big)
		}
		if n := h.count(buyer1, mark); n > h.cfg.Limits.MessagesPerMinute+1 {
			t.Errorf("300 oversized messages got %d replies", n)
		}
	})
	t.Run("GroupRefusalsOncePerWindow", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		mark := h.rec.Len()
		for i := 0; i < 500; i++ {
			h.group("sayur", sayurM, "OK "+code)
		}
		if n := h.count("sayur", mark); n > 2 {
			t.Errorf("500 refused OKs got %d answers in the group", n)
		}
		// A real answer from the leader still works at once.
		contains(t, "leader", h.group("sayur", sayurL, "OK "+code), code)
	})
	t.Run("TradersChattingNotLimited", func(t *testing.T) {
		h := newHarness(t)
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		for i := 0; i < 50; i++ {
			h.group("sayur", sayurL, "bu, nanti sore arisan ya")
		}
		contains(t, "leader after chat", h.group("sayur", sayurL, "OK "+code), code)
	})
}
