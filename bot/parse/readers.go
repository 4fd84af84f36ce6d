package parse

import "pasarbot/catalog"

// Readers for a single value typed on its own: an amount of money, a
// bargaining price, a quantity. The conversation calls them when it has
// just asked for one ("mau bayar berapa?", "mau berapa kilo?").

// maxReaderBytes bounds the text the readers look at: one value is short.
const maxReaderBytes = 256

// readAlone tokenizes s and reads one quantity that fills it, fillers
// aside ("80rb aja kak").
func readAlone(s string) (quantity, bool) {
	if len(s) > maxReaderBytes {
		return quantity{}, false
	}
	c := chunkOf(s)
	toks := c.t
	i := skipFiller(c, 0)
	if i >= len(toks) || !c.startsQty(i) {
		return quantity{}, false
	}
	q, ok := c.readQty(i)
	if !ok || skipFiller(c, q.b) != len(toks) {
		return quantity{}, false
	}
	return q, true
}

func skipFiller(c chunk, i int) int {
	for i < len(c.t) && (c.t[i].kind == tSep || c.t[i].kind == tQuest ||
		c.t[i].kind == tWord && c.l[i].has(lxFiller) && !c.l[i].has(lxNum|lxUnit|lxSeUnit)) {
		i++
	}
	return i
}

// ParseMoney reads an amount of rupiah as written in chat: "80000",
// "80.000", "80rb", "80 ribu", "80k", "Rp 80.000", "Rp5.000,-", "80an",
// "1,5jt", "goceng", "ceban", "gocap", "seceng", "limang ewu", "sewu",
// "rong ewu", "dua ribu". A bare number must be 100 or more: "80" alone
// is a spoken price, for ParseSpokenPrice.
func ParseMoney(s string) (rupiah int64, ok bool) {
	q, ok := readAlone(s)
	if !ok || q.conflict || q.offer != 0 || q.unit != nil || q.count != 0 {
		return 0, false
	}
	if q.money {
		return q.val, q.val > 0
	}
	if q.frac || q.val%1000 != 0 || q.val < 100_000 {
		return 0, false
	}
	return q.val / 1000, true
}

// ParseSpokenPrice reads a price said in bargaining, where thousands go
// unsaid: "enam lima" is 65.000 when the goods cost tens of thousands,
// "tujuh lima", "lima puluh", "dua belas" (12.000), "80an", "3,5". context
// is a price the words are near (the asking price or the last offer); 0
// means unknown, and then bare numbers are thousands. "8 juta" for goods
// worth thousands is Sundanese slang for 8 ribu: it reads as 8.000 with
// ambiguous set, so the bot confirms ("maksudnya Rp8.000?"). ambiguous is
// also set when no reading comes near the context.
func ParseSpokenPrice(s string, context int64) (rupiah int64, ambiguous bool, ok bool) {
	if len(s) > maxReaderBytes {
		return 0, false, false
	}
	if context < 0 {
		context = 0
	}
	c := chunkOf(s)
	toks, lx := c.t, c.l
	i := skipFiller(c, 0)
	if i >= len(toks) {
		return 0, false, false
	}
	// "enam lima", "tujuh lima ribu": two digit words make tens and units.
	if n, next, ok := readPair(c, i); ok {
		if next < len(toks) && toks[next].kind == tWord && lx[next].has(lxMoneyMul) && lx[next].nk == nkRibu {
			if skipFiller(c, next+1) == len(toks) {
				return n * 1000, false, true
			}
			return 0, false, false
		}
		if skipFiller(c, next) == len(toks) {
			v, amb := scaleSpoken(n*1000, context)
			return v, amb, v > 0
		}
		return 0, false, false
	}
	q, ok := c.readQty(i)
	if !ok || skipFiller(c, q.b) != len(toks) || q.unit != nil || q.conflict || q.offer != 0 || q.count != 0 {
		return 0, false, false
	}
	explicit := q.money && !q.approx
	if q.money && q.approx && toks[q.b-1].kind == tWord && lx[q.b-1].has(lxMoneyMul) {
		explicit = true // "5 ribuan": the thousands were said
	}
	if q.money && q.approx && !explicit {
		// "80an": the number before "an" is what was spoken.
		n := q.val
		if n%1000 == 0 && toks[i].kind == tNum && toks[i].val < 1_000_000 {
			n = toks[i].val / 1000
		}
		v, amb := scaleSpoken(sat(n, 1000), context)
		return v, amb, v > 0
	}
	if explicit {
		if q.juta && context > 0 && q.val/context >= 100 {
			return q.val / 1000, true, true
		}
		return q.val, false, q.val > 0
	}
	// A bare number, spelled or in digits, written in full when it holds
	// thousands already ("65000", "65.000").
	if !q.frac && q.val >= 1_000_000 && q.val%1000 == 0 {
		return q.val / 1000, false, true
	}
	v, amb := scaleSpoken(q.val, context)
	return v, amb, v > 0
}

