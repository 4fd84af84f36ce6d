package ops_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/ops"
	"pasarbot/bot/sim"
)

// One process, two markets: /metrics labels each market's series, and
// /healthz reports each market, unhealthy overall while one is down.
func TestFleet_LabelsAndHealthPerMarket(t *testing.T) {
	ctx := context.Background()
	fleet := ops.NewFleet(zerolog.Nop())
	up, down := fleet.Add("kahayan"), fleet.Add("besar")
	cfg := config.Default()
	m, err := sim.NewMarket(ctx, sim.Options{Config: cfg, DBPath: filepath.Join(t.TempDir(), "kahayan.db"), Messenger: up.Metrics.Messenger(sim.NewRecorder()),
		Start: time.Date(2026, 11, 25, 6, 0, 0, 0, cfg.Location()), Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := up.Metrics.SetSources(ops.Sources{DB: m.DB(), Now: m.Now, Connected: func() bool { return true }, SchedulerBeat: m.SchedulerBeat,
		OutboxMaxAge: 5 * time.Minute, Log: zerolog.Nop()}); err != nil {
		t.Fatal(err)
	}
	up.SetRunning(true, "")
	down.SetRunning(false, "restarting in 4s after: panic in the outbox sender")
	if err := m.Deliver(ctx, sim.Direct("m1", "6281200000001", "cabe rawit 1/4", m.Now())); err != nil {
		t.Fatal(err)
	}

	fams := scrape(t, fleet.Mux())
	if _, _, ok := value(fams, "pasarbot_messages_in_total", map[string]string{"market": "kahayan", "kind": "text", "chat": "direct"}); !ok {
		t.Error("no pasarbot_messages_in_total{market=kahayan}")
	}
	if _, _, ok := value(fams, "pasarbot_outbox_backlog", map[string]string{"market": "besar"}); ok {
		t.Error("a market that is down was read")
	}
	if _, ok := fams["go_goroutines"]; !ok {
		t.Error("no process series")
	}

	rec := httptest.NewRecorder()
	fleet.Mux().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if got, want := rec.Code, http.StatusServiceUnavailable; got != want {
		t.Errorf("status %d, want %d", got, want)
	}
	var h ops.FleetHealth
	if err := json.Unmarshal(rec.Body.Bytes(), &h); err != nil {
		t.Fatal(err)
	}
	if got, want := h.Markets["kahayan"].Status, "ok"; got != want {
		t.Errorf("kahayan = %q, want %q (%+v)", got, want, h.Markets["kahayan"])
	}
	if c := h.Markets["besar"].Checks["running"]; c.OK || c.Detail == "" {
		t.Errorf("besar running check = %+v", c)
	}
}
