package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"pasarbot/orders"
)

// Couriers returns every registered courier, active or not, by name.
func (t *Tx) Couriers() ([]orders.Courier, error) {
	rows, err := t.query(`SELECT phone, name, plate, active FROM couriers ORDER BY name, phone`)
	if err != nil {
		return nil, fmt.Errorf("store: couriers: %w", err)
	}
	defer rows.Close()
	var cs []orders.Courier
	for rows.Next() {
		var c orders.Courier
		if err := rows.Scan(&c.Phone, &c.Name, &c.Plate, &c.Active); err != nil {
			return nil, fmt.Errorf("store: couriers: %w", err)
		}
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: couriers: %w", err)
	}
	return cs, nil
}

// SaveCourier registers a courier or updates one; at is the registration
// time of a new courier.
func (t *Tx) SaveCourier(c orders.Courier, at time.Time) error {
	if c.Phone == "" {
		return errors.New("store: save courier: empty phone")
	}
	_, err := t.exec(`INSERT INTO couriers(phone, name, plate, active, created_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(phone) DO UPDATE SET name = excluded.name, plate = excluded.plate, active = excluded.active`,
		c.Phone, c.Name, c.Plate, c.Active, timeText(at))
	if err != nil {
		return fmt.Errorf("store: save courier %s: %w", c.Phone, err)
	}
	return nil
}

const jobColumns = `j.order_code, j.status, j.courier, j.ongkir, j.cod, j.payment_mode, j.pins, j.broadcasts,
	j.created_at, j.claimed_at, j.picked_at, j.delivered_at`

// Job returns the courier job of an order, nil when there is none.
func (t *Tx) Job(code string) (*orders.Job, error) {
	js, err := t.loadJobs(`SELECT `+jobColumns+` FROM courier_jobs j WHERE j.order_code = ?`, orderKey(code))
	if err != nil {
		return nil, fmt.Errorf("store: job %s: %w", code, err)
	}
	if len(js) == 0 {
		return nil, nil
	}
	return js[0], nil
}

// JobsOfDay returns the courier jobs of a market day's orders, oldest first.
func (t *Tx) JobsOfDay(day string) ([]*orders.Job, error) {
	js, err := t.loadJobs(`SELECT `+jobColumns+` FROM courier_jobs j JOIN orders o ON o.code = j.order_code
		WHERE o.market_day = ? ORDER BY j.created_at, j.order_code`, day)
	if err != nil {
		return nil, fmt.Errorf("store: jobs of day %s: %w", day, err)
	}
	return js, nil
}

// JobsOfCourier returns the jobs a courier holds (claimed or picked up),
// oldest first.
func (t *Tx) JobsOfCourier(phone string) ([]*orders.Job, error) {
	js, err := t.loadJobs(`SELECT `+jobColumns+` FROM courier_jobs j
		WHERE j.courier = ? AND j.status IN (?, ?) ORDER BY j.created_at, j.order_code`,
		phone, string(orders.JobClaimed), string(orders.JobPickedUp))
	if err != nil {
		return nil, fmt.Errorf("store: jobs of courier: %w", err)
	}
	return js, nil
}

// SaveJob creates or overwrites an order's courier job.
func (t *Tx) SaveJob(j *orders.Job) error {
	if j == nil || orderKey(j.Order) == "" {
		return errors.New("store: save job: no order")
	}
	j.Order = orderKey(j.Order)
	pins := j.Pins
	if pins == nil {
		pins = map[string]string{}
	}
	pinsJSON, err := json.Marshal(pins)
	if err != nil {
		return fmt.Errorf("store: save job %s: %w", j.Order, err)
	}
	var courier any
	if j.Courier != "" {
		courier = j.Courier
	}
	_, err = t.exec(`INSERT INTO courier_jobs(order_code, status, courier, ongkir, cod, payment_mode, pins,
		broadcasts, created_at, claimed_at, picked_at, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(order_code) DO UPDATE SET status = excluded.status, courier = excluded.courier,
		ongkir = excluded.ongkir, cod = excluded.cod, payment_mode = excluded.payment_mode,
		pins = excluded.pins, broadcasts = excluded.broadcasts, created_at = excluded.created_at,
		claimed_at = excluded.claimed_at, picked_at = excluded.picked_at, delivered_at = excluded.delivered_at`,
		j.Order, string(j.Status), courier, j.Ongkir, j.COD, string(j.Mode), string(pinsJSON), j.Broadcasts,
		timeText(j.CreatedAt), timeOrNull(j.ClaimedAt), timeOrNull(j.PickedAt), timeOrNull(j.DeliveredAt))
	if err != nil {
		return fmt.Errorf("store: save job %s: %w", j.Order, err)
	}
	return nil
}

// ClaimJob gives an open job to courier, atomically: it reports whether
// this call won. A job already claimed (or not open, or unknown) is no error.
func (t *Tx) ClaimJob(code, courier string, at time.Time) (bool, error) {
	res, err := t.exec(`UPDATE courier_jobs SET status = ?, courier = ?, claimed_at = ?
		WHERE order_code = ? AND status = ?`,
		string(orders.JobClaimed), courier, timeText(at), orderKey(code), string(orders.JobOpen))
	if err != nil {
		return false, fmt.Errorf("store: claim job %s: %w", code, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: claim job %s: %w", code, err)
	}
	return n == 1, nil
}

func (t *Tx) loadJobs(query string, args ...any) ([]*orders.Job, error) {
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var js []*orders.Job
	for rows.Next() {
		var j orders.Job
		var status, mode, pins, created string
		var courier, claimed, picked, delivered sql.NullString
		if err := rows.Scan(&j.Order, &status, &courier, &j.Ongkir, &j.COD, &mode, &pins, &j.Broadcasts,
			&created, &claimed, &picked, &delivered); err != nil {
			return nil, err
		}
		j.Status, j.Mode, j.Courier = orders.JobStatus(status), orders.PaymentMode(mode), courier.String
		if err := json.Unmarshal([]byte(pins), &j.Pins); err != nil {
			return nil, fmt.Errorf("job %s: pins: %w", j.Order, err)
		}
		for _, c := range []struct {
			dst *time.Time
			src string
		}{{&j.CreatedAt, created}, {&j.ClaimedAt, claimed.String}, {&j.PickedAt, picked.String}, {&j.DeliveredAt, delivered.String}} {
			if *c.dst, err = parseTimeText(c.src); err != nil {
				return nil, fmt.Errorf("job %s: %w", j.Order, err)
			}
		}
		js = append(js, &j)
	}
	return js, rows.Err()
}

// CourierNames maps each courier's phone to their name, for reports that
// show couriers by name.
func (t *Tx) CourierNames() (map[string]string, error) {
	cs, err := t.Couriers()
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(cs))
	for _, c := range cs {
		names[c.Phone] = c.Name
	}
	return names, nil
}
