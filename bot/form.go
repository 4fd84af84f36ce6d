package bot

import (
	"strings"

	"pasarbot/orders"
)

// The order form. Its slots, in the order the bot asks for what is missing:
//
//	slot      filled by                                           asked in
//	items     any message naming products (and answers to         clarify (a line needs a
//	          "which one?" / "how much?")                          choice or a quantity)
//	ready     a finish word, a delivery choice or an address       cart ("mau tambah lagi?")
//	          given with or after the items
//	delivery  antar / ambil words, an address (implies antar)      delivery (only when the
//	                                                               market offers self pickup)
//	address   an address line (jl., gg., RT, a zone name …),       address
//	          "alamat kemarin", a pin
//	name      "atas nama …", "buat Bu …", the start of an          name (only when neither the
//	          address line, the last order, the WhatsApp name      buyer nor WhatsApp gave one)
//	confirm   "ya" to the summary                                  confirm
//
// Whatever the buyer gave is kept and never asked again; a change after the
// summary re-opens the form and the new summary is shown.

// formStep is the state that asks for the first missing slot.
func formStep(c *Conversation, selfPickup bool) State {
	switch {
	case len(c.Questions) > 0:
		return StateClarify
	case len(c.Cart) == 0:
		return StateIdle
	case !c.Ready:
		return StateCart
	case c.Delivery == "" && selfPickup:
		return StateDelivery
	case c.Delivery != orders.Ambil && c.Address == "":
		return StateAddress
	case c.Name == "":
		return StateName
	}
	return StateConfirm
}

// prompt is what the bot says to ask for the form's next step in state s.
// It is "" where nothing is asked (idle).
func (e *Engine) prompt(b *buyerTurn, s State, full bool) string {
	c := b.conv
	switch s {
	case StateClarify:
		if full && len(c.Cart) > 0 {
			return e.cartText(c) + "\n\n" + c.Questions[0].Text
		}
		return c.Questions[0].Text
	case StateCart:
		if full {
			return e.cartText(c) + "\n\n" + e.t("cart_next")
		}
		return e.t("cart_next")
	case StateDelivery:
		return e.t("ask_delivery")
	case StateAddress:
		if c.LastAddress != "" {
			return e.t("ask_last_address", c.LastName, c.LastAddress)
		}
		return e.t("ask_address")
	case StateName:
		return e.t("ask_name")
	case StateConfirm:
		return e.receiptText(c)
	}
	// idle asks nothing; decide, rating and handover speak in their actions.
	return ""
}

// finishReply puts the turn's notes and the next question together, and
// keeps a question from being asked again and again: the second time in a
// row it says how to get out; the third time a line question is skipped
// (the trader moves on) and other questions offer a person.
func (e *Engine) finishReply(b *buyerTurn) error {
	var parts []string
	for _, n := range b.notes {
		if n = strings.TrimSpace(n); n != "" {
			parts = append(parts, n)
		}
	}
	s := b.conv.State
	// After a digression only the question itself is repeated; after a
	// change to the form the cart (or summary) shows what changed.
	ask := e.prompt(b, s, b.changed || len(parts) == 0)
	if s == StateCart && !b.changed && len(parts) > 0 {
		ask = e.t("cart_next")
	}
	if ask == "" {
		b.conv.LastPrompt, b.conv.Repeats = "", 0
	} else {
		key := string(s) + "|" + ask
		if key == b.conv.LastPrompt && !b.changed {
			b.conv.Repeats++
		} else {
			b.conv.Repeats = 0
		}
		b.conv.LastPrompt = key
		switch {
		case b.conv.Repeats == 1:
			ask += "\n\n" + e.t("way_out")
		case b.conv.Repeats >= 2 && s == StateClarify:
			said := b.conv.Questions[0].Said
			if err := e.step(b, EvSkip); err != nil {
				return err
			}
			parts = append(parts, e.t("question_dropped", said))
			ask = e.prompt(b, b.conv.State, true)
			b.conv.LastPrompt, b.conv.Repeats = string(b.conv.State)+"|"+ask, 0
		case b.conv.Repeats >= 2:
			ask = e.t("stuck_offer_human") + "\n\n" + ask
			b.conv.Repeats = 0
		}
		if ask != "" {
			parts = append(parts, ask)
		}
	}
	if len(parts) > 0 {
		b.reply(b.in, strings.Join(parts, "\n\n"))
	}
	return nil
}
