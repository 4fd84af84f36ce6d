package store

import (
	"context"
	"fmt"
	"time"
)

// Retention is how long processed inbox rows, sent outbox rows and
// finished timers are kept. WhatsApp redelivers within hours, not weeks,
// so a month keeps dedupe safe while the file stays small.
const Retention = 30 * 24 * time.Hour

// Prune deletes processed inbox rows, sent outbox rows and done timers
// older than before, and returns how many rows went. Orders, their events,
// offers and ratings are history and are never pruned.
func (db *DB) Prune(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	cut := timeText(before)
	err := db.Update(ctx, func(tx *Tx) error {
		for _, q := range []string{
			`DELETE FROM inbox WHERE processed_at IS NOT NULL AND processed_at < ?`,
			`DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?`,
			`DELETE FROM webhook_outbox WHERE sent_at IS NOT NULL AND sent_at < ?`,
			`DELETE FROM timers WHERE done = 1 AND due_at < ?`,
			`DELETE FROM rate_windows WHERE window_start < ?`,
		} {
			res, err := tx.exec(q, cut)
			if err != nil {
				return fmt.Errorf("store: prune: %w", err)
			}
			k, _ := res.RowsAffected()
			n += k
		}
		return nil
	})
	return n, err
}
