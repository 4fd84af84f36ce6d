package market_test

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/store"
)

// loadResult is what one load run measured. Latency is accept→outbox: from
// the moment a message is handed to Accept until Accept returns, which is
// after the commit that stored it, processed it and queued its replies.
type loadResult struct {
	msgs     int
	elapsed  time.Duration
	p50, p99 time.Duration
	max      time.Duration
}

func (r loadResult) rate() float64 { return float64(r.msgs) / r.elapsed.Seconds() }

func (r loadResult) String() string {
	return fmt.Sprintf("%d msgs in %v: %.0f msgs/s, p50 %v, p99 %v, max %v", r.msgs, r.elapsed.Round(time.Millisecond),
		r.rate(), r.p50.Round(10*time.Microsecond), r.p99.Round(10*time.Microsecond), r.max.Round(10*time.Microsecond))
}

// runLoad sends total buyer messages through the running pipeline from
// chats concurrent deliverers. Closed loop (rate 0): each deliverer sends
// its next message when Accept returned. Open loop: messages are offered
// at rate per second whatever happens; a deliverer takes the next offered
// message when it is free, as WhatsApp's handlers do, so when the pipeline
// is slower than the offer the rest wait unacknowledged at WhatsApp.
// Senders rotate over benchSenders phones, so no one is rate-limited.
func runLoad(tb testing.TB, m bench, first, total, chats int, rate float64) loadResult {
	ctx := context.Background()
	lat := make([]time.Duration, total)
	var next atomic.Int64
	offered := make(chan int, total)
	start := time.Now()
	if rate > 0 {
		go func() {
			interval := time.Duration(float64(time.Second) / rate)
			for i := 0; i < total; i++ {
				if d := time.Until(start.Add(time.Duration(i) * interval)); d > 0 {
					time.Sleep(d)
				}
				offered <- i
			}
			close(offered)
		}()
	}
	var wg sync.WaitGroup
	var failed atomic.Value
	for c := 0; c < chats; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				var i int
				if rate > 0 {
					var ok bool
					if i, ok = <-offered; !ok {
						return
					}
				} else if i = int(next.Add(1)) - 1; i >= total {
					return
				}
				m.clock.tick()
				t0 := time.Now()
				if err := m.Pipeline.Accept(ctx, buyerMsg(first+i, m.clock.Now())); err != nil {
					failed.Store(err)
					return
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err, _ := failed.Load().(error); err != nil {
		tb.Fatal(err)
	}
	sort.Slice(lat, func(a, b int) bool { return lat[a] < lat[b] })
	return loadResult{msgs: total, elapsed: elapsed, p50: lat[total/2], p99: lat[total*99/100], max: lat[total-1]}
}

// startPipeline runs the market's pipeline until the test ends.
func startPipeline(tb testing.TB, m bench) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); m.Pipeline.Run(ctx) }()
	tb.Cleanup(func() { cancel(); <-done })
	for !m.Pipeline.Accepting() {
		time.Sleep(time.Millisecond)
	}
}

