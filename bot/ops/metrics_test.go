package ops_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/market"
	"pasarbot/bot/ops"
	"pasarbot/bot/sim"
	"pasarbot/store"
)

// scrape GETs /metrics and parses the text format.
func scrape(t *testing.T, h http.Handler) map[string]*dto.MetricFamily {
	t.Helper()
	rr := httptest.NewRecorder()
	h.ServeHTTP(rr, httptest.NewRequest("GET", "/metrics", nil))
	if rr.Code != 200 {
		t.Fatalf("/metrics: %d %s", rr.Code, rr.Body.String())
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(rr.Body.String()))
	if err != nil {
		t.Fatal(err)
	}
	return fams
}

// value finds the sample of name whose labels include want; ok false when absent.
func value(fams map[string]*dto.MetricFamily, name string, want map[string]string) (v float64, count uint64, ok bool) {
	f := fams[name]
	if f == nil {
		return 0, 0, false
	}
next:
	for _, m := range f.Metric {
		for k, val := range want {
			found := false
			for _, l := range m.Label {
				if l.GetName() == k && l.GetValue() == val {
					found = true
				}
			}
			if !found {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue(), 0, true
		case m.Gauge != nil:
			return m.Gauge.GetValue(), 0, true
		case m.Histogram != nil:
			return m.Histogram.GetSampleSum(), m.Histogram.GetSampleCount(), true
		}
	}
	return 0, 0, false
}

func loadScript(t *testing.T, name string) *sim.Script {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "scripts", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := sim.Parse(name, f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestMetricsAfterReplay plays the happy path with metrics attached the
// way `pasarbot sim` attaches them, and reads the named series back.
func TestMetricsAfterReplay(t *testing.T) {
	ctx := context.Background()
	metrics := ops.NewMetrics()
	cfg := config.Default()
	cfg.Orders.CodeSeed = 2026
	rec := sim.NewRecorder()
	m, err := sim.NewMarket(ctx, sim.Options{Config: cfg, DBPath: filepath.Join(t.TempDir(), "p.db"), Messenger: metrics.Messenger(rec),
		Start: time.Date(2026, 11, 25, 6, 0, 0, 0, cfg.Location()), Log: zerolog.Nop(), BindGroups: true})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	rec.SetClock(m.Now)
	if err := metrics.SetSources(ops.Sources{DB: m.DB(), Now: m.Now, Connected: metrics.IsConnected, SchedulerBeat: m.SchedulerBeat,
		OutboxMaxAge: 5 * time.Minute, Log: zerolog.Nop()}); err != nil {
		t.Fatal(err)
	}
	metrics.Connection(true)
	s := loadScript(t, "happy_path.txt")
	if _, err := (&sim.Player{Market: m, Recorder: rec}).Play(ctx, s); err != nil {
		t.Fatal(err)
	}
	var direct, group, out int
	for _, st := range s.Steps {
		if st.Op == sim.OpSend && st.Group == "" {
			direct++
		} else if st.Op == sim.OpSend {
			group++
		}
	}
	for _, e := range rec.Since(0) {
		if e.Kind == sim.EntryOut {
			out++
		}
	}
	fams := scrape(t, metrics.Mux())
	check := func(name string, labels map[string]string, want float64) {
		t.Helper()
		got, _, ok := value(fams, name, labels)
		if !ok || got != want {
			t.Errorf("%s%v = %v (present %v), want %v", name, labels, got, ok, want)
		}
	}
	check("pasarbot_messages_in_total", map[string]string{"kind": "text", "chat": "direct"}, float64(direct))
	check("pasarbot_messages_in_total", map[string]string{"kind": "text", "chat": "group"}, float64(group))
	outDirect, _, _ := value(fams, "pasarbot_messages_out_total", map[string]string{"chat": "direct"})
	outGroup, _, _ := value(fams, "pasarbot_messages_out_total", map[string]string{"chat": "group"})
	if got := outDirect + outGroup; got != float64(out) {
		t.Errorf("messages out = %v, want %d (the recorder's)", got, out)
	}
	check("pasarbot_orders", map[string]string{"status": "delivered"}, 1)
	check("pasarbot_outbox_backlog", nil, 0)
	check("pasarbot_outbox_oldest_age_seconds", nil, 0)
	check("pasarbot_whatsapp_connected", nil, 1)
	check("pasarbot_whatsapp_reconnects_total", nil, 0)
	// AMBIL comes 2 minutes after the job card; the leader answers at once.
	if sum, n, ok := value(fams, "pasarbot_courier_claim_seconds", nil); !ok || n != 1 || sum != 120 {
		t.Errorf("courier claim: count %d sum %v (present %v), want 1 and 120", n, sum, ok)
	}
	if sum, n, ok := value(fams, "pasarbot_seller_answer_seconds", map[string]string{"group": "bumbu"}); !ok || n != 1 || sum != 0 {
		t.Errorf("seller answer bumbu: count %d sum %v (present %v), want 1 and 0", n, sum, ok)
	}
	if _, n, ok := value(fams, "pasarbot_pipeline_latency_seconds", nil); !ok || n != uint64(direct+group) {
		t.Errorf("pipeline latency count = %d, want %d", n, direct+group)
	}
	// A second scrape counts nothing twice.
	fams = scrape(t, metrics.Mux())
	check("pasarbot_messages_in_total", map[string]string{"kind": "text", "chat": "direct"}, float64(direct))

	metrics.Connection(false)
	metrics.Connection(true)
	metrics.Messenger(failing{}).Send(ctx, bot.Outbound{ID: "X", Chat: "6281234567001@s.whatsapp.net", Text: "x"})
	fams = scrape(t, metrics.Mux())
	check("pasarbot_whatsapp_reconnects_total", nil, 1)
	check("pasarbot_send_failures_total", map[string]string{"kind": "temporary"}, 1)
	checkDashboard(t, fams)
}

// checkDashboard keeps deploy/grafana-dashboard.json on series that exist.
func checkDashboard(t *testing.T, fams map[string]*dto.MetricFamily) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "deploy", "grafana-dashboard.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Panels []struct {
			Title   string
			Targets []struct{ Expr string }
		}
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, p := range d.Panels {
		for _, tg := range p.Targets {
			for _, name := range regexp.MustCompile(`pasarbot_[a-z_]+`).FindAllString(tg.Expr, -1) {
				seen++
				base := strings.TrimSuffix(name, "_bucket")
				if fams[base] == nil {
					t.Errorf("dashboard panel %q uses %s, which /metrics does not expose", p.Title, name)
				}
			}
		}
	}
	if seen < 10 {
		t.Errorf("dashboard uses only %d pasarbot series", seen)
	}
}

// failing is a transport that refuses every send for now.
type failing struct{}

func (failing) Send(context.Context, bot.Outbound) error { return errors.New("no network") }

func health(t *testing.T, src ops.Sources) (int, ops.HealthReport) {
	t.Helper()
	m := ops.NewMetrics()
	if err := m.SetSources(src); err != nil {
		t.Fatal(err)
	}
	rr := httptest.NewRecorder()
	m.Mux().ServeHTTP(rr, httptest.NewRequest("GET", "/healthz", nil))
	var rep ops.HealthReport
	if err := json.Unmarshal(rr.Body.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, rr.Body.String())
	}
	return rr.Code, rep
}

