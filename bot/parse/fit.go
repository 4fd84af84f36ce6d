package parse

import "pasarbot/catalog"

// Fitting a quantity or an amount of money to the product it names.

// Plausibility limits for what a buyer can mean without saying a unit or
// an explicit size. Beyond them the parser asks.
const (
	maxBareCount = 100       // "tahu 100" is a caterer; "bawang 250" is grams or rupiah
	maxBareCost  = 1_000_000 // "cabe 50" (Rp2.000.000) is not 50 kg of chilli
	maxLineCost  = 1_000_000 // a line above this is a typo ("tomat 1.500 kg") or a wholesale order: confirmed first
	maxCount     = 100       // as many counted units as this ("kangkung 100 ikat") is confirmed too
	moneyFrom    = 1000      // a bare whole number from here is rupiah: "cabe 5000"
	maxStepDrift = 5         // rounding to the step may move a quantity by less than 1/5
)

// item fits the line's quantity to the product.
func (st *state) item(res *Result, prod *catalog.Product, ln *line, said string, adj span) {
	pu := st.p.sellingUnit(prod)
	ask := func(kind QuestionKind, qty catalog.Qty, amount int64, text string) {
		res.Questions = append(res.Questions, Question{
			Kind: kind, Said: said, Product: prod, Qty: qty, Amount: amount, QtyText: st.qtyText(ln), Text: text,
		})
	}
	add := func(qty catalog.Qty, amount int64) {
		res.Items = append(res.Items, Item{
			SKU: prod.SKU, Name: prod.Name, Unit: prod.Unit, Qty: qty, Amount: amount, Said: said, Note: st.note(ln, adj),
		})
	}
	if !ln.hasQ {
		if st.ask {
			add(catalog.Whole(1), 0) // "harga gula?": the price of one unit
			return
		}
		ask(MissingQty, 0, 0, textMissingQty(st.wordsText(ln), pu))
		return
	}
	q := ln.q
	if q.spoken > 0 && !q.money && q.offer == 0 {
		// Scale the spoken price against what the quantity costs.
		if v, ok := st.toProductUnitQuiet(prod, q); ok {
			amount, amb := scaleSpoken(q.spoken, catalog.Cost(prod.Price, v))
			if !amb {
				q.offer = amount
			} else {
				q.conflict = true
			}
		}
	}
	if q.pair && !q.money {
		q.conflict = true // "cabe tujuh lima": a price, but for how much?
	}
	if q.conflict {
		ask(MissingQty, 0, 0, textUnclearQty(st.wordsText(ln), st.qtyText(ln), pu))
		return
	}
	// A whole number of a thousand or more with no unit is an amount of
	// money: nobody orders 5000 kg of chilli, but "cabe 5000" is common.
	if !q.money && q.unit == nil && !q.frac && !q.words && q.val >= moneyFrom*1000 && q.val%1000 == 0 {
		if (q.val/1000)%500 != 0 {
			ask(MissingQty, 0, 0, textUnclearQty(st.wordsText(ln), st.qtyText(ln), pu))
			return
		}
		q.money, q.val = true, q.val/1000
	}
	if q.money && q.offer == 0 {
		st.byMoney(prod, q, ask, add)
		return
	}
	v, ok := st.toProductUnit(prod, q, ln, ask)
	if !ok {
		return
	}
	// A price said with the quantity ("cakalang 2 ekor 70rb") is asked
	// about when it is not what the quantity costs; when it is, the
	// buyer only showed the sum and the line carries it.
	if q.offer > 0 && q.offer != catalog.Cost(prod.Price, v) {
		ask(ConfirmAmount, v, q.offer, textOffer(prod, v, q.offer))
		return
	}
	if st.ask {
		if v <= 0 {
			v = catalog.Whole(1) // "harga 0 daging": no quantity, the price of one unit
		}
		add(v, 0) // a price question: the quantity as asked, no step rules
		return
	}
	step, minQ := prod.Step(), prod.Min()
	r := roundNearest(v, step)
	switch {
	case r < minQ:
		ask(ConfirmQty, minQ, 0, textBelowMin(prod, minQ))
	case diff(r, v)*maxStepDrift >= v:
		ask(ConfirmQty, r, 0, textStep(prod, step, r))
	case catalog.Cost(prod.Price, r) > maxLineCost || r >= catalog.Whole(maxCount) && !pu.Divisible():
		ask(ConfirmQty, r, 0, textTooMuch(prod, r))
	case r != v:
		add(r, 0)
	default:
		add(r, q.offer)
	}
}

