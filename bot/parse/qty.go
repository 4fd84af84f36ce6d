package parse

// quantity is what a buyer said about how much, before any product is
// known: a number with or without a unit, an amount of money, or both.
type quantity struct {
	val    int64       // thousandths of unit; for money, whole rupiah
	unit   *spokenUnit // nil when no unit was said
	frac   bool        // a bare fraction: "setengah", "1/4", "seprapat"
	money  bool        // an amount of rupiah in val
	approx bool        // "80an", "5rb an": about that much
	juta   bool        // said with "juta": maybe slang for ribu
	words  bool        // the number was spelled out ("dua", "sekilo")

	count     int64       // containers in "5kg 2 karung" (whole units), 0 when none
	countUnit *spokenUnit // the container's unit, nil for "x2"
	conflict  bool        // two quantities that do not combine: ask
	offer     int64       // a price said with a quantity: "sekilo 30rb"
	spoken    int64       // a price said without thousands after a quantity: "sekilo tujuh lima" (thousandths of the spoken number)
	pair      bool        // two digit words, "tujuh lima": 75 as a price, never a count

	a, b int // token span [a, b)
}

// chunk is a run of tokens between separators with their lexicon entries.
type chunk struct {
	t []token
	l []lex
}

// readQty reads a quantity starting at token i, including combinations
// ("1 kilo 2 ons", "5kg 2 karung", "2 x 5kg", "sekilo 30rb").
func (c chunk) readQty(i int) (quantity, bool) {
	q, ok := c.readAtom(i)
	if !ok {
		// "x2 5kg" is rare; "x2" alone after a product is handled below.
		return q, false
	}
	for q.b < len(c.t) {
		j := q.b
		times := false
		if c.t[j].kind == tWord && c.l[j].has(lxTimes) {
			times = true
			j++
		}
		r, ok := c.readAtom(j)
		if !ok {
			break
		}
		q = combine(q, r, times)
		q.b = r.b
	}
	// A trailing "x2" or "2x": that many of what was said.
	if q.b+1 < len(c.t) && c.t[q.b].kind == tWord && c.l[q.b].has(lxTimes) && c.t[q.b+1].kind == tNum && c.t[q.b+1].intg {
		q = combine(q, quantity{val: c.t[q.b+1].val}, true)
		q.b += 2
	}
	return q, true
}

// combine merges two adjacent quantities.
func combine(q, r quantity, times bool) quantity {
	switch {
	case q.money && r.money, q.conflict:
		q.conflict = true
	case q.money || r.money:
		// "sekilo 30rb", "5rb sekilo": a price proposal with a quantity.
		m, n := q, r
		if r.money {
			m, n = r, q
		}
		n.offer = m.val
		n.a = q.a
		return n
	case times && q.unit == nil && r.unit != nil && q.val%1000 == 0 && q.count == 0:
		// "2 x 5kg"
		r.count, r.a = q.val/1000, q.a
		return r
	case times && r.unit == nil && r.val%1000 == 0 && q.count == 0:
		// "5kg x 2"
		q.count = r.val / 1000
	case q.unit != nil && r.unit != nil && q.unit.known() && r.unit.known() &&
		q.unit.u.Dimension == r.unit.u.Dimension && r.unit.u.Base < q.unit.u.Base && q.count == 0:
		// "1 kilo 2 ons", "sekilo setengah ons": add, in the smaller unit.
		q.val = sat(q.val, q.unit.u.Base)/r.unit.u.Base + r.val
		q.unit = r.unit
		q.frac = false
	case q.unit != nil && r.unit != nil && q.count == 0 && r.val%1000 == 0 && isContainer(r.unit) && !isContainer(q.unit):
		// "beras 5kg 2 karung": two sacks of five kilos.
		q.count, q.countUnit = r.val/1000, r.unit
	case q.unit != nil && r.unit != nil && q.val%1000 == 0 && isContainer(q.unit) && !isContainer(r.unit):
		// "2 karung 5kg", "2 bungkus @ 250 gram"
		r.count, r.countUnit, r.a = q.val/1000, q.unit, q.a
		return r
	case !times && q.unit != nil && r.unit == nil && !r.money && !r.frac && q.count == 0 && q.spoken == 0 &&
		(r.pair || r.words || r.val >= 10_000):
		// "daging sekilo 130", "ayam seekor tujuh lima": a bargaining
		// price with its thousands unsaid. Scaled against the price later.
		q.spoken = r.val
	default:
		q.conflict = true
	}
	return q
}

// isContainer reports whether a unit counts packs rather than measuring:
// the size said next to it ("5kg") tells what each one holds.
func isContainer(u *spokenUnit) bool {
	if u == nil {
		return false
	}
	if !u.known() {
		return u.code == "botol" || u.code == "plastik" || u.code == "dus" || u.code == "kaleng"
	}
	switch u.code {
	case "karung", "bungkus", "renteng", "pcs", "buah", "biji", "papan", "ikat", "porsi", "tumpuk":
		return true
	}
	return false
}

