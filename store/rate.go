package store

import (
	"database/sql"
	"errors"
	"fmt"

	"pasarbot/bot"
)

// RateWindow returns a sender's current message window; a sender never seen
// has a zero window.
func (t *Tx) RateWindow(sender string) (bot.RateWindow, error) {
	w := bot.RateWindow{Sender: sender}
	var start string
	err := t.queryRow(`SELECT window_start, count, warned, refused FROM rate_windows WHERE sender = ?`, sender).
		Scan(&start, &w.Count, &w.Warned, &w.Refused)
	if errors.Is(err, sql.ErrNoRows) {
		return w, nil
	}
	if err == nil {
		w.Start, err = parseTimeText(start)
	}
	if err != nil {
		return w, fmt.Errorf("store: rate window: %w", err)
	}
	return w, nil
}

// SaveRateWindow stores a sender's window.
func (t *Tx) SaveRateWindow(w bot.RateWindow) error {
	_, err := t.exec(`INSERT INTO rate_windows(sender, window_start, count, warned, refused) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(sender) DO UPDATE SET window_start = excluded.window_start, count = excluded.count,
		warned = excluded.warned, refused = excluded.refused`,
		w.Sender, timeText(w.Start), w.Count, w.Warned, w.Refused)
	if err != nil {
		return fmt.Errorf("store: save rate window: %w", err)
	}
	return nil
}
