package store

import (
	"database/sql"
	"errors"
	"fmt"

	"pasarbot/orders"
)

// SavePayment writes an order's payment (one per order), new or changed.
func (t *Tx) SavePayment(p *orders.Payment) error {
	_, err := t.exec(`INSERT INTO payments(order_code, method, amount, payload, state, due_at, confirmed_by, reference, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(order_code) DO UPDATE SET method = excluded.method, amount = excluded.amount,
		payload = excluded.payload, state = excluded.state, due_at = excluded.due_at,
		confirmed_by = excluded.confirmed_by, reference = excluded.reference, updated_at = excluded.updated_at`,
		orderKey(p.Order), p.Method, p.Amount, p.Payload, string(p.State), timeText(p.DueAt), p.ConfirmedBy, p.Reference,
		timeText(p.CreatedAt), timeText(p.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: save payment %s: %w", p.Order, err)
	}
	return nil
}

const paymentColumns = `order_code, method, amount, payload, state, due_at, confirmed_by, reference, created_at, updated_at`

func scanPayment(sc interface{ Scan(...any) error }) (*orders.Payment, error) {
	var p orders.Payment
	var state, due, created, updated string
	if err := sc.Scan(&p.Order, &p.Method, &p.Amount, &p.Payload, &state, &due, &p.ConfirmedBy, &p.Reference, &created, &updated); err != nil {
		return nil, err
	}
	p.State = orders.PaymentState(state)
	var err error
	if p.DueAt, err = parseTimeText(due); err != nil {
		return nil, err
	}
	if p.CreatedAt, err = parseTimeText(created); err != nil {
		return nil, err
	}
	if p.UpdatedAt, err = parseTimeText(updated); err != nil {
		return nil, err
	}
	return &p, nil
}

// Payment returns the order's payment; nil, nil when it has none (COD).
func (t *Tx) Payment(code string) (*orders.Payment, error) {
	p, err := scanPayment(t.queryRow(`SELECT `+paymentColumns+` FROM payments WHERE order_code = ?`, orderKey(code)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: payment %s: %w", code, err)
	}
	return p, nil
}

// PaymentsOfDay returns the payments of the orders of a market day.
func (t *Tx) PaymentsOfDay(day string) ([]*orders.Payment, error) {
	rows, err := t.query(`SELECT p.order_code, p.method, p.amount, p.payload, p.state, p.due_at, p.confirmed_by, p.reference, p.created_at, p.updated_at
		FROM payments p JOIN orders o ON o.code = p.order_code WHERE o.market_day = ? ORDER BY p.order_code`, day)
	if err != nil {
		return nil, fmt.Errorf("store: payments of %s: %w", day, err)
	}
	defer rows.Close()
	var ps []*orders.Payment
	for rows.Next() {
		p, err := scanPayment(rows)
		if err != nil {
			return nil, fmt.Errorf("store: payments of %s: %w", day, err)
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// AddRefund records money owed back to a buyer and sets r.ID.
func (t *Tx) AddRefund(r *orders.Refund) error {
	if r.State == "" {
		r.State = orders.RefundPending
	}
	// RETURNING, not LastInsertId: PostgreSQL's driver has no last insert id.
	err := t.queryRow(`INSERT INTO refunds(order_code, amount, reason, state, how, created_by, closed_by, created_at, closed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, orderKey(r.Order), r.Amount, r.Reason, string(r.State), r.How,
		r.CreatedBy, r.ClosedBy, timeText(r.CreatedAt), timeText(r.ClosedAt)).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("store: add refund %s: %w", r.Order, err)
	}
	return nil
}

// CloseRefund marks a pending refund returned.
func (t *Tx) CloseRefund(r *orders.Refund) error {
	res, err := t.exec(`UPDATE refunds SET state = ?, how = ?, closed_by = ?, closed_at = ? WHERE id = ? AND state = 'pending'`,
		string(orders.RefundDone), r.How, r.ClosedBy, timeText(r.ClosedAt), r.ID)
	if err != nil {
		return fmt.Errorf("store: close refund %d: %w", r.ID, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: close refund %d: not pending", r.ID)
	}
	r.State = orders.RefundDone
	return nil
}

// Refunds returns an order's refunds, oldest first.
func (t *Tx) Refunds(code string) ([]orders.Refund, error) {
	return t.refunds(`WHERE order_code = ? ORDER BY id`, orderKey(code))
}

// OpenRefunds returns the refunds still owed to buyers, oldest first.
func (t *Tx) OpenRefunds() ([]orders.Refund, error) {
	return t.refunds(`WHERE state = ? ORDER BY id`, string(orders.RefundPending))
}

// RefundsOfDay returns the refunds of the orders of a market day.
func (t *Tx) RefundsOfDay(day string) ([]orders.Refund, error) {
	return t.refunds(`WHERE order_code IN (SELECT code FROM orders WHERE market_day = ?) ORDER BY id`, day)
}

func (t *Tx) refunds(where string, args ...any) ([]orders.Refund, error) {
	rows, err := t.query(`SELECT id, order_code, amount, reason, state, how, created_by, closed_by, created_at, closed_at
		FROM refunds `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: refunds: %w", err)
	}
	defer rows.Close()
	var rs []orders.Refund
	for rows.Next() {
		var r orders.Refund
		var state, created, closed string
		if err := rows.Scan(&r.ID, &r.Order, &r.Amount, &r.Reason, &state, &r.How, &r.CreatedBy, &r.ClosedBy, &created, &closed); err != nil {
			return nil, fmt.Errorf("store: refunds: %w", err)
		}
		r.State = orders.RefundState(state)
		if r.CreatedAt, err = parseTimeText(created); err != nil {
			return nil, err
		}
		if r.ClosedAt, err = parseTimeText(closed); err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}
