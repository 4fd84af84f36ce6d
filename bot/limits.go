package bot

import (
	"pasarbot/catalog"
	"pasarbot/orders"
)

// checkLineLimits says why a cart line of qty (or of amount rupiah, when
// bought by money) of p cannot join a cart holding cart: a reply key and its
// arguments, or "" when the line is within the market's limits. merge is
// the index of the cart line qty is added to (-1 for a new line): the
// merged quantity is checked, and that line's old amount is not counted
// twice.
func (e *Engine) checkLineLimits(cart []CartLine, merge int, p catalog.Product, qty catalog.Qty, amount int64) (string, []any) {
	lim := e.set.Limits.Resolved()
	var others int64
	for i, l := range cart {
		if i == merge {
			sum, ok := catalog.AddChecked(int64(l.Qty), int64(qty))
			if !ok {
				return "limit_qty", []any{p.Name, lim.MaxQty(p.SellingUnit()).ID(), p.Unit}
			}
			qty = catalog.Qty(sum)
			continue
		}
		var ok bool
		if others, ok = catalog.AddChecked(others, l.Total()); !ok {
			others = lim.MaxOrderTotal + 1
		}
	}
	u := p.SellingUnit()
	_, problem := lim.CheckLine(u, p.Price, qty, amount, others)
	switch problem {
	case catalog.QtyTooLarge:
		return "limit_qty", []any{p.Name, lim.MaxQty(u).ID(), p.Unit}
	case catalog.LineTooExpensive:
		return "limit_line", []any{p.Name, catalog.Rupiah(lim.MaxLineAmount)}
	case catalog.OrderTooExpensive:
		return "limit_order", []any{p.Name, catalog.Rupiah(lim.MaxOrderTotal)}
	}
	return "", nil
}

// proposedTotalOK says whether a seller group may propose total for its
// sub-order s: within the order-total limit on its own and with the rest of
// the order's live goods.
func (e *Engine) proposedTotalOK(o *orders.Order, s *orders.SubOrder, total int64) bool {
	lim := e.set.Limits.Resolved()
	if total <= 0 || lim.CheckTotal(total) != catalog.WithinLimits {
		return false
	}
	sum := total
	for _, other := range o.Subs {
		if other.Group == s.Group || !other.Status.Live() {
			continue
		}
		var ok bool
		if sum, ok = catalog.AddChecked(sum, other.AgreedTotal); !ok {
			return false
		}
	}
	return lim.CheckTotal(sum) == catalog.WithinLimits
}

// replaceLineTotal is total with one line's amount replaced by price × qty,
// and false when it overflows or a limit is broken.
func (e *Engine) replaceLineTotal(total, oldAmount, price int64, qty catalog.Qty) (int64, bool) {
	lim := e.set.Limits.Resolved()
	cost, ok := catalog.CostChecked(price, qty)
	if !ok || cost > lim.MaxLineAmount {
		return 0, false
	}
	return catalog.SumChecked(total, -oldAmount, cost)
}

// cartOverLimits checks a whole cart before it becomes an order: each line
// and the running total, as checkLineLimits checks a line being added.
func (e *Engine) cartOverLimits(cart []CartLine) (string, []any) {
	for i, l := range cart {
		p, ok := e.bySKU[l.SKU]
		if !ok {
			p = catalog.Product{SKU: l.SKU, Name: l.Name, Unit: l.Unit, Price: l.Price}
		}
		p.Price = l.Price // the price the cart line was taken at
		if key, args := e.checkLineLimits(cart[:i], -1, p, l.Qty, l.Amount); key != "" {
			return key, args
		}
	}
	return "", nil
}
