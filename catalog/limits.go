package catalog

// Limits bound what one cart line, one order and one price may be. A real
// market sells kilos and dozens; a line of 375 000 000 000 kg is a typo or an
// attack, and refusing it with a clear reply beats carrying it to a card and
// a courier's COD. The chosen values and why are in docs/decisions.md.
type Limits struct {
	MaxKg         int64 // mass per line, in kilograms
	MaxLiter      int64 // volume per line, in litres
	MaxPieces     int64 // any counted unit per line (butir, ikat, ekor, bungkus…), in single pieces
	MaxPrice      int64 // rupiah per selling unit, for HARGA from a group and the catalog
	MaxLineAmount int64 // rupiah for one line
	MaxOrderTotal int64 // rupiah for the goods of one order (and of any proposal for it)
}

// DefaultLimits are the limits when the configuration says nothing.
var DefaultLimits = Limits{
	MaxKg:         100,
	MaxLiter:      100,
	MaxPieces:     500,
	MaxPrice:      10_000_000,
	MaxLineAmount: 10_000_000,
	MaxOrderTotal: 20_000_000,
}

// orDefault fills zero fields from DefaultLimits.
func (l Limits) orDefault() Limits {
	d := DefaultLimits
	pick := func(v, def int64) int64 {
		if v > 0 {
			return v
		}
		return def
	}
	return Limits{
		MaxKg: pick(l.MaxKg, d.MaxKg), MaxLiter: pick(l.MaxLiter, d.MaxLiter), MaxPieces: pick(l.MaxPieces, d.MaxPieces),
		MaxPrice: pick(l.MaxPrice, d.MaxPrice), MaxLineAmount: pick(l.MaxLineAmount, d.MaxLineAmount),
		MaxOrderTotal: pick(l.MaxOrderTotal, d.MaxOrderTotal),
	}
}

// MaxQty is the largest quantity of unit u one line may hold: MaxKg for
// mass units expressed in u (1 kwintal, 1000 ons), MaxLiter for volumes,
// MaxPieces for everything counted (a papan of 30 eggs counts 30).
func (l Limits) MaxQty(u Unit) Qty {
	l = l.orDefault()
	base := u.Base
	if base <= 0 {
		base = 1
	}
	var inBase int64 // the limit in the dimension's base unit
	switch u.Dimension {
	case Mass:
		inBase = l.MaxKg * 1000 // grams
	case Volume:
		inBase = l.MaxLiter * 1000 // millilitres
	default:
		inBase = l.MaxPieces
	}
	q, ok := MulDiv(inBase, QtyScale, base)
	if !ok {
		return Qty(saturate(false))
	}
	// Round down: the limit must not grow by rounding (500 eggs are 16,666 papan).
	if Qty(q)*Qty(base) > Qty(inBase*QtyScale) {
		q--
	}
	return Qty(q)
}

// LimitProblem says which limit a line breaks.
type LimitProblem int

const (
	WithinLimits      LimitProblem = iota
	QtyTooLarge                    // more than MaxQty of the unit
	LineTooExpensive               // line amount above MaxLineAmount (or overflowing)
	OrderTooExpensive              // the order's goods above MaxOrderTotal
	PriceOutOfRange                // price per unit not positive or above MaxPrice
)

// CheckLine checks one line of q units of u at price per unit (amount, when
// positive, is the line's money basis instead of the price), on top of
// otherLines rupiah already in the order. It returns the line's amount.
func (l Limits) CheckLine(u Unit, price int64, q Qty, amount, otherLines int64) (int64, LimitProblem) {
	l = l.orDefault()
	if q > l.MaxQty(u) {
		return 0, QtyTooLarge
	}
	if amount <= 0 {
		var ok bool
		if amount, ok = CostChecked(price, q); !ok {
			return 0, LineTooExpensive
		}
	}
	if amount > l.MaxLineAmount {
		return amount, LineTooExpensive
	}
	if total, ok := AddChecked(otherLines, amount); !ok || total > l.MaxOrderTotal {
		return amount, OrderTooExpensive
	}
	return amount, WithinLimits
}

// CheckPrice checks a price per selling unit.
func (l Limits) CheckPrice(price int64) LimitProblem {
	l = l.orDefault()
	if price <= 0 || price > l.MaxPrice {
		return PriceOutOfRange
	}
	return WithinLimits
}

// CheckTotal checks an order's (or a sub-order's) goods total.
func (l Limits) CheckTotal(total int64) LimitProblem {
	l = l.orDefault()
	if total > l.MaxOrderTotal {
		return OrderTooExpensive
	}
	return WithinLimits
}

// Resolved returns the limits with zero fields filled from DefaultLimits.
func (l Limits) Resolved() Limits { return l.orDefault() }
