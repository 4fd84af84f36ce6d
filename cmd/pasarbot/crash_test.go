package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"pasarbot/bot/config"
	"pasarbot/orders"
	"pasarbot/store"
	"pasarbot/store/storetest"
)

// TestCrashRecovery runs the demo market morning in the real binary,
// kills it with SIGKILL at random points, restarts it on the same database
// (replay scripts use deterministic message ids, so a rerun delivers the
// same messages again), and checks that the end state equals an
// uninterrupted run: every inbound message processed once, every order
// and its event log the same, every outbox row sent with the same id,
// and the file intact. PASARBOT_CRASH_SOAK=N runs N kills instead of 24.
func TestCrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	crashRecovery(t, bin, 24, func(name string) crashTarget {
		path := filepath.Join(dir, name+".db")
		return crashTarget{args: []string{"--db", path}, open: func(ctx context.Context) (*store.DB, error) { return store.Open(ctx, path) }}
	})
}

// TestCrashRecoveryPostgres is TestCrashRecovery with the market on
// PostgreSQL: each run's market in a fresh schema.
func TestCrashRecoveryPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	cfg := postgresConfigFile(t)
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	crashRecovery(t, bin, 8, func(string) crashTarget { return postgresTarget(t, cfg) })
}

// postgresTarget is a fresh market schema on the test PostgreSQL.
func postgresTarget(t *testing.T, cfg string) crashTarget {
	url, schema := storetest.Schema(t)
	return crashTarget{args: []string{"--config", cfg, "--schema", schema}, url: url, schema: schema,
		open: func(ctx context.Context) (*store.DB, error) {
			// The replay process has exited, but PostgreSQL may not have
			// ended its session (and lease) yet.
			ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			return store.OpenPostgresWait(ctx, url, schema)
		}}
}

// postgresConfigFile writes the built-in market's configuration with its
// database on the test PostgreSQL.
func postgresConfigFile(t *testing.T) string {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), "pasarbot.yaml")
	yaml := strings.Replace(string(config.Example), "  path: pasarbot.db\n",
		"  postgres: "+storetest.URL(t)+"\n  schema: unused\n", 1)
	if !strings.Contains(yaml, "postgres: ") {
		t.Fatal("the example configuration has no database.path line to replace")
	}
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// crashTarget is one market database the binary plays on: its flags, and
// how the test opens it.
type crashTarget struct {
	args        []string
	open        func(context.Context) (*store.DB, error)
	url, schema string // on PostgreSQL
}

// crashRecovery plays the demo uninterrupted on one target, then on others
// with kills at random points, and compares the end states.
func crashRecovery(t *testing.T, bin string, kills int, target func(name string) crashTarget) {
	script := filepath.Join("..", "..", "bot", "sim", "demo.txt")
	ref := target("ref")
	playBinary(t, bin, ref.args, script, 0)
	want := summarize(t, ref)
	if len(want.Orders) < 3 {
		t.Fatalf("reference run made %d orders; the demo should make more", len(want.Orders))
	}
	total := want.runTime
	if total <= 0 {
		total = time.Second
	}
	if n := os.Getenv("PASARBOT_CRASH_SOAK"); n != "" {
		fmt.Sscan(n, &kills)
	}
	done, interrupted := 0, 0
	for seed := uint64(1); interrupted < kills; seed++ {
		rng := rand.New(rand.NewPCG(seed, 2026))
		db := target(fmt.Sprintf("crash-%d", seed))
		for i := 0; i < 3 && interrupted < kills; i++ {
			// Kill somewhere in the run, from process start to its end.
			if playBinary(t, bin, db.args, script, time.Duration(rng.Int64N(int64(total)))+time.Millisecond) {
				interrupted++
			}
			done++
		}
		playBinary(t, bin, db.args, script, 0)
		got := summarize(t, db)
		if diff := got.diff(want); diff != "" {
			t.Fatalf("seed %d: state after crashes differs from an uninterrupted run:\n%s", seed, diff)
		}
	}
	t.Logf("%d runs killed mid-way (%d tried), state identical to the uninterrupted run every time", interrupted, done)
}

func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "pasarbot")
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race") // reuse the race-built packages
	}
	out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// playBinary plays script on the database the flags in target name; with
// kill > 0 the process is killed with SIGKILL after that long (if still
// running).
func playBinary(t *testing.T, bin string, target []string, script string, kill time.Duration) (killed bool) {
	t.Helper()
	start := time.Now()
	cmd, out := startReplay(t, bin, target, script)
	if kill > 0 {
		timer := time.AfterFunc(kill, func() { cmd.Process.Kill() })
		defer timer.Stop()
	}
	err := cmd.Wait()
	lastRun = time.Since(start)
	if kill == 0 || cmd.ProcessState.Exited() {
		checkReplayExit(t, cmd, err, out)
		return false
	}
	return true
}

