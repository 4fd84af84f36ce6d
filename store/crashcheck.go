package store

import "fmt"

// CrashCheckCounts reads what the crash test compares between runs: every
// outbox message id in order, how many outbox rows are unsent, and the
// inbox row count and unprocessed count.
func CrashCheckCounts(t *Tx) (outboxIDs []string, unsent, inbox, unprocessed int, err error) {
	rows, err := t.query(`SELECT message_id FROM outbox ORDER BY message_id`)
	if err != nil {
		return nil, 0, 0, 0, fmt.Errorf("store: crash check: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, 0, 0, 0, err
		}
		outboxIDs = append(outboxIDs, id)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, 0, 0, err
	}
	err = t.queryRow(`SELECT
		(SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL),
		(SELECT COUNT(*) FROM inbox),
		(SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL)`).Scan(&unsent, &inbox, &unprocessed)
	return outboxIDs, unsent, inbox, unprocessed, err
}
