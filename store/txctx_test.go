package store_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"

	"pasarbot/store"
)

// Statements inside a write transaction start no goroutine, even with a
// cancellable context: an open query has no cancel watcher beside it.
func TestWriteStatementsStartNoGoroutine(t *testing.T) {
	db := MustOpen(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.SetSetting("a", "1", time.Now()); err != nil {
			return err
		}
		time.Sleep(10 * time.Millisecond) // let goroutines of earlier statements end
		return checkOpenQueryAlone(t, tx, runtime.NumGoroutine(), "write")
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkOpenQueryAlone opens a query on the settings (which hold a row) and
// fails t if goroutines other than the before ones run while it is open.
func checkOpenQueryAlone(t *testing.T, tx *store.Tx, before int, kind string) error {
	rows, err := store.QueryForTest(tx, `SELECT key FROM settings`)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		t.Error("the setting is not read back")
	}
	if during := runtime.NumGoroutine(); during != before {
		t.Errorf("an open query in a %s transaction runs beside %d goroutine(s), want none", kind, during-before)
	}
	return nil
}

// The transaction as a whole still ends with its context: a statement
// after the context ended fails, and nothing is committed.
func TestWriteTransactionKeepsItsDeadline(t *testing.T) {
	db := MustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	err := db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.SetSetting("a", "1", time.Now()); err != nil {
			return err
		}
		cancel()
		return tx.SetSetting("b", "2", time.Now())
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("statement after cancel: %v, want context.Canceled", err)
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	err = db.Update(ctx2, func(tx *store.Tx) error {
		err := tx.SetSetting("c", "3", time.Now())
		cancel2()
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("commit after cancel: %v, want context.Canceled", err)
	}
	err = db.View(context.Background(), func(tx *store.Tx) error {
		for _, k := range []string{"a", "b", "c"} {
			if v, err := tx.Setting(k); err != nil || v != "" {
				t.Errorf("setting %s = %q, %v after a cancelled transaction; want nothing committed", k, v, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Read transactions start no watcher goroutine either, reuse prepared
// statements, and still end with their context.
func TestReadTransactionsStartNoGoroutine(t *testing.T) {
	db := MustOpen(t)
	coreUpdate(t, db, func(tx *store.Tx) error { return tx.SetSetting("a", "1", time.Now()) })
	ctx, cancel := context.WithCancel(context.Background())
	coreView(t, db, func(tx *store.Tx) error { _, err := tx.Setting("a"); return err }) // the pool opens its connection
	time.Sleep(10 * time.Millisecond)                                                   // let goroutines of earlier statements end
	before := runtime.NumGoroutine()
	for range 3 {
		err := db.View(ctx, func(tx *store.Tx) error { return checkOpenQueryAlone(t, tx, before, "read") })
		if err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	err := db.View(ctx, func(tx *store.Tx) error {
		_, err := tx.Setting("a")
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("read after cancel: %v, want context.Canceled", err)
	}
}

// More concurrent reads than reader connections wait their turn, and
// direct reads still find a connection while the pool keeps its own.
func TestReaderPoolUnderConcurrency(t *testing.T) {
	db := MustOpen(t)
	coreUpdate(t, db, func(tx *store.Tx) error { return tx.SetSetting("a", "1", time.Now()) })
	done := make(chan error, 16)
	for range 16 {
		go func() {
			done <- db.View(context.Background(), func(tx *store.Tx) error {
				v, err := tx.Setting("a")
				if err == nil && v != "1" {
					err = errors.New("wrong value " + v)
				}
				time.Sleep(5 * time.Millisecond)
				return err
			})
		}()
	}
	for range 16 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	ro, err := store.OpenReadOnly(context.Background(), db.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for range 8 {
		go func() {
			done <- ro.View(context.Background(), func(tx *store.Tx) error { _, err := tx.Setting("a"); return err })
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if v, err := ro.Version(ctx); err != nil || v == 0 {
		t.Fatalf("direct read beside the pool's connections: version %d, %v", v, err)
	}
	if s, err := ro.IntegrityCheck(ctx); err != nil || s != "ok" {
		t.Fatalf("integrity check beside the pool's connections: %q, %v", s, err)
	}
}
