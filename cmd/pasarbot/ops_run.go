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

// serveProcessOps serves the process's /healthz and /metrics (every
// market, labelled) when ops.listen is set, and the operator page of a
// single-market deployment. stop ends it and waits.
func serveProcessOps(ctx context.Context, dep *config.Deployment, fleet *ops.Fleet, units []*marketUnit, log zerolog.Logger) (stop func(), err error) {
	o := dep.Ops()
	addr := o.ListenAddr()
	if addr == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("ops.listen: %w", err)
	}
	log.Info().Str("addr", ln.Addr().String()).Msg("serving /healthz and /metrics")
	mux := fleet.Mux()
	switch {
	case o.Token == "":
	case len(units) == 1:
		u := units[0]
		mux.Handle("/ops/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			page := u.page.Load()
			if page == nil {
				http.Error(w, "the market is not running", http.StatusServiceUnavailable)
				return
			}
			page.ServeHTTP(w, r)
		}))
	default:
		log.Warn().Msg("ops.token: the operator page serves a deployment of one market; with several it stays off (use /healthz and /metrics)")
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	serveOpsOn(ctx, &wg, ln, mux, log)
	return func() { cancel(); wg.Wait() }, nil
}

// startMarketOps starts what runs beside one live market: its metrics
// sources, the webhook sender when webhooks are configured, the report
// charts at the report time, and the scheduled backups. stop ends them and
// waits; call it before the market database closes.
func startMarketOps(ctx context.Context, u *marketUnit, m *market) (stop func(), err error) {
	cfg, log, metrics := u.cfg, u.log, u.fleet.Metrics
	if err := metrics.SetSources(ops.Sources{DB: m.m.DB, Now: time.Now, Connected: metrics.IsConnected,
		SchedulerBeat: m.m.SchedulerBeat, OutboxMaxAge: cfg.Ops.OutboxMaxAge, Log: log}); err != nil {
		return nil, err
	}
	m.wrapSend, m.onConnection = metrics.Messenger, metrics.Connection
	if cfg.Ops.Token != "" {
		page := http.NewServeMux()
		registerOperatorPage(page, cfg, m.m.DB, time.Now, log)
		u.page.Store(page)
	}
	u.fleet.SetRunning(true, "")

	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
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
			DeviceFile: u.device, Keep: cfg.Backup.Keep}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := ops.ScheduleBackups(ctx, b, cfg.Backup.At, cfg.Location(), log); err != nil {
				log.Error().Err(err).Msg("backup schedule stopped")
			}
		}()
	}
	return func() { cancel(); wg.Wait(); u.page.Store(nil) }, nil
}

// opsHandler serves /healthz and /metrics of one unlabelled market (the
// simulator), and the operator page under /ops/ when ops.token is set.
func opsHandler(cfg *config.Config, metrics *ops.Metrics, db *store.DB, now func() time.Time, log zerolog.Logger) http.Handler {
	mux := metrics.Mux()
	if cfg.Ops.Token != "" {
		registerOperatorPage(mux, cfg, db, now, log)
	}
	return mux
}

// registerOperatorPage serves the operator page on db under /ops/.
func registerOperatorPage(mux *http.ServeMux, cfg *config.Config, db *store.DB, now func() time.Time, log zerolog.Logger) {
	page := &ops.OperatorPage{DB: db, Token: cfg.Ops.Token, Now: now, Loc: cfg.Location(),
		Log: log.With().Str("component", "operator_page").Logger()}
	page.Register(mux)
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
