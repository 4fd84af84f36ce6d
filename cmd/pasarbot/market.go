package main

import (
	"context"
	"errors"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
)

// market is a running market: store, catalog, conversation engine, outbox
// sender and schedules, independent of the transport.
type market struct{}

// openMarket opens the database and builds the engine for cfg.
func openMarket(ctx context.Context, cfg *config.Config, log zerolog.Logger) (*market, error) {
	return nil, errors.New("the conversation engine is being built")
}

// Inbox is where a transport hands inbound messages (durable on return).
func (m *market) Inbox() bot.Inbox { return nil }

// Serve runs the engine, the outbox sender (through messenger) and the
// schedules until ctx ends.
func (m *market) Serve(ctx context.Context, messenger bot.Messenger) error { return nil }

// Close releases the database.
func (m *market) Close() error { return nil }
