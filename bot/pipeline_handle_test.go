package bot_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/market"
	"pasarbot/bot/sim"
	"pasarbot/store"
)

// countingStore counts write transactions.
type countingStore struct {
	store.BotStore
	updates int
}

func (s *countingStore) Update(ctx context.Context, fn func(bot.Tx) error) error {
	s.updates++
	return s.BotStore.Update(ctx, fn)
}

// Handle stores a message and answers it in one commit; a burst is still
// held until it ends and then read as one turn; a redelivery does nothing.
func TestHandleIsOneCommit(t *testing.T) {
	ctx := context.Background()
	clock := &manualClock{now: time.Date(2026, 11, 25, 7, 0, 0, 0, wib)}
	cfg := config.Default()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := market.Seed(ctx, db, cfg, clock.Now()); err != nil {
		t.Fatal(err)
	}
	cs := &countingStore{BotStore: store.BotStore{DB: db}}
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
	p := bot.NewPipeline(cs, bot.NewEngine(bot.SettingsFrom(cfg), clock, log), clock, 0, log)
	if err := p.Handle(ctx, sim.Direct("h1", buyer1, "tomat 1 kg", clock.Now())); err != nil {
		t.Fatal(err)
	}
	if cs.updates != 1 {
		t.Errorf("a message took %d write transactions, want 1", cs.updates)
	}
	answered := func(id string) bool {
		var queued bool
		if err := db.View(ctx, func(tx *store.Tx) error {
			var err error
			queued, err = tx.OutboundQueued(bot.OutboundID(id, 0))
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return queued
	}
	if !answered("h1") {
		t.Fatal("h1 not answered")
	}
	queued := func() int {
		var n int
		if err := db.View(ctx, func(tx *store.Tx) error {
			var err error
			n, _, err = tx.OutboxStats()
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := queued()
	if err := p.Handle(ctx, sim.Direct("h1", buyer1, "tomat 1 kg", clock.Now())); err != nil {
		t.Fatal(err)
	}
	if n := queued(); n != before {
		t.Errorf("a redelivered message queued %d more replies", n-before)
	}

	// With a burst window the parts wait, then are one turn.
	bp := bot.NewPipeline(cs, bot.NewEngine(bot.SettingsFrom(cfg), clock, log), clock, 3*time.Second, log)
	if err := bp.Handle(ctx, sim.Direct("b1", buyer2, "tomat 1 kg", clock.Now())); err != nil {
		t.Fatal(err)
	}
	clock.add(time.Second)
	if err := bp.Handle(ctx, sim.Direct("b2", buyer2, "kangkung 2 ikat", clock.Now())); err != nil {
		t.Fatal(err)
	}
	if answered("b1") || answered("b2") {
		t.Fatal("answered while the burst was still coming")
	}
	clock.add(4 * time.Second)
	if _, err := bp.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if !answered("b1") || answered("b2") {
		t.Errorf("burst: b1 answered %v, b2 answered %v; want one answer, for b1", answered("b1"), answered("b2"))
	}
}
