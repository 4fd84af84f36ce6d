package whatsapp

import (
	"errors"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
)

const (
	// unknownBanWait is how long to pause when WhatsApp bans without
	// saying until when; then a reconnect asks again.
	unknownBanWait = time.Hour
	// banMargin keeps the reconnect clear of the ban's last second.
	banMargin = 30 * time.Second
	// banRetry is the next attempt when reconnecting after a ban failed.
	banRetry = time.Minute
)

// handleTemporaryBan pauses sending until the ban ends and schedules the
// reconnect: whatsmeow treats the ban as a disconnect it must not retry.
func (c *Client) handleTemporaryBan(evt *events.TemporaryBan) {
	wait := evt.Expire
	if wait <= 0 {
		wait = unknownBanWait
	}
	until := c.now().Add(wait)
	c.mu.Lock()
	c.banned, c.pausedUntil = true, until
	c.scheduleReconnect(wait + banMargin)
	c.mu.Unlock()
	c.log.Error().Str("reason", evt.Code.String()).Time("until", until).
		Msg("WhatsApp temporarily banned the number; sending paused until the ban ends")
}

// scheduleReconnect (c.mu held) replaces any pending reconnect.
func (c *Client) scheduleReconnect(after time.Duration) {
	if c.banTimer != nil {
		c.banTimer.Stop()
	}
	c.banTimer = time.AfterFunc(after, c.reconnectAfterBan)
}

func (c *Client) reconnectAfterBan() {
	if c.runCtx.Err() != nil || c.Err() != nil {
		return
	}
	c.log.Info().Msg("temporary ban over; reconnecting")
	err := c.wa.ConnectContext(c.runCtx)
	if err == nil || errors.Is(err, whatsmeow.ErrAlreadyConnected) {
		return // handleConnected lifts the pause
	}
	c.log.Warn().Err(err).Msg("reconnecting after the ban failed; trying again")
	c.mu.Lock()
	c.scheduleReconnect(banRetry)
	c.mu.Unlock()
}

// paused returns the error Send must return while a ban lasts, or nil.
// After the ban's end and before the reconnect succeeded, the connection
// is simply not there yet.
func (c *Client) paused() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.banned {
		return nil
	}
	if c.now().Before(c.pausedUntil) {
		return SendPausedError{Until: c.pausedUntil}
	}
	return ErrNotConnected
}

// announceAvailable marks the market number "online", which WhatsApp
// requires before it shows our typing indicators. Best effort.
func (c *Client) announceAvailable() {
	if !c.wa.IsLoggedIn() {
		return
	}
	if err := c.wa.SendPresence(c.runCtx, types.PresenceAvailable); err != nil {
		c.log.Debug().Err(err).Msg("could not send presence")
	}
}