// toProductUnitQuiet converts like toProductUnit without asking.
func (st *state) toProductUnitQuiet(prod *catalog.Product, q quantity) (catalog.Qty, bool) {
	ok := true
	var ln line
	v, _ := st.toProductUnit(prod, q, &ln, func(QuestionKind, catalog.Qty, int64, string) { ok = false })
	return v, ok
}

// toProductUnit converts the said quantity into the product's unit, or
// asks and returns false.
func (st *state) toProductUnit(prod *catalog.Product, q quantity, ln *line, ask func(QuestionKind, catalog.Qty, int64, string)) (catalog.Qty, bool) {
	pu := st.p.sellingUnit(prod)
	qt := st.qtyText(ln)
	switch {
	case q.unit == nil:
		v := catalog.Qty(q.val)
		if q.count > 0 {
			v = catalog.Qty(sat(q.val, q.count))
		}
		// A bare number is in the product's unit when it is plausible.
		// Eggs, fish and fruit sold by the kilo are still counted in
		// pieces by buyers: "telor siji" is one egg, "lele 2" two fish.
		if !q.frac && (v > catalog.Whole(maxBareCount) || catalog.Cost(prod.Price, v) > maxBareCost) {
			ask(MissingQty, 0, 0, textUnclearQty(st.wordsText(ln), qt, pu))
			return 0, false
		}
		if k := st.p.kinds[prod.SKU]; !q.frac && v%catalog.QtyScale == 0 && pu.Dimension == catalog.Mass && k&gkPieces != 0 {
			// A count of goods that come in pieces but sell by the kilo:
			// "apel 3" — 3 kg, or 3 apples? Propose the kilos, as a trader
			// would ("3 kg, kak?"); the buyer may answer otherwise. Eggs
			// are never counted in kilos ("telor siji"): ask how many.
			if k&gkEggs != 0 {
				ask(MissingQty, 0, 0, textUnclearQty(st.wordsText(ln), qt, pu))
			} else {
				ask(ConfirmQty, v, 0, textCountByWeight(prod, v))
			}
			return 0, false
		}
		if q.frac && pu.Dimension == catalog.Mass && pu.Code != "kg" {
			// "merica setengah", "kencur seperempat": a bare fraction
			// of goods sold by weight is a fraction of a kilo, as in
			// the market, also where they are priced per ons.
			if w, err := catalog.Convert(v, catalog.Units["kg"], pu); err == nil {
				return w, true
			}
		}
		return v, true
	case q.count == 0 && q.unit.code == pu.Code:
		// The product's own unit, however it was spelled ("3 papan" of
		// tempe sold per papan, "2 iket" of kangkung, "sebotol" of kecap
		// sold per botol): nothing to convert.
		return catalog.Qty(q.val), true
	case q.count == 0 && q.unit.any && !pu.Divisible() && pu.Dimension != catalog.Piece:
		// "itik alabio sabuting": one of whatever the product is counted in.
		return catalog.Qty(q.val), true
	case q.count == 0 && q.unit.slice && pu.Code == "pcs":
		// "amparan tatak 10 potong": cakes sold by the piece are cut
		// pieces; of a whole cake (biji) or a fish a potong is a part.
		return catalog.Qty(q.val), true
	case q.unit.half:
		if pu.Dimension != catalog.Animal {
			ask(IncompatibleUnit, 0, 0, textIncompatible(prod, qt))
			return 0, false
		}
		return catalog.Qty(q.val), true
	case !q.unit.known():
		// A unit other goods of the market are sold by ("paru 3 potong"
		// where some product is sold per potong) is one these goods do not
		// fit; one no product is sold by ("sebotol" where nothing comes in
		// bottles) the trader cannot place at all.
		kind := UnknownUnit
		if st.p.unitsSold[q.unit.code] {
			kind = IncompatibleUnit
		}
		ask(kind, 0, 0, textIncompatible(prod, qt))
		return 0, false
	}
	u := q.unit.u
	if q.unit.code == "papan" && st.p.kinds[prod.SKU]&gkEggs == 0 {
		// A papan is a tray of 30 eggs, but a slab of tempe or a board of
		// petai is one piece of its own.
		u = catalog.Unit{Code: "papan", Name: "papan", Dimension: catalog.Piece, Base: 1}
	}
	if q.count > 0 {
		switch {
		case u.Dimension == pu.Dimension:
			// "beras 5kg 2 karung": the size times the count.
			v, err := catalog.Convert(catalog.Qty(sat(q.val, q.count)), u, pu)
			if err != nil {
				break
			}
			return v, true
		case q.countUnit != nil && q.countUnit.code == pu.Code:
			// "kecap 2 botol 600 ml" of kecap sold per botol.
			return catalog.Whole(q.count), true
		case q.countUnit != nil && q.countUnit.known() && q.countUnit.u.Dimension == pu.Dimension:
			// Sold by the pack: the count is the order, the size a note.
			v, err := catalog.Convert(catalog.Whole(q.count), q.countUnit.u, pu)
			if err != nil {
				break
			}
			return v, true
		}
		ask(IncompatibleUnit, 0, 0, textIncompatible(prod, qt))
		return 0, false
	}
	v, err := catalog.Convert(catalog.Qty(q.val), u, pu)
	if err != nil {
		kind := IncompatibleUnit
		if u.Dimension == catalog.Sack && pu.Dimension != catalog.Mass && !st.p.unitsSold[u.Code] {
			// A sack holds goods sold by weight (its kilos are asked); of
			// goods counted in pieces ("durian 1 karung") it is a unit no
			// product here is sold by.
			kind = UnknownUnit
		}
		ask(kind, 0, 0, textIncompatible(prod, qt))
		return 0, false
	}
	return v, true
}

