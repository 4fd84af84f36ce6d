package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
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
		serveOpsOn(ctx, &wg, ln, opsHandler(cfg, metrics, m.m.DB, time.Now, log), log)
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
	if cfg.Backup.At != "" && cfg.Database.OnPostgres() {
		log.Info().Str("schema", cfg.Database.Schema).Msg("backup.at ignored: the market is on PostgreSQL, back it up with pg_dump -n")
	} else if cfg.Backup.At != "" {
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

// opsHandler serves /healthz and /metrics, and the operator page under
// /ops/ when ops.token is set.
func opsHandler(cfg *config.Config, metrics *ops.Metrics, db *store.DB, now func() time.Time, log zerolog.Logger) http.Handler {
	mux := metrics.Mux()
	if cfg.Ops.Token != "" {
		page := &ops.OperatorPage{DB: db, Token: cfg.Ops.Token, Now: now, Loc: cfg.Location(),
			Log: log.With().Str("component", "operator_page").Logger()}
		page.Register(mux)
	}
	return mux
}

// serveOpsOn serves h on ln in a goroutine counted in wg, until ctx ends.
func serveOpsOn(ctx context.Context, wg *sync.WaitGroup, ln net.Listener, h http.Handler, log zerolog.Logger) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := ops.Serve(ctx, ln, h); err != nil {
			log.Error().Err(err).Msg("ops endpoint stopped")
		}
	}()
}
