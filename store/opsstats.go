package store

import (
	"fmt"
	"time"
)

// The reads behind /metrics and /healthz. They run on the reader pool
// (db.View) and never block the writer.

// InboxDone is one processed inbound message, for the message counters
// and the pipeline latency histogram.
type InboxDone struct {
	RowID     int64
	Kind      string // bot.Kind: text, location, edit…
	Group     bool
	Received  time.Time // committed to the inbox
	Processed time.Time // its turn committed
}

// InboxProcessedAfter returns the inbox rows after rowid in arrival order,
// stopping before the first row not processed yet, so a caller that keeps
// the last RowID it saw counts every message exactly once.
func (t *Tx) InboxProcessedAfter(rowid int64, limit int) ([]InboxDone, error) {
	rows, err := t.query(`SELECT rowid, `+t.d.inboxKindGroup+`, received_at, COALESCE(processed_at, '')
		FROM inbox WHERE rowid > ? ORDER BY rowid LIMIT ?`, rowid, rowLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("store: inbox stats: %w", err)
	}
	defer rows.Close()
	var out []InboxDone
	for rows.Next() {
		var d InboxDone
		var group int
		var rec, proc string
		if err := rows.Scan(&d.RowID, &d.Kind, &group, &rec, &proc); err != nil {
			return nil, err
		}
		if proc == "" {
			break
		}
		d.Group = group != 0
		if d.Received, err = parseTimeText(rec); err != nil {
			return nil, err
		}
		if d.Processed, err = parseTimeText(proc); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// LastInboxRowID is the newest inbox row's rowid (0 when empty).
func (t *Tx) LastInboxRowID() (int64, error) {
	var id int64
	err := t.queryRow(`SELECT COALESCE(MAX(rowid), 0) FROM inbox`).Scan(&id)
	return id, err
}

// OutboxBacklog counts unsent outbox rows and returns the oldest one's
// creation time (zero when none).
func (t *Tx) OutboxBacklog() (n int, oldest time.Time, err error) {
	var s string
	if err := t.queryRow(`SELECT COUNT(*), COALESCE(MIN(created_at), '') FROM outbox WHERE sent_at IS NULL`).Scan(&n, &s); err != nil {
		return 0, time.Time{}, fmt.Errorf("store: outbox backlog: %w", err)
	}
	oldest, err = parseTimeText(s)
	return n, oldest, err
}

// OrderStatusCounts counts orders per status.
func (t *Tx) OrderStatusCounts() (map[string]int, error) {
	rows, err := t.query(`SELECT status, COUNT(*) FROM orders GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("store: order counts: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		out[s] = n
	}
	return out, rows.Err()
}

// SellerAnswer is how long one seller group took to answer one order.
type SellerAnswer struct {
	Group string
	Took  time.Duration
}

// SellerAnswers returns, for every sub-order a seller answered (any move
// out of placed by a person, not by the clock), the time from the order
// being placed to that answer.
func (t *Tx) SellerAnswers() ([]SellerAnswer, error) {
	return t.sellerAnswers(``)
}

// SellerAnswersOfDay is SellerAnswers for the orders of one market day.
func (t *Tx) SellerAnswersOfDay(day string) ([]SellerAnswer, error) {
	return t.sellerAnswers(`AND e.order_code IN (SELECT code FROM orders WHERE market_day = ?)`, day)
}

func (t *Tx) sellerAnswers(and string, args ...any) ([]SellerAnswer, error) {
	rows, err := t.query(`SELECT e.group_id, MIN(e.at), p.at FROM order_events e
		JOIN (SELECT order_code, MAX(at) AS at FROM order_events
		      WHERE group_id = '' AND to_status = 'placed' GROUP BY order_code) p ON p.order_code = e.order_code
		WHERE e.group_id != '' AND e.from_status = 'placed' AND e.to_status != 'placed' AND e.actor != 'system' `+and+`
		GROUP BY e.order_code, e.group_id, p.at`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: seller answers: %w", err)
	}
	defer rows.Close()
	var out []SellerAnswer
	for rows.Next() {
		var g, at, placed string
		if err := rows.Scan(&g, &at, &placed); err != nil {
			return nil, err
		}
		a, err1 := parseTimeText(at)
		p, err2 := parseTimeText(placed)
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, SellerAnswer{Group: g, Took: max(a.Sub(p), 0)})
	}
	return out, rows.Err()
}

// CourierClaims returns, for every claimed courier job, the time from the
// job card to the claim.
func (t *Tx) CourierClaims() ([]time.Duration, error) {
	rows, err := t.query(`SELECT created_at, claimed_at FROM courier_jobs WHERE claimed_at IS NOT NULL AND claimed_at != ''`)
	if err != nil {
		return nil, fmt.Errorf("store: courier claims: %w", err)
	}
	defer rows.Close()
	var out []time.Duration
	for rows.Next() {
		var c, cl string
		if err := rows.Scan(&c, &cl); err != nil {
			return nil, err
		}
		a, err1 := parseTimeText(c)
		b, err2 := parseTimeText(cl)
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, max(b.Sub(a), 0))
	}
	return out, rows.Err()
}

// HealthProbe writes the time into a settings row: the cheapest real write,
// which fails when the database or its disk has become read-only or full.
func (t *Tx) HealthProbe(now time.Time) error {
	return t.SetSetting("ops_health_probe", now.UTC().Format(time.RFC3339), now)
}

// LastActivity is the newest time the market recorded an inbound message
// (zero when none): a system clock behind it has gone backwards.
func (t *Tx) LastActivity() (time.Time, error) {
	var s string
	if err := t.queryRow(`SELECT COALESCE(MAX(received_at), '') FROM inbox`).Scan(&s); err != nil {
		return time.Time{}, fmt.Errorf("store: last activity: %w", err)
	}
	return parseTimeText(s)
}
