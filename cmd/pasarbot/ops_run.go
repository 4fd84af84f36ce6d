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

// startOps starts what runs beside a live market: metrics (always
// counted), the /healthz and /metrics endpoint when ops.listen is set, the
// webhook sender when webhooks are configured, the report charts at the
// report time, and the scheduled backups. stop ends them and waits; call it before the
// market database closes.
func startOps(ctx context.Context, cfg *config.Config, log zerolog.Logger, devicePath string, m *market) (stop func(), err error) {
	metrics := ops.NewMetrics()
	if err := metrics.SetSources(ops.Sources{DB: m.m.DB, Now: time.Now, Connected: metrics.IsConnected,
		SchedulerBeat: m.m.SchedulerBeat, OutboxMaxAge: cfg.Ops.OutboxMaxAge, Log: log}); err != nil {
		return nil, err
	}
	m.wrapSend, m.onConnection = metrics.Messenger, metrics.Connection

	var ln net.Listener
	if addr := cfg.Ops.ListenAddr(); addr != "" {
		if ln, err = net.Listen("tcp", addr); err != nil {
			return nil, fmt.Errorf("ops.listen: %w", err)
		}
		log.Info().Str("addr", ln.Addr().String()).Msg("serving /healthz and /metrics")
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	if ln != nil {
		serveOpsOn(ctx, &wg, ln, metrics, log)
	}
	if len(cfg.Webhooks) > 0 {
		hooks := &ops.WebhookSender{Queue: store.WebhookQueue{DB: m.m.DB}, Receivers: cfg.Webhooks, Now: time.Now,
			Log: log.With().Str("component", "webhooks").Logger()}
		wg.Add(1)
		go func() {
			defer wg.Done()
			hooks.Run(ctx, time.Second)
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		dir := ops.ResolveDir(ops.ReportDir, cfg.Database.Path)
		if err := ops.ScheduleReportCharts(ctx, m.m.DB, dir, cfg.Hours.ReportAt, cfg.Location(), log); err != nil {
			log.Error().Err(err).Msg("report chart schedule stopped")
		}
	}()
	if cfg.Backup.At != "" {
		b := ops.Backups{Dir: ops.ResolveDir(cfg.Backup.Dir, cfg.Database.Path), Database: cfg.Database.Path,
			DeviceFile: devicePath, Keep: cfg.Backup.Keep}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := ops.ScheduleBackups(ctx, b, cfg.Backup.At, cfg.Location(), log); err != nil {
				log.Error().Err(err).Msg("backup schedule stopped")
			}
		}()
	}
	return func() { cancel(); wg.Wait() }, nil
}

// serveOpsOn serves /healthz and /metrics on ln in a goroutine counted in
// wg, until ctx ends.
func serveOpsOn(ctx context.Context, wg *sync.WaitGroup, ln net.Listener, metrics *ops.Metrics, log zerolog.Logger) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := ops.Serve(ctx, ln, metrics.Mux()); err != nil {
			log.Error().Err(err).Msg("ops endpoint stopped")
		}
	}()
}
