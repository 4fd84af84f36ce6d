package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"pasarbot/bot"
)

// Conversation returns the chat's conversation; a chat never seen is idle
// with empty data.
func (t *Tx) Conversation(chat string) (*bot.Conversation, error) {
	row, ok := t.wb.savedConversation(chat)
	if !ok {
		var spare *bot.Conversation
		if row, spare, ok = t.cachedConversation(chat); spare != nil {
			return spare, nil // the row decoded off the writer, now this transaction's
		}
	}
	if !ok {
		// Not saved in this transaction, so the stored row is current.
		err := t.queryRowNow(`SELECT state, data, updated_at FROM conversations WHERE chat = ?`, chat).
			Scan(&row.state, &row.data, &row.updated)
		if errors.Is(err, sql.ErrNoRows) {
			return &bot.Conversation{Chat: chat, State: bot.StateIdle}, nil
		}
		if err != nil {
			return nil, fmt.Errorf("store: conversation %s: %w", chat, err)
		}
		t.readConversation(chat, row)
	}
	return decodeConversation(chat, row)
}

// decodeConversation is the conversation a stored row holds.
func decodeConversation(chat string, row conversationRow) (*bot.Conversation, error) {
	var err error
	c := &bot.Conversation{Chat: chat, State: bot.State(row.state)}
	if c.State == "" {
		c.State = bot.StateIdle
	}
	if c.UpdatedAt, err = parseTimeText(row.updated); err != nil {
		return nil, fmt.Errorf("store: conversation %s: %w", chat, err)
	}
	if err := json.Unmarshal([]byte(row.data), &c.Data); err != nil {
		return nil, fmt.Errorf("store: conversation %s: data: %w", chat, err)
	}
	return c, nil
}

// SaveConversation stores the conversation's state and data (as JSON),
// stamped with c.UpdatedAt. In a write transaction the row is written when
// the transaction flushes (see writeBack): a conversation saved twice in
// one transaction is written once.
func (t *Tx) SaveConversation(c *bot.Conversation) error {
	if c == nil || c.Chat == "" {
		return errors.New("store: save conversation: no chat")
	}
	state := c.State
	if state == "" {
		state = bot.StateIdle
	}
	data, err := json.Marshal(c.Data)
	if err != nil {
		return fmt.Errorf("store: save conversation %s: data: %w", c.Chat, err)
	}
	row := conversationRow{state: string(state), data: string(data), updated: timeText(c.UpdatedAt)}
	if t.wb != nil {
		t.wb.saveConversation(c.Chat, row)
		return nil
	}
	_, err = t.exec(saveConversation, c.Chat, row.state, row.data, row.updated)
	if err != nil {
		return fmt.Errorf("store: save conversation %s: %w", c.Chat, err)
	}
	t.wroteConversation(c.Chat, row)
	return nil
}
