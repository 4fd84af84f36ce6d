package store_test

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/store"
)

func inbound(id, chat string) bot.Inbound {
	return bot.Inbound{ID: id, Chat: chat, Sender: chat, Kind: bot.KindText, Text: "tomat 1/4", At: t0}
}

func TestInbox(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		loc := inbound("m2", "b@s.whatsapp.net")
		loc.Kind, loc.Text, loc.Location = bot.KindLocation, "", &bot.Location{Lat: -6.2, Lng: 106.8, Name: "Rumah"}
		msgs := []bot.Inbound{inbound("m1", "a@s.whatsapp.net"), loc, inbound("m3", "a@s.whatsapp.net")}
		coreUpdate(t, db, func(tx *store.Tx) error {
			// m1 and m2 arrive in the same instant: ties keep insertion order.
			for i, at := range []time.Time{t0, t0, t0.Add(time.Second)} {
				fresh, err := tx.InsertInbound(msgs[i], at)
				if err != nil {
					return err
				}
				if got, want := fresh, true; got != want {
					t.Fatalf("%s fresh = %v, want %v", msgs[i].ID, got, want)
				}
			}
			return nil
		})
		coreUpdate(t, db, func(tx *store.Tx) error {
			fresh, err := tx.InsertInbound(msgs[0], t0.Add(time.Minute))
			if got, want := fresh, false; err != nil || got != want {
				t.Fatalf("redelivered fresh = %v, %v; want %v", got, err, want)
			}
			return err
		})
		pending := func() []bot.Inbound {
			var ins []bot.Inbound
			coreView(t, db, func(tx *store.Tx) (err error) {
				ins, err = tx.PendingInbound(0)
				return err
			})
			return ins
		}
		if got := pending(); !reflect.DeepEqual(got, msgs) {
			t.Fatalf("pending = %+v\nwant %+v", got, msgs)
		}
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.MarkProcessed("m1", t0.Add(time.Second)) })
		if got := pending(); !reflect.DeepEqual(got, msgs[1:]) {
			t.Fatalf("pending after mark = %+v\nwant %+v", got, msgs[1:])
		}
		coreView(t, db, func(tx *store.Tx) error {
			ins, err := tx.PendingInbound(1)
			if got, want := len(ins), 1; err != nil || got != want {
				t.Fatalf("limit 1: %d, %v; want %d", got, err, want)
			}
			return err
		})
		// Processed and then redelivered: still not fresh.
		coreUpdate(t, db, func(tx *store.Tx) error {
			fresh, err := tx.InsertInbound(msgs[0], t0.Add(time.Hour))
			if got, want := fresh, false; err != nil || got != want {
				t.Fatalf("processed redelivered fresh = %v, %v; want %v", got, err, want)
			}
			return err
		})
	})
	t.Run("ErrEmptyID", func(t *testing.T) {
		db := MustOpen(t)
		if err := db.Update(t.Context(), func(tx *store.Tx) error {
			_, err := tx.InsertInbound(inbound("", "a"), t0)
			return err
		}); err == nil {
			t.Fatal("no error for an empty message id")
		}
	})
	t.Run("ErrMarkUnknown", func(t *testing.T) {
		db := MustOpen(t)
		if err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.MarkProcessed("nope", t0) }); err == nil {
			t.Fatal("no error marking an unknown message")
		}
	})
}

// Concurrent writers queue on the single writer connection instead of
// failing with SQLITE_BUSY.
func TestConcurrentWriters(t *testing.T) {
	db := MustOpen(t)
	const writers, each = 8, 50
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+2*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				errs <- db.Update(t.Context(), func(tx *store.Tx) error {
					_, err := tx.InsertInbound(inbound(fmt.Sprintf("w%d-%d", w, i), fmt.Sprintf("chat%d", w)), t0)
					return err
				})
			}
		}()
	}
	// Readers run alongside on the reader pool.
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				errs <- db.View(t.Context(), func(tx *store.Tx) error {
					_, err := tx.PendingInbound(10)
					return err
				})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	coreView(t, db, func(tx *store.Tx) error {
		ins, err := tx.PendingInbound(0)
		if got, want := len(ins), writers*each; err != nil || got != want {
			t.Fatalf("inbox rows = %d, %v; want %d", got, err, want)
		}
		return err
	})
}
