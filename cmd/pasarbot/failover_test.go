package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"pasarbot/store"
)

// failoverBound is the takeover time promised (docs/decisions.md): a
// standby serves a market at most this long after its holder died.
const failoverBound = 30 * time.Second

// TestFailoverPostgres: for each of four markets two processes start on
// it; one serves, the other stands by for the lease. The serving one is
// killed with SIGKILL in the middle of its replay; the standby takes the
// market over (carrying on from the stored inbox, outbox and timers) and
// the end state equals an uninterrupted run: the same orders and events,
// the same outbox ids, every inbox row processed once.
func TestFailoverPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	cfg := postgresConfigFile(t)
	bin := buildBinary(t, t.TempDir())
	script := filepath.Join("..", "..", "bot", "sim", "demo.txt")
	ref := postgresTarget(t, cfg)
	playBinary(t, bin, ref.args, script, 0)
	want := summarize(t, ref)
	rng := rand.New(rand.NewPCG(19, 2026))
	var slowest time.Duration
	for market := 1; market <= 4; market++ {
		db := postgresTarget(t, cfg)
		first, firstOut := startReplay(t, bin, db.args, script)
		holder := waitForHolder(t, db, "")
		standby, standbyOut := startReplay(t, bin, db.args, script)
		// Kill the server somewhere in its replay.
		time.Sleep(time.Duration(rng.Int64N(int64(want.runTime)*3/4)) + 50*time.Millisecond)
		if err := first.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		killed := time.Now()
		if err := first.Wait(); err == nil {
			t.Logf("market %d: the first process had finished before the kill:\n%s", market, firstOut)
		}
		waitForHolder(t, db, holder)
		took := time.Since(killed)
		slowest = max(slowest, took)
		err := standby.Wait()
		checkReplayExit(t, standby, err, standbyOut)
		got := summarize(t, db)
		if diff := got.diff(want); diff != "" {
			t.Fatalf("market %d: state after the failover differs from an uninterrupted run:\n%s", market, diff)
		}
		t.Logf("market %d: taken over %v after its process was killed", market, took.Round(time.Millisecond))
	}
	if slowest > failoverBound {
		t.Errorf("slowest takeover %v, want under %v", slowest, failoverBound)
	}
}

// waitForHolder waits until db's market is served by a holder other than
// not (any holder when not is ""), or until it was served and finished
// (the market free after a holder other than not ran), and returns it.
func waitForHolder(t *testing.T, db crashTarget, not string) string {
	t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(failoverBound + 10*time.Second)
	for time.Now().Before(deadline) {
		leases, err := store.Leases(ctx, db.url)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range leases {
			if l.Schema == db.schema && l.Held && l.Holder != not {
				return l.Holder
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal(fmt.Sprintf("no process took the market %s over within %v", db.schema, failoverBound+10*time.Second))
	return ""
}
