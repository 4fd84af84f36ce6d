package ops

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"pasarbot/store"
)

// dbCollector reads the gauges and the durable histograms from the
// database at scrape time. Seller answer and courier claim times are built
// from every order in the database, so they survive restarts and count the
// same in the simulator as in production.
type dbCollector struct{ m *Metrics }

var (
	descOutboxBacklog = prometheus.NewDesc("pasarbot_outbox_backlog", "Outbound messages not yet sent.", nil, nil)
	descOutboxOldest  = prometheus.NewDesc("pasarbot_outbox_oldest_age_seconds", "Age of the oldest unsent outbound message (0 when none).", nil, nil)
	descOrders        = prometheus.NewDesc("pasarbot_orders", "Orders in the database, by status.", []string{"status"}, nil)
	descSellerAnswer  = prometheus.NewDesc("pasarbot_seller_answer_seconds", "From an order placed to its seller group's first answer, by seller group.", []string{"group"}, nil)
	descCourierClaim  = prometheus.NewDesc("pasarbot_courier_claim_seconds", "From a job card in the courier group to a courier's claim.", nil, nil)
	descSchedulerAge  = prometheus.NewDesc("pasarbot_scheduler_last_beat_age_seconds", "Since the scheduler last fired (it fires every minute).", nil, nil)
	descScrapeErrors  = prometheus.NewDesc("pasarbot_metrics_database_up", "1 when the scrape could read the database.", nil, nil)
)

func (c *dbCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descOutboxBacklog, descOutboxOldest, descOrders, descSellerAnswer, descCourierClaim, descSchedulerAge, descScrapeErrors} {
		ch <- d
	}
}

// dbStats is one scrape's reading of the database.
type dbStats struct {
	backlog int
	oldest  time.Time
	orders  map[string]int
	answers []store.SellerAnswer
	claims  []time.Duration
}

func readStats(ctx context.Context, db *store.DB) (dbStats, error) {
	var s dbStats
	err := db.View(ctx, func(tx *store.Tx) error {
		var err error
		if s.backlog, s.oldest, err = tx.OutboxBacklog(); err != nil {
			return err
		}
		if s.orders, err = tx.OrderStatusCounts(); err != nil {
			return err
		}
		if s.answers, err = tx.SellerAnswers(); err != nil {
			return err
		}
		s.claims, err = tx.CourierClaims()
		return err
	})
	return s, err
}

func (c *dbCollector) Collect(ch chan<- prometheus.Metric) {
	src := c.m.sources()
	if src.DB == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := readStats(ctx, src.DB)
	if err != nil {
		src.Log.Error().Err(err).Msg("metrics: reading the database failed")
		ch <- prometheus.MustNewConstMetric(descScrapeErrors, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(descScrapeErrors, prometheus.GaugeValue, 1)
	now := src.Now()
	ch <- prometheus.MustNewConstMetric(descOutboxBacklog, prometheus.GaugeValue, float64(s.backlog))
	age := 0.0
	if !s.oldest.IsZero() {
		age = max(now.Sub(s.oldest), 0).Seconds()
	}
	ch <- prometheus.MustNewConstMetric(descOutboxOldest, prometheus.GaugeValue, age)
	for status, n := range s.orders {
		ch <- prometheus.MustNewConstMetric(descOrders, prometheus.GaugeValue, float64(n), status)
	}
	byGroup := map[string][]time.Duration{}
	for _, a := range s.answers {
		byGroup[a.Group] = append(byGroup[a.Group], a.Took)
	}
	for g, ds := range byGroup {
		ch <- constHistogram(descSellerAnswer, ds, answerBuckets, g)
	}
	ch <- constHistogram(descCourierClaim, s.claims, answerBuckets)
	if src.SchedulerBeat != nil {
		ch <- prometheus.MustNewConstMetric(descSchedulerAge, prometheus.GaugeValue, max(now.Sub(src.SchedulerBeat()), 0).Seconds())
	}
}

// constHistogram builds a cumulative histogram of durations in seconds.
func constHistogram(d *prometheus.Desc, ds []time.Duration, bounds []float64, labels ...string) prometheus.Metric {
	buckets := make(map[float64]uint64, len(bounds))
	var sum float64
	for _, x := range ds {
		s := x.Seconds()
		sum += s
		for _, b := range bounds {
			if s <= b {
				buckets[b]++
			}
		}
	}
	return prometheus.MustNewConstHistogram(d, uint64(len(ds)), sum, buckets, labels...)
}
