package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"pasarbot/store"
	"pasarbot/store/storetest"
)

// leaseBackend returns the PostgreSQL backend holding schema's lease.
func leaseBackend(t *testing.T, probe *store.DB, schema string) int {
	t.Helper()
	var pid int
	if err := probe.View(context.Background(), func(tx *store.Tx) error {
		return store.QueryRowForTest(tx, `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
			AND ((classid::bigint << 32) | objid::bigint) = ?`, store.LeaseKey(schema)).Scan(&pid)
	}); err != nil {
		t.Fatalf("no backend holds the lease of %s: %v", schema, err)
	}
	return pid
}

// TestLeaseOneHolder: a market's lease has one holder; the second opener
// is told who holds it, and status lists the holder.
func TestLeaseOneHolder(t *testing.T) {
	ctx := context.Background()
	url, schema := storetest.Schema(t)
	first, err := store.OpenPostgres(ctx, url, schema)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := store.OpenPostgres(ctx, url, schema)
	var held *store.LeaseHeldError
	if !errors.As(err, &held) {
		second.Close()
		t.Fatalf("second open: %v, want LeaseHeldError", err)
	}
	if !strings.HasPrefix(held.Holder, first.Lease().Holder) {
		t.Errorf("holder named %q, want %q", held.Holder, first.Lease().Holder)
	}
	leases, err := store.Leases(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range leases {
		if l.Schema == schema {
			found = true
			if !l.Held || l.Holder != first.Lease().Holder {
				t.Errorf("status of %s = %+v, want held by %q", schema, l, first.Lease().Holder)
			}
		}
	}
	if !found {
		t.Fatalf("status does not list %s: %+v", schema, leases)
	}
	// A waiting opener gets the lease once the holder closes.
	go func() { time.Sleep(200 * time.Millisecond); first.Close() }()
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	next, err := store.OpenPostgresWait(wctx, url, schema)
	if err != nil {
		t.Fatalf("waiting opener after the holder closed: %v", err)
	}
	next.Close()
	leases, _ = store.Leases(ctx, url)
	for _, l := range leases {
		if l.Schema == schema && l.Held {
			t.Errorf("status after close: %+v, want free", l)
		}
	}
}

// TestLeaseTakeoverWhenConnectionDies: the holder's connection is killed
// (as when its process or machine dies): its writes fail, its lease reports
// lost, and a waiting process takes the market over within the bound.
func TestLeaseTakeoverWhenConnectionDies(t *testing.T) {
	ctx := context.Background()
	url, schema := storetest.Schema(t)
	holder, err := store.OpenPostgres(ctx, url, schema)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	probe := storetest.Open(t) // another schema: a connection to look at pg_locks from
	standby := make(chan *store.DB, 1)
	wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	go func() {
		db, err := store.OpenPostgresWait(wctx, url, schema)
		if err != nil {
			t.Error(err)
		}
		standby <- db
	}()
	time.Sleep(store.LeasePoll + 500*time.Millisecond) // the standby is polling by now
	pid := leaseBackend(t, probe, schema)
	killed := time.Now()
	if err := probe.View(ctx, func(tx *store.Tx) error {
		var ok bool
		return store.QueryRowForTest(tx, "SELECT pg_terminate_backend(?)", pid).Scan(&ok)
	}); err != nil {
		t.Fatal(err)
	}
	if err := holder.Update(ctx, func(tx *store.Tx) error { return tx.SetSetting("k", "old holder", time.Now()) }); err == nil {
		t.Fatal("the old holder still writes after its connection was killed")
	}
	select {
	case <-holder.Lease().Lost():
	default:
		t.Error("a write failed on the dead lease connection, but the lease is not reported lost")
	}
	next := <-standby
	if next == nil {
		t.FailNow()
	}
	defer next.Close()
	took := time.Since(killed)
	t.Logf("takeover %v after the holder's connection died", took)
	if bound := store.LeasePoll + time.Second; took > bound {
		t.Errorf("takeover took %v, want under %v", took, bound)
	}
	if err := next.Update(ctx, func(tx *store.Tx) error { return tx.SetSetting("k", "new holder", time.Now()) }); err != nil {
		t.Fatalf("the new holder cannot write: %v", err)
	}
	if err := holder.Update(ctx, func(tx *store.Tx) error { return nil }); !errors.Is(err, store.ErrLeaseLost) {
		t.Fatalf("write after the lease was lost: %v, want ErrLeaseLost", err)
	}
}

// TestLeaseLossSeenWhileIdle: a holder that writes nothing still learns
// within LeasePing that its lease connection died.
func TestLeaseLossSeenWhileIdle(t *testing.T) {
	ctx := context.Background()
	url, schema := storetest.Schema(t)
	holder, err := store.OpenPostgres(ctx, url, schema)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	probe := storetest.Open(t)
	pid := leaseBackend(t, probe, schema)
	if err := probe.View(ctx, func(tx *store.Tx) error {
		var ok bool
		return store.QueryRowForTest(tx, "SELECT pg_terminate_backend(?)", pid).Scan(&ok)
	}); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	select {
	case <-holder.Lease().Lost():
		t.Logf("lease loss seen %v after the kill", time.Since(killed).Round(time.Millisecond))
	case <-time.After(store.LeasePing + 2*time.Second):
		t.Fatalf("an idle holder was not told within %v that its lease is lost", store.LeasePing+2*time.Second)
	}
}
