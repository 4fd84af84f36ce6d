package store_test

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"pasarbot/orders"
	"pasarbot/store"
)

func TestCouriers(t *testing.T) {
	db := MustOpen(t)
	coreUpdate(t, db, func(tx *store.Tx) error {
		for _, c := range []orders.Courier{
			{Phone: "6285", Name: "Udin", Plate: "D 1234 AB", Active: true},
			{Phone: "6286", Name: "Asep", Active: true},
			{Phone: "6285", Name: "Udin", Plate: "D 1234 AB", Active: false}, // deactivated
		} {
			if err := tx.SaveCourier(c, t0); err != nil {
				return err
			}
		}
		return nil
	})
	coreView(t, db, func(tx *store.Tx) error {
		got, err := tx.Couriers()
		if err != nil {
			return err
		}
		want := []orders.Courier{{Phone: "6286", Name: "Asep", Active: true}, {Phone: "6285", Name: "Udin", Plate: "D 1234 AB"}}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("couriers = %+v\nwant %+v", got, want)
		}
		return nil
	})
}

func TestJob(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		j := &orders.Job{Order: "a7k2", Status: orders.JobOpen, Ongkir: 8000, COD: 80000, Mode: orders.Talangan,
			Pins: map[string]string{"sayur": "0412", "daging": "9981"}, Broadcasts: 1, CreatedAt: t0}
		coreUpdate(t, db, func(tx *store.Tx) error {
			if j, err := tx.Job("A7K2"); err != nil || j != nil {
				t.Fatalf("job before = %+v, %v; want nil", j, err)
			}
			if err := tx.CreateOrder(newOrder("A7K2", "ani", t0)); err != nil {
				return err
			}
			if err := tx.CreateOrder(newOrder("B1", "budi", t0.Add(24*time.Hour))); err != nil {
				return err
			}
			if err := tx.SaveJob(&orders.Job{Order: "B1", Status: orders.JobOpen, Mode: orders.Prepaid, CreatedAt: t0.Add(24 * time.Hour)}); err != nil {
				return err
			}
			return tx.SaveJob(j)
		})
		job := func() *orders.Job {
			var got *orders.Job
			coreView(t, db, func(tx *store.Tx) (err error) {
				got, err = tx.Job("a7k2")
				return err
			})
			return got
		}
		if got := job(); !reflect.DeepEqual(got, j) {
			t.Fatalf("job = %+v\nwant %+v", got, j)
		}
		if err := j.Move(orders.JobClaimed, t0.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		j.Courier = "6285"
		if err := j.Move(orders.JobPickedUp, t0.Add(20*time.Minute)); err != nil {
			t.Fatal(err)
		}
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.SaveJob(j) })
		if got := job(); !reflect.DeepEqual(got, j) {
			t.Fatalf("job = %+v\nwant %+v", got, j)
		}
		coreView(t, db, func(tx *store.Tx) error {
			js, err := tx.JobsOfDay("2026-11-25")
			if err != nil {
				return err
			}
			if got, want := len(js), 1; got != want {
				t.Fatalf("jobs of day = %d, want %d", got, want)
			}
			if got, want := js[0], j; !reflect.DeepEqual(got, want) {
				t.Fatalf("job of day = %+v\nwant %+v", got, want)
			}
			return nil
		})
	})
	t.Run("ErrUnknownOrder", func(t *testing.T) {
		db := MustOpen(t)
		if err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.SaveJob(&orders.Job{Order: "NOPE", Status: orders.JobOpen, CreatedAt: t0})
		}); err == nil {
			t.Fatal("no error for a job of an unknown order")
		}
	})
}

// Eight couriers claim one job at once: exactly one wins, the others are
// told no, and nobody sees an error.
func TestClaimJob(t *testing.T) {
	db := MustOpen(t)
	coreUpdate(t, db, func(tx *store.Tx) error {
		if err := tx.CreateOrder(newOrder("A7K2", "ani", t0)); err != nil {
			return err
		}
		return tx.SaveJob(&orders.Job{Order: "A7K2", Status: orders.JobOpen, Mode: orders.Talangan, CreatedAt: t0})
	})
	const couriers = 8
	var wg sync.WaitGroup
	start := make(chan struct{})
	won := make([]bool, couriers)
	errs := make([]error, couriers)
	for i := range couriers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = db.Update(t.Context(), func(tx *store.Tx) (err error) {
				won[i], err = tx.ClaimJob("a7k2", fmt.Sprintf("628%d", i), t0.Add(time.Duration(i)*time.Millisecond))
				return err
			})
		}()
	}
	close(start)
	wg.Wait()
	winner := -1
	for i := range couriers {
		if errs[i] != nil {
			t.Fatalf("courier %d: %v", i, errs[i])
		}
		if won[i] {
			if winner >= 0 {
				t.Fatalf("couriers %d and %d both won", winner, i)
			}
			winner = i
		}
	}
	if winner < 0 {
		t.Fatal("nobody won the job")
	}
	coreView(t, db, func(tx *store.Tx) error {
		j, err := tx.Job("A7K2")
		if err != nil {
			return err
		}
		if got, want := j.Status, orders.JobClaimed; got != want {
			t.Fatalf("status = %s, want %s", got, want)
		}
		if got, want := j.Courier, fmt.Sprintf("628%d", winner); got != want {
			t.Fatalf("courier = %s, want %s", got, want)
		}
		if got, want := j.ClaimedAt, t0.Add(time.Duration(winner)*time.Millisecond); !got.Equal(want) {
			t.Fatalf("claimed at = %v, want %v", got, want)
		}
		return nil
	})
	coreUpdate(t, db, func(tx *store.Tx) error {
		ok, err := tx.ClaimJob("A7K2", "6299", t0)
		if got, want := ok, false; err != nil || got != want {
			t.Fatalf("late claim = %v, %v; want %v", got, err, want)
		}
		ok, err = tx.ClaimJob("NOPE", "6299", t0)
		if got, want := ok, false; err != nil || got != want {
			t.Fatalf("claim unknown = %v, %v; want %v", got, err, want)
		}
		return err
	})
}
