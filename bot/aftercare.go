package bot

import (
	"strconv"
	"strings"
	"time"

	"pasarbot/orders"
)

// askRating queues the once-per-order rating question.
func (e *Engine) askRating(t *turn, o *orders.Order) error {
	c, err := t.tx.Conversation(o.BuyerChat)
	if err != nil {
		return err
	}
	c.RateOrder = o.Code
	b := &buyerTurn{turn: t, in: Inbound{Chat: o.BuyerChat}, conv: c}
	if c.State == StateIdle {
		if err := e.fire(b, EvRate); err != nil {
			return err
		}
	}
	return t.tx.SaveConversation(c)
}

func (e *Engine) actAskRating(b *buyerTurn) error {
	b.send(b.conv.Chat, e.t("ask_rating", b.conv.RateOrder))
	return nil
}

// actRate stores a 1–5 rating (with any words after the number as the
// comment) for the order's seller groups and courier, and completes it.
func (e *Engine) actRate(b *buyerTurn) error {
	if b.act.num < 1 || b.act.num > 5 {
		// Not a rating: the buyer moved on; the rating is skipped.
		b.conv.RateOrder = ""
		b.note(e.t("rating_range"))
		return nil
	}
	return e.saveRating(b, b.act.num, "")
}

func (e *Engine) actRateComment(b *buyerTurn) error {
	fs := strings.Fields(b.in.Text)
	if len(fs) > 0 {
		if n, err := strconv.Atoi(strings.Trim(fs[0], "*⭐.,!")); err == nil && n >= 1 && n <= 5 {
			return e.saveRating(b, n, strings.Join(fs[1:], " "))
		}
	}
	// Not a rating: the buyer moved on. Skip the rating and read the
	// message afresh, as if nothing had been asked.
	b.conv.RateOrder = ""
	asIdle := &Conversation{State: StateIdle, Data: b.conv.Data}
	for _, a := range e.readBuyer(asIdle, b.in) {
		b.act = a
		if err := e.step(b, a.ev); err != nil {
			return err
		}
	}
	return nil
}

func (e *Engine) saveRating(b *buyerTurn, stars int, comment string) error {
	code := b.conv.RateOrder
	b.conv.RateOrder = ""
	o, err := b.tx.Order(code)
	if err != nil || o == nil {
		return err
	}
	for _, s := range o.Subs {
		if s.Status == orders.Delivered {
			if err := b.tx.AddRating(code, "group:"+s.Group, stars, comment, b.now); err != nil {
				return err
			}
		}
	}
	if o.Courier != "" {
		if err := b.tx.AddRating(code, "courier:"+o.Courier, stars, comment, b.now); err != nil {
			return err
		}
	}
	if o.Status == orders.Delivered {
		if err := o.SetStatus(orders.Completed, "buyer", "rated", b.now); err != nil {
			return err
		}
		if err := b.tx.SaveOrder(o); err != nil {
			return err
		}
	}
	b.note(e.t("thanks_rating"))
	return nil
}

// Human handover: the buyer talks to an admin through the market number.

func (e *Engine) actStartHandover(b *buyerTurn) error {
	b.conv.Handover = true
	who := firstNonEmpty(b.conv.PushName, e.mask(b.conv.Phone))
	e.toAdmins(b.turn, e.t("admin_handover", who, b.conv.Phone, b.conv.Phone))
	b.reply(b.in, e.t("handover_started"))
	return e.armHandover(b.turn, b.conv.Chat)
}

// armHandover (re)starts the handover's idle clock: a handover with no
// message either way for orders.handover_idle ends by itself.
func (e *Engine) armHandover(t *turn, chat string) error {
	idle := e.set.HandoverIdle
	if idle <= 0 {
		idle = 30 * time.Minute
	}
	return t.tx.SetTimer(timerHandover, chat, t.now.Add(idle))
}

func (e *Engine) actRelayToAdmins(b *buyerTurn) error {
	if err := e.armHandover(b.turn, b.conv.Chat); err != nil {
		return err
	}
	return e.relayToAdmins(b, b.in.Text)
}

func (e *Engine) relayToAdmins(b *buyerTurn, text string) error {
	who := firstNonEmpty(b.conv.PushName, e.mask(b.conv.Phone))
	// The buyer's words reach the admins as one quoted line, like any
	// relayed text, so they cannot pass for the bot's own lines.
	e.toAdmins(b.turn, e.t("admin_relay", oneLine(who, 60), b.conv.Phone, "“"+oneLine(text, 1000)+"”"))
	return nil
}

func (e *Engine) actEndHandover(b *buyerTurn) error {
	b.conv.Handover = false
	if err := b.tx.ClearTimer(timerHandover, b.conv.Chat); err != nil {
		return err
	}
	msg := e.t("handover_ended")
	if b.act.kind == "idle" {
		msg = e.t("handover_timed_out")
		who := firstNonEmpty(b.conv.PushName, e.mask(b.conv.Phone))
		e.toAdmins(b.turn, e.t("admin_handover_timed_out", who))
	}
	b.send(b.conv.Chat, msg)
	return nil
}

func (e *Engine) actEndHandoverIdle(b *buyerTurn) error {
	b.act.kind = "idle"
	return e.actEndHandover(b)
}

// Idle carts: a reminder, then the cart is cleared.

func (e *Engine) actRemindIdle(b *buyerTurn) error {
	if b.conv.Reminded || len(b.conv.Cart) == 0 {
		return nil
	}
	b.conv.Reminded = true
	b.send(b.conv.Chat, e.t("idle_reminder")+"\n\n"+e.cartText(b.conv))
	return b.tx.SetTimer(timerCartExpire, b.conv.Chat, b.now.Add(e.set.CartIdle))
}

func (e *Engine) actExpireCart(b *buyerTurn) error {
	if len(b.conv.Cart) == 0 && len(b.conv.Questions) == 0 {
		return nil
	}
	shelve(b.conv, true, b.now)
	e.clearForm(b.conv)
	if b.act.kind != "quiet" {
		b.send(b.conv.Chat, e.t("cart_expired"))
	}
	return nil
}

// buyerEdit: an edited message replaces what it added while the cart is
// still open; later edits are answered, not executed.
func (e *Engine) buyerEdit(b *buyerTurn) error {
	switch b.conv.State {
	case StateCart, StateClarify, StateIdle:
	default:
		b.note(e.t("edit_too_late"))
		return nil
	}
	var kept []CartLine
	removed := false
	for _, l := range b.conv.Cart {
		if l.From == b.in.EditOf && l.From != "" {
			removed = true
			continue
		}
		kept = append(kept, l)
	}
	b.in.Kind = KindText
	if removed {
		b.conv.Cart = kept
		b.in.ID = b.in.EditOf
	}
	// The new text is read as a message (the old lines are gone).
	return e.converse(b)
}

// endHandoverFor is the admin's SELESAI CS; chat "" ends the only
// handover in progress.
func (e *Engine) endHandoverFor(t *turn, chat string) (bool, error) {
	if chat == "" {
		cs, err := t.tx.ConversationsIn(StateHandover)
		if err != nil || len(cs) != 1 {
			return false, err
		}
		chat = cs[0].Chat
	}
	c, err := t.tx.Conversation(chat)
	if err != nil {
		return false, err
	}
	if c.State != StateHandover {
		return false, nil
	}
	b := &buyerTurn{turn: t, in: Inbound{Chat: c.Chat}, conv: c}
	if err := e.fire(b, EvHandoverEnd); err != nil {
		return false, err
	}
	return true, t.tx.SaveConversation(c)
}
