package main

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/ops"
	"pasarbot/store"
)

// opsMarket is what the simulator's /healthz and /metrics read; the real
// simulated market has it (a stand-in in tests may not).
type opsMarket interface {
	DB() *store.DB
	Now() time.Time
	SchedulerBeat() time.Time
}

// serveSimOps serves /healthz and /metrics for the simulator on addr, the
// same handlers as `run`, on the simulated clock. The simulated transport
// is always connected. stop ends the server and waits.
func serveSimOps(ctx context.Context, e env, cfg *config.Config, m simMarket, metrics *ops.Metrics, addr string, log zerolog.Logger) (stop func(), err error) {
	om, ok := m.(opsMarket)
	if addr == "" || !ok {
		return func() {}, nil
	}
	if err := metrics.SetSources(ops.Sources{DB: om.DB(), Now: om.Now, Connected: metrics.IsConnected,
		SchedulerBeat: om.SchedulerBeat, OutboxMaxAge: cfg.Ops.OutboxMaxAge, Log: log}); err != nil {
		return nil, err
	}
	metrics.Connection(true)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--ops-addr: %w", err)
	}
	fmt.Fprintf(e.stdout, "Health and metrics: http://%s/healthz  http://%s/metrics\n", ln.Addr(), ln.Addr())
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	serveOpsOn(ctx, &wg, ln, opsHandler(cfg, metrics, om.DB(), om.Now, log), log)
	return func() { cancel(); wg.Wait() }, nil
}
