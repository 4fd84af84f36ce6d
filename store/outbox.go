package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"pasarbot/bot"
)

// OutboxRow is a queued outbound message, as the sender loop sees it.
type OutboxRow struct {
	RowID     int64
	Msg       bot.Outbound
	Attempts  int
	CreatedAt time.Time
}

// Enqueue queues out for sending at or after at. Its id is unique: queuing
// the same id twice is an error.
func (t *Tx) Enqueue(out bot.Outbound, at time.Time) error {
	if out.ID == "" || out.Chat == "" {
		return fmt.Errorf("store: enqueue %q: message id and chat are required", out.ID)
	}
	payload, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("store: enqueue %s: %w", out.ID, err)
	}
	priority := 0
	if out.Low {
		priority = 1
	}
	_, err = t.exec(`INSERT INTO outbox(message_id, chat, payload, created_at, next_attempt_at, priority)
		VALUES (?, ?, ?, ?, ?, ?)`, out.ID, out.Chat, string(payload), timeText(at), timeText(at), priority)
	if err != nil {
		return fmt.Errorf("store: enqueue %s: %w", out.ID, err)
	}
	return nil
}

// PendingOutbound returns what may be sent now: for each chat only its
// first unsent message, and only when that one is due, so a later message
// to a chat never overtakes an earlier one — except that low-priority rows
// (refusals, flood notices) wait behind every normal row of their chat, so
// they never delay an order card. Rows come in queue order.
func (t *Tx) PendingOutbound(now time.Time, limit int) ([]OutboxRow, error) {
	rows, err := t.query(`SELECT o.id, o.message_id, o.chat, o.payload, o.attempts, o.created_at FROM outbox o
		WHERE o.sent_at IS NULL
		  AND o.id = (SELECT x.id FROM outbox x WHERE x.chat = o.chat AND x.sent_at IS NULL
		              ORDER BY x.priority, x.id LIMIT 1)
		  AND o.next_attempt_at <= ?
		ORDER BY o.priority, o.id LIMIT ?`, timeText(now), rowLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("store: pending outbound: %w", err)
	}
	defer rows.Close()
	var rs []OutboxRow
	for rows.Next() {
		var r OutboxRow
		var id, chat, payload, created string
		if err := rows.Scan(&r.RowID, &id, &chat, &payload, &r.Attempts, &created); err != nil {
			return nil, fmt.Errorf("store: pending outbound: %w", err)
		}
		if err := json.Unmarshal([]byte(payload), &r.Msg); err != nil {
			return nil, fmt.Errorf("store: pending outbound %s: %w", id, err)
		}
		r.Msg.ID, r.Msg.Chat = id, chat
		if r.CreatedAt, err = parseTimeText(created); err != nil {
			return nil, fmt.Errorf("store: pending outbound %s: %w", id, err)
		}
		rs = append(rs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: pending outbound: %w", err)
	}
	return rs, nil
}

// MarkSent records that the row was delivered to the transport.
func (t *Tx) MarkSent(rowID int64, at time.Time) error {
	res, err := t.exec(`UPDATE outbox SET sent_at = ? WHERE id = ?`, timeText(at), rowID)
	return outboxChanged(res, err, "mark sent", rowID)
}

// MarkSendFailed counts a failed attempt, keeps its error and schedules the
// next attempt.
func (t *Tx) MarkSendFailed(rowID int64, errText string, next time.Time) error {
	res, err := t.exec(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
		WHERE id = ?`, errText, timeText(next), rowID)
	return outboxChanged(res, err, "mark send failed", rowID)
}

// MarkDead sets a row aside for good (WhatsApp refused it permanently):
// it counts as done so its chat's queue moves on, keeps its error, and
// queues notices (to the admins) in the same transaction.
func (t *Tx) MarkDead(rowID int64, errText string, at time.Time, notices []bot.Outbound) error {
	res, err := t.exec(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, sent_at = ?, dead_at = ?
		WHERE id = ? AND sent_at IS NULL`, errText, timeText(at), timeText(at), rowID)
	if err := outboxChanged(res, err, "mark dead", rowID); err != nil {
		return err
	}
	for _, n := range notices {
		if err := t.Enqueue(n, at); err != nil {
			return err
		}
	}
	return nil
}

// DeadLetters counts rows set aside as permanently refused.
func (t *Tx) DeadLetters() (int, error) {
	var n int
	err := t.queryRow(`SELECT COUNT(*) FROM outbox WHERE dead_at IS NOT NULL`).Scan(&n)
	return n, err
}

// OutboxStats counts unsent and sent messages.
func (t *Tx) OutboxStats() (pending, sent int, err error) {
	err = t.queryRow(`SELECT COUNT(*) FILTER (WHERE sent_at IS NULL), COUNT(*) FILTER (WHERE sent_at IS NOT NULL)
		FROM outbox`).Scan(&pending, &sent)
	if err != nil {
		return 0, 0, fmt.Errorf("store: outbox stats: %w", err)
	}
	return pending, sent, nil
}

// outboxChanged wraps the outcome of an update of one outbox row.
func outboxChanged(res sql.Result, err error, what string, rowID int64) error {
	if err == nil {
		var n int64
		if n, err = res.RowsAffected(); err == nil && n == 0 {
			err = errors.New("no such outbox row")
		}
	}
	if err != nil {
		return fmt.Errorf("store: %s %d: %w", what, rowID, err)
	}
	return nil
}

// OutboundQueued says whether a message with id is in the outbox, sent or not.
func (t *Tx) OutboundQueued(id string) (bool, error) {
	var n int
	if err := t.queryRow(`SELECT COUNT(*) FROM outbox WHERE message_id = ?`, id).Scan(&n); err != nil {
		return false, fmt.Errorf("store: outbox %s: %w", id, err)
	}
	return n > 0, nil
}
