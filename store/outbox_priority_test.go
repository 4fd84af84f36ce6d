package store_test

import (
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/store"
)

func TestOutboxPriorityAndDeadLetters(t *testing.T) {
	db := MustOpen(t)
	enqueue := func(id, chat string, low bool) {
		coreUpdate(t, db, func(tx *store.Tx) error {
			return tx.Enqueue(bot.Outbound{ID: id, Chat: chat, Text: "pesan " + id, Low: low}, t0)
		})
	}
	pending := func() []store.OutboxRow {
		var rs []store.OutboxRow
		coreView(t, db, func(tx *store.Tx) (err error) {
			rs, err = tx.PendingOutbound(t0, 0)
			return err
		})
		return rs
	}
	first := func() string {
		rs := pending()
		if len(rs) == 0 {
			return ""
		}
		return rs[0].Msg.ID
	}
	t.Run("LowWaitsBehindCards", func(t *testing.T) {
		enqueue("refusal1", "G", true)
		enqueue("refusal2", "G", true)
		enqueue("card", "G", false)
		if got := first(); got != "card" {
			t.Fatalf("first = %q, want the card before refusals", got)
		}
	})
	t.Run("DeadLetterFreesTheChat", func(t *testing.T) {
		rs := pending()
		notice := bot.Outbound{ID: "notice-1", Chat: "admin", Text: "refused"}
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.MarkDead(rs[0].RowID, "forbidden", t0, []bot.Outbound{notice}) })
		ids := map[string]bool{}
		for _, r := range pending() {
			ids[r.Msg.ID] = true
		}
		if !ids["refusal1"] || !ids["notice-1"] {
			t.Fatalf("after dead letter, pending = %v", ids)
		}
		coreView(t, db, func(tx *store.Tx) error {
			n, err := tx.DeadLetters()
			if n != 1 {
				t.Errorf("dead letters = %d", n)
			}
			return err
		})
		_ = time.Second
	})
}
