package market_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/market"
	"pasarbot/store"
	"pasarbot/store/storetest"
)

// discard is a messenger that drops everything (benchmarks measure the
// inbound path, not sending).
type discard struct{}

func (discard) Send(context.Context, bot.Outbound) error { return nil }

// bench is a market under benchmark: its clock advances one step per
// message, and every rate-limit warning is counted, so a benchmark can
// check that no message was refused cheaply by the limiter.
type bench struct {
	*market.Market
	clock   *stepClock
	limited *atomic.Int64
}

func openBench(b testing.TB) bench {
	b.Helper()
	cfg := config.Default()
	cfg.Orders.CodeSeed = 1
	noBurst := time.Duration(0) // every message is its own turn
	clock := &stepClock{}
	limited := &atomic.Int64{}
	log := zerolog.New(io.Discard).Level(zerolog.WarnLevel).Hook(zerolog.HookFunc(func(e *zerolog.Event, level zerolog.Level, msg string) {
		if strings.Contains(msg, "rate limit") {
			limited.Add(1)
		}
	}))
	dbPath := ""
	if onPostgres(b) {
		cfg.Database.Postgres, cfg.Database.Schema = storetest.Schema(b)
	} else {
		dbPath = filepath.Join(b.TempDir(), "bench.db")
	}
	m, err := market.Open(context.Background(), market.Options{Config: cfg, DBPath: dbPath,
		Clock: clock, Messenger: discard{}, Log: log, BurstWindow: &noBurst})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	return bench{Market: m, clock: clock, limited: limited}
}

// checkNotLimited fails the benchmark when the limiter refused a message:
// refused messages skip the parse and the state change, so they would make
// the pipeline look faster than it is.
func (m bench) checkNotLimited(b testing.TB) {
	if n := m.limited.Load(); n > 0 {
		b.Fatalf("%d senders went over the rate limit: the benchmark measured refusals", n)
	}
}

// onPostgres tells the tests and benchmarks that run the market on
// PostgreSQL (a fresh schema on PASARBOT_TEST_POSTGRES) from the SQLite
// ones: their names say Postgres.
func onPostgres(tb testing.TB) bool { return strings.Contains(tb.Name(), "Postgres") }

// benchStart is 08:00 WIB on a market day, so the market is open.
var benchStart = time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC)

// stepClock starts at benchStart and moves benchStep forward per message
// (tick), so senders' rate windows pass as they would in a real morning.
type stepClock struct{ n atomic.Int64 }

const benchStep = time.Millisecond

func (c *stepClock) Now() time.Time { return benchStart.Add(time.Duration(c.n.Load()) * benchStep) }
func (c *stepClock) tick()          { c.n.Add(1) }

// benchSenders is how many buyers write: each writes every benchSenders
// messages, i.e. every 10 s of clock time, 6 a minute, under the 20-a-minute limit.
const benchSenders = 10_000

func buyerMsg(i int, at time.Time) bot.Inbound {
	phone := fmt.Sprintf("6281%09d", i%benchSenders)
	return bot.Inbound{ID: fmt.Sprintf("B-%d", i), Chat: phone + "@s.whatsapp.net", Sender: phone + "@s.whatsapp.net",
		SenderPhone: phone, At: at, Kind: bot.KindText, Text: "cabe rawit merah 1/4 sama bawang merah 1/2 kg"}
}

// cpuTime is the CPU time the process has used (user and system), so the
// benchmarks can report CPU per operation on a machine shared with others.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkRawSQLiteCommit is the machine's limit: one durable single-row
// write transaction with the store's pragmas, one after another.
func BenchmarkRawSQLiteCommit(b *testing.B) {
	m := openBench(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		if err := m.DB.Update(ctx, func(tx *store.Tx) error {
			return tx.SetSetting(fmt.Sprintf("bench-%d", i), "x", benchStart)
		}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "commits/s")
}

// BenchmarkInboundPipeline is one buyer message at a time through the
// running pipeline: Accept returns when the message is durable and
// processed (dedupe, parse, state transition, outbox enqueue, processed
// mark), so each message is one commit of its own.
func BenchmarkInboundPipeline(b *testing.B) {
	m := openBench(b)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); m.Pipeline.Run(ctx) }()
	defer func() { cancel(); wg.Wait() }()
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		m.clock.tick()
		if err := m.Pipeline.Accept(ctx, buyerMsg(i, m.clock.Now())); err != nil {
			b.Fatal(err)
		}
	}
	m.waitProcessed(b, ctx)
	reportCPU(b, cpu)
	m.checkNotLimited(b)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
	m.reportReadAhead(b)
}

// reportReadAhead reports the share of messages whose reading the writer
// took from the deliverer's goroutine (bot/readahead.go).
func (m bench) reportReadAhead(b *testing.B) {
	_, used := m.Pipeline.ReadAheadCounts()
	b.ReportMetric(100*float64(used)/float64(b.N), "%read-ahead")
}

// waitProcessed returns when every accepted message has been processed.
func (m bench) waitProcessed(b *testing.B, ctx context.Context) {
	for {
		if _, err := m.Pipeline.Drain(ctx); err != nil {
			b.Fatal(err)
		}
		var pending []bot.Inbound
		if err := m.DB.View(ctx, func(tx *store.Tx) error {
			var err error
			pending, err = tx.PendingInbound(1)
			return err
		}); err != nil {
			b.Fatal(err)
		}
		if len(pending) == 0 {
			return
		}
	}
}

// BenchmarkInboundPipelineParallel has many chats writing at once: accepts
// share commits and the worker processes batches in one transaction.
func BenchmarkInboundPipelineParallel(b *testing.B) {
	m := openBench(b)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); m.Pipeline.Run(ctx) }()
	defer func() { cancel(); wg.Wait() }()
	var n atomic.Int64
	b.ReportAllocs()
	b.SetParallelism(32) // 32 × GOMAXPROCS concurrent chats
	b.ResetTimer()
	cpu := cpuTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			m.clock.tick()
			if err := m.Pipeline.Accept(ctx, buyerMsg(int(n.Add(1)), m.clock.Now())); err != nil {
				b.Error(err)
				return
			}
		}
	})
	m.waitProcessed(b, ctx)
	reportCPU(b, cpu)
	m.checkNotLimited(b)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
	m.reportReadAhead(b)
}

// BenchmarkIdleConversations reports what 100k idle conversations cost:
// the engine keeps no per-chat state in memory (heap-B/conv), only rows
// in SQLite (disk-B/conv).
func BenchmarkIdleConversations(b *testing.B) {
	const n = 100_000
	for i := 0; i < b.N; i++ {
		m := openBench(b)
		ctx := context.Background()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		err := m.DB.Update(ctx, func(tx *store.Tx) error {
			for j := 0; j < n; j++ {
				c := &bot.Conversation{Chat: fmt.Sprintf("6281%09d@s.whatsapp.net", j), State: bot.StateCart, UpdatedAt: benchStart}
				c.Phone = fmt.Sprintf("6281%09d", j)
				c.Cart = []bot.CartLine{{SKU: "tomat", Name: "Tomat", Unit: "kg", Group: "sayur", Qty: 1000, Price: 12000}}
				if err := tx.SaveConversation(c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if err := m.DB.Maintain(ctx); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		st, err := os.Stat(m.DB.Path)
		if err != nil {
			b.Fatal(err)
		}
		heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		if heap < 0 {
			heap = 0
		}
		b.ReportMetric(float64(heap)/n, "heap-B/conv")
		b.ReportMetric(float64(st.Size())/n, "disk-B/conv")
	}
}
