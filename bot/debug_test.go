package bot_test

import (
	"os"
	"strings"
	"testing"

	"pasarbot/bot/sim"
)

// TestDebugTranscript prints a conversation when DEBUG_SAY is set:
// DEBUG_SAY='6281234567001: tomat 1 kg|6281234567001: itu aja' go test -run Debug -v ./bot/
func TestDebugTranscript(t *testing.T) {
	script := os.Getenv("DEBUG_SAY")
	if script == "" {
		t.Skip("DEBUG_SAY not set")
	}
	h := newHarness(t)
	for _, line := range strings.Split(script, "|") {
		who, text, _ := strings.Cut(line, ": ")
		if g, m, ok := strings.Cut(who, "/"); ok {
			h.group(g, m, strings.ReplaceAll(text, "$LAST", h.lastCodeOrEmpty()))
		} else {
			h.say(who, strings.ReplaceAll(text, "$LAST", h.lastCodeOrEmpty()))
		}
	}
	for _, e := range h.rec.Since(0) {
		dir := "<"
		if e.Kind == sim.EntryOut {
			dir = ">"
		}
		t.Logf("%s %s %s", dir, sim.ChatName(e.Chat), e.Text)
	}
}

func (h *harness) lastCodeOrEmpty() string {
	c, _ := h.m.LastOrderCode(h.ctx)
	return c
}
