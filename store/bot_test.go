package store_test

import (
	"errors"
	"testing"

	"pasarbot/bot"
	"pasarbot/store"
)

func TestBotStore(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		var s bot.Store = store.BotStore{DB: MustOpen(t)}
		if err := s.Update(t.Context(), func(tx bot.Tx) error {
			if err := tx.SaveConversation(&bot.Conversation{Chat: "ani", State: bot.StateCart, UpdatedAt: t0}); err != nil {
				return err
			}
			return tx.Enqueue(bot.Outbound{ID: "o1", Chat: "ani", Text: "halo"}, t0)
		}); err != nil {
			t.Fatal(err)
		}
		if err := s.View(t.Context(), func(tx bot.Tx) error {
			c, err := tx.Conversation("ani")
			if err != nil {
				return err
			}
			if got, want := c.State, bot.StateCart; got != want {
				t.Fatalf("state = %s, want %s", got, want)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrRollsBack", func(t *testing.T) {
		db := MustOpen(t)
		s := store.BotStore{DB: db}
		boom := errors.New("boom")
		if err := s.Update(t.Context(), func(tx bot.Tx) error {
			if err := tx.Enqueue(bot.Outbound{ID: "o1", Chat: "ani", Text: "halo"}, t0); err != nil {
				return err
			}
			return boom
		}); !errors.Is(err, boom) {
			t.Fatalf("err = %v, want %v", err, boom)
		}
		coreView(t, db, func(tx *store.Tx) error {
			pending, sent, err := tx.OutboxStats()
			if got, want := pending+sent, 0; err != nil || got != want {
				t.Fatalf("outbox rows = %d, %v; want %d (rolled back)", got, err, want)
			}
			return err
		})
	})
}
