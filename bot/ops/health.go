package ops

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"pasarbot/store"
)

// schedulerMaxGap: the scheduler fires the deadline sweep every minute; no
// firing for this long means cron is stuck or stopped.
const schedulerMaxGap = 3 * time.Minute

// Check is one line of /healthz.
type Check struct {
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
}

// HealthReport is the /healthz body.
type HealthReport struct {
	Status string           `json:"status"` // ok | unhealthy
	Checks map[string]Check `json:"checks"`
}

// Health runs every check: WhatsApp connected, database writable (a real
// write transaction), scheduler alive, outbox not stuck.
func Health(ctx context.Context, src Sources) HealthReport {
	now := src.Now()
	r := HealthReport{Status: "ok", Checks: map[string]Check{}}
	set := func(name string, ok bool, format string, args ...any) {
		r.Checks[name] = Check{OK: ok, Detail: fmt.Sprintf(format, args...)}
		if !ok {
			r.Status = "unhealthy"
		}
	}
	if src.Connected == nil || src.Connected() {
		set("whatsapp", true, "connected")
	} else {
		set("whatsapp", false, "not connected to WhatsApp")
	}

	wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := src.DB.Update(wctx, func(tx *store.Tx) error { return tx.HealthProbe(now) }); err != nil {
		set("database", false, "not writable: %v", err)
	} else {
		set("database", true, "writable")
	}

	if src.SchedulerBeat != nil {
		beat := src.SchedulerBeat()
		if gap := now.Sub(beat); gap > schedulerMaxGap {
			set("scheduler", false, "no firing for %s (last %s)", gap.Round(time.Second), beat.Format(time.RFC3339))
		} else {
			set("scheduler", true, "last firing %s ago", gap.Round(time.Second))
		}
	}

	var backlog int
	var oldest time.Time
	err := src.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		backlog, oldest, err = tx.OutboxBacklog()
		return err
	})
	switch age := now.Sub(oldest); {
	case err != nil:
		set("outbox", false, "cannot read: %v", err)
	case backlog == 0:
		set("outbox", true, "empty")
	case age > src.OutboxMaxAge:
		set("outbox", false, "%d unsent, the oldest for %s (limit %s)", backlog, age.Round(time.Second), src.OutboxMaxAge)
	default:
		set("outbox", true, "%d unsent, the oldest for %s", backlog, age.Round(time.Second))
	}
	return r
}

// HealthHandler serves /healthz: 200 with the report when every check
// passes, 503 otherwise.
func HealthHandler(src func() Sources) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rep := Health(r.Context(), src())
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if rep.Status != "ok" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		json.NewEncoder(w).Encode(rep)
	})
}

// Mux serves /healthz and /metrics; the operator page registers on it (OperatorPage.Register).
func (m *Metrics) Mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", HealthHandler(m.sources))
	mux.Handle("GET /metrics", m.Handler())
	return mux
}
