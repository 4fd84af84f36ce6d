package store

import "fmt"

// BlockedPhones lists every blocked phone number.
func (t *Tx) BlockedPhones() ([]string, error) {
	rows, err := t.query(`SELECT phone FROM people WHERE blocked = 1 AND phone IS NOT NULL ORDER BY phone`)
	if err != nil {
		return nil, fmt.Errorf("store: blocked phones: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("store: blocked phones: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
