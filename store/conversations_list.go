package store

import (
	"encoding/json"
	"fmt"
	"strings"

	"pasarbot/bot"
)

// ConversationsIn returns the conversations currently in any of states
// (for closing-time notices).
func (t *Tx) ConversationsIn(states ...bot.State) ([]*bot.Conversation, error) {
	if len(states) == 0 {
		return nil, nil
	}
	args := make([]any, len(states))
	for i, s := range states {
		args[i] = string(s)
	}
	rows, err := t.query(`SELECT chat, state, data, updated_at FROM conversations WHERE state IN (?`+
		strings.Repeat(",?", len(states)-1)+`) ORDER BY chat`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: conversations in states: %w", err)
	}
	defer rows.Close()
	var out []*bot.Conversation
	for rows.Next() {
		var chat, state, data, updated string
		if err := rows.Scan(&chat, &state, &data, &updated); err != nil {
			return nil, fmt.Errorf("store: conversations in states: %w", err)
		}
		c := &bot.Conversation{Chat: chat, State: bot.State(state)}
		if c.UpdatedAt, err = parseTimeText(updated); err != nil {
			return nil, fmt.Errorf("store: conversation %s: %w", chat, err)
		}
		if err := json.Unmarshal([]byte(data), &c.Data); err != nil {
			return nil, fmt.Errorf("store: conversation %s: data: %w", chat, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
