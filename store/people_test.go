package store_test

import (
	"testing"

	"pasarbot/store"
)

func TestBlocked(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		blocked := func() bool {
			var b bool
			coreView(t, db, func(tx *store.Tx) (err error) {
				b, err = tx.Blocked("6281234")
				return err
			})
			return b
		}
		if got, want := blocked(), false; got != want {
			t.Fatalf("unknown blocked = %v, want %v", got, want)
		}
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.SetBlocked("6281234", true, t0) })
		if got, want := blocked(), true; got != want {
			t.Fatalf("blocked = %v, want %v", got, want)
		}
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.SetBlocked("6281234", false, t0) })
		if got, want := blocked(), false; got != want {
			t.Fatalf("unblocked = %v, want %v", got, want)
		}
		coreView(t, db, func(tx *store.Tx) error {
			var n int
			if err := store.QueryRowForTest(tx, "SELECT COUNT(*) FROM people WHERE phone = '6281234'").Scan(&n); err != nil {
				return err
			}
			if got, want := n, 1; got != want {
				t.Fatalf("people rows = %d, want %d", got, want)
			}
			return nil
		})
	})
	t.Run("ErrEmptyPhone", func(t *testing.T) {
		db := MustOpen(t)
		if err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.SetBlocked("", true, t0) }); err == nil {
			t.Fatal("no error for an empty phone")
		}
	})
}

func TestLogAdmin(t *testing.T) {
	db := MustOpen(t)
	coreUpdate(t, db, func(tx *store.Tx) error { return tx.LogAdmin("admin:6281", "BLOKIR 6289", t0) })
	coreView(t, db, func(tx *store.Tx) error {
		var actor, command, at string
		if err := store.QueryRowForTest(tx, "SELECT actor, command, at FROM admin_log").Scan(&actor, &command, &at); err != nil {
			return err
		}
		if got, want := actor+"|"+command+"|"+at, "admin:6281|BLOKIR 6289|2026-11-25T06:00:00.000000000Z"; got != want {
			t.Fatalf("admin_log = %q, want %q", got, want)
		}
		return nil
	})
}
