package store

import "pasarbot/bot"

// The bot talks to SQLite only through these interfaces.
var (
	_ bot.Tx    = (*Tx)(nil)
	_ bot.Store = BotStore{}
)
