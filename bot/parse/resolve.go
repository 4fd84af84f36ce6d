package parse

import (
	"strings"

	"pasarbot/catalog"
)

// Plausibility limits for what a buyer can mean without saying a unit or
// an explicit size. Beyond them the parser asks.
const (
	maxBareCount = 100       // "tahu 100" is a caterer; "bawang 250" is grams or rupiah
	maxBareCost  = 1_000_000 // "cabe 50" (Rp2.000.000) is not 50 kg of chilli
	maxLineCost  = 5_000_000 // a line above this is a typo ("tomat 1.500 kg") until confirmed
	moneyFrom    = 1000      // a bare whole number from here is rupiah: "cabe 5000"
	maxStepDrift = 5         // rounding to the step may move a quantity by less than 1/5
)

// resolve turns one line into an item, a question or an unknown.
func (st *state) resolve(res *Result, ln *line) {
	if ln.words[0].empty() {
		return
	}
	if !ln.hasQ && st.onlyWeak(ln) {
		return // "teh," as an address, not tea
	}
	d := st.p.decide(st.match(ln.words[0], ln.words[1]))
	var adj span
	if d.verdict != vOne && ln.words[1].empty() {
		// "bawang merah besar 1 kg": an adjective the name lacks is a note.
		if w, a, ok := st.trailingAdjectives(ln.words[0]); ok {
			if d2 := st.p.decide(st.match(w, span{})); d2.verdict == vOne {
				d, adj = d2, a
			}
		}
	}
	// "telur yang kampung", "beras 5 kg yg pulen": the words after a
	// relative word may finish the name.
	if ln.words[1].empty() {
		if d2, used := st.refineByNote(ln); d2.verdict == vOne && (d.verdict != vOne || d2.best != d.best) {
			d = d2
			if used {
				ln.notes[0] = span{}
			}
		}
	}
	if d.verdict != vOne && ln.words[1].empty() && adj.empty() {
		// "kecap bango refill", "bawang merah brebes": one extra word the
		// catalog does not know; the rest names exactly one product.
		if d2, extra, ok := st.dropOne(ln.words[0]); ok {
			d, adj = d2, extra
		}
	}
	said := st.said(ln)
	if ln.soft && d.verdict == vNone {
		return
	}
	switch d.verdict {
	case vNone:
		res.Unknown = append(res.Unknown, Unknown{Said: said, Suggestions: d.suggestions()})
		return
	case vAmbiguous:
		ch := d.choices()
		if len(ch) == 0 {
			res.Unknown = append(res.Unknown, Unknown{Said: said, Suggestions: d.suggestions()})
			return
		}
		res.Questions = append(res.Questions, Question{
			Kind: Ambiguous, Said: said, Choices: ch, QtyText: st.qtyText(ln), Text: textAmbiguous(ch),
		})
		return
	}
	st.item(res, d.best, ln, said, adj)
}

// trailingAdjectives splits "bawang merah besar" into the name and the
// adjectives after it ("besar", "seger", "yg gede" was a note already).
func (st *state) trailingAdjectives(w span) (name, adj span, ok bool) {
	k := w.b
	for k > w.a && st.toks[k-1].kind == tWord && st.lx[k-1].has(lxNoteAfter|lxFiller) {
		k--
	}
	for k < w.b && st.lx[k].has(lxFiller) && !st.lx[k].has(lxNoteAfter) {
		k++ // the adjectives start at the first of them
	}
	if k == w.b || k == w.a {
		return w, span{}, false
	}
	return span{w.a, k}, span{k, w.b}, true
}

