package bot_test

import (
	"fmt"
	"testing"

	"pasarbot/bot"
)

// sayAsLID delivers a direct message from a sender WhatsApp shows only by
// its hidden id.
func (h *harness) sayAsLID(lid, text string) string {
	h.t.Helper()
	h.seq++
	h.mark = h.rec.Len()
	in := bot.Inbound{ID: fmt.Sprintf("L-%d", h.seq), Chat: lid, Sender: lid, SenderLID: lid, At: h.m.Now(), Kind: bot.KindText, Text: text}
	if err := h.m.Deliver(h.ctx, in); err != nil {
		h.t.Fatalf("deliver %q: %v", text, err)
	}
	var out string
	for _, e := range h.rec.Since(h.mark) {
		if e.Chat == lid {
			out += e.Text
		}
	}
	return out
}

func TestBlockHiddenID(t *testing.T) {
	const lid = "123456789012345@lid"
	h := newHarness(t)
	if got := h.sayAsLID(lid, "tomat 1 kg"); got == "" {
		t.Fatal("a LID-only buyer gets no answer at all")
	}
	contains(t, "admin", h.say(admin, "BLOKIR "+lid), "diblokir")
	if got := h.sayAsLID(lid, "tomat 2 kg"); got != "" {
		t.Errorf("blocked LID-only sender answered: %s", got)
	}
	h.say(admin, "BUKA BLOKIR "+lid)
	if got := h.sayAsLID(lid, "cek"); got == "" {
		t.Error("unblocked LID-only sender not answered")
	}
}
