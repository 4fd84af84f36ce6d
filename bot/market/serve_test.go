package market_test

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/market"
)

// recorder is a messenger that keeps what it was asked to send.
type recorder struct{ sent chan bot.Outbound }

func (r recorder) Send(_ context.Context, m bot.Outbound) error { r.sent <- m; return nil }

// Serve takes messages in, answers through the messenger, and leaves no
// goroutine behind when its context ends.
func TestServeAnswersAndStopsCleanly(t *testing.T) {
	before := runtime.NumGoroutine()
	cfg := config.Default()
	cfg.Orders.BurstWindow = 0
	out := recorder{sent: make(chan bot.Outbound, 16)}
	m, err := market.Open(context.Background(), market.Options{Config: cfg, DBPath: filepath.Join(t.TempDir(), "serve.db"),
		Clock: &stepClock{}, Messenger: out, Log: zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Serve(ctx) }()
	if err := m.Pipeline.Accept(ctx, buyerMsg(1, benchStart)); err != nil {
		t.Fatal(err)
	}
	select {
	case msg := <-out.sent:
		if msg.Chat != buyerMsg(1, benchStart).Chat {
			t.Errorf("answer went to %s", msg.Chat)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no answer within 10 s")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	m.Close()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("goroutines: %d before, %d after shutdown\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}
