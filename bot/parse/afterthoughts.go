package parse

// Afterthoughts: a buyer changing the figure just said, or putting goods
// off for later.

// correctionWords open a new figure for the goods just ordered: "eh",
// "ralat", "salah", "maksudnya", "bukan", "ding" (Su), and the words for
// "no" ("nyanda, dua loyang jo").
var correctionWords = map[string]bool{"eh": true, "ralat": true, "salah": true, "maksudnya": true, "maksud": true,
	"bukan": true, "ding": true}

func isCorrectionWord(w string) bool { return correctionWords[w] || declineNeg[w] }

// corrects reads a chunk that is only a quantity, said after a correction
// word that follows the last line's quantity ("kangkung 2 ikat, eh, tiga
// ikat jo", "beras 5 kg\neh 10 kg"): the new figure replaces the old, as a
// trader would hear it. The units must agree; money is not corrected here.
// It reports whether the quantity was taken.
func (st *state) corrects(a, b int, q quantity) bool {
	n := len(st.sc.lines)
	if n == 0 || q.money || q.offer > 0 {
		return false
	}
	prev := &st.sc.lines[n-1]
	if !st.afterCorrection(a, b) && !st.nowAfterLastTime(a, b, prev) {
		return false
	}
	if !prev.hasQ || prev.q.money || prev.chunk >= st.chunk || !sameMeasure(prev.q, q) {
		return false
	}
	prev.q = q
	return true
}

// sameMeasure reports whether two quantities are in one unit, or units of
// one dimension, or both bare numbers.
func sameMeasure(p, q quantity) bool {
	switch {
	case p.unit == nil || q.unit == nil:
		return p.unit == nil && q.unit == nil
	case p.unit.code == q.unit.code:
		return true
	default:
		return p.unit.known() && q.unit.known() && p.unit.u.Dimension == q.unit.u.Dimension
	}
}

// afterCorrection reports whether a correction word opens the chunk
// [a, b) or stands alone between it and the quantity before it, with only
// separators and filler around.
func (st *state) afterCorrection(a, b int) bool {
	for k := a; k < b && st.toks[k].kind == tWord; k++ {
		if isCorrectionWord(st.toks[k].w) {
			return true
		}
		if !st.lx[k].has(lxFiller) {
			break
		}
	}
	found := false
	for k := a - 1; k >= 0; k-- {
		t := st.toks[k]
		switch {
		case t.kind == tSep || t.kind == tQuest:
		case t.kind == tWord && isCorrectionWord(t.w):
			found = true
		case t.kind == tWord && st.lx[k].has(lxFiller) && !st.lx[k].has(lxUnit|lxSeUnit|lxNum):
		default:
			return found
		}
	}
	return false
}

// lastTimeWords and nowWords contrast the last order with this one:
// "kemarin ayam 2 kilo, sekarang 3 kilo" (Palembang "kemaren …, kini …").
var (
	lastTimeWords = map[string]bool{"kemarin": true, "kemaren": true, "kmrn": true, "kmrin": true, "biasanya": true}
	nowWords      = map[string]bool{"sekarang": true, "skrg": true, "skarang": true, "kini": true, "saiki": true, "ayeuna": true}
)

// nowAfterLastTime reports whether the chunk [a, b) opens with "now"
// after the line before was said with "last time" ("kemarin ayam potong 2
// kilo\nsekarang 3 kilo"): the new figure is this order's.
func (st *state) nowAfterLastTime(a, b int, prev *line) bool {
	now := false
	for k := a; k < b && st.toks[k].kind == tWord && !now; k++ {
		now = nowWords[st.toks[k].w]
		if !now && !st.lx[k].has(lxFiller) {
			return false
		}
	}
	if !now || prev.words[0].empty() {
		return false
	}
	for k := prev.words[0].a - 1; k >= 0 && st.toks[k].kind != tNum; k-- {
		if st.toks[k].kind == tWord && lastTimeWords[st.toks[k].w] {
			return true
		}
		if st.toks[k].kind == tWord && !st.lx[k].has(lxFiller) {
			return false
		}
	}
	return false
}

// laterWords put goods off: "nanti", "ntar", "entar"; Palembang kagek.
// They carry lxLater in the lexicon, so that defers, run on every chunk,
// looks at flags only.
var laterWords = []string{"nanti", "ntar", "nnti", "entar", "kagek"}

// defers reads a chunk that names goods and puts them off, with nothing
// after but "just" or "first" ("langsat nanti jo", "kopi nanti aja"): no
// order and no question. A time after it ("lemang nanti sore") is when
// the buyer comes for the goods, still wanted.
func (st *state) defers(a, b int) bool {
	k := a
	for k < b && st.toks[k].kind == tWord && !st.lx[k].has(lxLater) {
		if st.lx[k].has(lxNum | lxUnit | lxSeUnit | lxMoney | lxAsk | lxAvail) {
			return false
		}
		k++
	}
	if k == a || k >= b || st.toks[k].kind != tWord {
		return false
	}
	goods := false
	for i := a; i < k; i++ {
		goods = goods || st.lx[i].flags == 0 || st.p.aliasWords[st.toks[i].w]
	}
	if !goods {
		return false
	}
	for i := k + 1; i < b; i++ {
		w, l := st.toks[i].w, st.lx[i]
		if st.toks[i].kind != tWord || !(l.has(lxTail) && !l.has(lxAddress) || w == "dulu" || w == "dl") {
			return false
		}
	}
	return true
}
