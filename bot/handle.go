package bot

import (
	"strings"
	"unicode"
)

// Process handles a message already stored in the inbox (by Accept) and
// marks it processed, all in tx.
func (e *Engine) Process(tx Tx, in Inbound) error {
	now := e.clock.Now()
	if err := e.loadCatalog(tx); err != nil {
		return err
	}
	t := e.newTurn(tx, in.ID, now)
	t.log = e.log.With().Str("chat", MaskPhone(in.Chat)).Str("message_id", in.ID).Logger()
	in.Text = cleanText(in.Text)
	if err := e.route(t, in); err != nil {
		return err
	}
	if err := t.flush(); err != nil {
		return err
	}
	return tx.MarkProcessed(in.ID, now)
}

// cleanText strips control characters (keeping new lines and tabs) and
// surrounding space, so no invisible text reaches a parser or another chat.
func cleanText(s string) string {
	if s == "" {
		return s
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || r == '\u200b' || r == '\u200e' || r == '\u200f' || r == '\ufeff' {
			return -1
		}
		return r
	}, s))
}

// route sends a message to the party it comes from: a group (seller or
// courier), an admin, a courier, or a buyer.
func (e *Engine) route(t *turn, in Inbound) error {
	switch in.Kind {
	case KindReaction, KindRevoke:
		return nil // nothing to act on
	}
	for _, who := range blockKeys(in) {
		blocked, err := e.isBlocked(t.tx, who)
		if err != nil {
			return err
		}
		if blocked {
			t.log.Info().Msg("message from blocked sender ignored")
			return nil
		}
	}
	// The limiter runs before anything answers: a flood of any message
	// (oversized ones included) gets one notice per window, not one reply each.
	if over, err := e.limit(t, in); over || err != nil {
		return err
	}
	if len(in.Text) > e.set.MaxMessageBytes && e.set.MaxMessageBytes > 0 {
		t.reply(in, e.t("too_long"))
		return nil
	}
	if done, err := e.handlePayment(t, in); done || err != nil {
		return err
	}
	if in.IsGroup {
		return e.handleGroup(t, in)
	}
	if late := t.now.Sub(in.At); e.set.HistoryWindow > 0 && !in.At.IsZero() && late > e.set.HistoryWindow {
		// Offline backlog: acting on an old message now (a cart, a "ya")
		// would surprise the buyer; say so instead.
		t.log.Info().Dur("late", late).Msg("late message not acted on")
		if in.Kind == KindText || in.Kind == KindLocation {
			t.reply(in, e.t("late_message", e.clockText(in.At)))
		}
		return nil
	}
	if e.isAdmin(in.SenderPhone) {
		if done, err := e.handleAdmin(t, in); done || err != nil {
			return err
		}
	}
	conv, err := t.tx.Conversation(in.Chat)
	if err != nil {
		return err
	}
	if done, err := e.handleCourierDirect(t, in); done || err != nil {
		if err == nil {
			err = t.tx.SaveConversation(conv)
		}
		return err
	}
	if err := e.handleBuyer(t, in, conv); err != nil {
		return err
	}
	return e.keepIdleTimer(t, conv)
}

// keepIdleTimer restarts a cart's idle clock after each buyer message
// while a cart is being filled (the checkout steps arm it themselves), so
// an abandoned cart is reminded once and then expires as orders.cart_idle
// says, instead of lingering until a closing.
func (e *Engine) keepIdleTimer(t *turn, c *Conversation) error {
	if len(c.Cart) == 0 || (c.State != StateCart && c.State != StateClarify) {
		return nil
	}
	c.Reminded = false
	if err := t.tx.ClearTimer(timerCartExpire, c.Chat); err != nil {
		return err
	}
	if err := t.tx.SetTimer(timerCartIdle, c.Chat, t.now.Add(e.set.CartIdle)); err != nil {
		return err
	}
	return t.tx.SaveConversation(c)
}

// words splits text into lower-case words for command reading.
func words(s string) []string {
	return strings.Fields(strings.ToLower(s))
}

// firstWord is the lower-cased first word and the rest of the text.
func firstWord(s string) (string, string) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return strings.ToLower(s), ""
	}
	return strings.ToLower(s[:i]), strings.TrimSpace(s[i:])
}

// isBlocked checks the blocklist, cached in memory: it is asked for every
// message and changes only through BLOKIR.
func (e *Engine) isBlocked(tx Tx, phone string) (bool, error) {
	if e.blocked == nil {
		list, err := tx.BlockedPhones()
		if err != nil {
			return false, err
		}
		e.blocked = make(map[string]bool, len(list))
		for _, p := range list {
			e.blocked[p] = true
		}
	}
	return e.blocked[phone], nil
}

// blockKeys are the identities a blocklist entry may name for in's sender:
// the phone number, and the hidden (LID) id for senders WhatsApp shows
// without a number.
func blockKeys(in Inbound) []string {
	var keys []string
	if in.SenderPhone != "" {
		keys = append(keys, in.SenderPhone)
	}
	if lid := bareJID(in.SenderLID); lid != "" {
		keys = append(keys, lid)
	}
	if !in.IsGroup && strings.HasSuffix(in.Chat, "@lid") {
		keys = append(keys, bareJID(in.Chat))
	}
	return keys
}

// bareJID drops a device suffix: "123:4@lid" → "123@lid".
func bareJID(j string) string {
	user, server, ok := strings.Cut(j, "@")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(user, ":."); i >= 0 {
		user = user[:i]
	}
	return user + "@" + server
}