func TestHealth(t *testing.T) {
	ctx := context.Background()
	cfg := config.Default()
	clock := &sim.Clock{}
	start := time.Date(2026, 11, 25, 7, 0, 0, 0, cfg.Location())
	clock.Set(start)
	path := filepath.Join(t.TempDir(), "p.db")
	noBurst := time.Duration(0)
	mk, err := market.Open(ctx, market.Options{Config: cfg, DBPath: path, Clock: clock, Messenger: failing{}, Log: zerolog.Nop(), BurstWindow: &noBurst})
	if err != nil {
		t.Fatal(err)
	}
	defer mk.Close()
	up := true
	src := ops.Sources{DB: mk.DB, Now: clock.Now, Connected: func() bool { return up }, SchedulerBeat: mk.SchedulerBeat,
		OutboxMaxAge: 5 * time.Minute, Log: zerolog.Nop()}

	t.Run("OK", func(t *testing.T) {
		code, rep := health(t, src)
		if code != 200 || rep.Status != "ok" {
			t.Fatalf("healthz = %d %+v", code, rep)
		}
	})
	t.Run("ErrWhatsAppDown", func(t *testing.T) {
		up = false
		defer func() { up = true }()
		if code, rep := health(t, src); code != 503 || rep.Checks["whatsapp"].OK {
			t.Fatalf("healthz = %d %+v", code, rep)
		}
	})
	t.Run("ErrDatabaseReadOnly", func(t *testing.T) {
		ro, err := store.OpenReadOnly(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		s := src
		s.DB = ro
		code, rep := health(t, s)
		if code != 503 || rep.Checks["database"].OK {
			t.Fatalf("healthz on a read-only database = %d %+v", code, rep)
		}
		if !rep.Checks["outbox"].OK {
			t.Errorf("outbox check failed on a readable database: %+v", rep.Checks["outbox"])
		}
	})
	t.Run("ErrOutboxStuck", func(t *testing.T) {
		in := sim.Direct("HEALTH-1", "6281234567001", "menu", clock.Now())
		if err := mk.Pipeline.Accept(ctx, in); err != nil {
			t.Fatal(err)
		}
		if _, err := mk.Pipeline.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := mk.Sender.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if code, rep := health(t, src); code != 200 {
			t.Fatalf("a fresh unsent reply made healthz %d %+v", code, rep)
		}
		clock.Set(start.Add(6 * time.Minute))
		mk.NoteFiring(clock.Now()) // the scheduler keeps firing: only the outbox is stuck
		code, rep := health(t, src)
		if code != 503 || rep.Checks["outbox"].OK || !rep.Checks["scheduler"].OK {
			t.Fatalf("healthz with a 6-minute-old unsent reply = %d %+v", code, rep)
		}
	})
	t.Run("ErrSchedulerStopped", func(t *testing.T) {
		clock.Set(clock.Now().Add(10 * time.Minute))
		if code, rep := health(t, src); code != 503 || rep.Checks["scheduler"].OK {
			t.Fatalf("healthz 10 minutes after the last firing = %d %+v", code, rep)
		}
	})
}
