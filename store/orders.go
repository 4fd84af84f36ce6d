package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"pasarbot/bot"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// Order codes are stored upper-case and looked up case-insensitively.
func orderKey(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// orderData is the orders.data JSON: details nobody queries by.
type orderData struct {
	HasPin  bool   `json:"has_pin,omitempty"`
	Courier string `json:"courier,omitempty"`
}

// subData is the sub_orders.data JSON. Pos keeps the sub-orders in the
// order's own (first-seen) order, which the primary key does not.
type subData struct {
	Pos      int              `json:"pos"`
	Proposal *orders.Proposal `json:"proposal,omitempty"`
	Reminded bool             `json:"reminded,omitempty"`
	Rounds   int              `json:"rounds,omitempty"`
	Weighed  bool             `json:"weighed,omitempty"`
}

// OrderCount counts all orders ever placed.
func (t *Tx) OrderCount() (int, error) {
	var n int
	if err := t.queryRow(`SELECT COUNT(*) FROM orders`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: order count: %w", err)
	}
	return n, nil
}

// OrderExists reports whether an order has this code.
func (t *Tx) OrderExists(code string) (bool, error) {
	var n int
	if err := t.queryRow(`SELECT COUNT(*) FROM orders WHERE code = ?`, orderKey(code)).Scan(&n); err != nil {
		return false, fmt.Errorf("store: order exists %s: %w", code, err)
	}
	return n > 0, nil
}

// CreateOrder stores a new order with its sub-orders and lines, appends its
// new events and clears them. The code is upper-cased in o as stored.
func (t *Tx) CreateOrder(o *orders.Order) error {
	if o == nil || orderKey(o.Code) == "" {
		return errors.New("store: create order: no code")
	}
	o.Code = orderKey(o.Code)
	data, err := json.Marshal(orderData{HasPin: o.HasPin, Courier: o.Courier})
	if err != nil {
		return fmt.Errorf("store: create order %s: %w", o.Code, err)
	}
	lat, lng := orderPin(o)
	_, err = t.exec(`INSERT INTO orders(code, buyer_chat, buyer_phone, status, delivery, name, address, area,
		lat, lng, ongkir, payment, market_day, data, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		o.Code, o.BuyerChat, o.BuyerPhone, string(o.Status), string(o.Delivery), o.Name, o.Address, o.Area,
		lat, lng, o.Ongkir, o.Payment, o.MarketDay, string(data), timeText(o.CreatedAt), timeText(o.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: create order %s: %w", o.Code, err)
	}
	if err := t.saveOrderParts(o); err != nil {
		return fmt.Errorf("store: create order %s: %w", o.Code, err)
	}
	return nil
}

// SaveOrder writes an existing order back: the order row, its sub-orders
// and lines (rows no longer in o are deleted), then appends and clears
// o.NewEvents.
func (t *Tx) SaveOrder(o *orders.Order) error {
	if o == nil || orderKey(o.Code) == "" {
		return errors.New("store: save order: no code")
	}
	o.Code = orderKey(o.Code)
	data, err := json.Marshal(orderData{HasPin: o.HasPin, Courier: o.Courier})
	if err != nil {
		return fmt.Errorf("store: save order %s: %w", o.Code, err)
	}
	lat, lng := orderPin(o)
	res, err := t.exec(`UPDATE orders SET buyer_chat = ?, buyer_phone = ?, status = ?, delivery = ?, name = ?,
		address = ?, area = ?, lat = ?, lng = ?, ongkir = ?, payment = ?, market_day = ?, data = ?,
		created_at = ?, updated_at = ?
		WHERE code = ?`,
		o.BuyerChat, o.BuyerPhone, string(o.Status), string(o.Delivery), o.Name, o.Address, o.Area,
		lat, lng, o.Ongkir, o.Payment, o.MarketDay, string(data), timeText(o.CreatedAt), timeText(o.UpdatedAt),
		o.Code)
	if err != nil {
		return fmt.Errorf("store: save order %s: %w", o.Code, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: save order %s: %w", o.Code, err)
	} else if n == 0 {
		return fmt.Errorf("store: save order %s: no such order", o.Code)
	}
	if err := t.saveOrderParts(o); err != nil {
		return fmt.Errorf("store: save order %s: %w", o.Code, err)
	}
	return nil
}

// orderPin returns the pin for the lat/lng columns: NULL when there is none.
func orderPin(o *orders.Order) (lat, lng any) {
	if !o.HasPin && o.Lat == 0 && o.Lng == 0 {
		return nil, nil
	}
	return o.Lat, o.Lng
}

// saveOrderParts mirrors o's sub-orders and lines into their tables and
// appends its new events.
func (t *Tx) saveOrderParts(o *orders.Order) error {
	groups := make([]string, 0, len(o.Subs))
	for i, s := range o.Subs {
		data, err := json.Marshal(subData{Pos: i, Proposal: s.Proposal, Reminded: s.Reminded, Rounds: s.Rounds, Weighed: s.Weighed})
		if err != nil {
			return fmt.Errorf("sub-order %s: %w", s.Group, err)
		}
		_, err = t.exec(`INSERT INTO sub_orders(order_code, group_id, status, list_total, agreed_total,
			confirmed_by, trader, deadline_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(order_code, group_id) DO UPDATE SET status = excluded.status,
			list_total = excluded.list_total, agreed_total = excluded.agreed_total,
			confirmed_by = excluded.confirmed_by, trader = excluded.trader,
			deadline_at = excluded.deadline_at, data = excluded.data`,
			o.Code, s.Group, string(s.Status), s.ListTotal, s.AgreedTotal, s.ConfirmedBy, s.Trader,
			timeOrNull(s.Deadline), string(data))
		if err != nil {
			return fmt.Errorf("sub-order %s: %w", s.Group, err)
		}
		groups = append(groups, s.Group)
	}
	keep, _ := json.Marshal(groups)
	if _, err := t.exec(`DELETE FROM sub_orders WHERE order_code = ?
		AND group_id NOT IN (SELECT value FROM `+t.d.jsonTexts+`)`, o.Code, string(keep)); err != nil {
		return fmt.Errorf("drop sub-orders: %w", err)
	}

	nos := make([]int, 0, len(o.Lines))
	for _, l := range o.Lines {
		soldOut := l.SoldOut
		if soldOut == "" {
			soldOut = orders.SoldOutAsk
		}
		_, err := t.exec(`INSERT INTO order_lines(order_code, line_no, group_id, sku, name, unit, qty, price,
			amount, note, if_sold_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(order_code, line_no) DO UPDATE SET group_id = excluded.group_id, sku = excluded.sku,
			name = excluded.name, unit = excluded.unit, qty = excluded.qty, price = excluded.price,
			amount = excluded.amount, note = excluded.note, if_sold_out = excluded.if_sold_out`,
			o.Code, l.No, l.Group, l.SKU, l.Name, l.Unit, int64(l.Qty), l.Price, l.Amount, l.Note, string(soldOut))
		if err != nil {
			return fmt.Errorf("line %d: %w", l.No, err)
		}
		nos = append(nos, l.No)
	}
	keep, _ = json.Marshal(nos)
	if _, err := t.exec(`DELETE FROM order_lines WHERE order_code = ?
		AND line_no NOT IN (SELECT CAST(value AS INTEGER) FROM `+t.d.jsonTexts+`)`, o.Code, string(keep)); err != nil {
		return fmt.Errorf("drop lines: %w", err)
	}

	for _, e := range o.NewEvents {
		_, err := t.exec(`INSERT INTO order_events(order_code, group_id, from_status, to_status, actor, detail, at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			o.Code, e.Group, string(e.From), string(e.To), e.Actor, e.Detail, timeText(e.At))
		if err != nil {
			return fmt.Errorf("event %s→%s: %w", e.From, e.To, err)
		}
		if err := t.queueWebhooks(o, e); err != nil {
			return err
		}
	}
	o.NewEvents = nil
	return nil
}

const orderColumns = `code, buyer_chat, buyer_phone, status, delivery, name, address, area, lat, lng,
	ongkir, payment, market_day, data, created_at, updated_at`

// Order returns the order with this code (any case), nil when unknown.
func (t *Tx) Order(code string) (*orders.Order, error) {
	os, err := t.loadOrders(`SELECT `+orderColumns+` FROM orders WHERE code = ?`, orderKey(code))
	if err != nil {
		return nil, fmt.Errorf("store: order %s: %w", code, err)
	}
	if len(os) == 0 {
		return nil, nil
	}
	return os[0], nil
}

// OrdersOf returns the chat's orders, newest first (limit <= 0: all).
func (t *Tx) OrdersOf(chat string, limit int) ([]*orders.Order, error) {
	os, err := t.loadOrders(`SELECT `+orderColumns+` FROM orders WHERE buyer_chat = ?
		ORDER BY created_at DESC, rowid DESC LIMIT ?`, chat, rowLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("store: orders of %s: %w", chat, err)
	}
	return os, nil
}

// OrdersIn returns the orders in any of the statuses, oldest first.
func (t *Tx) OrdersIn(statuses ...orders.Status) ([]*orders.Order, error) {
	if len(statuses) == 0 {
		return nil, nil
	}
	in, _ := json.Marshal(statuses)
	os, err := t.loadOrders(`SELECT `+orderColumns+` FROM orders
		WHERE status IN (SELECT value FROM `+t.d.jsonTexts+`) ORDER BY created_at, rowid`, string(in))
	if err != nil {
		return nil, fmt.Errorf("store: orders in %v: %w", statuses, err)
	}
	return os, nil
}

// OrdersOfDay returns the orders of a market day (YYYY-MM-DD), oldest first.
func (t *Tx) OrdersOfDay(day string) ([]*orders.Order, error) {
	os, err := t.loadOrders(`SELECT `+orderColumns+` FROM orders WHERE market_day = ?
		ORDER BY created_at, rowid`, day)
	if err != nil {
		return nil, fmt.Errorf("store: orders of day %s: %w", day, err)
	}
	return os, nil
}

// ListOrders returns the newest orders first (limit <= 0: all).
func (t *Tx) ListOrders(limit int) ([]*orders.Order, error) {
	os, err := t.loadOrders(`SELECT `+orderColumns+` FROM orders
		ORDER BY created_at DESC, rowid DESC LIMIT ?`, rowLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("store: list orders: %w", err)
	}
	return os, nil
}

// RecentBuyers returns the distinct buyer chats with an order created at or
// after since.
func (t *Tx) RecentBuyers(since time.Time) ([]string, error) {
	rows, err := t.query(`SELECT DISTINCT buyer_chat FROM orders WHERE created_at >= ? ORDER BY buyer_chat`,
		timeText(since))
	if err != nil {
		return nil, fmt.Errorf("store: recent buyers: %w", err)
	}
	defer rows.Close()
	var chats []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("store: recent buyers: %w", err)
		}
		chats = append(chats, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: recent buyers: %w", err)
	}
	return chats, nil
}

// loadOrders runs a query selecting orderColumns and fills in each order's
// sub-orders and lines.
func (t *Tx) loadOrders(query string, args ...any) ([]*orders.Order, error) {
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, err
	}
	var os []*orders.Order
	for rows.Next() {
		o, err := scanOrder(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		os = append(os, o)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, err
	}
	rows.Close()
	for _, o := range os {
		if err := t.loadSubOrders(o); err != nil {
			return nil, fmt.Errorf("order %s: %w", o.Code, err)
		}
		if err := t.loadLines(o); err != nil {
			return nil, fmt.Errorf("order %s: %w", o.Code, err)
		}
	}
	return os, nil
}

func scanOrder(rows *sql.Rows) (*orders.Order, error) {
	var o orders.Order
	var status, delivery, data, created, updated string
	var lat, lng sql.NullFloat64
	err := rows.Scan(&o.Code, &o.BuyerChat, &o.BuyerPhone, &status, &delivery, &o.Name, &o.Address, &o.Area,
		&lat, &lng, &o.Ongkir, &o.Payment, &o.MarketDay, &data, &created, &updated)
	if err != nil {
		return nil, err
	}
	o.Status, o.Delivery = orders.Status(status), orders.Delivery(delivery)
	o.Lat, o.Lng = lat.Float64, lng.Float64
	var d orderData
	if err := json.Unmarshal([]byte(data), &d); err != nil {
		return nil, fmt.Errorf("order %s: data: %w", o.Code, err)
	}
	o.HasPin, o.Courier = d.HasPin, d.Courier
	if o.CreatedAt, err = parseTimeText(created); err != nil {
		return nil, fmt.Errorf("order %s: %w", o.Code, err)
	}
	if o.UpdatedAt, err = parseTimeText(updated); err != nil {
		return nil, fmt.Errorf("order %s: %w", o.Code, err)
	}
	return &o, nil
}

func (t *Tx) loadSubOrders(o *orders.Order) error {
	rows, err := t.query(`SELECT group_id, status, list_total, agreed_total, confirmed_by, trader,
		deadline_at, data FROM sub_orders WHERE order_code = ? ORDER BY group_id`, o.Code)
	if err != nil {
		return err
	}
	defer rows.Close()
	pos := map[*orders.SubOrder]int{}
	for rows.Next() {
		var s orders.SubOrder
		var status, data string
		var deadline sql.NullString
		if err := rows.Scan(&s.Group, &status, &s.ListTotal, &s.AgreedTotal, &s.ConfirmedBy, &s.Trader,
			&deadline, &data); err != nil {
			return err
		}
		s.Status = orders.Status(status)
		if s.Deadline, err = parseTimeText(deadline.String); err != nil {
			return fmt.Errorf("sub-order %s: %w", s.Group, err)
		}
		var d subData
		if err := json.Unmarshal([]byte(data), &d); err != nil {
			return fmt.Errorf("sub-order %s: data: %w", s.Group, err)
		}
		s.Proposal, s.Reminded, s.Rounds, s.Weighed = d.Proposal, d.Reminded, d.Rounds, d.Weighed
		o.Subs = append(o.Subs, &s)
		pos[&s] = d.Pos
	}
	if err := rows.Err(); err != nil {
		return err
	}
	sort.SliceStable(o.Subs, func(i, j int) bool { return pos[o.Subs[i]] < pos[o.Subs[j]] })
	return nil
}

func (t *Tx) loadLines(o *orders.Order) error {
	rows, err := t.query(`SELECT line_no, group_id, sku, name, unit, qty, price, amount, note, if_sold_out
		FROM order_lines WHERE order_code = ? ORDER BY line_no`, o.Code)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var l orders.Line
		var qty int64
		var soldOut string
		if err := rows.Scan(&l.No, &l.Group, &l.SKU, &l.Name, &l.Unit, &qty, &l.Price, &l.Amount, &l.Note,
			&soldOut); err != nil {
			return err
		}
		l.Qty, l.SoldOut = catalog.Qty(qty), orders.SoldOut(soldOut)
		o.Lines = append(o.Lines, l)
	}
	return rows.Err()
}

// OrderEvents returns the order's audit log, oldest first.
func (t *Tx) OrderEvents(code string) ([]orders.Event, error) {
	rows, err := t.query(`SELECT group_id, from_status, to_status, actor, detail, at FROM order_events
		WHERE order_code = ? ORDER BY id`, orderKey(code))
	if err != nil {
		return nil, fmt.Errorf("store: order events %s: %w", code, err)
	}
	defer rows.Close()
	var es []orders.Event
	for rows.Next() {
		var e orders.Event
		var from, to, at string
		if err := rows.Scan(&e.Group, &from, &to, &e.Actor, &e.Detail, &at); err != nil {
			return nil, fmt.Errorf("store: order events %s: %w", code, err)
		}
		e.From, e.To = orders.Status(from), orders.Status(to)
		if e.At, err = parseTimeText(at); err != nil {
			return nil, fmt.Errorf("store: order events %s: %w", code, err)
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: order events %s: %w", code, err)
	}
	return es, nil
}

// AddOffer records one bargaining move.
func (t *Tx) AddOffer(o bot.Offer) error {
	outcome := o.Outcome
	if outcome == "" {
		outcome = "open"
	}
	_, err := t.exec(`INSERT INTO offers(order_code, group_id, side, amount, outcome, actor, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		orderKey(o.Order), o.Group, o.Side, o.Amount, outcome, o.Actor, timeText(o.At))
	if err != nil {
		return fmt.Errorf("store: add offer %s/%s: %w", o.Order, o.Group, err)
	}
	return nil
}

// Offers returns the order's bargaining moves, oldest first.
func (t *Tx) Offers(code string) ([]bot.Offer, error) {
	rows, err := t.query(`SELECT order_code, group_id, side, amount, outcome, actor, at FROM offers
		WHERE order_code = ? ORDER BY id`, orderKey(code))
	if err != nil {
		return nil, fmt.Errorf("store: offers %s: %w", code, err)
	}
	defer rows.Close()
	var os []bot.Offer
	for rows.Next() {
		var o bot.Offer
		var at string
		if err := rows.Scan(&o.Order, &o.Group, &o.Side, &o.Amount, &o.Outcome, &o.Actor, &at); err != nil {
			return nil, fmt.Errorf("store: offers %s: %w", code, err)
		}
		if o.At, err = parseTimeText(at); err != nil {
			return nil, fmt.Errorf("store: offers %s: %w", code, err)
		}
		os = append(os, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: offers %s: %w", code, err)
	}
	return os, nil
}

// AddComplaint records a buyer's complaint about an order.
func (t *Tx) AddComplaint(code, chat, text string, at time.Time) error {
	_, err := t.exec(`INSERT INTO complaints(order_code, chat, text, at) VALUES (?, ?, ?, ?)`,
		orderKey(code), chat, text, timeText(at))
	if err != nil {
		return fmt.Errorf("store: add complaint %s: %w", code, err)
	}
	return nil
}

// AddRating records (or replaces) the stars an order gave a target
// ("group:<id>" or "courier:<phone>").
func (t *Tx) AddRating(code, target string, stars int, comment string, at time.Time) error {
	_, err := t.exec(`INSERT INTO ratings(order_code, target, stars, comment, at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(order_code, target) DO UPDATE SET stars = excluded.stars, comment = excluded.comment,
		at = excluded.at`, orderKey(code), target, stars, comment, timeText(at))
	if err != nil {
		return fmt.Errorf("store: add rating %s/%s: %w", code, target, err)
	}
	return nil
}
