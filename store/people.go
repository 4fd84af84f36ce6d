package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SetBlocked blocks or unblocks the person with this phone, creating the
// person when the number never wrote before.
func (t *Tx) SetBlocked(phone string, blocked bool, at time.Time) error {
	if phone == "" {
		return errors.New("store: set blocked: empty phone")
	}
	_, err := t.exec(`INSERT INTO people(phone, blocked, created_at) VALUES (?, ?, ?)
		ON CONFLICT(phone) DO UPDATE SET blocked = excluded.blocked`,
		phone, blocked, timeText(at))
	if err != nil {
		return fmt.Errorf("store: set blocked %s: %w", phone, err)
	}
	return nil
}

// Blocked reports whether the phone is blocked; unknown numbers are not.
func (t *Tx) Blocked(phone string) (bool, error) {
	var b bool
	err := t.queryRow(`SELECT blocked FROM people WHERE phone = ?`, phone).Scan(&b)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("store: blocked %s: %w", phone, err)
	}
	return b, nil
}

// LogAdmin records an admin command with who and when.
func (t *Tx) LogAdmin(actor, command string, at time.Time) error {
	if _, err := t.exec(`INSERT INTO admin_log(actor, command, at) VALUES (?, ?, ?)`, actor, command, timeText(at)); err != nil {
		return fmt.Errorf("store: log admin %s: %w", actor, err)
	}
	return nil
}
