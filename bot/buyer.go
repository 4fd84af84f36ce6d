package bot

import (
	"fmt"
	"strings"
	"time"
)

// buyerTurn is one buyer message (or one clock or seller signal for a
// buyer) being handled.
type buyerTurn struct {
	*turn
	in   Inbound
	conv *Conversation
	act  act // what the current step reads
	// began is the state the turn began in: a summary must have been
	// shown before this message for a "ya" to place the order.
	began State

	notes       []string // said before the next question, in order
	changed     bool     // the order form changed: show the cart or summary again
	cartChanged bool     // the items changed
	// unsure: part of this message's items was not understood, so the
	// form does not jump to the summary on it (the buyer sees the cart
	// and what was not understood first).
	unsure bool
	// movedOn: the message went on to the checkout (delivery, address,
	// name, finish); a line question it leaves open was not passed over.
	movedOn bool
	// seenSummary: the message brought back a form whose summary the
	// buyer was reading when the clock emptied it, unchanged since, and
	// says only yes to it — the summary agreed to is the one shown.
	seenSummary bool
}

// note queues a line for this turn's reply.
func (b *buyerTurn) note(s string) { b.notes = append(b.notes, s) }

// handleBuyer runs the buyer conversation for a direct message.
func (e *Engine) handleBuyer(t *turn, in Inbound, conv *Conversation) error {
	if in.SenderPhone != "" {
		conv.Phone = in.SenderPhone
	}
	if in.PushName != "" {
		conv.PushName = in.PushName
	}
	b := &buyerTurn{turn: t, in: in, conv: conv}
	first := len(t.out)
	if err := e.buyerMessage(b); err != nil {
		return err
	}
	if err := e.closedNotice(b, first); err != nil {
		return err
	}
	conv.UpdatedAt = t.now
	return t.tx.SaveConversation(conv)
}

func (e *Engine) buyerMessage(b *buyerTurn) error {
	in := b.in
	switch in.Kind {
	case KindImage, KindVoice, KindSticker, KindMedia:
		if b.conv.State == StateHandover {
			return e.relayToAdmins(b, e.t("handover_media"))
		}
		if !b.conv.Ignored {
			b.conv.Ignored = true
			b.reply(in, e.t("text_only"))
		}
		return nil
	case KindEdit:
		return e.buyerEdit(b)
	}
	return e.converse(b)
}

// converse reads everything the message says and applies it in order, then
// answers once: the notes of each step and the form's next question.
func (e *Engine) converse(b *buyerTurn) error {
	acts := e.readBuyerOnce(b.conv, b.in) // the reading done ahead, when it still holds (readahead.go)
	acts = e.notTwice(b, acts)
	b.began = b.conv.State
	b.seenSummary = onlyRestoreAndYes(acts) && b.conv.Shelf != nil && b.conv.Shelf.Summary && e.pricesHold(b.conv.Shelf.Form.Cart)
	if movesOn(acts) {
		b.movedOn = true
		e.settleLeftBehind(b)
	}
	for _, a := range acts {
		b.act = a
		if a.when != "" {
			b.conv.When = a.when // "ambil jam 9an": shown in the summary and the order's trail
		}
		if a.phone != "" {
			b.conv.Contact = a.phone // the receiver's number: with the address, for the courier only
			b.note(e.t("contact_taken"))
		}
		if err := e.step(b, a.ev); err != nil {
			return err
		}
	}
	if b.conv.State == StateHandover {
		return nil
	}
	if err := e.finishReply(b); err != nil {
		return err
	}
	if b.conv.State == StateIdle {
		return e.nextPending(b)
	}
	return nil
}

// step runs the table's row for ev in the current state: its action, then
// the move to the row's target. It is the only place a conversation's
// state changes.
func (e *Engine) step(b *buyerTurn, ev Event) error {
	from := b.conv.State
	tr, err := Next(from, ev)
	if err != nil {
		if tr, err = Next(from, EvText); err != nil {
			return err
		}
	}
	act, ok := buyerActions[tr.Action]
	if !ok {
		return fmt.Errorf("bot: no action %q", tr.Action)
	}
	if err := act(e, b); err != nil {
		return err
	}
	to := target(tr.To, from, b.conv, e.formRules())
	if tr.To == Form && !formStates[to] {
		return fmt.Errorf("bot: form step %s from %s on %s is not a form state", to, from, ev)
	}
	if tr.To == Same && b.conv.State != from {
		// A nested step (a rating skipped, then the message read afresh)
		// already moved the conversation; keep where it went.
		to = b.conv.State
	}
	b.conv.State = to
	if from != to {
		b.log.Debug().Str("from", string(from)).Str("to", string(to)).Str("event", string(ev)).Msg("conversation moved")
	}
	return nil
}

// fire runs a system event (the clock, a seller's change, an admin) for a
// buyer; its action sends what it has to say.
func (e *Engine) fire(b *buyerTurn, ev Event) error {
	if err := e.step(b, ev); err != nil {
		return err
	}
	if b.conv.State == StateIdle && ev != EvDecision && ev != EvRate {
		return e.nextPending(b)
	}
	return nil
}

// nextPending asks the buyer about the next order waiting for them once
// the conversation is free again. Decisions about orders that moved on are
// dropped first, never asked.
func (e *Engine) nextPending(b *buyerTurn) error {
	if err := e.pruneDecisions(b); err != nil {
		return err
	}
	switch {
	case len(b.conv.Decisions) > 0:
		return e.step(b, EvDecision)
	case b.conv.RateOrder != "":
		return e.step(b, EvRate)
	}
	return nil
}

// closedNotice puts the closed-hours notice (next opening, pre-orders) on
// top of the first answer a buyer gets while the market is closed, once
// per closed period.
func (e *Engine) closedNotice(b *buyerTurn, first int) error {
	if b.conv.State == StateHandover || first >= len(b.out) {
		return nil
	}
	sched, err := e.schedule(b.tx)
	if err != nil {
		return err
	}
	at := b.sentAt()
	if sched.IsOpen(at) {
		return nil
	}
	key := sched.NextOpen(at).Format(time.RFC3339)
	if b.conv.ClosedNotice == key {
		return nil
	}
	b.conv.ClosedNotice = key
	for i := first; i < len(b.out); i++ {
		if b.out[i].Chat != b.conv.Chat {
			continue
		}
		note := sched.ClosedReply(at, e.set.Lang)
		if e.set.PreOrders {
			note += " " + e.t("preorder_possible")
		}
		if !strings.Contains(b.out[i].Text, sched.ClosedReply(at, e.set.Lang)) {
			b.out[i].Text = note + "\n\n" + b.out[i].Text
		}
		return nil
	}
	return nil
}

// sentAt is when the buyer sent the message: a message delayed by a
// reconnect is judged at its own time (never later than now).
func (b *buyerTurn) sentAt() time.Time {
	if b.in.At.IsZero() || b.in.At.After(b.now) {
		return b.now
	}
	return b.in.At
}
