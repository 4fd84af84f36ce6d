package bot

import "pasarbot/catalog"

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
