package bot_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/bot/sim"
	"pasarbot/store"
)

// readAheadMode is when a dialog's messages are read ahead of the writer.
type readAheadMode int

const (
	readNever   readAheadMode = iota // the writer reads every message itself
	readJustNow                      // each message just before it is handled: the reading holds
	readLagging                      // each message before the previous one is handled: stale whenever that one changed the conversation
)

// TestReadAheadChangesNothing plays the dialog corpus three ways — no
// reading ahead, each message read ahead just before it is handled, and
// each read ahead before the previous message changed the conversation —
// and requires the same replies, conversation and orders every time. The
// lagging way proves stale readings are refused, the other that fresh ones
// are used.
func TestReadAheadChangesNothing(t *testing.T) {
	dialogs := loadDialogs(t, "dialogs")
	if testing.Short() {
		dialogs = dialogs[:20]
	} else if raceEnabled {
		// Under the race detector every third dialog: the three ways of
		// each still meet, at a third of the time (the run without it
		// plays them all).
		var some []*dialog
		for i := 0; i < len(dialogs); i += 3 {
			some = append(some, dialogs[i])
		}
		dialogs = some
	}
	var justNow, lagging struct{ read, used int64 }
	texts := 0
	for _, d := range dialogs {
		want, _, _ := playReadAhead(t, d, readNever)
		got, read, used := playReadAhead(t, d, readJustNow)
		if got != want {
			t.Fatalf("%s: read ahead just before handling, the dialog went differently:\n%s", d.id, diffLines(want, got))
		}
		justNow.read, justNow.used = justNow.read+read, justNow.used+used
		got, read, used = playReadAhead(t, d, readLagging)
		if got != want {
			t.Fatalf("%s: read ahead a message early, the dialog went differently:\n%s", d.id, diffLines(want, got))
		}
		lagging.read, lagging.used = lagging.read+read, lagging.used+used
		for _, st := range d.steps {
			if st.wait == 0 && st.pin == nil {
				texts++
			}
		}
	}
	t.Logf("%d dialogs, %d texts; just now: %d read ahead, %d used; lagging: %d read ahead, %d used",
		len(dialogs), texts, justNow.read, justNow.used, lagging.read, lagging.used)
	if justNow.read < int64(texts)*9/10 || justNow.used < justNow.read*9/10 {
		t.Errorf("read just before handling, %d of %d texts were read ahead and %d readings used: want nearly all", justNow.read, texts, justNow.used)
	}
	if lagging.used >= lagging.read || lagging.used == 0 {
		t.Errorf("read a message early, %d of %d readings were used: want the stale ones refused and the rest used", lagging.used, lagging.read)
	}
}

// playReadAhead plays d on a fresh market and returns everything it did
// (replies, final conversation, orders) as text, with how many messages
// were read ahead and how many of those readings the writer used.
func playReadAhead(t *testing.T, d *dialog, mode readAheadMode) (transcript string, read, used int64) {
	t.Helper()
	h := newHarness(t)
	const phone = "6281290000001"
	// Each text's message, with the time it will be handled at.
	var ins []bot.Inbound
	at := h.m.Now()
	for i, st := range d.steps {
		if st.wait > 0 {
			at = at.Add(st.wait)
			continue
		}
		in := sim.Direct(fmt.Sprintf("D-%s-%d", d.id, i), phone, st.text, at)
		in.PushName = "Rina"
		if st.pin != nil {
			in.Kind, in.Location, in.Text = bot.KindLocation, st.pin, ""
		}
		ins = append(ins, in)
		at = at.Add(30 * time.Second)
	}
	// The catalog is loaded by the first message the writer handles; a
	// group message loads it without touching the buyer's chat.
	if err := h.m.Deliver(h.ctx, sim.InGroup("G-load", "sayur", sayurL, "halo", h.m.Now())); err != nil {
		t.Fatal(err)
	}
	p := h.m.Pipeline()
	var tr strings.Builder
	next := 0
	for i, st := range d.steps {
		if st.wait > 0 {
			h.advance(st.wait)
			continue
		}
		in := ins[next]
		switch mode {
		case readJustNow:
			in = p.ReadAhead(h.ctx, in)
		case readLagging:
			if next == 0 {
				ins[0] = p.ReadAhead(h.ctx, ins[0])
			}
			in = ins[next]
			if next+1 < len(ins) {
				ins[next+1] = p.ReadAhead(h.ctx, ins[next+1])
			}
		}
		next++
		h.mark = h.rec.Len()
		if err := h.m.Deliver(h.ctx, in); err != nil {
			t.Fatalf("%s: deliver %q: %v", d.id, st.text, err)
		}
		fmt.Fprintf(&tr, "%d > %s\n< %s\n", i, st.text, h.to(phone))
		h.advance(30 * time.Second)
	}
	if err := h.m.DB().View(h.ctx, func(tx *store.Tx) error {
		conv, err := tx.Conversation(sim.DirectChat(phone))
		if err != nil {
			return err
		}
		placed, err := tx.OrdersOf(sim.DirectChat(phone), 0)
		if err != nil {
			return err
		}
		state, _ := json.Marshal(conv)
		fmt.Fprintf(&tr, "state %s %s\n", conv.State, state)
		for _, o := range placed {
			fmt.Fprintf(&tr, "order %s\n", orderSummary(o))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	read, used = p.ReadAheadCounts()
	return tr.String(), read, used
}

// diffLines shows the first line where two transcripts part.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(w), len(g))
}
