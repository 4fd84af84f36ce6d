package store

import (
	"database/sql"
	"errors"
	"fmt"
)

// InboundProcessed reports whether message id is in the inbox and whether
// it has been processed.
func (t *Tx) InboundProcessed(id string) (known, processed bool, err error) {
	var at sql.NullString
	err = t.queryRow(`SELECT processed_at FROM inbox WHERE message_id = ?`, id).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return false, false, nil
	}
	if err != nil {
		return false, false, fmt.Errorf("store: inbox %s: %w", id, err)
	}
	return true, at.Valid && at.String != "", nil
}
