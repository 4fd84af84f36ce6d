package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"pasarbot/orders"
)

// WebhookPayloadVersion is the "version" of the webhook JSON. It changes
// only when a field changes meaning or goes away; new fields may appear
// within a version (receivers ignore what they do not know).
const WebhookPayloadVersion = 1

// WebhookEvent is the JSON body POSTed to webhook receivers for one order
// event (docs/operations.md, "Webhooks"). It carries no personal data: no
// phone numbers, names, addresses or free text, since a city dashboard
// shows the market, not its buyers.
type WebhookEvent struct {
	Version    int           `json:"version"`
	ID         string        `json:"id"`   // also the Idempotency-Key header
	Type       string        `json:"type"` // order.created, order.status_changed, order.updated
	OccurredAt time.Time     `json:"occurred_at"`
	Change     WebhookChange `json:"change"`
	Order      WebhookOrder  `json:"order"`
}

// WebhookChange is what happened: a status move of the order or of one
// seller group's sub-order, or (from = to) an update such as a courier's claim.
type WebhookChange struct {
	Group string `json:"group,omitempty"` // seller group id; absent for the whole order
	From  string `json:"from"`            // "" for order.created
	To    string `json:"to"`
	By    string `json:"by"` // buyer, seller, courier, admin or system
}

// WebhookOrder is the order as it stands after the change.
type WebhookOrder struct {
	Code      string         `json:"code"`
	Status    string         `json:"status"`
	Delivery  string         `json:"delivery"` // antar | ambil
	Area      string         `json:"area,omitempty"`
	Payment   string         `json:"payment"`
	MarketDay string         `json:"market_day"`
	Goods     int64          `json:"goods_rp"` // live sub-orders' agreed totals, rupiah
	Ongkir    int64          `json:"ongkir_rp"`
	Groups    []WebhookGroup `json:"groups"`
	Lines     []WebhookLine  `json:"lines"`
	CreatedAt time.Time      `json:"created_at"`
}

// WebhookGroup is one seller group's part of the order.
type WebhookGroup struct {
	Group    string `json:"group"`
	Status   string `json:"status"`
	ListRp   int64  `json:"list_rp"`
	AgreedRp int64  `json:"agreed_rp"`
}

// WebhookLine is one ordered item.
type WebhookLine struct {
	Group    string  `json:"group"`
	SKU      string  `json:"sku"`
	Name     string  `json:"name"`
	Unit     string  `json:"unit"`
	Qty      float64 `json:"qty"`
	PriceRp  int64   `json:"price_rp"`
	AmountRp int64   `json:"amount_rp"`
}

// WebhookRow is a queued webhook delivery, as the webhook sender sees it.
type WebhookRow struct {
	RowID     int64
	EventID   string
	URL       string
	Payload   []byte
	Attempts  int
	CreatedAt time.Time
}

// SetWebhookReceivers names the URLs every order event is queued for from
// now on (the configuration's webhooks); nil stops queuing. Rows already
// queued stay queued.
func (db *DB) SetWebhookReceivers(urls []string) {
	cp := append([]string(nil), urls...)
	db.webhookURLs.Store(&cp)
}

func (db *DB) webhookReceivers() []string {
	if p := db.webhookURLs.Load(); p != nil {
		return *p
	}
	return nil
}

// queueWebhooks writes one webhook row per receiver for event e of o, in
// the transaction that stores the event.
func (t *Tx) queueWebhooks(o *orders.Order, e orders.Event) error {
	if len(t.webhooks) == 0 {
		return nil
	}
	id, err := newEventID()
	if err != nil {
		return err
	}
	body, err := json.Marshal(webhookEventOf(id, o, e))
	if err != nil {
		return fmt.Errorf("webhook payload: %w", err)
	}
	at := timeText(e.At)
	for _, url := range t.webhooks {
		if _, err := t.exec(`INSERT INTO webhook_outbox(event_id, url, payload, created_at, next_attempt_at)
			VALUES (?, ?, ?, ?, ?)`, id, url, string(body), at, at); err != nil {
			return fmt.Errorf("queue webhook %s: %w", id, err)
		}
	}
	return nil
}

// newEventID is random rather than the order_events row id: ids must stay
// unique for receivers even after a restore from backup reuses row ids.
func newEventID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("webhook event id: %w", err)
	}
	return "evt_" + hex.EncodeToString(b[:]), nil
}

