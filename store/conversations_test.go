package store_test

import (
	"reflect"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/catalog"
	"pasarbot/orders"
	"pasarbot/store"
)

func TestConversation(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		coreView(t, db, func(tx *store.Tx) error {
			c, err := tx.Conversation("62811@s.whatsapp.net")
			if err != nil {
				return err
			}
			if want := (&bot.Conversation{Chat: "62811@s.whatsapp.net", State: bot.StateIdle}); !reflect.DeepEqual(c, want) {
				t.Fatalf("unknown chat = %+v, want %+v", c, want)
			}
			return nil
		})

		want := &bot.Conversation{
			Chat:      "62811@s.whatsapp.net",
			State:     bot.StateClarify,
			UpdatedAt: t0.Add(1234567 * time.Nanosecond),
			Data: bot.Data{
				Phone: "62811",
				OrderForm: bot.OrderForm{
					Cart: []bot.CartLine{
						{SKU: "tomat", Name: "Tomat", Unit: "kg", Group: "sayur", Qty: 250, Price: 12000},
						{SKU: "cabe", Name: "Cabe rawit", Unit: "kg", Group: "sayur", Qty: catalog.Whole(1), Price: 60000, Amount: 10000, SoldOut: orders.SoldOutSkip},
					},
					Delivery: orders.Antar,
					Pin:      &bot.Location{Lat: -6.2, Lng: 106.8},
				},
				Questions: []bot.Question{{Kind: "choose", Said: "bawang", Text: "Bawang apa?", Choices: []string{"bawang-merah", "bawang-putih"}}},
				Decisions: []bot.Decision{{Order: "A7K2", Group: "sayur", Kind: "proposal"}},
			},
		}
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.SaveConversation(want) })
		// Written, then read at once through the reader pool: the commit is visible.
		coreView(t, db, func(tx *store.Tx) error {
			got, err := tx.Conversation(want.Chat)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("conversation = %+v\nwant %+v", got, want)
			}
			return nil
		})

		// Saving again replaces the row.
		want.State, want.Cart = bot.StateIdle, nil
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.SaveConversation(want) })
		coreView(t, db, func(tx *store.Tx) error {
			got, err := tx.Conversation(want.Chat)
			if err != nil {
				return err
			}
			if got, want := got.State, bot.StateIdle; got != want {
				t.Fatalf("state = %s, want %s", got, want)
			}
			if got, want := len(got.Cart), 0; got != want {
				t.Fatalf("cart = %d lines, want %d", got, want)
			}
			return nil
		})
	})
	t.Run("ErrNoChat", func(t *testing.T) {
		db := MustOpen(t)
		if err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.SaveConversation(&bot.Conversation{State: bot.StateCart})
		}); err == nil {
			t.Fatal("no error for a conversation without chat")
		}
	})
}
