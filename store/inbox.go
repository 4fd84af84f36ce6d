package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"pasarbot/bot"
)

// InsertInbound stores an arriving message once. fresh is false when its id
// was already in the inbox, processed or not: WhatsApp redelivered it.
func (t *Tx) InsertInbound(in bot.Inbound, at time.Time) (fresh bool, err error) {
	if in.ID == "" {
		return false, errors.New("store: insert inbound: empty message id")
	}
	payload, err := json.Marshal(in)
	if err != nil {
		return false, fmt.Errorf("store: insert inbound %s: %w", in.ID, err)
	}
	// ON CONFLICT DO NOTHING ignores only the duplicate id, unlike INSERT OR
	// IGNORE, which would also swallow any other constraint failure.
	res, err := t.exec(`INSERT INTO inbox(message_id, chat, payload, received_at) VALUES (?, ?, ?, ?)
		ON CONFLICT(message_id) DO NOTHING`, in.ID, in.Chat, string(payload), timeText(at))
	if err != nil {
		return false, fmt.Errorf("store: insert inbound %s: %w", in.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: insert inbound %s: %w", in.ID, err)
	}
	return n == 1, nil
}

// PendingInbound returns unprocessed messages in arrival order (limit <= 0:
// all of them).
func (t *Tx) PendingInbound(limit int) ([]bot.Inbound, error) {
	rows, err := t.query(`SELECT message_id, payload FROM inbox WHERE processed_at IS NULL
		ORDER BY received_at, rowid LIMIT ?`, rowLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("store: pending inbound: %w", err)
	}
	defer rows.Close()
	var ins []bot.Inbound
	for rows.Next() {
		var id, payload string
		if err := rows.Scan(&id, &payload); err != nil {
			return nil, fmt.Errorf("store: pending inbound: %w", err)
		}
		var in bot.Inbound
		if err := json.Unmarshal([]byte(payload), &in); err != nil {
			return nil, fmt.Errorf("store: pending inbound %s: %w", id, err)
		}
		in.ID = id
		ins = append(ins, in)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: pending inbound: %w", err)
	}
	return ins, nil
}

// MarkProcessed records that the message was handled. An id that is not in
// the inbox is an error: the caller would otherwise believe it was recorded.
//
// In a write transaction the mark is deferred and written with the
// transaction's other marks in one statement (see writeBack); an unknown id
// then fails the commit.
func (t *Tx) MarkProcessed(id string, at time.Time) error {
	if t.wb != nil {
		t.wb.mark(id, at)
		return nil
	}
	res, err := t.exec(markProcessedOne, timeText(at), id)
	if err != nil {
		return fmt.Errorf("store: mark processed %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: mark processed %s: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("store: mark processed %s: not in the inbox", id)
	}
	return nil
}