// startReplay starts the binary replaying script (resuming) on target.
func startReplay(t *testing.T, bin string, target []string, script string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd := exec.Command(bin, append(append([]string{"replay", "--resume"}, target...), script)...)
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, out
}

// checkReplayExit fails on a replay that crashed by itself. Expectations
// may fail after a restart (the transcript starts anew): exit 1 is fine;
// a crash of our own (exit 2, panics) is not.
func checkReplayExit(t *testing.T, cmd *exec.Cmd, err error, out *strings.Builder) {
	t.Helper()
	if code := cmd.ProcessState.ExitCode(); code != 0 && code != 1 {
		t.Fatalf("replay exited %d (%v):\n%s", code, err, out.String())
	}
}

var lastRun time.Duration

type orderSummary struct {
	Code, Status, Courier string
	Total                 int64
	Lines                 []string
	Subs                  []string
	Events                []string
}

type summary struct {
	Orders    []orderSummary
	Outbox    []string // message ids
	Unsent    int
	Inbox     int
	Unhandled int
	runTime   time.Duration
}

func summarize(t *testing.T, target crashTarget) summary {
	t.Helper()
	ctx := context.Background()
	db, err := target.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if !db.IsPostgres() { // PostgreSQL checks its own pages
		if s, err := db.IntegrityCheck(ctx); err != nil || s != "ok" {
			t.Fatalf("integrity_check = %q, %v", s, err)
		}
	}
	s := summary{runTime: lastRun}
	err = db.View(ctx, func(tx *store.Tx) error {
		os, err := tx.ListOrders(0)
		if err != nil {
			return err
		}
		for _, o := range os {
			evs, err := tx.OrderEvents(o.Code)
			if err != nil {
				return err
			}
			s.Orders = append(s.Orders, summarizeOrder(o, evs))
		}
		ids, unsent, inbox, unhandled, err := store.CrashCheckCounts(tx)
		s.Outbox, s.Unsent, s.Inbox, s.Unhandled = ids, unsent, inbox, unhandled
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(s.Orders, func(i, j int) bool { return s.Orders[i].Code < s.Orders[j].Code })
	return s
}

func summarizeOrder(o *orders.Order, evs []orders.Event) orderSummary {
	os := orderSummary{Code: o.Code, Status: string(o.Status), Courier: o.Courier, Total: o.Total()}
	for _, l := range o.Lines {
		os.Lines = append(os.Lines, fmt.Sprintf("%s %d %d", l.SKU, l.Qty, l.Amount))
	}
	for _, sub := range o.Subs {
		os.Subs = append(os.Subs, fmt.Sprintf("%s %s %d", sub.Group, sub.Status, sub.AgreedTotal))
	}
	// The log must chain: each order-level event starts where the last ended.
	last := orders.Status("")
	for _, e := range evs {
		if e.Group == "" && e.From != e.To {
			if last != "" && e.From != last {
				os.Events = append(os.Events, fmt.Sprintf("BROKEN CHAIN %s→%s after %s", e.From, e.To, last))
			}
			last = e.To
		}
		os.Events = append(os.Events, fmt.Sprintf("%s %s→%s %s %s %s", e.Group, e.From, e.To, e.Actor, e.Detail, e.At.UTC().Format(time.RFC3339)))
	}
	return os
}

func (s summary) diff(want summary) string {
	var d []string
	if s.Unsent != 0 {
		d = append(d, fmt.Sprintf("%d outbox rows never sent", s.Unsent))
	}
	if s.Unhandled != 0 {
		d = append(d, fmt.Sprintf("%d inbox rows never processed", s.Unhandled))
	}
	if s.Inbox != want.Inbox {
		d = append(d, fmt.Sprintf("inbox rows %d, want %d", s.Inbox, want.Inbox))
	}
	if !reflect.DeepEqual(s.Outbox, want.Outbox) {
		d = append(d, fmt.Sprintf("outbox ids differ: %d vs %d rows", len(s.Outbox), len(want.Outbox)))
	}
	if !reflect.DeepEqual(s.Orders, want.Orders) {
		d = append(d, fmt.Sprintf("orders differ:\n got  %+v\n want %+v", s.Orders, want.Orders))
	}
	return strings.Join(d, "\n")
}