// readAtom reads one quantity without combinations.
func (c chunk) readAtom(i int) (quantity, bool) {
	if i >= len(c.t) {
		return quantity{}, false
	}
	q := quantity{a: i}
	t, l := c.t[i], c.l[i]
	j := i
	switch {
	case t.kind == tNum:
		q.val = t.val
		q.frac = t.frac
		j++
		// "1 1/2", "1½"
		if !t.frac && t.intg && j < len(c.t) && c.t[j].kind == tNum && c.t[j].frac && c.t[j].val < 1000 {
			q.val += c.t[j].val
			q.frac = false
			j++
		}
	case t.kind == tWord && l.has(lxRp):
		// "Rp 5.000", "rp5rb"
		if j+1 >= len(c.t) || c.t[j+1].kind != tNum {
			return q, false
		}
		r, ok := c.readAtom(j + 1)
		if !ok || r.unit != nil {
			return q, false
		}
		if !r.money {
			r.money = true
			r.val = r.val / 1000
		}
		r.a = i
		return r, true
	case t.kind == tWord && l.has(lxMoney):
		q.money, q.val, q.words = true, l.num, true
		q.b = i + 1
		return q, true
	case t.kind == tWord && l.has(lxSeUnit):
		q.val, q.unit, q.words = 1000, unitOf(l), true
		if q.unit.half {
			q.val = 500
		}
		q.b = i + 1
		return c.halfAfter(q), true
	case t.kind == tWord && l.has(lxUnit) && unitOf(l).half:
		// "sebelah" on its own.
		q.val, q.unit, q.words, q.b = 500, unitOf(l), true, i+1
		return q, true
	case t.kind == tWord && l.has(lxNum) && l.nk == nkSe:
		// "se kilo", "sak kilo", "sa ons"
		if j+1 < len(c.t) && c.t[j+1].kind == tWord && c.l[j+1].has(lxUnit) && !c.l[j+1].has(lxNeedNum) {
			q.val, q.unit, q.words, q.b = 1000, unitOf(c.l[j+1]), true, j+2
			return c.halfAfter(q), true
		}
		return q, false
	case t.kind == tWord && l.has(lxNum):
		nw, ok := readNumWords(c.t, c.l, i)
		if !ok {
			return q, false
		}
		q.val, q.frac, q.words = nw.val, nw.frac, true
		j = nw.next
		// "tujuh lima": two digit words are a spoken price.
		if nw.digit != 0 && j < len(c.t) && c.t[j].kind == tWord && c.l[j].has(lxNum) && c.l[j].nk == nkDigit {
			if k := j + 1; k >= len(c.t) || c.t[k].kind != tWord || !c.l[k].has(lxNum) {
				q.val, q.pair = (nw.digit*10+c.l[j].num)*1000, true
				j++
				if j < len(c.t) && c.t[j].kind == tWord && c.l[j].has(lxMoneyMul) && c.l[j].nk == nkRibu {
					// "tujuh lima ribu"
					q.money, q.pair = true, false
					q.b = j + 1
					return q, true
				}
				q.b = j
				return q, true
			}
		}
		if nw.ribu || nw.juta {
			q.money, q.juta = true, nw.juta
			q.val /= 1000
			q.b = j
			return c.approxAfter(q), true
		}
	default:
		return q, false
	}
	// After a number: "setengah" ("dua setengah kilo"), "perempat"
	// ("3 perempat"), money multipliers, approximations and units.
	if j < len(c.t) && c.t[j].kind == tWord {
		nl := c.l[j]
		switch {
		case nl.has(lxNum) && nl.nk == nkFrac && nl.num == 500 && q.val%1000 == 0 && !q.frac && !c.t[j].glued:
			q.val += 500
			j++
		case nl.has(lxNum) && nl.nk == nkPerempat && q.val%1000 == 0 && q.val <= 3000:
			q.val = q.val / 1000 * 250
			q.frac = true
			j++
		case nl.has(lxMoneyMul):
			q.money = true
			q.juta = nl.nk == nkJuta
			q.val = sat(q.val, nl.num) / 1000
			q.approx = nl.has(lxApprox)
			q.b = j + 1
			return c.approxAfter(q), true
		case nl.has(lxApprox) && c.t[j].glued && q.val%1000 == 0:
			// "80an": about 80 ribu (or about 8000 when written in full).
			q.money, q.approx = true, true
			q.val /= 1000
			if q.val < 1000 {
				q.val = sat(q.val, 1000)
			}
			q.b = j + 1
			return q, true
		}
	}
	if j < len(c.t) && c.t[j].kind == tWord && c.l[j].has(lxUnit) {
		q.unit = unitOf(c.l[j])
		q.frac = false
		j++
		q.b = j
		return c.halfAfter(q), true
	}
	q.b = j
	return q, true
}

// halfAfter reads the "setengah" of "sekilo setengah" and "2 kilo
// setengah": half a unit more.
func (c chunk) halfAfter(q quantity) quantity {
	j := q.b
	if j < len(c.t) && c.t[j].kind == tWord && c.l[j].has(lxNum) && c.l[j].nk == nkFrac && c.l[j].num == 500 && q.val%1000 == 0 {
		// Not when a unit follows: "sekilo setengah ons" is not 1,5 kg.
		if j+1 < len(c.t) && c.t[j+1].kind == tWord && c.l[j+1].has(lxUnit) {
			return q
		}
		q.val += 500
		q.b = j + 1
	}
	return q
}

// approxAfter swallows a trailing "an" ("5rb an").
func (c chunk) approxAfter(q quantity) quantity {
	if q.b < len(c.t) && c.t[q.b].kind == tWord && c.l[q.b].has(lxApprox) && !c.l[q.b].has(lxMoneyMul) {
		q.approx = true
		q.b++
	}
	return q
}

// startsQty reports whether a quantity can start at token i.
func (c chunk) startsQty(i int) bool {
	t, l := c.t[i], c.l[i]
	if t.kind == tNum {
		return true
	}
	return t.kind == tWord && (l.has(lxNum) || l.has(lxSeUnit) || l.has(lxMoney) || l.has(lxRp) ||
		(l.has(lxUnit) && unitOf(l).half))
}
