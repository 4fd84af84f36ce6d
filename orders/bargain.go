package orders

import "pasarbot/catalog"

// BargainRules limit tawar-menawar so traders are only asked about
// reasonable offers.
type BargainRules struct {
	Enabled            bool
	MaxRounds          int // buyer offers per sub-order
	MaxDiscountPercent int // used for lines whose product has no floor price
}

// Floor is the lowest total the rules let through for a sub-order: each
// line's product floor price when set, else list minus the max discount.
func (r BargainRules) Floor(lines []Line, products map[string]catalog.Product) int64 {
	var floor int64
	for _, l := range lines {
		p, ok := products[l.SKU]
		if ok && p.FloorPrice > 0 {
			floor += catalog.Cost(p.FloorPrice, l.Qty)
			continue
		}
		floor += l.Amount * int64(100-r.MaxDiscountPercent) / 100
	}
	return floor
}

// OfferVerdict is what the rules say of a buyer's offer.
type OfferVerdict int

const (
	OfferRelay       OfferVerdict = iota // ask the seller group
	OfferTooLow                          // under the floor: refused without asking
	OfferNoRounds                        // rounds used up: the last price stands
	OfferNotLower                        // not below the current total: nothing to ask
	OfferBargainsOff                     // bargaining disabled in this market
)

// Judge decides what to do with offer for a sub-order at current total.
func (r BargainRules) Judge(sub *SubOrder, offer, floor int64) OfferVerdict {
	switch {
	case !r.Enabled:
		return OfferBargainsOff
	case sub.Rounds >= r.MaxRounds:
		return OfferNoRounds
	case offer >= sub.AgreedTotal:
		return OfferNotLower
	case offer < floor:
		return OfferTooLow
	}
	return OfferRelay
}

// WithinTolerance reports whether a weighed total differs from the agreed
// one by at most pct percent.
func WithinTolerance(agreed, weighed int64, pct int) bool {
	d := weighed - agreed
	if d < 0 {
		d = -d
	}
	return d*100 <= agreed*int64(pct)
}
