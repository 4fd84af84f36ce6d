package store_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"pasarbot/bot"
	"pasarbot/store"
)

const cacheChat = "62811@s.whatsapp.net"

// saveState saves cacheChat's conversation in state st.
func saveState(tx *store.Tx, chat string, st bot.State) error {
	return tx.SaveConversation(&bot.Conversation{Chat: chat, State: st, UpdatedAt: t0, Data: bot.Data{Phone: "62811"}})
}

// stateIn reads chat's state in a write transaction (where the cache is
// used) and in a read transaction (always the table).
func stateIn(t *testing.T, db *store.DB, chat string) (write, read bot.State) {
	t.Helper()
	for _, run := range []func(context.Context, func(*store.Tx) error) error{db.Update, db.View} {
		if err := run(context.Background(), func(tx *store.Tx) error {
			c, err := tx.Conversation(chat)
			if err != nil {
				return err
			}
			if write == "" {
				write = c.State
			} else {
				read = c.State
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	return write, read
}

func wantState(t *testing.T, db *store.DB, chat string, want bot.State) {
	t.Helper()
	if w, r := stateIn(t, db, chat); w != want || r != want {
		t.Fatalf("state = %s in a write transaction, %s in a read one; want %s", w, r, want)
	}
}

func cached(t *testing.T, db *store.DB, chat string) bot.State {
	t.Helper()
	st, _ := store.CachedStateForTest(db, chat)
	return bot.State(st)
}

var errRollBack = errors.New("roll back")

// The cache of conversations holds only committed rows, whatever a
// transaction does before it rolls back, and is cleared by any other
// statement on the table.
func TestConversationCache(t *testing.T) {
	ctx := context.Background()
	setup := func(t *testing.T) *store.DB {
		db := MustOpen(t)
		coreUpdate(t, db, func(tx *store.Tx) error { return saveState(tx, cacheChat, bot.StateCart) })
		if got := cached(t, db, cacheChat); got != bot.StateCart {
			t.Fatalf("after the commit the cache holds %q, want cart", got)
		}
		return db
	}
	t.Run("ServedFromMemory", func(t *testing.T) {
		// A write behind the store's back (which the file lock forbids to
		// other processes) is not seen by the writer: its read came from
		// the cache. Read transactions still read the table.
		db := setup(t)
		raw, err := sql.Open("sqlite3", db.Path)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		if _, err := raw.Exec(`UPDATE conversations SET state = 'handover' WHERE chat = ?`, cacheChat); err != nil {
			t.Fatal(err)
		}
		if w, r := stateIn(t, db, cacheChat); w != bot.StateCart || r != bot.StateHandover {
			t.Fatalf("write transaction read %s, read transaction %s; want cart (cached) and handover (table)", w, r)
		}
	})
	t.Run("RolledBack", func(t *testing.T) {
		db := setup(t)
		err := db.Update(ctx, func(tx *store.Tx) error {
			if err := saveState(tx, cacheChat, bot.StateDelivery); err != nil {
				return err
			}
			// A read of the table flushes the save: written, not committed.
			if _, err := tx.ConversationsIn(bot.StateDelivery); err != nil {
				return err
			}
			if c, err := tx.Conversation(cacheChat); err != nil || c.State != bot.StateDelivery {
				t.Fatalf("inside the transaction: %v, %v; want its own write", c, err)
			}
			return errRollBack
		})
		if !errors.Is(err, errRollBack) {
			t.Fatal(err)
		}
		wantState(t, db, cacheChat, bot.StateCart)
	})
	t.Run("CommitFails", func(t *testing.T) {
		db := setup(t)
		err := db.Update(ctx, func(tx *store.Tx) error {
			if err := saveState(tx, cacheChat, bot.StateDelivery); err != nil {
				return err
			}
			return tx.MarkProcessed("never-received", t0) // fails when flushed, before COMMIT
		})
		if err == nil {
			t.Fatal("a mark of an unknown message committed")
		}
		wantState(t, db, cacheChat, bot.StateCart)
	})
	t.Run("ReadThenRolledBack", func(t *testing.T) {
		// A chat read from the table (not cached yet), then written, then
		// rolled back: the cache keeps the committed row it read.
		db := setup(t)
		other := "62812@s.whatsapp.net"
		store.SetConvCacheMaxForTest(db, 1)
		coreUpdate(t, db, func(tx *store.Tx) error { return saveState(tx, other, bot.StateName) })
		wantState(t, db, cacheChat, bot.StateCart) // read from the table, it takes other's place
		if _, ok := store.CachedStateForTest(db, other); ok {
			t.Fatal("the cache holds more than its bound")
		}
		store.SetConvCacheMaxForTest(db, 0)
		err := db.Update(ctx, func(tx *store.Tx) error {
			if _, err := tx.Conversation(other); err != nil {
				return err
			}
			if err := saveState(tx, other, bot.StateAddress); err != nil {
				return err
			}
			return errRollBack
		})
		if !errors.Is(err, errRollBack) {
			t.Fatal(err)
		}
		if got := cached(t, db, other); got != bot.StateName {
			t.Fatalf("cached %q after the rollback, want the committed name", got)
		}
		wantState(t, db, other, bot.StateName)
	})
	for _, commit := range []bool{true, false} {
		name := map[bool]string{true: "OtherStatementCommitted", false: "OtherStatementRolledBack"}[commit]
		t.Run(name, func(t *testing.T) {
			// Any other statement on the table (a future admin command, a
			// privacy erase) clears the cache, and the transaction that
			// ran it reads the table from then on.
			db := setup(t)
			err := db.Update(ctx, func(tx *store.Tx) error {
				if _, err := store.ExecForTest(tx, `UPDATE conversations SET state = 'handover' WHERE chat = ?`, cacheChat); err != nil {
					return err
				}
				if c, err := tx.Conversation(cacheChat); err != nil || c.State != bot.StateHandover {
					t.Fatalf("after its own update the transaction read %v, %v; want handover", c, err)
				}
				if !commit {
					return errRollBack
				}
				return nil
			})
			if commit != (err == nil) {
				t.Fatal(err)
			}
			if n := store.ConvCacheLenForTest(db); n != 0 {
				t.Fatalf("%d conversations cached after another statement on the table", n)
			}
			want := bot.StateCart
			if commit {
				want = bot.StateHandover
			}
			wantState(t, db, cacheChat, want)
		})
	}
	t.Run("SpareDecoding", func(t *testing.T) {
		// A reader's peek leaves a decoded copy for the writer: taken by
		// one read only, never shared, and dropped when the row changes.
		db := setup(t)
		if c, ok := db.PeekConversation(cacheChat); !ok || c.State != bot.StateCart {
			t.Fatalf("peek = %v, %v; want the cached cart", c, ok)
		}
		coreUpdate(t, db, func(tx *store.Tx) error {
			a, err := tx.Conversation(cacheChat)
			if err != nil {
				return err
			}
			a.Phone = "changed"
			b, err := tx.Conversation(cacheChat)
			if err != nil {
				return err
			}
			if a == b || b.Phone != "62811" || b.State != bot.StateCart {
				t.Fatalf("second read %+v shares or sees the first read's change", b)
			}
			return nil
		})
		db.PeekConversation(cacheChat) // a spare for the row about to be replaced
		coreUpdate(t, db, func(tx *store.Tx) error { return saveState(tx, cacheChat, bot.StatePayment) })
		wantState(t, db, cacheChat, bot.StatePayment)
	})
	t.Run("Restart", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "pasar.db")
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		coreUpdate(t, db, func(tx *store.Tx) error { return saveState(tx, cacheChat, bot.StateConfirm) })
		db.Close()
		if db, err = store.Open(ctx, path); err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if n := store.ConvCacheLenForTest(db); n != 0 {
			t.Fatalf("%d conversations cached at start", n)
		}
		wantState(t, db, cacheChat, bot.StateConfirm)
	})
	t.Run("Bounded", func(t *testing.T) {
		db := setup(t)
		store.SetConvCacheMaxForTest(db, 3)
		coreUpdate(t, db, func(tx *store.Tx) error {
			for _, c := range []string{"a", "b", "c", "d", "e"} {
				if err := saveState(tx, c+"@s.whatsapp.net", bot.StateCart); err != nil {
					return err
				}
			}
			return nil
		})
		if n := store.ConvCacheLenForTest(db); n < 1 || n > 3 {
			t.Fatalf("%d conversations cached, want 1 to 3 (the bound is about 3)", n)
		}
		for _, c := range []string{"a", "b", "c", "d", "e", "62811"} {
			wantState(t, db, c+"@s.whatsapp.net", bot.StateCart)
		}
	})
}
