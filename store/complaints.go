package store

import (
	"fmt"
	"time"
)

// Complaint is a buyer's complaint about an order, as recorded.
type Complaint struct {
	Order string
	Chat  string
	Text  string
	At    time.Time
}

// ComplaintsSince returns the complaints recorded at or after since,
// newest first. Complaints carry no resolution yet: the admins settle
// them in chat.
func (t *Tx) ComplaintsSince(since time.Time) ([]Complaint, error) {
	rows, err := t.query(`SELECT order_code, chat, text, at FROM complaints WHERE at >= ? ORDER BY at DESC, id DESC`, timeText(since))
	if err != nil {
		return nil, fmt.Errorf("store: complaints: %w", err)
	}
	defer rows.Close()
	var out []Complaint
	for rows.Next() {
		var c Complaint
		var at string
		if err := rows.Scan(&c.Order, &c.Chat, &c.Text, &at); err != nil {
			return nil, fmt.Errorf("store: complaints: %w", err)
		}
		if c.At, err = parseTimeText(at); err != nil {
			return nil, fmt.Errorf("store: complaints: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