// checkAllAnswered fails unless every one of the n messages from first on
// is processed exactly once and has its reply in the outbox.
func checkAllAnswered(tb testing.TB, m bench, first, n int) {
	err := m.DB.View(context.Background(), func(tx *store.Tx) error {
		for i := first; i < first+n; i++ {
			id := fmt.Sprintf("B-%d", i)
			known, processed, err := tx.InboundProcessed(id)
			if err != nil {
				return err
			}
			if !known || !processed {
				return fmt.Errorf("message %s: in the inbox %v, processed %v", id, known, processed)
			}
			queued, err := tx.OutboundQueued(bot.OutboundID(id, 0))
			if err != nil {
				return err
			}
			if !queued {
				return fmt.Errorf("message %s was processed but not answered", id)
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// The scaling table of docs/performance.md: closed and open loop at 1, 8,
// 64 and 512 concurrent chats. The open loop offers 1.5× what the closed
// loop at 64 chats sustained.
//
//	go test -run XXX -bench PipelineScaling -benchtime 1x ./bot/market/
func BenchmarkPipelineScaling(b *testing.B) {
	const n = 8000
	var sustained float64
	for _, open := range []bool{false, true} {
		for _, chats := range []int{1, 8, 64, 512} {
			loop := "closed"
			if open {
				loop = "open"
			}
			b.Run(fmt.Sprintf("%s/chats=%d", loop, chats), func(b *testing.B) {
				for range b.N {
					m := openBench(b)
					startPipeline(b, m)
					rate := 0.0
					if open {
						rate = 1.5 * sustained
					}
					r := runLoad(b, m, 0, n, chats, rate)
					checkAllAnswered(b, m, 0, n)
					m.checkNotLimited(b)
					if !open && chats == 64 {
						sustained = r.rate()
					}
					b.ReportMetric(r.rate(), "msgs/s")
					b.ReportMetric(float64(r.p50.Microseconds()), "p50-µs")
					b.ReportMetric(float64(r.p99.Microseconds()), "p99-µs")
					b.Logf("%s loop, %d chats, offered %.0f/s: %v", loop, chats, rate, r)
				}
			})
		}
	}
	// Four times as long at 64 chats: latency stays where it was, because
	// the pipeline's queue is bounded and WhatsApp holds the rest.
	b.Run("open-long/chats=64", func(b *testing.B) {
		for range b.N {
			m := openBench(b)
			startPipeline(b, m)
			r := runLoad(b, m, 0, 4*n, 64, 1.5*sustained)
			checkAllAnswered(b, m, 0, 4*n)
			m.checkNotLimited(b)
			b.ReportMetric(r.rate(), "msgs/s")
			b.ReportMetric(float64(r.p50.Microseconds()), "p50-µs")
			b.ReportMetric(float64(r.p99.Microseconds()), "p99-µs")
			b.Logf("open loop, 64 chats, %d messages, offered %.0f/s: %v", 4*n, 1.5*sustained, r)
		}
	})
}

// Backpressure: offered twice what the pipeline sustains, acceptance slows
// down (deliverers wait, WhatsApp keeps the rest unacknowledged) instead of
// the inbox growing, so the time from Accept to the committed reply stays
// within what the pipeline's own queue allows — (acceptQueue + 2 batches of
// 128) messages at the sustained rate, times 3 for a shared machine — and
// every message is answered once.
func TestBoundedLatencyUnderOverload(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	m := openBench(t)
	startPipeline(t, m)
	const chats = 64
	warm := runLoad(t, m, 0, 1500, chats, 0)
	sustained := warm.rate()
	n := int(2 * sustained * 2) // two seconds of the offer
	over := runLoad(t, m, 1500, n, chats, 2*sustained)
	// A shared machine stops a process for a few hundred milliseconds at
	// times: the limit is never under half a second. A growing inbox would
	// still pass it: after two seconds of twice the load it is a second behind.
	limit := max(3*time.Duration(float64(128+2*128)/sustained*float64(time.Second)), 500*time.Millisecond)
	t.Logf("sustained %.0f msgs/s; at 2× offered: %v; limit p99 %v", sustained, over, limit)
	if over.p99 > limit {
		t.Errorf("p99 accept→outbox %v at twice the sustainable load, limit %v", over.p99, limit)
	}
	checkAllAnswered(t, m, 0, 1500+n)
	m.checkNotLimited(t)
	var pending []bot.Inbound
	if err := m.DB.View(context.Background(), func(tx *store.Tx) error {
		var err error
		pending, err = tx.PendingInbound(0)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(pending) != 0 {
		t.Errorf("%d messages left unprocessed", len(pending))
	}
}

// A message delivered again — at once from two handlers, or later — is
// processed and answered once while the pipeline runs.
func TestRunProcessesRedeliveriesOnce(t *testing.T) {
	m := openBench(t)
	startPipeline(t, m)
	ctx := context.Background()
	in := buyerMsg(7, benchStart)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := m.Pipeline.Accept(ctx, in); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if err := m.Pipeline.Accept(ctx, in); err != nil {
		t.Fatal(err)
	}
	checkAllAnswered(t, m, 7, 1)
	pending, _, err := outboxCounts(m)
	if err != nil {
		t.Fatal(err)
	}
	var want int
	if err := m.DB.View(ctx, func(tx *store.Tx) error {
		for i := 0; ; i++ {
			q, err := tx.OutboundQueued(bot.OutboundID(in.ID, i))
			if err != nil || !q {
				return err
			}
			want++
		}
	}); err != nil {
		t.Fatal(err)
	}
	if pending != want {
		t.Errorf("%d replies queued for one message delivered five times, want its %d", pending, want)
	}
}

func outboxCounts(m bench) (pending, sent int, err error) {
	err = m.DB.View(context.Background(), func(tx *store.Tx) error {
		pending, sent, err = tx.OutboxStats()
		return err
	})
	return pending, sent, err
}

// A message stored by an Accept before Run took over (only stored, not
// processed) is processed by Run's first commits, not left behind by the
// write loop's knowledge that the inbox is clear.
func TestAcceptBeforeRunIsProcessed(t *testing.T) {
	m := openBench(t)
	ctx := context.Background()
	if err := m.Pipeline.Accept(ctx, buyerMsg(1, benchStart)); err != nil {
		t.Fatal(err)
	}
	startPipeline(t, m)
	for i := 2; i <= 3; i++ {
		if err := m.Pipeline.Accept(ctx, buyerMsg(i, benchStart)); err != nil {
			t.Fatal(err)
		}
	}
	checkAllAnswered(t, m, 1, 3)
}
