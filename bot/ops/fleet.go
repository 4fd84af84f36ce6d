package ops

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/rs/zerolog"
)

// Fleet is one process's /healthz and /metrics over every market it
// serves: each market's series carry market="id", and /healthz reports
// each market beside the overall status.
type Fleet struct {
	proc    *prometheus.Registry // Go and process series, once
	log     zerolog.Logger
	markets []*FleetMarket
}

// FleetMarket is one market in the fleet: its metrics (kept across
// restarts, so counters do not fall back) and whether it runs now.
type FleetMarket struct {
	ID      string
	Metrics *Metrics

	mu      sync.Mutex
	running bool
	detail  string
}

// NewFleet starts an empty fleet.
func NewFleet(log zerolog.Logger) *Fleet {
	f := &Fleet{proc: prometheus.NewRegistry(), log: log}
	f.proc.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return f
}

// Add registers a market; call before serving.
func (f *Fleet) Add(id string) *FleetMarket {
	fm := &FleetMarket{ID: id, Metrics: NewMarketMetrics(id), detail: "starting"}
	f.markets = append(f.markets, fm)
	return fm
}

// SetRunning records that the market runs (its Metrics' sources are set),
// or why it does not.
func (fm *FleetMarket) SetRunning(running bool, detail string) {
	fm.mu.Lock()
	defer fm.mu.Unlock()
	fm.running, fm.detail = running, detail
}

func (fm *FleetMarket) status() (bool, string) {
	fm.mu.Lock()
	defer fm.mu.Unlock()
	return fm.running, fm.detail
}

// FleetHealth is the /healthz body of a fleet: unhealthy when any market
// is.
type FleetHealth struct {
	Status  string                  `json:"status"`
	Markets map[string]HealthReport `json:"markets"`
}

// Mux serves /healthz and /metrics for every market.
func (f *Fleet) Mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", f.serveHealth)
	mux.Handle("GET /metrics", f.metricsHandler())
	return mux
}

func (f *Fleet) serveHealth(w http.ResponseWriter, r *http.Request) {
	rep := FleetHealth{Status: "ok", Markets: map[string]HealthReport{}}
	for _, fm := range f.markets {
		var h HealthReport
		if running, detail := fm.status(); running {
			h = Health(r.Context(), fm.Metrics.sources())
		} else {
			h = HealthReport{Status: "unhealthy", Checks: map[string]Check{"running": {OK: false, Detail: detail}}}
		}
		if h.Status != "ok" {
			rep.Status = "unhealthy"
		}
		rep.Markets[fm.ID] = h
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if rep.Status != "ok" {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	json.NewEncoder(w).Encode(rep)
}

// metricsHandler gathers the process series and every running market's; a
// market that is down is left out until it runs again (its counters then
// resume where they were).
func (f *Fleet) metricsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gs := prometheus.Gatherers{f.proc}
		for _, fm := range f.markets {
			if running, _ := fm.status(); !running {
				continue
			}
			if err := fm.Metrics.scanInbox(r.Context()); err != nil {
				f.log.Error().Err(err).Str("market", fm.ID).Msg("metrics: reading the inbox failed")
			}
			gs = append(gs, fm.Metrics.reg)
		}
		promhttp.HandlerFor(gs, promhttp.HandlerOpts{ErrorLog: fleetLog{f.log}, Timeout: 30 * time.Second}).ServeHTTP(w, r)
	})
}

type fleetLog struct{ log zerolog.Logger }

func (l fleetLog) Println(v ...any) {
	l.log.Error().Interface("error", v).Msg("metrics: gathering failed")
}
