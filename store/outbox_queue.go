package store

import (
	"context"
	"time"

	"pasarbot/bot"
)

// OutboxQueue is the sender loop's view of the outbox (bot.Outbox); each
// call is its own short transaction.
type OutboxQueue struct{ DB *DB }

// Pending returns sendable rows (see Tx.PendingOutbound).
func (q OutboxQueue) Pending(ctx context.Context, now time.Time, limit int) ([]bot.Queued, error) {
	var out []bot.Queued
	err := q.DB.View(ctx, func(tx *Tx) error {
		rows, err := tx.PendingOutbound(now, limit)
		for _, r := range rows {
			out = append(out, bot.Queued{RowID: r.RowID, Msg: r.Msg, Attempts: r.Attempts})
		}
		return err
	})
	return out, err
}

// Sent marks rows delivered, in one transaction.
func (q OutboxQueue) Sent(ctx context.Context, rowIDs []int64, at time.Time) error {
	return q.DB.Update(ctx, func(tx *Tx) error {
		for _, id := range rowIDs {
			if err := tx.MarkSent(id, at); err != nil {
				return err
			}
		}
		return nil
	})
}

// Dead sets a permanently refused row aside and queues notices with it.
func (q OutboxQueue) Dead(ctx context.Context, rowID int64, errText string, at time.Time, notices []bot.Outbound) error {
	return q.DB.Update(ctx, func(tx *Tx) error { return tx.MarkDead(rowID, errText, at, notices) })
}

// Failed records a failed attempt and when to try again.
func (q OutboxQueue) Failed(ctx context.Context, rowID int64, errText string, next time.Time) error {
	return q.DB.Update(ctx, func(tx *Tx) error { return tx.MarkSendFailed(rowID, errText, next) })
}