func webhookEventOf(id string, o *orders.Order, e orders.Event) WebhookEvent {
	typ := "order.status_changed"
	switch {
	case e.From == "":
		typ = "order.created"
	case e.From == e.To:
		typ = "order.updated"
	}
	w := WebhookEvent{Version: WebhookPayloadVersion, ID: id, Type: typ, OccurredAt: e.At.UTC(),
		Change: WebhookChange{Group: e.Group, From: string(e.From), To: string(e.To), By: actorRole(e)},
		Order: WebhookOrder{Code: o.Code, Status: string(o.Status), Delivery: string(o.Delivery), Area: o.Area,
			Payment: o.Payment, MarketDay: o.MarketDay, Goods: o.Goods(), Ongkir: o.Ongkir,
			Groups: []WebhookGroup{}, Lines: []WebhookLine{}, CreatedAt: o.CreatedAt.UTC()}}
	for _, s := range o.Subs {
		w.Order.Groups = append(w.Order.Groups, WebhookGroup{Group: s.Group, Status: string(s.Status),
			ListRp: s.ListTotal, AgreedRp: s.AgreedTotal})
	}
	for _, l := range o.Lines {
		w.Order.Lines = append(w.Order.Lines, WebhookLine{Group: l.Group, SKU: l.SKU, Name: l.Name, Unit: l.Unit,
			Qty: float64(l.Qty) / 1000, PriceRp: l.Price, AmountRp: l.Amount})
	}
	return w
}

// actorRole says who acted without saying who: events name people by
// phone, which stays in the market.
func actorRole(e orders.Event) string {
	switch {
	case e.Actor == "buyer" || e.Actor == "system":
		return e.Actor
	case strings.HasPrefix(e.Actor, "admin"):
		return "admin"
	case e.Group != "":
		return "seller"
	case e.Actor == "":
		return "system"
	}
	return "courier"
}

// PendingWebhooks returns deliveries due at now: per receiver only its
// oldest undelivered row, so a receiver gets its events in order and a
// receiver that is down holds up nobody else.
func (t *Tx) PendingWebhooks(now time.Time, limit int) ([]WebhookRow, error) {
	rows, err := t.query(`SELECT w.id, w.event_id, w.url, w.payload, w.attempts, w.created_at FROM webhook_outbox w
		WHERE w.sent_at IS NULL
		  AND w.id = (SELECT x.id FROM webhook_outbox x WHERE x.url = w.url AND x.sent_at IS NULL ORDER BY x.id LIMIT 1)
		  AND w.next_attempt_at <= ?
		ORDER BY w.id LIMIT ?`, timeText(now), rowLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("store: pending webhooks: %w", err)
	}
	defer rows.Close()
	var rs []WebhookRow
	for rows.Next() {
		var r WebhookRow
		var payload, created string
		if err := rows.Scan(&r.RowID, &r.EventID, &r.URL, &payload, &r.Attempts, &created); err != nil {
			return nil, fmt.Errorf("store: pending webhooks: %w", err)
		}
		r.Payload = []byte(payload)
		if r.CreatedAt, err = parseTimeText(created); err != nil {
			return nil, fmt.Errorf("store: pending webhook %d: %w", r.RowID, err)
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// WebhookStats counts undelivered, delivered and given-up webhook rows.
func (t *Tx) WebhookStats() (pending, sent, dead int, err error) {
	err = t.queryRow(`SELECT COUNT(*) FILTER (WHERE sent_at IS NULL),
		COUNT(*) FILTER (WHERE sent_at IS NOT NULL AND dead_at IS NULL), COUNT(*) FILTER (WHERE dead_at IS NOT NULL)
		FROM webhook_outbox`).Scan(&pending, &sent, &dead)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("store: webhook stats: %w", err)
	}
	return pending, sent, dead, nil
}

// WebhookQueue is the webhook sender's view of webhook_outbox; each call
// is its own short transaction.
type WebhookQueue struct{ DB *DB }

// Pending returns deliveries due now (see Tx.PendingWebhooks).
func (q WebhookQueue) Pending(ctx context.Context, now time.Time, limit int) ([]WebhookRow, error) {
	var rs []WebhookRow
	err := q.DB.View(ctx, func(tx *Tx) error {
		var err error
		rs, err = tx.PendingWebhooks(now, limit)
		return err
	})
	return rs, err
}

// Sent marks a row delivered.
func (q WebhookQueue) Sent(ctx context.Context, rowID int64, at time.Time) error {
	return q.DB.Update(ctx, func(tx *Tx) error {
		res, err := tx.exec(`UPDATE webhook_outbox SET attempts = attempts + 1, sent_at = ? WHERE id = ?`, timeText(at), rowID)
		return outboxChanged(res, err, "mark webhook sent", rowID)
	})
}

// Failed counts a failed attempt and schedules the next one.
func (q WebhookQueue) Failed(ctx context.Context, rowID int64, errText string, next time.Time) error {
	return q.DB.Update(ctx, func(tx *Tx) error {
		res, err := tx.exec(`UPDATE webhook_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
			WHERE id = ?`, errText, timeText(next), rowID)
		return outboxChanged(res, err, "mark webhook failed", rowID)
	})
}

// Dead gives a row up (too old, or its receiver left the configuration),
// so the receiver's later events go out.
func (q WebhookQueue) Dead(ctx context.Context, rowID int64, errText string, at time.Time) error {
	return q.DB.Update(ctx, func(tx *Tx) error {
		res, err := tx.exec(`UPDATE webhook_outbox SET attempts = attempts + 1, last_error = ?, sent_at = ?, dead_at = ?
			WHERE id = ? AND sent_at IS NULL`, errText, timeText(at), timeText(at), rowID)
		return outboxChanged(res, err, "mark webhook dead", rowID)
	})
}
