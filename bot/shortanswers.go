package bot

// Short answers where nothing in particular was asked: finish words, a
// stray yes or no, and what nothing else understood.

// actFallback answers a message nothing in it was understood.
func (e *Engine) actFallback(b *buyerTurn) error {
	switch b.conv.State {
	case StateIdle:
		if len(b.conv.Cart) == 0 {
			if b.conv.LastPrompt == "welcome_intro" || formStarted(b.conv) {
				// Told what this number is just before: say how to go on
				// instead of the same introduction again.
				b.note(e.t("not_understood_idle"))
				return nil
			}
			b.note(e.t("fallback_idle", e.set.MarketName))
			b.conv.LastPrompt = "welcome_intro"
			return nil
		}
	case StateCart:
		b.note(e.t("fallback_cart"))
		return nil
	}
	b.note(e.t("not_understood"))
	return nil
}

// formStarted: the buyer gave a delivery choice, an address or a name
// before any item — the market was introduced, the order is under way.
func formStarted(c *Conversation) bool {
	return c.Delivery != "" || c.Address != "" || c.Name != ""
}

// actFinish is "itu aja": the buyer is done adding items.
func (e *Engine) actFinish(b *buyerTurn) error {
	if len(b.conv.Cart) == 0 && len(b.conv.Questions) == 0 {
		b.note(e.t("cart_empty"))
		return nil
	}
	if b.unsure {
		b.note(e.t("check_cart_first"))
		return e.fillName(b)
	}
	b.conv.Ready = true
	return e.fillName(b)
}

// fillName takes the name from the last order or WhatsApp when the buyer
// has not given one.
func (e *Engine) fillName(b *buyerTurn) error {
	if b.conv.Name == "" {
		b.conv.Name = firstNonEmpty(b.conv.LastName, b.conv.PushName)
	}
	return e.armIdle(b)
}

// actYesNothingAsked: "ya" where no yes/no question is open.
func (e *Engine) actYesNothingAsked(b *buyerTurn) error {
	switch b.conv.State {
	case StateIdle:
		switch {
		case len(b.conv.Cart) > 0:
		case formStarted(b.conv):
			b.note(e.t("noted_what_to_order")) // "iya gpp ongkirnya segitu" after the address
		default:
			b.note(e.t("fallback_idle", e.set.MarketName))
		}
	case StateDelivery:
		b.note(e.t("delivery_which"))
	}
	return nil
}

// actNoNothingAsked: "nggak" where no yes/no question is open; in the cart
// it answers "mau tambah lagi?" (no: that's all).
func (e *Engine) actNoNothingAsked(b *buyerTurn) error {
	if b.conv.State == StateCart {
		return e.actFinish(b)
	}
	return e.actYesNothingAsked(b)
}
