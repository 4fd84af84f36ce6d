package market_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"
)

// BenchmarkMarkets is many markets in one process, each fully served
// (market.Serve: inbox worker, outbox sender, cron) on its own SQLite file:
// the same 4000 buyer messages spread over 1, 10 or 100 markets, 8 chats
// writing at once in each. It reports the throughput and what each market
// costs while idle: heap, open files and goroutines (docs/performance.md).
//
//	go test -run XXX -bench Markets -benchtime 1x ./bot/market/
func BenchmarkMarkets(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("markets=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				benchMarkets(b, n)
			}
		})
	}
}

const (
	benchMarketMessages = 4000
	benchChatsPerMarket = 8
)

func benchMarkets(b *testing.B, n int) {
	b.StopTimer()
	heap0, fds0, gor0 := processFootprint()
	ms := make([]bench, n)
	for i := range ms {
		ms[i] = openBench(b)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var served sync.WaitGroup
	for _, m := range ms {
		served.Add(1)
		go func() {
			defer served.Done()
			if err := m.Serve(ctx); err != nil {
				b.Error(err)
			}
		}()
	}
	defer func() { cancel(); served.Wait() }()
	for _, m := range ms {
		for !m.Pipeline.Accepting() {
			runtime.Gosched()
		}
	}
	heap1, fds1, gor1 := processFootprint()

	perMarket := benchMarketMessages / n
	b.StartTimer()
	cpu := cpuTime()
	var feeders sync.WaitGroup
	for _, m := range ms {
		for c := 0; c < benchChatsPerMarket; c++ {
			feeders.Add(1)
			go func() {
				defer feeders.Done()
				for i := c; i < perMarket; i += benchChatsPerMarket {
					m.clock.tick()
					if err := m.Pipeline.Accept(ctx, buyerMsg(i, m.clock.Now())); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
	}
	feeders.Wait()
	for _, m := range ms {
		m.waitProcessed(b, ctx)
	}
	b.StopTimer()
	reportCPU(b, cpu)
	for _, m := range ms {
		m.checkNotLimited(b)
		checkAllAnswered(b, m, 0, perMarket)
	}
	b.ReportMetric(float64(perMarket*n)/b.Elapsed().Seconds(), "msgs/s")
	b.ReportMetric(float64(heap1-heap0)/float64(n), "heap-B/market")
	if fds0 >= 0 {
		b.ReportMetric(float64(fds1-fds0)/float64(n), "fds/market")
	}
	b.ReportMetric(float64(gor1-gor0)/float64(n), "goroutines/market")
}

// processFootprint is the live heap after a collection, the open file
// descriptors (-1 where /proc is missing) and the goroutines.
func processFootprint() (heap int64, fds, goroutines int) {
	runtime.GC()
	var st runtime.MemStats
	runtime.ReadMemStats(&st)
	fds = -1
	if es, err := os.ReadDir("/proc/self/fd"); err == nil {
		fds = len(es)
	}
	return int64(st.HeapAlloc), fds, runtime.NumGoroutine()
}
