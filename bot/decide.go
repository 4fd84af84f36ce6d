package bot

import (
	"fmt"
	"strings"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// askDecision queues a seller group's change for the buyer's answer; the
// buyer is asked now unless they are in the middle of something else.
func (e *Engine) askDecision(t *turn, o *orders.Order, group, kind string) error {
	c, err := t.tx.Conversation(o.BuyerChat)
	if err != nil {
		return err
	}
	for _, d := range c.Decisions {
		if d.Order == o.Code && d.Group == group {
			return nil
		}
	}
	c.Decisions = append(c.Decisions, Decision{Order: o.Code, Group: group, Kind: kind})
	b := &buyerTurn{turn: t, in: Inbound{Chat: o.BuyerChat}, conv: c}
	switch c.State {
	case StateIdle, StateRating:
		if err := e.fire(b, EvDecision); err != nil {
			return err
		}
	default:
		// Busy with a cart or another decision: asked when the
		// conversation is free again.
		t.send(o.BuyerChat, e.t("decision_waiting", o.Code))
	}
	return t.tx.SaveConversation(c)
}

// liveDecision reports whether a queued decision still needs the buyer:
// its order part still waits on that answer.
func liveDecision(o *orders.Order, d Decision) bool {
	s := subOf(o, d.Group)
	if s == nil || !s.Status.Live() {
		return false
	}
	if d.Kind == "timeout" {
		return s.Status == orders.Placed
	}
	return s.Proposal != nil
}

// pruneDecisions drops decisions about orders that moved on (the seller
// answered late, the order was cancelled): they are never asked.
func (e *Engine) pruneDecisions(b *buyerTurn) error {
	var keep []Decision
	for _, d := range b.conv.Decisions {
		o, err := b.tx.Order(d.Order)
		if err != nil {
			return err
		}
		if o != nil && liveDecision(o, d) {
			keep = append(keep, d)
		}
	}
	b.conv.Decisions = keep
	return nil
}

// actAskDecision shows the first pending decision (the caller pruned the
// queue, so it is live).
func (e *Engine) actAskDecision(b *buyerTurn) error {
	if err := e.pruneDecisions(b); err != nil || len(b.conv.Decisions) == 0 {
		return err
	}
	d := b.conv.Decisions[0]
	o, err := b.tx.Order(d.Order)
	if err != nil {
		return err
	}
	b.send(b.conv.Chat, e.decisionText(o, subOf(o, d.Group), d))
	return nil
}

func subOf(o *orders.Order, g string) *orders.SubOrder {
	if o == nil {
		return nil
	}
	return o.Sub(g)
}

func (e *Engine) groupName(id string) string {
	if g, ok := e.group(id); ok {
		return g.Name
	}
	return id
}

// decisionText explains a change and how to answer.
func (e *Engine) decisionText(o *orders.Order, s *orders.SubOrder, d Decision) string {
	name := e.groupName(s.Group)
	if d.Kind == "timeout" {
		return e.t("decide_timeout", o.Code, name)
	}
	p := s.Proposal
	var b strings.Builder
	switch p.Kind {
	case "partial":
		fmt.Fprintf(&b, "%s\n", e.t("decide_partial", o.Code, name))
		for _, l := range o.GroupLines(s.Group) {
			nq, changed := p.Qty[l.No]
			switch {
			case changed && nq == 0:
				fmt.Fprintf(&b, "• ~%s~ (%s)\n", l.Name, e.t("dropped"))
			case changed:
				fmt.Fprintf(&b, "• %s: %s → %s\n", l.Name, qtyText(l.Qty, l.Unit), qtyText(catalog.Qty(nq), l.Unit))
			default:
				fmt.Fprintf(&b, "• %s %s\n", l.Name, qtyText(l.Qty, l.Unit))
			}
		}
		fmt.Fprintf(&b, "%s: *%s*", e.t("new_total"), catalog.Rupiah(p.Total))
	case "counter":
		fmt.Fprintf(&b, "%s", e.t("decide_counter", o.Code, name, catalog.Rupiah(p.Total), catalog.Rupiah(s.AgreedTotal)))
	case "weigh":
		fmt.Fprintf(&b, "%s", e.t("decide_weigh", o.Code, name, catalog.Rupiah(s.AgreedTotal), catalog.Rupiah(p.Total)))
	default: // price
		fmt.Fprintf(&b, "%s", e.t("decide_price", o.Code, name, catalog.Rupiah(s.AgreedTotal), catalog.Rupiah(p.Total)))
	}
	if p.Reason != "" && p.Kind != "offer" {
		fmt.Fprintf(&b, "\n%s: %s", e.t("reason"), p.Reason)
	}
	b.WriteString("\n\n" + e.t("decide_how"))
	return b.String()
}

// currentDecision takes the decision being answered off the queue. A
// decision whose order moved on meanwhile comes back with a nil part and
// the buyer is told it needs no answer any more.
func (e *Engine) currentDecision(b *buyerTurn) (*orders.Order, *orders.SubOrder, Decision, error) {
	if len(b.conv.Decisions) == 0 {
		return nil, nil, Decision{}, nil
	}
	d := b.conv.Decisions[0]
	b.conv.Decisions = b.conv.Decisions[1:]
	o, err := b.tx.Order(d.Order)
	if err != nil {
		return nil, nil, d, err
	}
	if o == nil || !liveDecision(o, d) {
		b.note(e.t("decision_stale", d.Order))
		return o, nil, d, nil
	}
	return o, subOf(o, d.Group), d, nil
}

// actAcceptDecision applies the seller's change.
func (e *Engine) actAcceptDecision(b *buyerTurn) error {
	o, s, d, err := e.currentDecision(b)
	if err != nil || s == nil {
		return err
	}
	if d.Kind == "timeout" {
		// "ya" to "tunggu atau batal?" means keep waiting.
		s.Deadline = b.now.Add(e.set.SellerTimeout)
		if err := b.tx.SetTimer(timerSeller, subRef(o.Code, s.Group), s.Deadline); err != nil {
			return err
		}
		s.Reminded = false
		b.note(e.t("keep_waiting", o.Code))
		return b.tx.SaveOrder(o)
	}
	p := s.Proposal
	if p == nil {
		return nil
	}
	if p.Kind == "partial" {
		for no, q := range p.Qty {
			l := o.Line(no)
			if l == nil {
				continue
			}
			l.Qty = catalog.Qty(q)
			l.Amount = l.ListAmount()
		}
		var kept []orders.Line
		for _, l := range o.Lines {
			if l.Qty > 0 {
				kept = append(kept, l)
			}
		}
		o.Lines = kept
		o.Recount(s.Group)
	}
	s.AgreedTotal = p.Total
	s.Proposal = nil
	if err := o.SetSubStatus(s.Group, orders.Confirmed, "buyer", "buyer accepted "+p.Kind, b.now); err != nil {
		return err
	}
	if g, ok := e.group(s.Group); ok && g.ChatID != "" {
		b.send(g.ChatID, e.t("group_buyer_accepted", o.Code, catalog.Rupiah(s.AgreedTotal)))
	}
	b.note(e.t("accepted", o.Code, catalog.Rupiah(o.Total())))
	return e.afterSellerPhase(b.turn, o)
}

// actRefuseDecision refuses the change: that seller group's part is
// cancelled (the buyer does not want it on those terms).
func (e *Engine) actRefuseDecision(b *buyerTurn) error {
	o, s, d, err := e.currentDecision(b)
	if err != nil || s == nil {
		return err
	}
	if d.Kind == "timeout" {
		if err := e.cancelSub(b.turn, o, s, "buyer", "buyer stopped waiting"); err != nil {
			return err
		}
		b.note(e.t("sub_cancelled", o.Code, e.groupName(s.Group)))
		return e.afterSellerPhase(b.turn, o)
	}
	if s.Proposal != nil && s.Proposal.Kind == "weigh" {
		// A weighed price above tolerance refused: the agreed price stands
		// and the group is told to settle at it or cancel.
		s.Proposal = nil
		if err := o.SetSubStatus(s.Group, orders.Confirmed, "buyer", "buyer refused weighed total", b.now); err != nil {
			return err
		}
		if g, ok := e.group(s.Group); ok && g.ChatID != "" {
			b.send(g.ChatID, e.t("group_weigh_refused", o.Code, catalog.Rupiah(s.AgreedTotal)))
		}
		b.note(e.t("weigh_refused", o.Code, catalog.Rupiah(s.AgreedTotal)))
		return e.afterSellerPhase(b.turn, o)
	}
	s.Proposal = nil
	if err := e.cancelSub(b.turn, o, s, "buyer", "buyer refused change"); err != nil {
		return err
	}
	b.note(e.t("sub_cancelled", o.Code, e.groupName(s.Group)))
	return e.afterSellerPhase(b.turn, o)
}

func (e *Engine) actNumberDecision(b *buyerTurn) error {
	switch b.act.num {
	case 1:
		return e.actAcceptDecision(b)
	case 2:
		return e.actRefuseDecision(b)
	}
	b.note(e.t("decide_how"))
	return nil
}

// cancelSub cancels one seller group's part and tells the group.
func (e *Engine) cancelSub(t *turn, o *orders.Order, s *orders.SubOrder, actor, why string) error {
	if err := o.SetSubStatus(s.Group, orders.Cancelled, actor, why, t.now); err != nil {
		return err
	}
	if err := t.tx.ClearTimer(timerSeller, subRef(o.Code, s.Group)); err != nil {
		return err
	}
	if g, ok := e.group(s.Group); ok && g.ChatID != "" {
		t.send(g.ChatID, e.t("group_order_cancelled", o.Code))
	}
	return nil
}
