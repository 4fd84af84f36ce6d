package store

import (
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"

	"pasarbot/bot"
)

// Time columns hold RFC 3339 UTC text with a fixed nine-digit fraction
// ("2026-11-25T06:00:00.000000000Z"). time.RFC3339Nano drops trailing zeros,
// so its texts do not sort in time order ("…:00Z" > "…:00.5Z"); the fixed
// width keeps SQL comparisons and ORDER BY on these columns chronological.
// Both forms parse back. The zero time is stored as NULL or "".
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// timeText renders t for a NOT NULL column: "" for the zero time.
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// timeOrNull renders t for a nullable column: NULL for the zero time.
func timeOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// parseTimeText reads a time column back as UTC; NULL and "" are the zero time.
func parseTimeText(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// rowLimit turns "0 or less means all" into a LIMIT both databases
// accept (PostgreSQL refuses SQLite's LIMIT -1).
func rowLimit(n int) int {
	if n <= 0 {
		return math.MaxInt64
	}
	return n
}

// SetTimer sets (or moves) the deadline of kind for ref and re-arms it.
func (t *Tx) SetTimer(kind, ref string, due time.Time) error {
	_, err := t.exec(`INSERT INTO timers(kind, ref, due_at, done) VALUES (?, ?, ?, 0)
		ON CONFLICT(kind, ref) DO UPDATE SET due_at = excluded.due_at, done = 0`,
		kind, ref, timeText(due))
	if err != nil {
		return fmt.Errorf("store: set timer %s/%s: %w", kind, ref, err)
	}
	return nil
}

// ClearTimer marks the timer done; clearing an unknown timer is no error.
func (t *Tx) ClearTimer(kind, ref string) error {
	if _, err := t.exec(`UPDATE timers SET done = 1 WHERE kind = ? AND ref = ?`, kind, ref); err != nil {
		return fmt.Errorf("store: clear timer %s/%s: %w", kind, ref, err)
	}
	return nil
}

// DueTimers returns armed timers due at or before now, earliest first. It
// does not clear them: the engine clears what it handled.
func (t *Tx) DueTimers(now time.Time, limit int) ([]bot.Timer, error) {
	rows, err := t.query(`SELECT kind, ref, due_at FROM timers
		WHERE done = 0 AND due_at <= ? ORDER BY due_at, id LIMIT ?`, timeText(now), rowLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("store: due timers: %w", err)
	}
	defer rows.Close()
	var ts []bot.Timer
	for rows.Next() {
		var tm bot.Timer
		var due string
		if err := rows.Scan(&tm.Kind, &tm.Ref, &due); err != nil {
			return nil, fmt.Errorf("store: due timers: %w", err)
		}
		if tm.Due, err = parseTimeText(due); err != nil {
			return nil, fmt.Errorf("store: due timer %s/%s: %w", tm.Kind, tm.Ref, err)
		}
		ts = append(ts, tm)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: due timers: %w", err)
	}
	return ts, nil
}

// JobRan reports whether the scheduled job with this key already ran.
func (t *Tx) JobRan(key string) (bool, error) {
	var one int
	err := t.queryRow(`SELECT 1 FROM job_runs WHERE key = ?`, key).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("store: job ran %s: %w", key, err)
	}
	return true, nil
}

// MarkJobRan records that the job with this key ran; marking twice keeps
// the first time.
func (t *Tx) MarkJobRan(key string, at time.Time) error {
	if _, err := t.exec(`INSERT INTO job_runs(key, ran_at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING`, key, timeText(at)); err != nil {
		return fmt.Errorf("store: mark job ran %s: %w", key, err)
	}
	return nil
}
