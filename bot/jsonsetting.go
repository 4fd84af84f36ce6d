package bot

import (
	"encoding/json"
	"time"
)

// getJSON reads a JSON-valued setting into v (left as is when unset).
func getJSON(tx Tx, key string, v any) error {
	s, err := tx.Setting(key)
	if err != nil || s == "" {
		return err
	}
	return json.Unmarshal([]byte(s), v)
}

// setJSON stores v as a JSON-valued setting.
func setJSON(tx Tx, key string, v any, at time.Time) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return tx.SetSetting(key, string(b), at)
}
