package store_test

import (
	"context"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/store"
)

func TestPrune(t *testing.T) {
	db := MustOpen(t)
	ctx := context.Background()
	old := time.Date(2026, 10, 1, 6, 0, 0, 0, time.UTC)
	recent := time.Date(2026, 11, 25, 6, 0, 0, 0, time.UTC)
	if err := db.Update(ctx, func(tx *store.Tx) error {
		for _, m := range []struct {
			id        string
			at        time.Time
			processed bool
		}{{"old", old, true}, {"new", recent, true}, {"waiting", old, false}} {
			in := bot.Inbound{ID: m.id, Chat: "6281234567001@s.whatsapp.net", At: m.at, Kind: bot.KindText, Text: "x"}
			if _, err := tx.InsertInbound(in, m.at); err != nil {
				return err
			}
			if m.processed {
				if err := tx.MarkProcessed(m.id, m.at); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	n, err := db.Prune(ctx, recent.Add(-store.Retention))
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("pruned %d rows, want 1 (the old processed message)", n)
	}
	var pending []bot.Inbound
	if err := db.View(ctx, func(tx *store.Tx) error {
		var err error
		pending, err = tx.PendingInbound(10)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.Update(ctx, func(tx *store.Tx) error {
		fresh, err := tx.InsertInbound(bot.Inbound{ID: "new", Chat: "x", Kind: bot.KindText}, recent)
		if fresh {
			t.Error("a recent message id was forgotten: its redelivery would run again")
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].ID != "waiting" {
		t.Errorf("an unprocessed message was pruned: %+v", pending)
	}
}
