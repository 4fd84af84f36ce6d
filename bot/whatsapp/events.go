package whatsapp

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"go.mau.fi/whatsmeow/types/events"

	"pasarbot/bot"
)

// handleEvent is the one handler registered with whatsmeow. It returns
// false only for a message that was not committed, which withholds the
// acknowledgement. Every other event returns true: false would also stop
// whatsmeow from calling later handlers (such as its QR channel).
//
// whatsmeow calls it for one event at a time, so nothing here blocks on
// the network: sends go through the outbox, receipts through a queue.
func (c *Client) handleEvent(raw any) bool {
	switch evt := raw.(type) {
	case *events.Message:
		return c.handleMessage(evt)
	case *events.HistorySync:
		// The phone's copy of old chats for a newly linked device: those
		// conversations are over; acting on them would answer yesterday.
	case *events.UndecryptableMessage:
		// whatsmeow has asked the sender's phone to send it again.
		c.log.Warn().Str("chat", bot.MaskPhone(evt.Info.Chat.String())).Str("message_id", evt.Info.ID).
			Msg("could not decrypt a message; WhatsApp was asked to resend it")
	case *events.Connected:
		c.handleConnected()
	case *events.PairSuccess:
		c.log.Info().Str("device", bot.MaskPhone(evt.ID.String())).Str("platform", evt.Platform).Msg("phone linked")
	case *events.Disconnected:
		c.connection(false)
		c.log.Warn().Msg("disconnected from WhatsApp; reconnecting")
	case *events.KeepAliveTimeout:
		c.log.Warn().Int("errors", evt.ErrorCount).Time("last_success", evt.LastSuccess).Msg("WhatsApp keepalive timed out")
	case *events.KeepAliveRestored:
		c.log.Info().Msg("WhatsApp keepalive restored")
	case *events.OfflineSyncPreview:
		c.log.Info().Int("messages", evt.Messages).Msg("receiving what arrived while offline")
	case *events.OfflineSyncCompleted:
		c.log.Info().Int("count", evt.Count).Msg("offline backlog received")
	case *events.StreamError:
		c.log.Warn().Str("code", evt.Code).Msg("unknown WhatsApp stream error")
	case *events.TemporaryBan:
		c.handleTemporaryBan(evt)
	case *events.LoggedOut:
		c.stop(&StoppedError{Reason: "WhatsApp unlinked this device (" + evt.Reason.String() + ")", Action: actionRepair})
	case *events.StreamReplaced:
		c.stop(&StoppedError{Reason: "another client connected with this device's keys", Action: actionOne})
	case *events.ClientOutdated:
		c.stop(&StoppedError{Reason: "WhatsApp rejected the client as outdated", Action: actionUpdate})
	case *events.ConnectFailure:
		c.stop(&StoppedError{Reason: "WhatsApp refused the connection (" + evt.Reason.String() + ")", Action: actionPhone})
	case events.PermanentDisconnect:
		// Anything else whatsmeow will not reconnect from by itself.
		c.stop(&StoppedError{Reason: evt.PermanentDisconnectDescription(), Action: actionPhone})
	}
	return true
}

// handleMessage commits one inbound message to the inbox and reports
// whether it may be acknowledged.
func (c *Client) handleMessage(evt *events.Message) (ok bool) {
	c.evMu.RLock()
	defer c.evMu.RUnlock()
	if c.stopping || c.inbox == nil {
		return false // not taken: WhatsApp keeps it for the next start
	}
	// Deferred after the unlock, so it runs before it. whatsmeow's own
	// recover would acknowledge the message and lose it.
	defer func() {
		if r := recover(); r != nil {
			c.log.Error().Str("panic", fmt.Sprint(r)).Str("stack", string(debug.Stack())).
				Str("chat", bot.MaskPhone(evt.Info.Chat.String())).Str("message_id", evt.Info.ID).
				Msg("message handler panicked; not acknowledged")
			ok = false
		}
	}()

	in, take := ToInbound(evt)
	if !take {
		return true // nothing to commit; acknowledging is right
	}
	log := c.log.With().Str("chat", bot.MaskPhone(in.Chat)).Str("message_id", in.ID).Logger()
	ctx, cancel := context.WithTimeout(log.WithContext(c.runCtx), acceptTimeout)
	defer cancel()
	c.Resolve(ctx, &in)
	c.attachImage(ctx, evt.Message, &in)
	if in.IsGroup {
		c.recent.put(in.ID, evt.Info.Sender.ToNonAD().String())
	}
	if err := c.inbox.Accept(ctx, in); err != nil {
		log.Error().Err(err).Msg("inbox did not take the message; not acknowledged, WhatsApp delivers it again")
		return false
	}
	log.Debug().Str("kind", string(in.Kind)).Time("at", in.At).Msg("message accepted")
	if c.opts.MarkRead {
		c.queueRead(evt)
	}
	return true
}

// handleConnected ends a ban pause and announces the connection.
func (c *Client) handleConnected() {
	c.mu.Lock()
	wasBanned, until := c.banned, c.pausedUntil
	c.banned, c.pausedUntil = false, time.Time{}
	c.mu.Unlock()
	c.log.Info().Str("device", bot.MaskPhone(c.dev.JID())).Msg("connected to WhatsApp")
	c.connection(true)
	if wasBanned && c.opts.OnResume != nil {
		go c.opts.OnResume(c.runCtx, until)
	}
	if c.opts.Typing {
		// Typing indicators are only shown from an "available" client.
		go c.announceAvailable()
	}
}
