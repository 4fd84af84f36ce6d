package bot

import (
	"time"

	"pasarbot/orders"
)

// recentWindow is how long after placing an order a bare "batal" or a
// change of mind is taken to be about that order.
const recentWindow = 15 * time.Minute

// actCancelCart empties the cart. While a line question is open, "batal"
// first drops the question and asks before emptying a cart (a second
// "batal" or "ya" empties it).
func (e *Engine) actCancelCart(b *buyerTurn) error {
	c := b.conv
	if c.State == StateClarify && len(c.Cart) > 0 && !c.CancelAsked {
		c.Questions = nil
		c.CancelAsked = true
		b.note(e.t("cancel_question_dropped"))
		return nil
	}
	had := len(c.Cart) > 0 || len(c.Questions) > 0
	if !had {
		// "batal" right after placing an order cancels that order.
		o, err := e.recentOrder(b)
		if err != nil {
			return err
		}
		if o != nil {
			return e.buyerCancelOrder(b, o.Code, "buyer: batal")
		}
	}
	// The items go; who and where stay for a new cart ("alamat sama").
	shelve(c, false, b.now)
	c.Cart, c.Questions, c.PreOrder, c.Reminded = nil, nil, false, false
	c.Ready, c.CancelAsked, c.LastAsked, c.LastAskedQty = false, false, "", 0
	if err := b.tx.ClearTimer(timerCartIdle, c.Chat); err != nil {
		return err
	}
	if err := b.tx.ClearTimer(timerCartExpire, c.Chat); err != nil {
		return err
	}
	if had {
		b.note(e.t("cart_cancelled"))
	} else {
		b.note(e.t("nothing_to_cancel"))
	}
	return nil
}

// recentOrder is the buyer's order placed in the last recentWindow that
// can still be cancelled, or nil.
func (e *Engine) recentOrder(b *buyerTurn) (*orders.Order, error) {
	os, err := b.tx.OrdersOf(b.conv.Chat, 1)
	if err != nil || len(os) == 0 {
		return nil, err
	}
	o := os[0]
	if b.now.Sub(o.CreatedAt) > recentWindow {
		return nil, nil
	}
	switch o.Status {
	case orders.Draft, orders.Placed, orders.PartlyConfirmed, orders.Confirmed, orders.Negotiating, orders.AwaitingCourier:
		return o, nil
	}
	return nil, nil
}

// clearForm empties the order form, keeping what is remembered from past
// orders.
func (e *Engine) clearForm(c *Conversation) {
	c.OrderForm = OrderForm{}
	c.Questions, c.PreOrder, c.Reminded = nil, false, false
	c.Ready, c.CancelAsked, c.LastAsked, c.LastAskedQty = false, false, "", 0
}
