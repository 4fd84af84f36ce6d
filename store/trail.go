package store

import (
	"fmt"
	"strings"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// Trail is every recorded event of one order with actor and time, oldest
// first: status changes and their details (weighing, payment, refunds are
// logged there too), bargaining offers, the courier job's steps,
// complaints and ratings.
func (t *Tx) Trail(code string) ([]orders.TrailEntry, error) {
	var es []orders.TrailEntry
	events, err := t.OrderEvents(code)
	if err != nil {
		return nil, err
	}
	for _, ev := range events {
		kind, text := "status", string(ev.To)
		if ev.From != "" && ev.From != ev.To {
			text = string(ev.From) + " → " + string(ev.To)
		}
		if ev.From == ev.To {
			text = ""
		}
		switch {
		case strings.HasPrefix(ev.Detail, "payment"):
			kind = "payment"
		case strings.HasPrefix(ev.Detail, "refund"):
			kind = "refund"
		}
		if ev.Detail != "" {
			text = strings.TrimSpace(text + " " + ev.Detail)
		}
		es = append(es, orders.TrailEntry{At: ev.At, Kind: kind, Group: ev.Group, Actor: ev.Actor, Text: text})
	}
	offers, err := t.Offers(code)
	if err != nil {
		return nil, err
	}
	for _, o := range offers {
		es = append(es, orders.TrailEntry{At: o.At, Kind: "offer", Group: o.Group, Actor: o.Actor,
			Text: fmt.Sprintf("%s offers %s (%s)", o.Side, catalog.Rupiah(o.Amount), o.Outcome)})
	}
	j, err := t.Job(code)
	if err != nil {
		return nil, err
	}
	if j != nil {
		es = append(es, orders.TrailEntry{At: j.CreatedAt, Kind: "courier", Actor: "system",
			Text: fmt.Sprintf("job offered: ongkir %s, COD %s", catalog.Rupiah(j.Ongkir), catalog.Rupiah(j.COD))})
		if !j.ClaimedAt.IsZero() {
			es = append(es, orders.TrailEntry{At: j.ClaimedAt, Kind: "courier", Actor: j.Courier, Text: "claimed"})
		}
		if !j.PickedAt.IsZero() {
			es = append(es, orders.TrailEntry{At: j.PickedAt, Kind: "courier", Actor: j.Courier, Text: "picked up"})
		}
		if !j.DeliveredAt.IsZero() {
			es = append(es, orders.TrailEntry{At: j.DeliveredAt, Kind: "courier", Actor: j.Courier, Text: "delivered, COD " + catalog.Rupiah(j.COD)})
		}
	}
	rows, err := t.query(`SELECT chat, text, at FROM complaints WHERE order_code = ? ORDER BY id`, orderKey(code))
	if err != nil {
		return nil, fmt.Errorf("store: trail %s: %w", code, err)
	}
	defer rows.Close()
	for rows.Next() {
		var chat, text, at string
		if err := rows.Scan(&chat, &text, &at); err != nil {
			return nil, fmt.Errorf("store: trail %s: %w", code, err)
		}
		when, err := parseTimeText(at)
		if err != nil {
			return nil, err
		}
		es = append(es, orders.TrailEntry{At: when, Kind: "complaint", Actor: "buyer", Text: text})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rrows, err := t.query(`SELECT target, stars, comment, at FROM ratings WHERE order_code = ? ORDER BY at`, orderKey(code))
	if err != nil {
		return nil, fmt.Errorf("store: trail %s: %w", code, err)
	}
	defer rrows.Close()
	for rrows.Next() {
		var target, comment, at string
		var stars int
		if err := rrows.Scan(&target, &stars, &comment, &at); err != nil {
			return nil, fmt.Errorf("store: trail %s: %w", code, err)
		}
		when, err := parseTimeText(at)
		if err != nil {
			return nil, err
		}
		es = append(es, orders.TrailEntry{At: when, Kind: "rating", Actor: "buyer", Text: strings.TrimSpace(fmt.Sprintf("%s: %d★ %s", target, stars, comment))})
	}
	if err := rrows.Err(); err != nil {
		return nil, err
	}
	orders.SortTrail(es)
	return es, nil
}
