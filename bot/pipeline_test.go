package bot_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/market"
	"pasarbot/bot/sim"
	"pasarbot/store"
)

// manualClock is a clock the test moves.
type manualClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *manualClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *manualClock) add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// A buyer's burst of short messages within the window is one turn: one
// answer with every item, not three.
func TestBurstMerging(t *testing.T) {
	ctx := context.Background()
	clock := &manualClock{now: time.Date(2026, 11, 25, 7, 0, 0, 0, wib)}
	rec := sim.NewRecorder()
	cfg := config.Default()
	m, err := market.Open(ctx, market.Options{Config: cfg, DBPath: filepath.Join(t.TempDir(), "p.db"), Clock: clock,
		Messenger: rec, Log: zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	send := func(id, text string) {
		t.Helper()
		if err := m.Pipeline.Accept(ctx, sim.Direct(id, buyer1, text, clock.Now())); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Pipeline.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Sender.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	send("m1", "tomat 1 kg")
	clock.add(time.Second)
	send("m2", "kangkung 2 ikat")
	clock.add(time.Second)
	send("m3", "itu aja")
	if n := rec.Len(); n != 0 {
		t.Fatalf("answered %d messages while the burst was still coming", n)
	}
	clock.add(4 * time.Second)
	if _, err := m.Pipeline.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	m.Sender.Flush(ctx)
	out := rec.Since(0)
	if len(out) != 1 {
		t.Fatalf("messages = %d, want one answer with the cart and the delivery question: %+v", len(out), out)
	}
	contains(t, "one turn", out[0].Text, "Tomat 1 kg", "Kangkung 2 ikat", "diantar")
	// Every part of the burst is marked processed: a redelivery does nothing.
	var pending []bot.Inbound
	m.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		pending, err = tx.PendingInbound(10)
		return err
	})
	if len(pending) != 0 {
		t.Errorf("pending after the burst: %d", len(pending))
	}
	send("m2", "kangkung 2 ikat")
	if rec.Len() != 1 {
		t.Error("a redelivered message was processed again")
	}
}

func TestEnglish(t *testing.T) {
	h := newHarness(t, func(c *config.Config) { c.Market.Language = "en" })
	contains(t, "english cart", h.say(buyer1, "tomat 1 kg"), "Your cart", "Anything else")
	contains(t, "english delivery", h.say(buyer1, "itu aja"), "Delivered by courier")
}

func TestSoldOutChoiceReachesTheCard(t *testing.T) {
	h := newHarness(t)
	code := placeOrder(h, buyer1, "tomat 1 kg kalau habis ganti yang mirip aja", false)
	contains(t, "card", h.to("sayur"), code, "boleh diganti")
}
