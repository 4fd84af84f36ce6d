package main

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"

	"pasarbot/bot/ops"
	"pasarbot/bot/sim"
)

func runSim(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "sim", "[--addr 127.0.0.1:8080] [--ops-addr 127.0.0.1:8081] [--config FILE] [--market ID] [--db FILE] [-v]")
	cf := addConfigFlags(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to serve the simulator page on")
	opsAddr := fs.String("ops-addr", "127.0.0.1:8081", "address for /healthz and /metrics, as `run` serves them on ops.listen (\"\" turns them off)")
	verbose := fs.Bool("v", false, "log the market's work to stderr (at the configured log level)")
	if err := parseArgs(fs, args, 0); err != nil {
		return err
	}
	cfg, err := cf.load(e)
	if err != nil {
		return err
	}
	simDatabase(cfg, "") // never the live market's PostgreSQL schema
	if cfg.Orders.CodeSeed == 0 {
		cfg.Orders.CodeSeed = replayCodeSeed
	}
	// As in replay, only an explicit --db is used, never the live market's file.
	start := time.Now().In(cfg.Location()).Truncate(time.Minute)
	rec := sim.NewRecorder()
	metrics := ops.NewMetrics()
	m, err := newSimMarket(ctx, cfg, *cf.db, metrics.Messenger(rec), start, simLogger(e, cfg, *verbose))
	if err != nil {
		return err
	}
	defer m.Close()
	stopOps, err := serveSimOps(ctx, e, cfg, m, metrics, *opsAddr, simLogger(e, cfg, *verbose))
	if err != nil {
		return err
	}
	defer stopOps()
	rec.SetClock(m.Now)
	rec.Clock(m.Now(), 0)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Simulator %s: buka http://%s di browser. Ctrl+C untuk berhenti.\n", cfg.Market.Name, ln.Addr())

	// The terminal shows the same transcript as the page, as it happens.
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		follow(ctx, rec, sim.NewTranscript(e.stdout, m.Location()))
	}()
	srv := sim.NewServer(m, rec, sim.PartiesFromConfig(cfg), &cfg.Hours, simLogger(e, cfg, *verbose))
	err = srv.Serve(ctx, ln)
	wg.Wait()
	return err
}

// follow writes rec's entries to t as they are logged, until ctx ends.
func follow(ctx context.Context, rec *sim.Recorder, t *sim.Transcript) {
	n := 0
	for {
		changed := rec.Changed()
		es := rec.Since(n)
		n += len(es)
		t.Entries(es)
		select {
		case <-ctx.Done():
			return
		case <-changed:
		}
	}
}
