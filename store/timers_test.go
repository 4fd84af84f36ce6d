package store_test

import (
	"reflect"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/store"
)

func TestTimers(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		coreUpdate(t, db, func(tx *store.Tx) error {
			// Half a second after a whole second: fixed-width text keeps it after it.
			for _, tm := range []bot.Timer{
				{Kind: "seller_answer", Ref: "A7K2/sayur", Due: t0.Add(1500 * time.Millisecond)},
				{Kind: "cart_idle", Ref: "chat1", Due: t0.Add(time.Second)},
				{Kind: "cart_idle", Ref: "chat2", Due: t0.Add(time.Hour)},
				{Kind: "courier_claim", Ref: "A7K2", Due: t0},
			} {
				if err := tx.SetTimer(tm.Kind, tm.Ref, tm.Due); err != nil {
					return err
				}
			}
			return nil
		})
		due := func(now time.Time, limit int) []bot.Timer {
			var ts []bot.Timer
			coreView(t, db, func(tx *store.Tx) (err error) {
				ts, err = tx.DueTimers(now, limit)
				return err
			})
			return ts
		}
		want := []bot.Timer{
			{Kind: "courier_claim", Ref: "A7K2", Due: t0},
			{Kind: "cart_idle", Ref: "chat1", Due: t0.Add(time.Second)},
			{Kind: "seller_answer", Ref: "A7K2/sayur", Due: t0.Add(1500 * time.Millisecond)},
		}
		if got := due(t0.Add(2*time.Second), 0); !reflect.DeepEqual(got, want) {
			t.Fatalf("due = %+v\nwant %+v", got, want)
		}
		// Not marked: asking again returns them again; limit applies.
		if got := due(t0.Add(2*time.Second), 2); !reflect.DeepEqual(got, want[:2]) {
			t.Fatalf("due again = %+v\nwant %+v", got, want[:2])
		}
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.ClearTimer("courier_claim", "A7K2") })
		if got := due(t0.Add(2*time.Second), 0); !reflect.DeepEqual(got, want[1:]) {
			t.Fatalf("after clear = %+v\nwant %+v", got, want[1:])
		}
		// Setting a cleared timer re-arms it with its new deadline.
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.SetTimer("courier_claim", "A7K2", t0.Add(time.Minute)) })
		if got, want := len(due(t0.Add(time.Minute), 0)), 3; got != want {
			t.Fatalf("after re-arm: %d due, want %d", got, want)
		}
		if got, want := len(due(t0.Add(-time.Second), 0)), 0; got != want {
			t.Fatalf("before any deadline: %d due, want %d", got, want)
		}
	})
	t.Run("ClearUnknown", func(t *testing.T) {
		db := MustOpen(t)
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.ClearTimer("cart_idle", "nobody") })
	})
}

func TestJobRuns(t *testing.T) {
	db := MustOpen(t)
	ran := func() bool {
		var b bool
		coreView(t, db, func(tx *store.Tx) (err error) {
			b, err = tx.JobRan("open:2026-11-25")
			return err
		})
		return b
	}
	if got, want := ran(), false; got != want {
		t.Fatalf("ran = %v, want %v", got, want)
	}
	coreUpdate(t, db, func(tx *store.Tx) error { return tx.MarkJobRan("open:2026-11-25", t0) })
	coreUpdate(t, db, func(tx *store.Tx) error { return tx.MarkJobRan("open:2026-11-25", t0.Add(time.Hour)) })
	if got, want := ran(), true; got != want {
		t.Fatalf("ran = %v, want %v", got, want)
	}
	coreView(t, db, func(tx *store.Tx) error {
		var at string
		if err := store.QueryRowForTest(tx, "SELECT ran_at FROM job_runs WHERE key = 'open:2026-11-25'").Scan(&at); err != nil {
			return err
		}
		if got, want := at, "2026-11-25T06:00:00.000000000Z"; got != want {
			t.Fatalf("ran_at = %q, want the first run %q", got, want)
		}
		return nil
	})
}