// item fits the line's quantity to the product.
func (st *state) item(res *Result, prod *catalog.Product, ln *line, said string, adj span) {
	pu := prod.SellingUnit()
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
	if q.offer > 0 {
		ask(ConfirmAmount, v, q.offer, textOffer(prod, v, q.offer))
		return
	}
	if st.ask {
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
	case catalog.Cost(prod.Price, r) > maxLineCost:
		ask(ConfirmQty, r, 0, textTooMuch(prod, r))
	default:
		add(r, 0)
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
	pu := prod.SellingUnit()
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
		if !q.frac && (v > catalog.Whole(maxBareCount) || catalog.Cost(prod.Price, v) > maxBareCost ||
			v%catalog.QtyScale == 0 && pu.Dimension == catalog.Mass && countedByPiece(prod)) {
			ask(MissingQty, 0, 0, textUnclearQty(st.wordsText(ln), qt, pu))
			return 0, false
		}
		return v, true
	case q.unit.half:
		if pu.Dimension != catalog.Animal {
			ask(IncompatibleUnit, 0, 0, textIncompatible(prod, qt))
			return 0, false
		}
		return catalog.Qty(q.val), true
	case !q.unit.known():
		ask(UnknownUnit, 0, 0, textIncompatible(prod, qt))
		return 0, false
	}
	u := q.unit.u
	if q.unit.code == "papan" && prod.Category != "telur" {
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
		ask(IncompatibleUnit, 0, 0, textIncompatible(prod, qt))
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

// onlyWeak reports whether a line's words are all weak fillers.
func (st *state) onlyWeak(ln *line) bool {
	_, n := st.phrase(st.sc.buf[:0], ln.words[0], ln.words[1], false)
	return n == 0
}

// said returns the original text of a line: its words and quantity.
func (st *state) said(ln *line) string {
	a, b := int32(-1), int32(-1)
	ext := func(s span) {
		if s.empty() {
			return
		}
		if x := st.toks[s.a].start; a < 0 || x < a {
			a = x
		}
		if y := st.toks[s.b-1].end; y > b {
			b = y
		}
	}
	ext(ln.words[0])
	ext(ln.words[1])
	if ln.hasQ {
		ext(span{ln.q.a, ln.q.b})
	}
	if a < 0 {
		return ""
	}
	return st.text[a:b]
}

// wordsText returns the product words as written, for questions.
func (st *state) wordsText(ln *line) string {
	s := ln.words[0]
	if s.empty() {
		return ""
	}
	return st.text[st.toks[s.a].start:st.toks[s.b-1].end]
}

// qtyText returns the quantity as written ("1 papan"), or "".
func (st *state) qtyText(ln *line) string {
	if !ln.hasQ || ln.q.b <= ln.q.a {
		return ""
	}
	return st.text[st.toks[ln.q.a].start:st.toks[ln.q.b-1].end]
}

// note returns the line's note text: its parts joined by ", ", after
// any adjectives taken off the product words ("besar").
func (st *state) note(ln *line, adj span) string {
	var all [1 + len(line{}.notes)]span
	all[0] = adj
	copy(all[1:], ln.notes[:])
	parts := 0
	var one string
	for _, s := range all {
		if !s.empty() {
			parts++
			one = st.spanText(s)
		}
	}
	if parts <= 1 {
		return one // the common case: a substring of the message, no allocation
	}
	var b strings.Builder
	for _, s := range all {
		if s.empty() {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(st.spanText(s))
	}
	return b.String()
}

func (st *state) spanText(s span) string {
	if s.empty() {
		return ""
	}
	return st.text[st.toks[s.a].start:st.toks[s.b-1].end]
}

// countedByPiece reports whether a product sold by weight comes in pieces
// buyers count: eggs, fish, fruit.
func countedByPiece(p *catalog.Product) bool {
	switch p.Category {
	case "telur", "ikan", "buah":
		return true
	}
	return false
}

// dropOne tries the product words with one word left out. It succeeds when
// exactly one product is named exactly that way and the word left out
// names no product of its own ("telur" in "ayam kampung telur" does, so
// that stays a question). The word left out is returned as a note unless
// the product's names contain it.
func (st *state) dropOne(w span) (decision, span, bool) {
	var idx [4]int
	n := 0
	for i := w.a; i < w.b; i++ {
		if st.isProductWord(i, false) {
			if n == len(idx) {
				return decision{}, span{}, false
			}
			idx[n] = i
			n++
		}
	}
	if n < 2 {
		return decision{}, span{}, false
	}
	var found *catalog.Product
	var cands []catalog.Candidate
	drop := -1
	for k := 0; k < n; k++ {
		buf := st.sc.buf[:0]
		for j := 0; j < n; j++ {
			if j == k {
				continue
			}
			if len(buf) > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, stripNya(st.toks[idx[j]].w)...)
		}
		st.sc.buf = buf
		cs, ok := st.p.exact[string(buf)]
		if !ok {
			continue
		}
		d := st.p.decide(cs, n-1)
		if d.verdict != vOne {
			continue
		}
		if found != nil && found != d.best {
			return decision{}, span{}, false // two products: ask
		}
		if found == nil {
			found, cands, drop = d.best, cs, idx[k]
		}
	}
	if found == nil {
		return decision{}, span{}, false
	}
	if own := st.p.decide(st.match(span{drop, drop + 1}, span{})); own.verdict == vOne {
		return decision{}, span{}, false
	}
	d := decision{verdict: vOne, best: found, cands: cands}
	if nameHas(found, st.toks[drop].w) {
		return d, span{}, true
	}
	return d, span{drop, drop + 1}, true
}

// nameHas reports whether a word is part of the product's name or aliases.
func nameHas(p *catalog.Product, w string) bool {
	has := func(s string) bool {
		for _, f := range strings.Fields(strings.ToLower(s)) {
			if f == w {
				return true
			}
		}
		return false
	}
	if has(p.Name) {
		return true
	}
	for _, a := range p.Aliases {
		if has(a) {
			return true
		}
	}
	return false
}

// refineByNote tries the product words followed by the one or two words
// after the relative word that opens the line's note ("yang kampung"),
// looking for an exact name. used reports whether those words were the
// whole note, which the name then replaces.
func (st *state) refineByNote(ln *line) (decision, bool) {
	n := ln.notes[0]
	if n.empty() || st.toks[n.a].kind != tWord || !isAdjNote(st.toks[n.a].w) {
		return decision{}, false
	}
	end := n.a + 1
	for end < n.b && end < n.a+3 && st.toks[end].kind == tWord && !st.lx[end].has(lxNote|lxNum|lxUnit|lxSeUnit) {
		end++
	}
	if end == n.a+1 {
		return decision{}, false
	}
	buf, k := st.phrase(st.sc.buf[:0], ln.words[0], span{}, false)
	if k == 0 {
		return decision{}, false
	}
	for i := n.a + 1; i < end; i++ {
		buf = append(append(buf, ' '), stripNya(st.toks[i].w)...)
		k++
	}
	st.sc.buf = buf
	cs, ok := st.p.exact[string(buf)]
	if !ok {
		return decision{}, false
	}
	return st.p.decide(cs, k), st.trimFiller(n.a, n.b) == end
}