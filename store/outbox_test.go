package store_test

import (
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/store"
)

func TestOutbox(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		enqueue := func(id, chat string, at time.Time) {
			coreUpdate(t, db, func(tx *store.Tx) error {
				return tx.Enqueue(bot.Outbound{ID: id, Chat: chat, Text: "pesan " + id, ReplyTo: "in-" + id}, at)
			})
		}
		pending := func(now time.Time) []store.OutboxRow {
			var rs []store.OutboxRow
			coreView(t, db, func(tx *store.Tx) (err error) {
				rs, err = tx.PendingOutbound(now, 0)
				return err
			})
			return rs
		}
		ids := func(rs []store.OutboxRow) string {
			s := ""
			for _, r := range rs {
				s += r.Msg.ID + " "
			}
			return s
		}
		enqueue("a1", "A", t0)
		enqueue("b1", "B", t0)
		enqueue("a2", "A", t0)
		enqueue("c1", "C", t0.Add(time.Minute)) // scheduled for later

		rs := pending(t0)
		if got, want := ids(rs), "a1 b1 "; got != want {
			t.Fatalf("pending = %q, want %q (one per chat, queue order)", got, want)
		}
		if got, want := rs[0].Msg, (bot.Outbound{ID: "a1", Chat: "A", Text: "pesan a1", ReplyTo: "in-a1"}); got != want {
			t.Fatalf("msg = %+v, want %+v", got, want)
		}
		if got, want := rs[0].CreatedAt, t0; !got.Equal(want) || got.Location() != time.UTC {
			t.Fatalf("created = %v, want %v UTC", got, want)
		}

		coreUpdate(t, db, func(tx *store.Tx) error { return tx.MarkSent(rs[0].RowID, t0) })
		if got, want := ids(pending(t0)), "b1 a2 "; got != want {
			t.Fatalf("after sending a1 = %q, want %q", got, want)
		}

		// b1 fails and is retried later; a later message to B waits behind it.
		enqueue("b2", "B", t0)
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.MarkSendFailed(rs[1].RowID, "timeout", t0.Add(30*time.Second)) })
		if got, want := ids(pending(t0)), "a2 "; got != want {
			t.Fatalf("while b1 waits = %q, want %q", got, want)
		}
		rs = pending(t0.Add(time.Minute))
		if got, want := ids(rs), "b1 a2 c1 "; got != want {
			t.Fatalf("at retry = %q, want %q", got, want)
		}
		if got, want := rs[0].Attempts, 1; got != want {
			t.Fatalf("attempts = %d, want %d", got, want)
		}
		coreView(t, db, func(tx *store.Tx) error {
			var lastErr string
			if err := store.QueryRowForTest(tx, "SELECT last_error FROM outbox WHERE message_id = 'b1'").Scan(&lastErr); err != nil {
				return err
			}
			if got, want := lastErr, "timeout"; got != want {
				t.Fatalf("last_error = %q, want %q", got, want)
			}
			pending, sent, err := tx.OutboxStats()
			if err != nil {
				return err
			}
			if got, want := [2]int{pending, sent}, [2]int{4, 1}; got != want {
				t.Fatalf("pending, sent = %v, want %v", got, want)
			}
			return nil
		})
		coreView(t, db, func(tx *store.Tx) error {
			rs, err := tx.PendingOutbound(t0.Add(time.Minute), 2)
			if got, want := len(rs), 2; err != nil || got != want {
				t.Fatalf("limit 2: %d, %v; want %d", got, err, want)
			}
			return err
		})
	})
	t.Run("ErrDuplicateID", func(t *testing.T) {
		db := MustOpen(t)
		out := bot.Outbound{ID: "x1", Chat: "A", Text: "halo"}
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.Enqueue(out, t0) })
		if err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.Enqueue(out, t0) }); err == nil {
			t.Fatal("no error enqueuing the same id twice")
		}
	})
	t.Run("ErrUnknownRow", func(t *testing.T) {
		db := MustOpen(t)
		if err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.MarkSent(42, t0) }); err == nil {
			t.Fatal("no error marking an unknown row sent")
		}
		if err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.MarkSendFailed(42, "x", t0) }); err == nil {
			t.Fatal("no error marking an unknown row failed")
		}
	})
}
