package ops

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/store"
)

// Sources are what health and metrics read. run and sim fill them the same
// way, except for the WhatsApp connection (the simulator is always
// "connected") and the clock (the simulator's).
type Sources struct {
	DB            *store.DB
	Now           func() time.Time
	Connected     func() bool      // the WhatsApp connection is up
	SchedulerBeat func() time.Time // the last cron firing (or start)
	OutboxMaxAge  time.Duration    // oldest unsent message allowed by /healthz
	Log           zerolog.Logger
}

// Buckets in seconds. Pipeline latency includes the burst window (3 s by
// default) a direct chat waits for more lines; seller answers and courier
// claims are minutes.
var (
	latencyBuckets = []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 10, 30, 60}
	answerBuckets  = []float64{30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200}
)

// Metrics is pasarbot's Prometheus registry. Counters that happen in
// process (messages out, send failures, WhatsApp reconnects) are counted as
// they happen; the rest is read from the database at scrape time, so it is
// right after a restart and in the simulator alike.
type Metrics struct {
	reg *prometheus.Registry

	messagesIn      *prometheus.CounterVec
	messagesOut     *prometheus.CounterVec
	sendFailures    *prometheus.CounterVec
	pipelineLatency prometheus.Histogram
	waConnected     prometheus.Gauge
	waReconnects    prometheus.Counter
	connected       atomic.Bool

	mu        sync.Mutex // guards the fields below and the inbox scan
	src       Sources
	inboxMark int64 // last inbox rowid counted
	everUp    bool  // the connection was up once: a later up is a reconnect
}

// NewMetrics builds the registry of a process serving one market without
// labels (the simulator); SetSources must follow before the first scrape.
func NewMetrics() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.register(m.reg)
	m.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// NewMarketMetrics builds one market's metrics for a Fleet: every series
// carries market="id"; the Go and process series are the fleet's.
func NewMarketMetrics(id string) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.register(prometheus.WrapRegistererWith(prometheus.Labels{"market": id}, m.reg))
	return m
}

func (m *Metrics) register(reg prometheus.Registerer) {
	m.messagesIn = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "pasarbot_messages_in_total", Help: "Inbound messages processed, by kind (text, location, …) and chat (direct, group).",
	}, []string{"kind", "chat"})
	m.messagesOut = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "pasarbot_messages_out_total", Help: "Outbound messages delivered to WhatsApp, by kind and chat.",
	}, []string{"kind", "chat"})
	m.sendFailures = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "pasarbot_send_failures_total", Help: "Failed send attempts, by kind: temporary (retried with the same id) or permanent (dead-lettered).",
	}, []string{"kind"})
	m.pipelineLatency = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "pasarbot_pipeline_latency_seconds", Help: "From an inbound message committed to the inbox to its turn committed (includes the burst window).",
		Buckets: latencyBuckets,
	})
	m.waConnected = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "pasarbot_whatsapp_connected", Help: "1 while connected to WhatsApp.",
	})
	m.waReconnects = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "pasarbot_whatsapp_reconnects_total", Help: "Connections to WhatsApp after the first.",
	})
	reg.MustRegister(m.messagesIn, m.messagesOut, m.sendFailures, m.pipelineLatency, m.waConnected, m.waReconnects,
		&dbCollector{m: m})
}

// SetSources names the database and clocks. Inbound messages already in
// the inbox are not counted: the counters start with the process.
func (m *Metrics) SetSources(src Sources) error {
	var mark int64
	if err := src.DB.View(context.Background(), func(tx *store.Tx) error {
		var err error
		mark, err = tx.LastInboxRowID()
		return err
	}); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.src, m.inboxMark = src, mark
	return nil
}

func (m *Metrics) sources() Sources {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.src
}

// Handler serves /metrics. The inbox is scanned first, so the message
// counters and the latency histogram are current in the same scrape.
func (m *Metrics) Handler() http.Handler {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorLog: promLog{m}})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := m.scanInbox(r.Context()); err != nil {
			log := m.sources().Log
			log.Error().Err(err).Msg("metrics: reading the inbox failed")
		}
		h.ServeHTTP(w, r)
	})
}

// promLog puts promhttp's errors on zerolog.
type promLog struct{ m *Metrics }

func (l promLog) Println(v ...any) {
	log := l.m.sources().Log
	log.Error().Str("error", fmt.Sprint(v...)).Msg("metrics: gathering failed")
}

// Connection records the WhatsApp connection going up or down.
func (m *Metrics) Connection(up bool) {
	m.connected.Store(up)
	m.mu.Lock()
	defer m.mu.Unlock()
	if up {
		if m.everUp {
			m.waReconnects.Inc()
		}
		m.everUp = true
		m.waConnected.Set(1)
		return
	}
	m.waConnected.Set(0)
}

// IsConnected reports the WhatsApp connection as last recorded.
func (m *Metrics) IsConnected() bool { return m.connected.Load() }

// Messenger counts what next delivers and what fails.
func (m *Metrics) Messenger(next bot.Messenger) bot.Messenger {
	return countingMessenger{m: m, next: next}
}

type countingMessenger struct {
	m    *Metrics
	next bot.Messenger
}

func (c countingMessenger) Send(ctx context.Context, msg bot.Outbound) error {
	err := c.next.Send(ctx, msg)
	switch {
	case err == nil:
		kind := "text"
		if msg.Location != nil {
			kind = "location"
		}
		c.m.messagesOut.WithLabelValues(kind, chatKind(msg.Chat, false)).Inc()
	case bot.IsPermanent(err):
		c.m.sendFailures.WithLabelValues("permanent").Inc()
	default:
		c.m.sendFailures.WithLabelValues("temporary").Inc()
	}
	return err
}

// chatKind is the chat label: group chats are WhatsApp groups (@g.us).
func chatKind(chat string, isGroup bool) string {
	if isGroup || strings.HasSuffix(chat, "@g.us") {
		return "group"
	}
	return "direct"
}

// scanInbox counts inbound messages processed since the last scrape and
// observes their latency.
func (m *Metrics) scanInbox(ctx context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.src.DB == nil {
		return nil
	}
	for {
		var done []store.InboxDone
		if err := m.src.DB.View(ctx, func(tx *store.Tx) error {
			var err error
			done, err = tx.InboxProcessedAfter(m.inboxMark, 1000)
			return err
		}); err != nil {
			return err
		}
		for _, d := range done {
			m.messagesIn.WithLabelValues(d.Kind, chatKind("", d.Group)).Inc()
			m.pipelineLatency.Observe(max(d.Processed.Sub(d.Received), 0).Seconds())
			m.inboxMark = d.RowID
		}
		if len(done) < 1000 {
			return nil
		}
	}
}