// byMoney turns an amount into the quantity it buys, rounded down to the
// step: the buyer never pays more than they said.
func (st *state) byMoney(prod *catalog.Product, q quantity, ask func(QuestionKind, catalog.Qty, int64, string), add func(catalog.Qty, int64)) {
	amount := q.val
	if prod.Price <= 0 {
		ask(ConfirmAmount, 0, amount, textNoPrice(prod))
		return
	}
	if q.juta && amount >= 1_000_000 && amount/prod.Price >= 100 {
		// "cabe 8 juta": Sundanese slang for ribu. Confirm, never assume.
		alt := amount / 1000
		ask(ConfirmAmount, buys(prod, alt), alt, textMeantAmount(alt))
		return
	}
	if amount > maxLineCost {
		ask(ConfirmAmount, 0, amount, textMeantAmount(amount))
		return
	}
	qty := buys(prod, amount)
	if qty < prod.Min() || qty <= 0 {
		minQ := prod.Min()
		ask(ConfirmAmount, minQ, catalog.Cost(prod.Price, minQ), textAmountTooSmall(prod, amount, minQ))
		return
	}
	if d := prod.SellingUnit().Dimension; d != catalog.Mass && d != catalog.Volume && !st.ask {
		// Counted goods cannot be weighed up to the amount: Rp50.000 of
		// Rp45.000 chickens is one chicken for Rp45.000, if the buyer agrees.
		if c := catalog.Cost(prod.Price, qty); c != amount {
			ask(ConfirmAmount, qty, c, textAmountBuys(prod, amount, qty, c))
			return
		}
	}
	add(qty, amount)
}

// buys is the quantity an amount buys, rounded down to the step.
func buys(prod *catalog.Product, amount int64) catalog.Qty {
	if prod.Price <= 0 {
		return 0
	}
	return prod.RoundToStep(catalog.Qty(sat(amount, catalog.QtyScale) / prod.Price))
}

// roundNearest rounds q to the nearest multiple of step, halves up.
func roundNearest(q, step catalog.Qty) catalog.Qty {
	if step <= 0 {
		return q
	}
	return (q + step/2) / step * step
}

func diff(a, b catalog.Qty) catalog.Qty {
	if a > b {
		return a - b
	}
	return b - a
}
