package main

import (
	"context"
	"fmt"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	bmarket "pasarbot/bot/market"
)

// market is a running market for a real transport: store, catalog,
// conversation engine, outbox sender and schedules.
type market struct {
	cfg *config.Config
	log zerolog.Logger
	m   *bmarket.Market
	out *lateMessenger

	// Set by startMarketOps: counts sends, follows the WhatsApp connection.
	wrapSend     func(bot.Messenger) bot.Messenger
	onConnection func(up bool)
}

// lateMessenger lets the market be built before the transport exists: the
// outbox waits in SQLite until the WhatsApp client is connected and Serve
// names it.
type lateMessenger struct{ m bot.Messenger }

func (l *lateMessenger) Send(ctx context.Context, msg bot.Outbound) error { return l.m.Send(ctx, msg) }

// openMarket opens the database and builds the engine for cfg.
func openMarket(ctx context.Context, cfg *config.Config, log zerolog.Logger) (*market, error) {
	out := &lateMessenger{}
	m, err := bmarket.Open(ctx, bmarket.Options{Config: cfg, Messenger: out, Log: log})
	if err != nil {
		return nil, err
	}
	return &market{cfg: cfg, log: log, m: m, out: out}, nil
}

// Inbox is where a transport hands inbound messages (durable on return).
func (m *market) Inbox() bot.Inbox { return m.m.Pipeline }

// Serve runs the engine, the outbox sender (through messenger) and the
// schedules until ctx ends.
func (m *market) Serve(ctx context.Context, messenger bot.Messenger) error {
	if m.wrapSend != nil {
		messenger = m.wrapSend(messenger)
	}
	m.out.m = messenger
	return m.m.Serve(ctx)
}

// Close releases the database.
func (m *market) Close() error { return m.m.Close() }

// BanLifted tells the admins that WhatsApp's temporary ban has ended and
// the queued messages are going out again.
func (m *market) BanLifted(ctx context.Context, bannedUntil time.Time) {
	loc := m.cfg.Location()
	text := fmt.Sprintf("✅ Nomor pasar aktif lagi setelah diblokir sementara oleh WhatsApp (sampai %s). Pesan yang tertunda sedang dikirim.",
		bannedUntil.In(loc).Format("15.04"))
	if err := m.m.Pipeline.AdminNotice(ctx, "ban_lifted:"+bannedUntil.UTC().Format(time.RFC3339), text); err != nil {
		m.log.Error().Err(err).Msg("could not tell admins the ban was lifted")
	}
}