// readPair reads two bare digit words ("enam lima") as one two-digit
// number. The second may be a bare digit in figures too ("enam 5") — no:
// only words, since "6 5" is two numbers.
func readPair(c chunk, i int) (int64, int, bool) {
	if i+1 >= len(c.t) || c.t[i].kind != tWord || c.t[i+1].kind != tWord {
		return 0, 0, false
	}
	a, b := c.l[i], c.l[i+1]
	if !a.has(lxNum) || a.nk != nkDigit || !b.has(lxNum) || b.nk != nkDigit {
		return 0, 0, false
	}
	// "dua lima" is 25, and "seratus" etc. never pair.
	return a.num*10 + b.num, i + 2, true
}

// scaleSpoken picks the power of ten that brings a spoken number (in
// thousandths) nearest the context price: "enam lima" near 60.000 is
// 65.000, near 6.000 it is 6.500. Without context, thousands.
func scaleSpoken(milli int64, context int64) (int64, bool) {
	if milli <= 0 {
		return 0, false
	}
	if context <= 0 {
		v := sat(milli, 1000) / 1000
		if milli >= 1_000_000 {
			v = milli / 1000 // already a full amount
		}
		return v, false
	}
	best, bestRatio := int64(0), int64(0)
	// Candidates: milli × 10^k / 1000 for k = 0…9, whole rupiah from 100.
	for k, m := 0, int64(1); k <= 9; k, m = k+1, m*10 {
		v := sat(milli, m) / 1000
		if v < 100 || sat(milli, m)%1000 != 0 {
			continue
		}
		r := ratio1000(v, context)
		if best == 0 || r < bestRatio {
			best, bestRatio = v, r
		}
	}
	// Nearer than 2.5× the context is a confident reading.
	return best, bestRatio > 2500
}

// ratio1000 returns max(a,b)/min(a,b) in thousandths.
func ratio1000(a, b int64) int64 {
	if a < b {
		a, b = b, a
	}
	if b <= 0 {
		return maxVal
	}
	if a > maxVal/1000 {
		return maxVal
	}
	return a * 1000 / b
}

// AnyCountUnit is the unit ParseQuantity gives a regional classifier
// that counts one of anything ("saikung", "sabuting"): the count is in
// whatever the product is counted in.
const AnyCountUnit = "any"

// ParseQuantity reads a quantity typed on its own: "1/4", "setengah kilo",
// "3 ons", "sepapan", "1 1/2 kg", "dua ikat", "sak kilo". qty is in the
// unit returned, which is a catalog unit code ("kg", "papan") or "" when
// none was said (a bare fraction of a product sold by weight means kg:
// the caller decides); units the catalog lacks come back as the spoken
// word ("buletan"). Dozens are pieces ("1 lusin" = 12 pcs) and "sebelah"
// is half an "ekor". Money is not a quantity: see ParseMoney.
func ParseQuantity(s string) (qty catalog.Qty, unit string, ok bool) {
	q, ok := readAlone(s)
	if !ok || q.money || q.conflict || q.offer != 0 || q.val <= 0 {
		return 0, "", false
	}
	v := q.val
	if q.count > 0 {
		if q.countUnit != nil && q.unit != nil && q.unit.known() && q.countUnit.known() && q.unit.u.Dimension != q.countUnit.u.Dimension {
			v = sat(v, q.count)
		} else if q.countUnit == nil {
			v = sat(v, q.count)
		} else {
			return 0, "", false
		}
	}
	if v >= maxVal {
		return 0, "", false
	}
	switch {
	case q.unit == nil:
		return catalog.Qty(v), "", true
	case q.unit.half:
		return catalog.Qty(v), "ekor", true
	case q.unit.code == "lusin" || q.unit.code == "kodi":
		return catalog.Qty(sat(v, q.unit.u.Base)), "pcs", true
	case q.unit.any:
		return catalog.Qty(v), AnyCountUnit, true
	}
	return catalog.Qty(v), q.unit.code, true
}

// chunkOf tokenizes s and looks up every word: the start of each reader.
func chunkOf(s string) chunk {
	var tz tokenizer
	toks, _ := tz.run(s)
	lx := make([]lex, len(toks))
	for i, t := range toks {
		if t.kind == tWord {
			lx[i] = lookup(t.w)
		}
	}
	return chunk{t: toks, l: lx}
}
