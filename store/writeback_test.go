package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/store"
)

// changes is SQLite's count of rows written on the writer connection.
func changes(t *testing.T, tx *store.Tx) int {
	t.Helper()
	var n int
	query := `SELECT total_changes()`
	if onPostgres(t) { // the rows this transaction inserted, updated and deleted
		query = `SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables
			WHERE schemaname = current_schema()`
	}
	if err := store.QueryRowForTest(tx, query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// In a write transaction marks and conversation saves are deferred: every
// read in the transaction sees them, a conversation saved twice is written
// once, and all of it commits.
func TestDeferredWritesAreSeenAndWrittenOnce(t *testing.T) {
	db := MustOpen(t)
	coreUpdate(t, db, func(tx *store.Tx) error {
		for _, id := range []string{"m1", "m2", "m3"} {
			if _, err := tx.InsertInbound(inbound(id, "6281@s.whatsapp.net"), t0); err != nil {
				return err
			}
		}
		before := changes(t, tx)
		c := &bot.Conversation{Chat: "6281@s.whatsapp.net", State: bot.StateCart, UpdatedAt: t0}
		if err := tx.SaveConversation(c); err != nil {
			return err
		}
		c.State, c.UpdatedAt = bot.StateClarify, t0.Add(time.Second)
		if err := tx.SaveConversation(c); err != nil {
			return err
		}
		got, err := tx.Conversation(c.Chat)
		if err != nil {
			return err
		}
		if got.State != bot.StateClarify || !got.UpdatedAt.Equal(t0.Add(time.Second)) {
			t.Errorf("conversation read back in the transaction: %s at %v, want the last save", got.State, got.UpdatedAt)
		}
		for _, id := range []string{"m1", "m2"} {
			if err := tx.MarkProcessed(id, t0.Add(time.Minute)); err != nil {
				return err
			}
		}
		pending, err := tx.PendingInbound(0)
		if err != nil {
			return err
		}
		if len(pending) != 1 || pending[0].ID != "m3" {
			t.Errorf("pending after two marks in the same transaction: %v, want m3 only", pending)
		}
		listed, err := tx.ConversationsIn(bot.StateClarify)
		if err != nil {
			return err
		}
		if len(listed) != 1 {
			t.Errorf("conversations in clarify: %d, want the one saved", len(listed))
		}
		// One conversation row and two inbox rows written: the first save
		// never reached the database.
		if n := changes(t, tx) - before; n != 3 {
			t.Errorf("%d rows written, want 3 (one conversation upsert, two marks)", n)
		}
		return nil
	})
	coreView(t, db, func(tx *store.Tx) error {
		for id, want := range map[string]bool{"m1": true, "m2": true, "m3": false} {
			_, processed, err := tx.InboundProcessed(id)
			if err != nil {
				return err
			}
			if processed != want {
				t.Errorf("%s processed %v after commit, want %v", id, processed, want)
			}
		}
		c, err := tx.Conversation("6281@s.whatsapp.net")
		if err != nil {
			return err
		}
		if c.State != bot.StateClarify {
			t.Errorf("committed conversation is %s, want clarify", c.State)
		}
		return nil
	})
}

// A deferred mark of a message not in the inbox fails the commit, and the
// transaction's other writes roll back with it.
func TestDeferredMarkOfUnknownMessageFailsTheCommit(t *testing.T) {
	db := MustOpen(t)
	err := db.Update(context.Background(), func(tx *store.Tx) error {
		if err := tx.SaveConversation(&bot.Conversation{Chat: "6282@s.whatsapp.net", State: bot.StateCart, UpdatedAt: t0}); err != nil {
			return err
		}
		return tx.MarkProcessed("nope", t0)
	})
	if err == nil || !strings.Contains(err.Error(), "not in the inbox") {
		t.Fatalf("commit with a mark of an unknown message: %v, want not in the inbox", err)
	}
	coreView(t, db, func(tx *store.Tx) error {
		c, err := tx.Conversation("6282@s.whatsapp.net")
		if err == nil && c.State != bot.StateIdle {
			t.Errorf("conversation saved in a failed transaction was committed (%s)", c.State)
		}
		return err
	})
	errBoom := errors.New("boom")
	err = db.Update(context.Background(), func(tx *store.Tx) error {
		if err := tx.SaveConversation(&bot.Conversation{Chat: "6283@s.whatsapp.net", State: bot.StateCart, UpdatedAt: t0}); err != nil {
			return err
		}
		return errBoom
	})
	if !errors.Is(err, errBoom) {
		t.Fatal(err)
	}
	coreView(t, db, func(tx *store.Tx) error {
		c, err := tx.Conversation("6283@s.whatsapp.net")
		if err == nil && c.State != bot.StateIdle {
			t.Errorf("conversation saved in a rolled back transaction was committed (%s)", c.State)
		}
		return err
	})
}
