package store_test

import (
	"context"
	"testing"
	"time"

	"pasarbot/store"
)

// t0 is a market morning; tests count from it.
var t0 = time.Date(2026, 11, 25, 6, 0, 0, 0, time.UTC)

// coreUpdate runs fn in a write transaction and fails the test on error.
func coreUpdate(tb testing.TB, db *store.DB, fn func(tx *store.Tx) error) {
	tb.Helper()
	if err := db.Update(context.Background(), fn); err != nil {
		tb.Fatal(err)
	}
}

// coreView runs fn in a read transaction and fails the test on error.
func coreView(tb testing.TB, db *store.DB, fn func(tx *store.Tx) error) {
	tb.Helper()
	if err := db.View(context.Background(), fn); err != nil {
		tb.Fatal(err)
	}
}

func TestSetting(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		coreView(t, db, func(tx *store.Tx) error {
			v, err := tx.Setting("paused")
			if got, want := v, ""; err != nil || got != want {
				t.Fatalf("unset = %q, %v; want %q", got, err, want)
			}
			return nil
		})
		for _, v := range []string{"1", "0"} {
			coreUpdate(t, db, func(tx *store.Tx) error { return tx.SetSetting("paused", v, t0) })
			coreView(t, db, func(tx *store.Tx) error {
				got, err := tx.Setting("paused")
				if err != nil {
					return err
				}
				if want := v; got != want {
					t.Fatalf("setting = %q, want %q", got, want)
				}
				return nil
			})
		}
	})
}
