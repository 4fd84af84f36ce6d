package bot

import (
	"fmt"
	"strings"
	"time"

	"pasarbot/bot/parse"
)

// buyerTurn is one buyer message being handled.
type buyerTurn struct {
	*turn
	in     Inbound
	conv   *Conversation
	parsed *parse.Result // set when the text was parsed for items
	arg    string        // what a remove/change/address event carries
	num    int           // the number of an EvNumber
}

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
	if b.conv.State != StateHandover {
		if done, err := e.buyerAnyTime(b); done || err != nil {
			return err
		}
	}
	ev := e.classify(b)
	return e.fire(b, ev)
}

// fire runs the transition for ev and its action.
func (e *Engine) fire(b *buyerTurn, ev Event) error {
	tr, err := Next(b.conv.State, ev)
	if err != nil {
		// Every state takes EvText; other events fall back to it.
		if tr, err = Next(b.conv.State, EvText); err != nil {
			return err
		}
	}
	act, ok := buyerActions[tr.Action]
	if !ok {
		return fmt.Errorf("bot: no action %q", tr.Action)
	}
	from := b.conv.State
	b.conv.State = tr.To
	if err := act(e, b); err != nil {
		return err
	}
	// A cart change that leaves questions pending ends in the cart: the
	// table's cart/question row takes the chat (back) to clarify.
	if (b.conv.State == StateClarify || b.conv.State == StateCart) && len(b.conv.Questions) > 0 && ev != EvQuestion && tr.To != StateClarify {
		b.conv.State = StateCart
		return e.fire(b, EvQuestion)
	}
	if from != b.conv.State {
		b.log.Debug().Str("from", string(from)).Str("to", string(b.conv.State)).Str("event", string(ev)).Msg("conversation moved")
	}
	if b.conv.State == StateIdle {
		return e.nextPending(b)
	}
	return nil
}

// nextPending asks the buyer about the next order waiting for them once
// the conversation is free again.
func (e *Engine) nextPending(b *buyerTurn) error {
	switch {
	case len(b.conv.Decisions) > 0:
		return e.fire(b, EvDecision)
	case b.conv.RateOrder != "":
		return e.fire(b, EvRate)
	}
	return nil
}

// classify turns the buyer's text into an event for the current state.
func (e *Engine) classify(b *buyerTurn) Event {
	in := b.in
	if in.Kind == KindLocation && in.Location != nil {
		return EvLocation
	}
	s := norm(in.Text)
	st := b.conv.State
	if st == StateHandover {
		return EvText
	}
	if isPhrase(cancelWords, s) {
		return EvCancel
	}
	if n, ok := number(s); ok && (st == StateClarify || st == StateDelivery || st == StateDecide || st == StateRating) {
		b.num = n
		return EvNumber
	}
	if st == StateRating {
		return EvText
	}
	if isPhrase(yesWords, s) {
		return EvYes
	}
	if isPhrase(noWords, s) {
		return EvNo
	}
	// "oke 85 ribu", "ya deal", "nggak jadi deh": in a yes/no state the
	// first word carries the answer.
	if st == StateDecide || st == StateConfirm {
		if w, _ := firstWord(s); yesWords[w] && !offerRe.MatchString(s) {
			return EvYes
		} else if noWords[w] {
			return EvNo
		}
	}
	if st == StateDelivery {
		switch {
		case isPhrase(antarWords, s):
			return EvAntar
		case isPhrase(ambilWords, s):
			return EvAmbil
		}
	}
	if st == StateAddress && !addRe.MatchString(s) && !removeRe.MatchString(s) && !changeRe.MatchString(s) {
		b.arg = strings.TrimSpace(in.Text)
		return EvText
	}
	if isPhrase(checkoutWords, s) && len(b.conv.Cart) > 0 {
		return EvCheckout
	}
	if isPhrase(cartWords, s) {
		return EvShowCart
	}
	if reorderRe.MatchString(s) {
		return EvReorder
	}
	if m := changeRe.FindStringSubmatch(s); m != nil {
		b.arg = m[2] + " " + m[4]
		return EvChange
	}
	if m := removeRe.FindStringSubmatch(s); m != nil && len(b.conv.Cart) > 0 {
		b.arg = m[2]
		return EvRemove
	}
	text := in.Text
	if m := addRe.FindStringSubmatch(strings.ToLower(strings.TrimSpace(text))); m != nil {
		text = m[2]
	}
	// A burst or a long message may end with "itu aja": items, then checkout.
	text, checkout := trimCheckout(text)
	r := e.parser.Parse(text)
	if len(r.Items) > 0 || len(r.Questions) > 0 || len(r.Unknown) > 0 && looksLikeOrder(text) || r.TooLong {
		b.parsed = &r
		if checkout && len(r.Questions) == 0 && len(r.Unknown) == 0 {
			b.arg = "checkout"
		}
		return EvItems
	}
	if checkout && len(b.conv.Cart) > 0 {
		return EvCheckout
	}
	return EvText
}

// trimCheckout removes a final "itu aja"-style line from a multi-line turn.
func trimCheckout(text string) (string, bool) {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) > 1 && isPhrase(checkoutWords, norm(lines[len(lines)-1])) {
		return strings.Join(lines[:len(lines)-1], "\n"), true
	}
	return text, false
}

// looksLikeOrder is true for texts that read like an attempt to order
// something the catalog does not know ("pesan durian 2"), so the buyer gets
// suggestions instead of the generic help.
func looksLikeOrder(text string) bool {
	s := strings.ToLower(text)
	for _, w := range []string{"pesan", "beli", "mau", "order", "minta", "ada", "kg", "kilo", "ons", "ikat", "ekor", "biji"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return strings.IndexAny(s, "0123456789") >= 0
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
