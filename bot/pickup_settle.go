package bot

import (
	"pasarbot/catalog"
	"pasarbot/orders"
)

// settleAtPickup ends what still waits for the buyer when the courier
// collects the goods, so a pickup is never refused: a weighing beyond
// tolerance the buyer has not answered lapses and the agreed price stands
// (the goods left the stall at it). The group and the buyer are told, and
// the buyer's pending question about it is dropped.
func (e *Engine) settleAtPickup(t *turn, o *orders.Order, c orders.Courier) error {
	var lapsed []*orders.SubOrder
	for _, s := range o.Subs {
		if s.Status != orders.Negotiating {
			continue
		}
		s.Proposal = nil
		if err := o.SetSubStatus(s.Group, orders.Confirmed, c.Phone, "picked up before the buyer answered the weighing", t.now); err != nil {
			return err
		}
		lapsed = append(lapsed, s)
	}
	if o.Status == orders.Confirmed || o.Status == orders.Negotiating || o.Status == orders.PartlyConfirmed {
		// Derived back from the sub-orders while the job was out: the job
		// is still on, so the order is still with the courier.
		if err := o.SetStatus(orders.AwaitingCourier, "system", "job continues", t.now); err != nil {
			return err
		}
	}
	if len(lapsed) == 0 {
		return nil
	}
	conv, err := t.tx.Conversation(o.BuyerChat)
	if err != nil {
		return err
	}
	for _, s := range lapsed {
		if g, ok := e.group(s.Group); ok && g.ChatID != "" {
			t.send(g.ChatID, e.t("group_weigh_lapsed", o.Code, catalog.Rupiah(s.AgreedTotal)))
		}
		t.send(o.BuyerChat, e.t("buyer_weigh_lapsed", o.Code, e.groupName(s.Group), catalog.Rupiah(s.AgreedTotal)))
		keep := conv.Decisions[:0]
		for _, d := range conv.Decisions {
			if d.Order != o.Code || d.Group != s.Group {
				keep = append(keep, d)
			}
		}
		conv.Decisions = keep
	}
	if conv.State == StateDecide {
		b := &buyerTurn{turn: t, in: Inbound{Chat: o.BuyerChat}, conv: conv}
		if err := e.actAskDecision(b); err != nil { // the next question, or idle
			return err
		}
	}
	return t.tx.SaveConversation(conv) // the caller saves the order
}
