package whatsapp_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"pasarbot/bot/whatsapp"
)

// fakeClock is a clock whose sleeps move time forward instantly.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.now = c.now.Add(d)
	}
	return nil
}

func (c *fakeClock) Advance(d time.Duration) { _ = c.Sleep(context.Background(), d) }

// newTestPacer: 1 send/s market-wide with bursts of 3, 1.5 s per chat,
// and a fixed jitter so times are exact.
func newTestPacer(clk *fakeClock, jitter time.Duration) *whatsapp.Pacer {
	return &whatsapp.Pacer{
		Interval: time.Second, Burst: 3, ChatGap: 1500 * time.Millisecond, MaxJitter: 500 * time.Millisecond,
		Now: clk.Now, Sleep: clk.Sleep,
		Jitter: func(max time.Duration) time.Duration { return min(jitter, max) },
	}
}

// sendTimes waits for each chat in turn and records when each send may go,
// as offsets from the start.
func sendTimes(t *testing.T, p *whatsapp.Pacer, clk *fakeClock, chats ...string) []time.Duration {
	t.Helper()
	start := clk.Now()
	var got []time.Duration
	for _, chat := range chats {
		if err := p.Wait(context.Background(), chat); err != nil {
			t.Fatal(err)
		}
		got = append(got, clk.Now().Sub(start))
	}
	return got
}

func ms(ds ...int) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = time.Duration(d) * time.Millisecond
	}
	return out
}

func TestPacer(t *testing.T) {
	t.Run("BurstThenInterval", func(t *testing.T) {
		clk := newFakeClock()
		p := newTestPacer(clk, 0)
		got := sendTimes(t, p, clk, "a", "b", "c", "d", "e")
		if want := ms(0, 0, 0, 1000, 2000); !slices.Equal(got, want) {
			t.Errorf("send times %v, want %v", got, want)
		}
	})
	t.Run("ChatGapWithJitter", func(t *testing.T) {
		clk := newFakeClock()
		p := newTestPacer(clk, 200*time.Millisecond)
		got := sendTimes(t, p, clk, "a", "a", "a")
		if want := ms(0, 1700, 3400); !slices.Equal(got, want) {
			t.Errorf("send times %v, want %v", got, want)
		}
	})
	t.Run("ChatGapDoesNotBlockOthers", func(t *testing.T) {
		clk := newFakeClock()
		p := newTestPacer(clk, 0)
		got := sendTimes(t, p, clk, "a", "a", "b")
		// The second "a" waits its 1.5 s; "b" could go then too, but the
		// bucket (3 burst, 1/s) still has room: it follows immediately.
		if want := ms(0, 1500, 1500); !slices.Equal(got, want) {
			t.Errorf("send times %v, want %v", got, want)
		}
	})
	t.Run("QuietPeriodRefillsBurst", func(t *testing.T) {
		clk := newFakeClock()
		p := newTestPacer(clk, 0)
		sendTimes(t, p, clk, "a", "b", "c", "d")
		clk.Advance(10 * time.Second)
		got := sendTimes(t, p, clk, "e", "f", "g", "h")
		if want := ms(0, 0, 0, 1000); !slices.Equal(got, want) {
			t.Errorf("send times after a pause %v, want %v", got, want)
		}
	})
	t.Run("BurstOfOne", func(t *testing.T) {
		clk := newFakeClock()
		p := newTestPacer(clk, 0)
		p.Burst = 0 // treated as 1
		got := sendTimes(t, p, clk, "a", "b", "c")
		if want := ms(0, 1000, 2000); !slices.Equal(got, want) {
			t.Errorf("send times %v, want %v", got, want)
		}
	})
	t.Run("ConcurrentReservationsGetDistinctSlots", func(t *testing.T) {
		clk := newFakeClock()
		p := newTestPacer(clk, 0)
		p.Burst = 1
		const n = 50
		delays := make([]time.Duration, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { delays[i] = p.Reserve(string(rune('A' + i))) })
		}
		wg.Wait()
		slices.Sort(delays)
		for i, d := range delays {
			if want := time.Duration(i) * time.Second; d != want {
				t.Fatalf("slot %d waits %v, want %v", i, d, want)
			}
		}
	})
	t.Run("WaitStopsWithContext", func(t *testing.T) {
		clk := newFakeClock()
		p := newTestPacer(clk, 0)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := p.Wait(ctx, "a"); !errors.Is(err, context.Canceled) {
			t.Errorf("Wait with cancelled context: %v", err)
		}
	})
}

// TestNewPacer_RealSleepAndJitter checks the production defaults without
// waiting: jitter stays in bounds and a cancelled wait returns at once.
func TestNewPacer_RealSleepAndJitter(t *testing.T) {
	p := whatsapp.NewPacer(time.Second, 3, 1500*time.Millisecond)
	if p.MaxJitter != 500*time.Millisecond {
		t.Errorf("MaxJitter = %v", p.MaxJitter)
	}
	for range 1000 {
		if j := p.Jitter(p.MaxJitter); j < 0 || j > p.MaxJitter {
			t.Fatalf("jitter %v out of [0, %v]", j, p.MaxJitter)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p.Reserve("a")
	p.Reserve("a") // now 1.5 s or more away
	start := time.Now()
	if err := p.Wait(ctx, "a"); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait = %v, want context.Canceled", err)
	}
	if time.Since(start) > time.Second {
		t.Error("cancelled Wait slept")
	}
}
