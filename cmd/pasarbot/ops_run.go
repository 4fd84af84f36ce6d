package main

import (
	"context"
	"fmt"
	"html"
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
// market, labelled) when ops.listen is set, and with ops.token the operator
// page of each market: /ops/ for a deployment of one, /ops/<id>/ and an
// index at /ops/ for several. stop ends it and waits.
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
	mux := processOpsMux(o, fleet, units)
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
		registerOperatorPage(page, u.opsBase, cfg, m.m.DB, time.Now, log)
		u.page.Store(page)
	}
	u.fleet.SetRunning(true, "")

	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	if len(cfg.Webhooks) > 0 {
		hooks := &ops.WebhookSender{Queue: store.WebhookQueue{DB: m.m.DB}, Receivers: cfg.Webhooks, Now: time.Now,
			Log: log.With().Str("component", "webhooks").Logger(), Market: cfg.Market.ID}
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

// processOpsMux is the process's ops endpoint: the fleet's /healthz and
// /metrics, and with a token the markets' operator pages.
func processOpsMux(o config.Ops, fleet *ops.Fleet, units []*marketUnit) *http.ServeMux {
	mux := fleet.Mux()
	if o.Token == "" {
		return mux
	}
	for _, u := range units {
		mux.Handle(u.opsBase, currentPage(u))
	}
	if len(units) > 1 {
		mux.HandleFunc("GET /ops/{$}", marketIndex(units))
	}
	return mux
}

// opsHandler serves /healthz and /metrics of one unlabelled market (the
// simulator), and the operator page under /ops/ when ops.token is set.
func opsHandler(cfg *config.Config, metrics *ops.Metrics, db *store.DB, now func() time.Time, log zerolog.Logger) http.Handler {
	mux := metrics.Mux()
	if cfg.Ops.Token != "" {
		registerOperatorPage(mux, "/ops/", cfg, db, now, log)
	}
	return mux
}

// registerOperatorPage serves the operator page on db under base.
func registerOperatorPage(mux *http.ServeMux, base string, cfg *config.Config, db *store.DB, now func() time.Time, log zerolog.Logger) {
	page := &ops.OperatorPage{DB: db, Token: cfg.Ops.Token, Now: now, Loc: cfg.Location(), Base: base,
		Log: log.With().Str("component", "operator_page").Logger()}
	page.Register(mux)
}

// currentPage serves u's operator page of its current life (a restart
// builds a new one on the reopened database).
func currentPage(u *marketUnit) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page := u.page.Load()
		if page == nil {
			http.Error(w, "the market is not running", http.StatusServiceUnavailable)
			return
		}
		page.ServeHTTP(w, r)
	})
}

// marketIndex links each market's operator page.
func marketIndex(units []*marketUnit) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pasarbot markets</title></head><body><h1>Markets</h1><ul>")
		for _, u := range units {
			fmt.Fprintf(w, "<li><a href=\"%s\">%s</a> (%s)</li>", html.EscapeString(u.opsBase), html.EscapeString(u.cfg.Market.Name), u.cfg.Market.ID)
		}
		fmt.Fprint(w, "</ul></body></html>")
	}
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
