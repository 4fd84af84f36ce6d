package bot

import (
	"strings"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// buyerActions maps the transition table's action names to code.
var buyerActions map[Action]func(*Engine, *buyerTurn) error

func init() {
	buyerActions = map[Action]func(*Engine, *buyerTurn) error{
		"add_items":        (*Engine).actAddItems,
		"reorder":          (*Engine).actReorder,
		"show_cart":        (*Engine).actShowCart,
		"remove_item":      (*Engine).actRemove,
		"change_item":      (*Engine).actChange,
		"fallback":         (*Engine).actFallback,
		"ask_delivery":     (*Engine).actAskDelivery,
		"remind_idle":      (*Engine).actRemindIdle,
		"expire_cart":      (*Engine).actExpireCart,
		"answer_choice":    (*Engine).actAnswerChoice,
		"answer_qty":       (*Engine).actAnswerQty,
		"confirm_question": (*Engine).actConfirmQuestion,
		"reask":            (*Engine).actReask,
		"skip_question":    (*Engine).actSkipQuestion,
		"ask_address":      (*Engine).actAskAddress,
		"self_pickup":      (*Engine).actSelfPickup,
		"choose_delivery":  (*Engine).actChooseDelivery,
		"take_address":     (*Engine).actTakeAddress,
		"take_pin":         (*Engine).actTakePin,
		"use_last_address": (*Engine).actUseLastAddress,
		"ask_new_address":  (*Engine).actAskNewAddress,
		"place_order":      (*Engine).actPlaceOrder,
		"accept_decision":  (*Engine).actAcceptDecision,
		"refuse_decision":  (*Engine).actRefuseDecision,
		"number_decision":  (*Engine).actNumberDecision,
		"ask_decision":     (*Engine).actAskDecision,
		"rate":             (*Engine).actRate,
		"rate_comment":     (*Engine).actRateComment,
		"ask_rating":       (*Engine).actAskRating,
		"relay_to_admins":  (*Engine).actRelayToAdmins,
		"start_handover":   (*Engine).actStartHandover,
		"end_handover":     (*Engine).actEndHandover,
		"cancel_cart":      (*Engine).actCancelCart,
		"nothing":          func(*Engine, *buyerTurn) error { return nil },
	}
}

// actAddItems puts parsed items into the cart and asks what is unclear.
func (e *Engine) actAddItems(b *buyerTurn) error {
	r := b.parsed
	if r == nil {
		pr := e.parser.Parse(b.in.Text)
		r = &pr
	}
	if r.TooLong {
		b.conv.State = stateAfterCart(b.conv)
		b.reply(b.in, e.t("too_long"))
		return nil
	}
	if r.PriceQuery {
		b.conv.State = stateAfterCart(b.conv)
		b.reply(b.in, e.priceAnswer(r))
		return nil
	}
	var notes []string
	for _, it := range r.Items {
		notes = append(notes, e.addLine(b.conv, it, b.in.ID)...)
	}
	for _, q := range r.Questions {
		b.conv.Questions = append(b.conv.Questions, toQuestion(q))
	}
	var msg strings.Builder
	for _, u := range r.Unknown {
		msg.WriteString(e.unknownText(u))
		msg.WriteString("\n")
	}
	for _, n := range notes {
		msg.WriteString(n + "\n")
	}
	checkout := b.arg == "checkout" && len(r.Unknown) == 0 && len(b.conv.Questions) == 0 && len(b.conv.Cart) > 0
	if !checkout {
		return e.replyCart(b, &msg, len(r.Items) > 0)
	}
	b.reply(b.in, msg.String()+e.cartText(b.conv))
	b.conv.State = StateDelivery
	return e.actAskDelivery(b)
}

// replyCart ends a cart change: the next question when a line still needs
// an answer (after the cart when showCart), else the cart and what to do
// next. msg holds notes to put first.
func (e *Engine) replyCart(b *buyerTurn, msg *strings.Builder, showCart bool) error {
	if len(b.conv.Questions) > 0 {
		b.conv.State = StateClarify
		if showCart && len(b.conv.Cart) > 0 {
			msg.WriteString(e.cartText(b.conv) + "\n\n")
		}
		msg.WriteString(b.conv.Questions[0].Text)
		b.reply(b.in, msg.String())
		return nil
	}
	b.conv.State = stateAfterCart(b.conv)
	if len(b.conv.Cart) == 0 {
		msg.WriteString(e.t("cart_empty_hint"))
		b.reply(b.in, msg.String())
		return nil
	}
	msg.WriteString(e.cartText(b.conv) + "\n\n" + e.t("cart_next"))
	b.reply(b.in, msg.String())
	return nil
}

// stateAfterCart is cart when something is in it, else idle.
func stateAfterCart(c *Conversation) State {
	if len(c.Questions) > 0 {
		return StateClarify
	}
	if len(c.Cart) > 0 {
		return StateCart
	}
	return StateIdle
}

// addLine adds one parsed item, merging with the same product already in
// the cart, and returns notes for the buyer (sold out, by-money rounding).
func (e *Engine) addLine(c *Conversation, it parse.Item, from string) []string {
	p, ok := e.bySKU[it.SKU]
	if !ok {
		return nil
	}
	if !p.Available {
		return []string{e.t("sold_out", p.Name)}
	}
	line := CartLine{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Group: p.Group, Qty: it.Qty, Price: p.Price,
		Amount: it.Amount, Note: it.Note, SoldOut: soldOutChoice(it.Note), From: from}
	if line.Qty <= 0 {
		return []string{e.t("amount_too_small", p.Name, catalog.Rupiah(it.Amount))}
	}
	for i := range c.Cart {
		l := &c.Cart[i]
		if l.SKU == line.SKU && l.Amount == 0 && line.Amount == 0 {
			if key, args := e.checkLineLimits(c.Cart, i, p, line.Qty, 0); key != "" {
				return []string{e.t(key, args...)}
			}
			l.Qty += line.Qty
			if line.Note != "" {
				l.Note = strings.TrimSpace(l.Note + "; " + line.Note)
			}
			return nil
		}
	}
	if key, args := e.checkLineLimits(c.Cart, -1, p, line.Qty, line.Amount); key != "" {
		return []string{e.t(key, args...)}
	}
	c.Cart = append(c.Cart, line)
	return nil
}

// soldOutChoice reads the buyer's sold-out wish from a line note
// ("kalau habis ganti aja", "kalau ga ada skip").
func soldOutChoice(note string) orders.SoldOut {
	n := strings.ToLower(note)
	if !strings.Contains(n, "habis") && !strings.Contains(n, "ga ada") && !strings.Contains(n, "gak ada") && !strings.Contains(n, "tidak ada") {
		return orders.SoldOutAsk
	}
	switch {
	case strings.Contains(n, "ganti") || strings.Contains(n, "yang mirip") || strings.Contains(n, "sejenis"):
		return orders.SoldOutSubstitute
	case strings.Contains(n, "skip") || strings.Contains(n, "ga usah") || strings.Contains(n, "gak usah") || strings.Contains(n, "tidak usah") || strings.Contains(n, "lewati"):
		return orders.SoldOutSkip
	}
	return orders.SoldOutAsk
}

// toQuestion keeps what is needed to apply the buyer's answer later: the
// products in question and any quantity or amount already said.
func toQuestion(q parse.Question) Question {
	out := Question{Kind: string(q.Kind), Said: q.Said, Text: q.Text, Qty: q.Qty, Amount: q.Amount}
	if q.QtyText != "" {
		if qty, unit, ok := parse.ParseQuantity(q.QtyText); ok {
			out.Qty, out.Unit = qty, unit
		} else if amt, ok := parse.ParseMoney(q.QtyText); ok {
			out.Amount = amt
		}
	}
	for _, p := range q.Choices {
		out.Choices = append(out.Choices, p.SKU)
	}
	if len(out.Choices) == 0 && q.Product != nil {
		out.Choices = []string{q.Product.SKU}
	}
	return out
}

func (e *Engine) unknownText(u parse.Unknown) string {
	if len(u.Suggestions) == 0 {
		return e.t("unknown_item", u.Said)
	}
	var names []string
	for _, p := range u.Suggestions {
		names = append(names, p.Name)
	}
	return e.t("unknown_item_suggest", u.Said, strings.Join(names, ", "))
}

func (e *Engine) actShowCart(b *buyerTurn) error {
	if len(b.conv.Cart) == 0 {
		b.conv.State = StateIdle
		b.reply(b.in, e.t("cart_empty"))
		return nil
	}
	b.conv.State = StateCart
	b.reply(b.in, e.cartText(b.conv)+"\n\n"+e.nextStep(b))
	return nil
}

// nextStep is what the buyer should do after a cart change: answer the
// pending question, or add more / check out.
func (e *Engine) nextStep(b *buyerTurn) string {
	if len(b.conv.Questions) > 0 {
		return b.conv.Questions[0].Text
	}
	return e.t("cart_next")
}

// findCartLine matches the buyer's words against the cart's products.
func (e *Engine) findCartLine(c *Conversation, words string) int {
	cands := e.index.Match(words)
	for _, cand := range cands {
		for i, l := range c.Cart {
			if l.SKU == cand.Product.SKU {
				return i
			}
		}
	}
	w := catalog.Normalize(words)
	for i, l := range c.Cart {
		if strings.Contains(catalog.Normalize(l.Name), w) && w != "" {
			return i
		}
	}
	return -1
}

func (e *Engine) actRemove(b *buyerTurn) error {
	b.conv.State = StateCart
	i := e.findCartLine(b.conv, b.arg)
	if i < 0 {
		b.reply(b.in, e.t("not_in_cart", b.arg)+"\n\n"+e.cartText(b.conv))
		return nil
	}
	name := b.conv.Cart[i].Name
	b.conv.Cart = append(b.conv.Cart[:i], b.conv.Cart[i+1:]...)
	if len(b.conv.Cart) == 0 && len(b.conv.Questions) == 0 {
		b.conv.State = StateIdle
		b.reply(b.in, e.t("removed_now_empty", name))
		return nil
	}
	if len(b.conv.Cart) == 0 {
		b.reply(b.in, e.t("removed", name)+"\n\n"+e.nextStep(b))
		return nil
	}
	b.reply(b.in, e.t("removed", name)+"\n\n"+e.cartText(b.conv)+"\n\n"+e.nextStep(b))
	return nil
}

// actChange sets a cart line to a new quantity ("kurangi cabe jadi 1/4").
func (e *Engine) actChange(b *buyerTurn) error {
	b.conv.State = stateAfterCart(b.conv)
	r := e.parser.Parse(b.arg)
	if len(r.Items) != 1 {
		b.reply(b.in, e.t("change_how"))
		return nil
	}
	it := r.Items[0]
	for i := range b.conv.Cart {
		l := &b.conv.Cart[i]
		if l.SKU == it.SKU {
			l.Qty, l.Amount = it.Qty, it.Amount
			b.reply(b.in, e.t("changed", l.Name)+"\n\n"+e.cartText(b.conv)+"\n\n"+e.nextStep(b))
			return nil
		}
	}
	b.reply(b.in, e.t("not_in_cart", it.Name)+"\n\n"+e.cartText(b.conv))
	return nil
}

func (e *Engine) actFallback(b *buyerTurn) error {
	if len(b.conv.Cart) > 0 {
		b.reply(b.in, e.t("fallback_cart")+"\n\n"+e.cartText(b.conv))
		return nil
	}
	b.reply(b.in, e.t("fallback_idle", e.set.MarketName))
	return nil
}

func (e *Engine) actReask(b *buyerTurn) error {
	switch b.conv.State {
	case StateClarify:
		if len(b.conv.Questions) > 0 {
			b.reply(b.in, b.conv.Questions[0].Text)
			return nil
		}
		b.conv.State = stateAfterCart(b.conv)
	case StateDelivery:
		b.reply(b.in, e.t("ask_delivery"))
		return nil
	case StateConfirm:
		b.reply(b.in, e.t("confirm_how"))
		return nil
	case StateDecide:
		if len(b.conv.Decisions) > 0 {
			b.reply(b.in, e.t("decide_how"))
			return nil
		}
		b.conv.State = StateIdle
	}
	return e.actFallback(b)
}

func (e *Engine) actCancelCart(b *buyerTurn) error {
	had := len(b.conv.Cart) > 0
	b.conv.Cart, b.conv.Questions, b.conv.PreOrder = nil, nil, false
	b.conv.Reminded = false
	if err := b.tx.ClearTimer(timerCartIdle, b.conv.Chat); err != nil {
		return err
	}
	if had {
		b.reply(b.in, e.t("cart_cancelled"))
	} else {
		b.reply(b.in, e.t("nothing_to_cancel"))
	}
	return nil
}

// actReorder fills the cart with the buyer's last delivered order at
// today's prices.
func (e *Engine) actReorder(b *buyerTurn) error {
	os, err := b.tx.OrdersOf(b.conv.Chat, 20)
	if err != nil {
		return err
	}
	for _, o := range os {
		if o.Status != orders.Delivered && o.Status != orders.Completed {
			continue
		}
		var skipped []string
		for _, l := range o.Lines {
			p, ok := e.bySKU[l.SKU]
			if !ok || !p.Available {
				skipped = append(skipped, l.Name)
				continue
			}
			e.addLine(b.conv, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: l.Qty, Note: l.Note}, b.in.ID)
		}
		b.conv.State = stateAfterCart(b.conv)
		msg := e.t("reordered", o.Code)
		if len(skipped) > 0 {
			msg += "\n" + e.t("reorder_skipped", strings.Join(skipped, ", "))
		}
		b.reply(b.in, msg+"\n\n"+e.cartText(b.conv)+"\n\n"+e.t("cart_next"))
		return nil
	}
	b.conv.State = stateAfterCart(b.conv)
	b.reply(b.in, e.t("no_last_order"))
	return nil
}
