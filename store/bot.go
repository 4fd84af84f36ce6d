package store

import (
	"context"

	"pasarbot/bot"
)

// BotStore lets the bot package open transactions without importing SQL:
// it satisfies bot.Store with *Tx as the bot.Tx.
type BotStore struct{ DB *DB }

// Update runs fn in a write transaction.
func (s BotStore) Update(ctx context.Context, fn func(bot.Tx) error) error {
	return s.DB.Update(ctx, func(tx *Tx) error { return fn(tx) })
}

// View runs fn in a read-only transaction.
func (s BotStore) View(ctx context.Context, fn func(bot.Tx) error) error {
	return s.DB.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// PeekConversation is the chat's conversation if the cache of recently
// committed ones holds it (see DB.PeekConversation).
func (s BotStore) PeekConversation(chat string) (*bot.Conversation, bool) {
	return s.DB.PeekConversation(chat)
}
