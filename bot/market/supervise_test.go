package market_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/market"
	"pasarbot/bot/sim"
)

// faultyMessenger is the simulator's transport with faults injected: it
// panics on its first send, then holds its second until released (a slow
// send), then delivers to the recorder.
type faultyMessenger struct {
	calls   atomic.Int64
	release chan struct{}
	next    *sim.Recorder
}

func (f *faultyMessenger) Send(ctx context.Context, m bot.Outbound) error {
	switch f.calls.Add(1) {
	case 1:
		panic("injected: the messenger broke")
	case 2:
		select {
		case <-f.release:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return f.next.Send(ctx, m)
}

// liveMarket is a market served by its supervisor; inbox is the pipeline
// of its current life (a restart opens a new one).
type liveMarket struct {
	id     string
	inbox  atomic.Pointer[bot.Pipeline]
	mu     sync.Mutex
	states []market.State
}

func (l *liveMarket) state(st market.State) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.states = append(l.states, st)
}

func (l *liveMarket) downDetails() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var ds []string
	for _, st := range l.states {
		if !st.Running {
			ds = append(ds, st.Detail)
		}
	}
	return ds
}

// deliver hands a simulator buyer's message to the market's current
// pipeline, waiting for the market to be up.
func (l *liveMarket) deliver(t *testing.T, ctx context.Context, in bot.Inbound) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if p := l.inbox.Load(); p != nil {
			if err := p.Accept(ctx, in); err == nil {
				return
			} else if time.Now().After(deadline) {
				t.Fatalf("market %s: %v", l.id, err)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("market %s never came up", l.id)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// awaitSent waits until the simulator's transport has carried n messages
// to chat, and returns how many it carried.
func awaitSent(t *testing.T, rec *sim.Recorder, chat string, n int, what string) int {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		changed := rec.Changed()
		got := 0
		for _, e := range rec.Since(0) {
			if e.Kind == sim.EntryOut && e.Chat == chat {
				got++
			}
		}
		if got >= n {
			return got
		}
		select {
		case <-changed:
		case <-timeout:
			t.Fatalf("%s: %d answers to %s within 10 s, want %d", what, got, chat, n)
		}
	}
}

// Two markets in one process, each on its own SQLite file, answering
// through the simulator's transport (sim.Recorder): a panic in one
// market's messenger (its outbox sender goroutine) stops that market only;
// the other keeps answering, also while the first one's send hangs after
// its restart; the first comes back by itself and sends what it owed.
func TestSuperviseAll_PanicInOneMarketLeavesTheOtherAnswering(t *testing.T) {
	// The example's sections shared by two markets, each with its own id
	// and its own files under data_dir.
	shared := strings.NewReplacer("  id: kahayan\n", "", "  path: pasarbot.db\n", "").Replace(string(config.Example))
	yaml := shared + fmt.Sprintf("data_dir: %s\nmarkets:\n", t.TempDir())
	for _, id := range []string{"kahayan", "besar"} {
		yaml += "  - market: {id: " + id + "}\n    orders: {burst_window: 0s}\n"
	}
	dep, err := config.ParseDeployment("two.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	broken := &faultyMessenger{release: make(chan struct{}), next: sim.NewRecorder()}
	healthy := sim.NewRecorder()
	messengers := map[string]bot.Messenger{"kahayan": broken, "besar": healthy}
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	lives := map[string]*liveMarket{}
	var sups []market.Supervision
	for _, cfg := range dep.Markets {
		l := &liveMarket{id: cfg.Market.ID}
		lives[l.id] = l
		sups = append(sups, market.Supervision{ID: l.id, Log: log.With().Str("market", l.id).Logger(), OnState: l.state,
			Backoff: 50 * time.Millisecond, MaxBackoff: time.Second,
			Run: func(ctx context.Context) error {
				m, err := market.Open(ctx, market.Options{Config: cfg, Messenger: messengers[l.id], Log: log})
				if err != nil {
					return err
				}
				defer m.Close()
				l.inbox.Store(m.Pipeline)
				defer l.inbox.Store(nil)
				return m.Serve(ctx)
			}})
	}
	done := make(chan error, 1)
	go func() { done <- market.SuperviseAll(ctx, sups) }()

	start := time.Now()
	buyerA, buyerB := "6281200000001", "6281200000002"
	lives["kahayan"].deliver(t, ctx, sim.Direct("a-1", buyerA, "cabe rawit 1/4", start))
	// The panic stops kahayan; it restarts and its second send hangs.
	deadline := time.Now().Add(10 * time.Second)
	for broken.calls.Load() < 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := broken.calls.Load(); got < 2 {
		t.Fatalf("kahayan's messenger called %d times; want the panic then a retry after the restart", got)
	}
	// Meanwhile besar answers as if nothing happened.
	lives["besar"].deliver(t, ctx, sim.Direct("b-1", buyerB, "bawang merah 1/2 kg", start))
	answered := awaitSent(t, healthy, sim.DirectChat(buyerB), 1, "besar while kahayan's send hangs")
	lives["besar"].deliver(t, ctx, sim.Direct("b-2", buyerB, "tomat 1 kg", start.Add(time.Second)))
	awaitSent(t, healthy, sim.DirectChat(buyerB), answered+1, "besar, second message")

	// kahayan's answer was kept in its outbox across the crash: released,
	// it goes out.
	close(broken.release)
	awaitSent(t, broken.next, sim.DirectChat(buyerA), 1, "kahayan after its restart")

	details := strings.Join(lives["kahayan"].downDetails(), " | ")
	if !strings.Contains(details, "panic in the outbox sender: injected") {
		t.Errorf("kahayan's down states %q do not name the panic", details)
	}
	if d := lives["besar"].downDetails(); len(d) != 0 {
		t.Errorf("besar went down: %q", d)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("SuperviseAll: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("SuperviseAll did not return after cancel")
	}
}

// A fatal error (one no restart cures) keeps that market down and is
// returned; the supervisor does not retry it.
func TestSupervise_FatalStaysDown(t *testing.T) {
	var runs atomic.Int64
	fatal := fmt.Errorf("device unlinked")
	err := market.Supervise(context.Background(), market.Supervision{ID: "a", Log: zerolog.Nop(), Backoff: time.Millisecond,
		Run:   func(context.Context) error { runs.Add(1); return fatal },
		Fatal: func(err error) bool { return err == fatal }})
	if err != fatal {
		t.Errorf("Supervise = %v, want the fatal error", err)
	}
	if got := runs.Load(); got != 1 {
		t.Errorf("runs = %d, want 1", got)
	}
}

// A market that keeps failing is restarted with doubling waits, not in a
// hot loop.
func TestSupervise_BacksOff(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var runs atomic.Int64
	var waits []string
	err := market.Supervise(ctx, market.Supervision{ID: "a", Log: zerolog.Nop(), Backoff: 10 * time.Millisecond, MaxBackoff: 40 * time.Millisecond,
		Run: func(context.Context) error {
			if runs.Add(1) == 5 {
				cancel()
				return nil
			}
			panic("again")
		},
		OnState: func(st market.State) {
			if !st.Running && strings.HasPrefix(st.Detail, "restarting") {
				waits = append(waits, strings.Fields(st.Detail)[2])
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(waits, ","), "10ms,20ms,40ms,40ms"; got != want {
		t.Errorf("waits = %s, want %s", got, want)
	}
}
