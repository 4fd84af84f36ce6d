package whatsapp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/types"

	"pasarbot/bot"
)

var _ bot.Messenger = (*Client)(nil)

// Send delivers one outbound message with the id chosen when the outbox
// row was written. It paces (see Pacer), shows "typing…" first when
// configured, and returns only after WhatsApp's server took the message.
//
// Errors the outbox must handle:
//   - SendPausedError: a temporary ban; retry after Until.
//   - ErrNotConnected: the connection is down for a moment; retry.
//   - *StoppedError: the client stopped for good; keep the row.
//   - a malformed chat or empty message, or one WhatsApp refuses for good
//     (not in the group, no such recipient, forbidden): a bot.PermanentError;
//     the outbox sets it aside and tells the admins.
//   - anything else (a timeout above all): the server may or may not have
//     the message. Retry with the same id — never a new one — so the phone
//     shows it once.
func (c *Client) Send(ctx context.Context, msg bot.Outbound) error {
	if err := c.Err(); err != nil {
		return err
	}
	if err := c.paused(); err != nil {
		return err
	}
	if msg.ID == "" {
		return errors.New("whatsapp: outbound message has no id; choose it when the outbox row is written")
	}
	to, err := ParseChat(msg.Chat)
	if err != nil {
		return &refusedError{err}
	}
	if strings.TrimSpace(msg.Text) == "" && msg.Location == nil && msg.Image == nil {
		return &refusedError{fmt.Errorf("whatsapp: outbound message %s is empty", msg.ID)}
	}
	if msg.Image != nil {
		if err := checkImage(msg.Image); err != nil {
			return &refusedError{err}
		}
	}
	if !c.wa.IsLoggedIn() {
		return ErrNotConnected
	}
	wmsg := toMessage(msg, c.quotedSender(msg))
	log := c.logger(ctx).With().Str("chat", bot.MaskPhone(msg.Chat)).Str("message_id", msg.ID).Logger()
	if msg.Image != nil {
		up, err := c.uploadImage(ctx, msg.Image)
		if err != nil {
			log.Warn().Err(err).Msg("image upload failed; retry with the same id")
			return err
		}
		wmsg = ImageMessage(msg, up, c.quotedSender(msg))
	}

	wait := c.pacer.Reserve(msg.Chat)
	typing := c.opts.Typing && msg.Location == nil && msg.Image == nil
	if typing {
		c.chatPresence(ctx, to, types.ChatPresenceComposing)
		wait = max(wait, typingTime(msg.Text))
	}
	if err := c.sleep(ctx, wait); err != nil {
		return err
	}
	resp, err := c.wa.SendMessage(ctx, to, wmsg, whatsmeow.SendRequestExtra{ID: types.MessageID(msg.ID)})
	if typing {
		c.chatPresence(ctx, to, types.ChatPresencePaused)
	}
	if err != nil {
		err = classifySend(maskErr(fmt.Sprintf("whatsapp: send %s to %s", msg.ID, bot.MaskPhone(msg.Chat)), err))
		log.Warn().Err(err).Msg("send failed; retry with the same id")
		return err
	}
	log.Debug().Time("server_time", resp.Timestamp).Msg("message sent")
	return nil
}

// quotedSender is the author of the message a reply quotes: the other
// person in a direct chat, the remembered sender in a group, else "".
func (c *Client) quotedSender(msg bot.Outbound) string {
	if msg.ReplyTo == "" {
		return ""
	}
	if !strings.HasSuffix(msg.Chat, "@"+types.GroupServer) {
		return msg.Chat
	}
	return c.recent.get(msg.ReplyTo)
}

// typingTime is how long "typing…" shows before a text: long enough to be
// seen, short enough not to slow the market down.
func typingTime(text string) time.Duration {
	d := 500*time.Millisecond + time.Duration(utf8.RuneCountInString(text))*10*time.Millisecond
	return min(d, 2*time.Second)
}

// chatPresence sets our typing state in a chat. Best effort: a typing
// indicator that does not show harms nobody.
func (c *Client) chatPresence(ctx context.Context, to types.JID, state types.ChatPresence) {
	if err := c.wa.SendChatPresence(ctx, to, state, types.ChatPresenceMediaText); err != nil {
		c.logger(ctx).Debug().Err(err).Str("state", string(state)).Msg("could not send chat presence")
	}
}
