package bot

import (
	"time"

	"strings"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// buyerOffer relays a buyer's price offer ("tawar 80rb") for a sub-order
// waiting for sellers or in negotiation, within the market's rules.
func (e *Engine) buyerOffer(b *buyerTurn, amount int64) (bool, error) {
	o, s, answered, err := e.offerTarget(b)
	if err != nil || answered {
		return answered, err
	}
	if o == nil {
		return false, nil
	}
	if amount > 10*s.AgreedTotal {
		// "86 juta" for a Rp90.000 order is slang for ribu: read it the
		// spoken way below, which asks before using it.
		amount = 0
	}
	if amount == 0 {
		// "tawar enam lima": thousands unsaid, read against the price.
		if words := spokenOffer(b.in.Text); words != "" {
			if v, ambiguous, ok := parse.ParseSpokenPrice(words, s.AgreedTotal); ok {
				if ambiguous {
					b.note(e.t("offer_confirm_amount", catalog.Rupiah(v), v/1000))
					return true, nil
				}
				amount = v
			}
		}
	}
	if amount == 0 {
		// "kurangin dikit dong": ask for a number rather than guess one.
		b.note(e.t("offer_how", o.Code, catalog.Rupiah(s.AgreedTotal)))
		return true, nil
	}
	// Shortened thousands: "tawar 80" means Rp80.000 for an order of that size.
	if amount < 1000 && s.AgreedTotal >= 10000 {
		amount *= 1000
	}
	floor := e.set.Bargain.Floor(o.GroupLines(s.Group), e.bySKU)
	verdict := e.set.Bargain.Judge(s, amount, floor)
	offer := Offer{Order: o.Code, Group: s.Group, Side: "buyer", Amount: amount, Actor: "buyer", At: b.now}
	switch verdict {
	case orders.OfferBargainsOff:
		b.note(e.t("offer_disabled"))
		return true, nil
	case orders.OfferNoRounds:
		b.note(e.t("offer_no_rounds", o.Code, catalog.Rupiah(s.AgreedTotal)))
		return true, nil
	case orders.OfferNotLower:
		b.note(e.t("offer_not_lower", catalog.Rupiah(s.AgreedTotal)))
		return true, nil
	case orders.OfferTooLow:
		s.Rounds++
		offer.Outcome = "auto_refused"
		if err := b.tx.AddOffer(offer); err != nil {
			return true, err
		}
		b.note(e.t("offer_too_low", catalog.Rupiah(amount), catalog.Rupiah(s.AgreedTotal)))
		return true, b.tx.SaveOrder(o)
	}
	s.Rounds++
	before := s.Status
	if s.Proposal != nil && s.Proposal.Kind == "offer" {
		before = orders.Status(s.Proposal.Reason)
	}
	s.Proposal = &orders.Proposal{Kind: "offer", Total: amount, By: "buyer", Reason: string(before)}
	if err := o.SetSubStatus(s.Group, orders.Negotiating, "buyer", "offer "+catalog.Rupiah(amount), b.now); err != nil {
		return true, err
	}
	offer.Outcome = "open"
	if err := b.tx.AddOffer(offer); err != nil {
		return true, err
	}
	if err := b.tx.SetTimer(timerOffer, subRef(o.Code, s.Group), b.now.Add(e.set.bargainTimeout())); err != nil {
		return true, err
	}
	b.dropDecisions(o.Code)
	if g, ok := e.group(s.Group); ok && g.ChatID != "" {
		b.send(g.ChatID, e.t("group_offer", o.Code, catalog.Rupiah(amount), catalog.Rupiah(s.AgreedTotal), s.Rounds, e.set.Bargain.MaxRounds))
	}
	b.note(e.t("offer_relayed", catalog.Rupiah(amount), o.Code))
	return true, b.tx.SaveOrder(o)
}

// bargainTimeout is how long a seller group has to answer an offer.
func (s Settings) bargainTimeout() time.Duration {
	if s.OfferTimeout > 0 {
		return s.OfferTimeout
	}
	return s.SellerTimeout
}

// offerTarget finds the sub-order a buyer's offer is about: the code in the
// text, else the newest open order; with several seller groups the group
// must be named.
// answered says it asked the buyer which group instead.
func (e *Engine) offerTarget(b *buyerTurn) (*orders.Order, *orders.SubOrder, bool, error) {
	code := findCode(b.in.Text)
	var o *orders.Order
	if code != "" {
		var err error
		if o, err = e.buyerOrder(b, code); err != nil {
			return nil, nil, false, err
		}
	} else {
		os, err := b.tx.OrdersOf(b.conv.Chat, 5)
		if err != nil {
			return nil, nil, false, err
		}
		for _, c := range os {
			if bargainable(c.Status) {
				o = c
				break
			}
		}
	}
	if o == nil || !bargainable(o.Status) {
		return nil, nil, false, nil
	}
	var live []*orders.SubOrder
	for _, s := range o.Subs {
		if s.Status == orders.Placed || s.Status == orders.Negotiating || s.Status == orders.Confirmed {
			live = append(live, s)
		}
	}
	if len(live) == 1 {
		return o, live[0], false, nil
	}
	lower := strings.ToLower(b.in.Text)
	for _, s := range live {
		if strings.Contains(lower, s.Group) {
			return o, s, false, nil
		}
	}
	if len(live) > 1 {
		var ids []string
		for _, s := range live {
			ids = append(ids, s.Group)
		}
		b.note(e.t("offer_which_group", o.Code, strings.Join(ids, ", ")))
		return nil, nil, true, nil
	}
	return nil, nil, false, nil
}

func bargainable(s orders.Status) bool {
	switch s {
	case orders.Placed, orders.PartlyConfirmed, orders.Negotiating, orders.Confirmed:
		return true
	}
	return false
}
