package market_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/market"
	"pasarbot/store"
)

// discard is a messenger that drops everything (benchmarks measure the
// inbound path, not sending).
type discard struct{}

func (discard) Send(context.Context, bot.Outbound) error { return nil }

func openBench(b *testing.B) *market.Market {
	b.Helper()
	cfg := config.Default()
	cfg.Orders.CodeSeed = 1
	noBurst := time.Duration(0) // every message is its own turn
	m, err := market.Open(context.Background(), market.Options{Config: cfg, DBPath: filepath.Join(b.TempDir(), "bench.db"),
		Clock: fixedClock{}, Messenger: discard{}, Log: zerolog.Nop(), BurstWindow: &noBurst})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	return m
}

// fixedClock is 08:00 WIB on a market day, so the market is open.
type fixedClock struct{}

func (fixedClock) Now() time.Time { return time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC) }

func buyerMsg(i int) bot.Inbound {
	phone := fmt.Sprintf("6281%09d", i%5000)
	return bot.Inbound{ID: fmt.Sprintf("B-%d", i), Chat: phone + "@s.whatsapp.net", Sender: phone + "@s.whatsapp.net",
		SenderPhone: phone, At: fixedClock{}.Now(), Kind: bot.KindText, Text: "cabe rawit merah 1/4 sama bawang merah 1/2 kg"}
}

// BenchmarkRawSQLiteCommit is the machine's limit: one durable single-row
// write transaction with the store's pragmas, one after another.
func BenchmarkRawSQLiteCommit(b *testing.B) {
	m := openBench(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := m.DB.Update(ctx, func(tx *store.Tx) error {
			return tx.SetSetting(fmt.Sprintf("bench-%d", i), "x", fixedClock{}.Now())
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "commits/s")
}

// BenchmarkInboundPipeline is one buyer message at a time through dedupe,
// parse, state transition, commit and outbox enqueue.
func BenchmarkInboundPipeline(b *testing.B) {
	m := openBench(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := m.Pipeline.Accept(ctx, buyerMsg(i)); err != nil {
			b.Fatal(err)
		}
		if _, err := m.Pipeline.Drain(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
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
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := m.Pipeline.Accept(ctx, buyerMsg(int(n.Add(1)))); err != nil {
				b.Error(err)
				return
			}
		}
	})
	// Wait until the worker has processed everything accepted.
	for {
		if _, err := m.Pipeline.Drain(ctx); err != nil {
			b.Fatal(err)
		}
		var pending []bot.Inbound
		m.DB.View(ctx, func(tx *store.Tx) error {
			var err error
			pending, err = tx.PendingInbound(1)
			return err
		})
		if len(pending) == 0 {
			break
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
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
				c := &bot.Conversation{Chat: fmt.Sprintf("6281%09d@s.whatsapp.net", j), State: bot.StateCart, UpdatedAt: fixedClock{}.Now()}
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
