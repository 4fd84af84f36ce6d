package parse

import (
	"strconv"

	"pasarbot/catalog"
)

// Reading one piece of a message (between separators) into runs of
// product words and quantities.

// split cuts the tokens into chunks at separators and reads each.
func (st *state) split() {
	a := 0
	for i := 0; i <= len(st.toks); i++ {
		if i < len(st.toks) {
			t := st.toks[i]
			if t.kind != tSep && t.kind != tQuest && !(t.kind == tWord && st.lx[i].has(lxSepWord) && !st.aliasPart(i)) {
				continue
			}
		}
		if i > a {
			start := len(st.sc.lines)
			st.readChunk(a, i)
			if i < len(st.toks) && st.toks[i].colon {
				// "bahan sop:", "sayur:", "gasan bawadai:": a heading
				// names no item unless a quantity after it joins it.
				for k := start; k < len(st.sc.lines); k++ {
					st.sc.lines[k].heading = !st.sc.lines[k].hasQ
				}
			}
			st.chunk++
		}
		a = i + 1
		if len(st.sc.lines) >= maxItems {
			return
		}
	}
}

// aliasPart reports whether the lexicon word at i belongs to a product
// name here: "ikan mas", "jeruk limo", "teh sariwangi".
func (st *state) aliasPart(i int) bool {
	w := st.toks[i].w
	if !st.p.aliasWords[w] {
		return false
	}
	// With the words before it.
	buf := st.sc.abuf[:0]
	j := i - 1
	for j >= 0 && st.toks[j].kind == tWord && !st.lx[j].has(lxFiller|lxSepWord) && !declineNeg[st.toks[j].w] && i-j <= 4 {
		j--
	}
	// The words just before, from the nearest: "2 sisir pisang mas" is
	// "pisang mas" after its quantity.
	for s := i - 1; s > j; s-- {
		buf = buf[:0]
		for k := s; k < i; k++ {
			buf = append(buf, stripNya(st.toks[k].w)...)
			buf = append(buf, ' ')
		}
		buf = append(buf, w...)
		st.sc.abuf = buf
		if _, ok := st.p.exact[string(buf)]; ok || st.p.prefixes[string(buf)] {
			return true
		}
	}
	buf = buf[:0]
	for k := j + 1; k < i; k++ {
		buf = append(buf, stripNya(st.toks[k].w)...)
		buf = append(buf, ' ')
	}
	buf = append(buf, w...)
	st.sc.abuf = buf
	if j+1 < i {
		if builtInAddressWords()[w] {
			// "ikan mas" where no Ikan Mas is sold: goods every market
			// knows, read whole to be found missing.
			if _, ok := builtInPhrases()[string(buf)]; ok {
				return true
			}
		}
		// "lauk mas", "iwak mas": the words before in the catalog's
		// Indonesian ("ikan mas").
		buf = buf[:0]
		for k := j + 1; k < i; k++ {
			buf = append(buf, catalog.IndonesianWord(stripNya(st.toks[k].w))...)
			buf = append(buf, ' ')
		}
		buf = append(buf, w...)
		st.sc.abuf = buf
		if _, ok := st.p.exact[string(buf)]; ok {
			return true
		}
		// "ikn mas": the word before is a chat abbreviation of the
		// name's first word.
		if j+2 == i {
			for _, wh := range st.p.wholes {
				if len(wh.words) == 2 && wh.words[1] == w && catalog.Abbreviates(st.toks[j+1].w, wh.words[0]) {
					return true
				}
			}
		}
	}
	// On its own: a whole name followed by a quantity ("limo 1 kg"), or
	// the start of a longer name that the next word continues ("teh
	// sariwangi").
	if i+1 >= len(st.toks) {
		return false
	}
	n, nl := st.toks[i+1], st.lx[i+1]
	// A spelled count counts it too ("pindang lima ekor" where the catalog
	// sells pindang).
	spelled := nl.has(lxNum) && nl.nk != nkSe && !nl.has(lxMoneyMul|lxSepWord)
	// The first word of several names is one as well ("pindang 3 ekor"
	// where the catalog sells two kinds of pindang): the sorts are asked.
	// Not a word that starts a note ("potong 8" of a chicken, though a
	// service may be called "potong …").
	sorts := st.p.prefixes[w] && !st.lx[i].has(lxNote|lxNoteAfter)
	if _, ok := st.p.exact[w]; (ok || sorts) && (n.kind == tNum || n.kind == tWord && (nl.has(lxSeUnit) || nl.has(lxMoney) || spelled)) {
		return true
	}
	if st.p.prefixes[w] && n.kind == tWord {
		buf = append(append(append(buf[:0], w...), ' '), stripNya(n.w)...)
		st.sc.abuf = buf
		if _, ok := st.p.exact[string(buf)]; ok || st.p.prefixes[string(buf)] {
			return true
		}
		if nl.flags == 0 {
			// "lapan jm": the next word is a chat abbreviation of the
			// name's next word.
			for _, wh := range st.p.wholes {
				if len(wh.words) >= 2 && wh.words[0] == w && catalog.Abbreviates(n.w, wh.words[1]) {
					return true
				}
			}
		}
	}
	return false
}

// qtyAhead reports whether a quantity of goods starts somewhere in [i, b):
// a number with a unit after it, or a se- unit word ("satu ekor",
// "2 kg", "sekilo"); "selamatan 40 harian" counts days, not goods.
func (c chunk) qtyAhead(i, b int) bool {
	for ; i < b; i++ {
		if c.t[i].kind == tWord && c.l[i].has(lxSeUnit) {
			return true
		}
		if c.t[i].kind != tNum && !(c.t[i].kind == tWord && c.l[i].has(lxNum) && !c.l[i].has(lxNote)) {
			continue
		}
		if i+1 < b && c.t[i+1].kind == tWord && c.l[i+1].has(lxUnit) {
			return true
		}
	}
	return false
}

// stillPrice reports whether tokens [i, b) are a bare number and filler
// ending in a question ("masih 150 kah?", "masih 35 ya?"): after "masih",
// the price the buyer remembers.
func (st *state) stillPrice(c chunk, i, b int) bool {
	if i >= b || c.t[i].kind != tNum || i+1 < len(c.t) && c.t[i+1].kind == tWord && c.l[i+1].has(lxUnit|lxMoneyMul) {
		return false
	}
	asked := b < len(st.toks) && st.toks[b].kind == tQuest
	for k := i + 1; k < b; k++ {
		if c.t[k].kind != tWord || !c.l[k].has(lxTail) {
			return false
		}
		asked = asked || c.t[k].w == "kah" || c.t[k].w == "ya"
	}
	return asked
}

// run is a stretch of a chunk: product words or one quantity.
type run struct {
	isQ bool
	w   span
	q   quantity
}

const maxRuns = 64 // a chunk with more runs (30 unseparated items) is read up to here

// Declining: "gak usah bombay", "kada usah X", "ndak jadi X", Jv "ora sido X", Su "teu
// kedah X" (no need for X, not X after all).
var (
	declineNeg  = map[string]bool{"gak": true, "ga": true, "gk": true, "nggak": true, "ngga": true, "enggak": true, "ndak": true, "nda": true, "tidak": true, "tdk": true, "kada": true, "indak": true, "ora": true, "kagak": true, "kaga": true, "mboten": true, "teu": true, "tak": true, "nyanda": true, "sonde": true, "dak": true, "idak": true}
	declineVerb = map[string]bool{"usah": true, "usahlah": true, "jadi": true, "perlu": true, "kedah": true, "sido": true, "sida": true}
)

// declines reads a chunk that declines goods named before it ("…, eh kada
// usah bombay", or "bombay? kada usah" after goods with no quantity): the
// lines whose words hold the goods are dropped, and the chunk names
// nothing. It reports whether the chunk was one.
func (st *state) declines(a, b int) bool {
	corrected := false // "…, eh dak jadi": the goods just said, with their quantity
	for a < b && st.toks[a].kind == tWord && st.lx[a].has(lxFiller) && !declineNeg[st.toks[a].w] {
		corrected = corrected || correctionWords[st.toks[a].w]
		a++
	}
	if st.declinesBefore(a, b) {
		return true
	}
	if a+1 >= b || st.toks[a].kind != tWord || !declineNeg[st.toks[a].w] || st.toks[a+1].kind != tWord || !declineVerb[st.toks[a+1].w] {
		return false
	}
	if st.trimFiller(a+2, b) == a+2 {
		// "asam kandis? ndak usah lah": no need of the goods just named
		// without a quantity; after a correction word ("cumi 1 kilo, eh
		// dak jadi") with theirs too.
		if n := len(st.sc.lines); n > 0 && st.sc.lines[n-1].chunk == st.chunk-1 && (!st.sc.lines[n-1].hasQ || corrected) {
			st.sc.lines[n-1].declined = true
			return true
		}
		return false
	}
	found := false
	for k := range st.sc.lines {
		ln := &st.sc.lines[k]
		for i := a + 2; i < st.trimFiller(a+2, b); i++ {
			if st.toks[i].kind == tWord && st.lx[i].flags == 0 && ln.holds(st.toks, st.toks[i].w) {
				ln.declined, found = true, true
			}
		}
	}
	return found
}

// declinesBefore reads a chunk that names goods and then declines them,
// with nothing after but filler: "sambel teu kedah", "mangga gak usah",
// "asem teh teu kedah deui ding" (the goods, then no need). The chunk names
// nothing, and earlier lines of the same goods are dropped: a buyer who
// ordered asam and then says "asem … teu kedah" takes it back.
func (st *state) declinesBefore(a, b int) bool {
	k := a
	for k+1 < b && st.toks[k].kind == tWord && !(declineNeg[st.toks[k].w] && st.toks[k+1].kind == tWord && declineVerb[st.toks[k+1].w]) {
		if st.lx[k].has(lxNum | lxUnit | lxSeUnit | lxSepWord | lxAsk) {
			return false
		}
		k++
	}
	if k == a || k+1 >= b || st.toks[k].kind != tWord || !declineNeg[st.toks[k].w] || st.trimFiller(k+2, b) != k+2 {
		return false
	}
	goods := false
	for i := a; i < k; i++ {
		if st.lx[i].flags&^lxWeak != 0 && !st.p.aliasWords[st.toks[i].w] {
			continue // "teh", "atuh" around the goods
		}
		goods = true
		for j := range st.sc.lines {
			if ln := &st.sc.lines[j]; ln.holds(st.toks, st.toks[i].w) || st.sameGoods(ln, st.toks[i].w) {
				ln.declined = true
			}
		}
	}
	return goods
}

// sameGoods reports whether the line names, in one word, the one product
// that w names too ("asam" and "asem", two aliases of one product).
func (st *state) sameGoods(ln *line, w string) bool {
	c := st.p.exact[w]
	if len(c) != 1 {
		return false
	}
	for _, s := range ln.words {
		if s.b-s.a != 1 {
			continue
		}
		if d := st.p.exact[stripNya(st.toks[s.a].w)]; len(d) == 1 && d[0].Product == c[0].Product {
			return true
		}
	}
	return false
}

// Letting go: "yaudah", "ya sudah", Jv "yo wis", "yowis" (all right
// then), "gapapa" (never mind), said after goods the buyer asked were not
// there.
var (
	letGoWords = map[string]bool{"yaudah": true, "yaudh": true, "yasudah": true, "yauda": true, "yowis": true, "yawis": true, "gapapa": true, "gpp": true}
	letGoAfter = map[string]bool{"sudah": true, "udah": true, "udh": true, "dah": true, "wis": true, "uwis": true, "wes": true}
)

// letsGo reads a chunk that opens with letting go ("yaudah", "yo wis")
// after one that asked whether goods are not there ("cumi gak onok to?"):
// the buyer took the "no" already, so those goods, named without a
// quantity, are dropped rather than answered.
func (st *state) letsGo(a, b int) {
	n := len(st.sc.lines)
	if n == 0 || st.toks[a].kind != tWord {
		return
	}
	w := st.toks[a].w
	if !letGoWords[w] && !((w == "ya" || w == "yo" || w == "yah") && a+1 < b && st.toks[a+1].kind == tWord && letGoAfter[st.toks[a+1].w]) {
		return
	}
	for k := n - 1; k >= 0 && st.sc.lines[k].chunk == st.chunk-1; k-- {
		ln := &st.sc.lines[k]
		// From the line's own words: "habis" is no lexicon word (the
		// conversation reads "kalau habis ganti …" in a note) and may be
		// read as one of them.
		if !ln.hasQ && st.askedNotThere(ln.words[0].a, a) {
			ln.declined = true
		}
	}
}

// askedNotThere reports whether tokens [i, j) say the goods are not there:
// a negation, then "ada" or its regional word ("gak ada", "ora ono",
// "indak ado", "teu aya", "gak onok"), or sold out ("habis", "abis").
func (st *state) askedNotThere(i, j int) bool {
	for k := i; k < j; k++ {
		if st.toks[k].kind != tWord {
			continue
		}
		if soldOut[st.toks[k].w] {
			return true
		}
		if k+1 < j && declineNeg[st.toks[k].w] && st.toks[k+1].kind == tWord && st.lx[k+1].has(lxAvail) {
			return true
		}
	}
	return false
}

// soldOut are the words for goods sold out.
var soldOut = map[string]bool{"habis": true, "abis": true}

// holds reports whether the line's product words hold w.
func (ln *line) holds(toks []token, w string) bool {
	for _, s := range ln.words {
		for i := s.a; i < s.b; i++ {
			if toks[i].w == w {
				return true
			}
		}
	}
	return false
}

// readChunk reads the tokens [a, b) between two separators into lines.
func (st *state) readChunk(a, b int) {
	st.letsGo(a, b)
	if st.declines(a, b) || st.defers(a, b) {
		return
	}
	c := chunk{t: st.toks[:b], l: st.lx[:b]}
	// The runs live in the pooled scratch: zeroing a fresh array per
	// piece cost more than the rest of the reading.
	if cap(st.sc.runs) < maxRuns {
		st.sc.runs = make([]run, maxRuns)
	}
	runs := st.sc.runs[:maxRuns]
	nr := 0
	noteAt := -1
	each := false
	haveW, haveQ := false, false
	lastQ := false   // the last run is a quantity, with only filler since
	brk := false     // an intent word since the last product word: start a new run
	first := true    // no word of meaning seen yet in this chunk
	named := false   // the chunk opens with an address ("bu", "mbak"): a name may follow
	purpose := false // the chunk opens with cooking or making ("mau bikin bubur"): a dish may follow
	for i := a; i < b && noteAt < 0 && nr < maxRuns; {
		t, l := c.t[i], c.l[i]
		if t.kind == tWord {
			alias := l.flags != 0 && st.p.aliasWords[t.w] && st.aliasPart(i)
			if l.has(lxStop) && !alias && st.sendsGoods(c, i, b) {
				i++ // "tolong kirim tomat 1 kg": the order it sends follows
				continue
			}
			if l.has(lxStop) && !alias {
				if noteAt < 0 {
					b = i // "... kirim ke jl melati": the order ends here
				}
				break
			}
			switch {
			case alias:
				// a product word despite its lexicon role
			case t.w == "masih" && i+1 < b && c.t[i+1].kind == tWord && c.l[i+1].has(lxAvail):
				i++ // "masih ada kangkung?": in stock, not a note
				continue
			case t.w == "masih" && st.stillPrice(c, i+1, b):
				st.ask = true // "udang masih 150 kah?": does the price still hold
				b = i
				continue
			case l.has(lxAsk):
				st.ask = true
				i++
				continue
			case declineNeg[t.w] && i > a && c.t[i-1].kind == tWord && c.l[i-1].has(lxAvail):
				// "ada gak kepiting?", Pl "ado dak patin?": the "or not" of
				// a stock question, not a note of nothing.
				i++
				continue
			case l.has(lxEach):
				each = true
				i++
				continue
			case l.has(lxNote) && (haveW || haveQ || first && (!lookup(t.w).has(lxNote) || !c.qtyAhead(i+1, b))):
				noteAt = i
				continue
			case l.has(lxNote) && first:
				// "buat masak soto, itu ayam kampung satu ekor": what the
				// order is for, then the order: not a note of nothing.
				i++
				continue
			case l.has(lxPurpose) && haveW && haveQ:
				// "kacang sekilo gawe sambel pecel": after goods and their
				// quantity, what they are for, though it names goods too.
				noteAt = i
				continue
			case l.has(lxNoteAfter) && (lastQ || first && st.onlyNoteWords(i+1, b) && st.p.nameHeads[t.w] == 0):
				// Not a word that starts names here, opening the chunk:
				// "asam 1 ons" where Asam Jawa and Asam Gelugur are sold.
				noteAt = i
				continue
			case l.has(lxFiller) && !l.has(lxWeak):
				if l.has(lxPurpose) && first {
					purpose = true
				}
				if l.has(lxAddress) && first {
					named = true // "Bu Tini, …": a name may follow; not after "ada ji …"
				}
				if l.has(lxAvail) && first {
					named = false // "Om ada jual paniki?", "ada kelen jual sabun?": goods follow, asked after
				}
				if !l.has(lxTail) && nr > 0 && !runs[nr-1].isQ {
					brk = true // "Tini mau pesan ikan lele": intent starts the order
				}
				i++
				continue
			}
			if !alias && c.startsQty(i) {
				if q, ok := c.readQty(i); ok {
					runs[nr] = run{isQ: true, q: q}
					nr++
					haveQ, lastQ, first = true, true, false
					i = q.b
					continue
				}
			}
			if !alias && l.has(lxMoneyMul|lxApprox|lxNum) && !l.has(lxUnit) {
				i++ // "ribu", "belas", "an" with nothing to count: no product word
				continue
			}
			// A product word (or a weak filler, kept for now).
			if nr > 0 && !runs[nr-1].isQ && !brk {
				runs[nr-1].w.b = i + 1
			} else {
				runs[nr] = run{w: span{i, i + 1}}
				nr++
			}
			if !l.has(lxWeak) {
				haveW = true
			}
			lastQ, first, brk = false, false, false
			i++
			continue
		}
		// A number.
		if nr > 0 && !runs[nr-1].isQ && runs[nr-1].w.b == i && st.numberInName(runs[nr-1].w, i) {
			runs[nr-1].w.b = i + 1 // "beras IR 42 5 kg": the 42 is the name's
			i++
			continue
		}
		if q, ok := c.readQty(i); ok {
			runs[nr] = run{isQ: true, q: q}
			nr++
			haveQ, lastQ, first = true, true, false
			i = q.b
			continue
		}
		i++
	}
	var note, note2 span
	if noteAt >= 0 {
		note = span{noteAt, st.trimFiller(noteAt, b)}
	}
	if nr == 0 {
		// A note on its own after a separator: "..., yang seger ya".
		// A lone "no" or "eh" ("…? nyanda, dua loyang jo") is a
		// correction to come, no note.
		if !note.empty() && len(st.sc.lines) > 0 && !(note.b-note.a == 1 && isCorrectionWord(st.toks[note.a].w)) {
			st.sc.lines[len(st.sc.lines)-1].addNote(note)
		}
		return
	}
	// "ikan yang seger 2 kg": a quantity with a unit inside a note that
	// follows a product without one belongs to the product.
	if !note.empty() && !haveQ && nr < maxRuns && isAdjNote(c.t[note.a].w) {
		for k := note.a + 1; k < note.b; k++ {
			if !c.startsQty(k) {
				continue
			}
			q, ok := c.readQty(k)
			if !ok {
				break
			}
			// A bare number only when it ends the note and no instruction
			// came before it: "bawang yg putih 1/4", not "yg seger dipotong 8".
			if q.unit == nil && !q.money && (st.trimFiller(q.b, note.b) != q.b || st.hasInstruction(note.a+1, k)) {
				break
			}
			runs[nr] = run{isQ: true, q: q}
			nr++
			note2 = span{q.b, st.trimFiller(q.b, note.b)}
			note.b = st.trimFiller(note.a, k)
			break
		}
	}
	start := len(st.sc.lines)
	if nr == 1 && runs[0].isQ && st.corrects(a, b, runs[0].q) {
		return // "…, eh, tiga ikat jo": the figure just said, changed
	}
	st.pair(runs[:nr], note, note2, each)
	if purpose && !haveQ {
		// "…, mau bikin bubur": a dish the catalog does not sell is what
		// the order is for, not goods to ask about.
		for i := start; i < len(st.sc.lines); i++ {
			st.sc.lines[i].soft = true
			st.sc.lines[i].dish = true
		}
	}
	if named && !haveQ {
		// "Bu Tini, pesan …": words after an address may be the seller's
		// name, not an unknown product (see resolve).
		for i := start; i < len(st.sc.lines); i++ {
			st.sc.lines[i].named = true
		}
	}
}

// hasInstruction reports whether tokens [a, b) hold a word that starts an
// instruction note ("dipotong", "jangan", "potong").
func (st *state) hasInstruction(a, b int) bool {
	for i := a; i < b; i++ {
		if st.toks[i].kind == tWord && st.lx[i].has(lxNote|lxNoteAfter) {
			return true
		}
	}
	return false
}

// isAdjNote reports whether a note starts with a relative word ("yang
// seger") rather than an instruction ("dipotong 8"), so that a quantity
// inside it may belong to the product.
func isAdjNote(w string) bool {
	switch w {
	case "yg", "yang", "sing", "seng", "nu":
		return true
	}
	return false
}

// onlyNoteWords reports whether tokens [a, b) could all belong to a note
// that follows a line after a separator ("…, dipotong 4, dibersihin"):
// no word of their own that could name a product ("potong ayam 1 ekor" is
// an order, not a note).
func (st *state) onlyNoteWords(a, b int) bool {
	for i := a; i < b; i++ {
		if st.toks[i].kind == tWord && st.lx[i].flags == 0 {
			return false
		}
	}
	return true
}

// trimFiller returns the end of [a, b) without trailing filler.
func (st *state) trimFiller(a, b int) int {
	for b > a && st.toks[b-1].kind == tWord && st.lx[b-1].has(lxTail) && !st.lx[b-1].has(lxWeak|lxNote|lxNoteAfter) {
		b--
	}
	return b
}

// sendVerbs are the delivery words that may come before the goods they
// send ("kirimin tomat 1 kg"); the other stop words (alamat, batal…)
// never do.
var sendVerbs = map[string]bool{"kirim": true, "kirimin": true, "dikirim": true, "antar": true, "anter": true,
	"anterin": true, "diantar": true, "dianter": true}

// sendsGoods reports whether the delivery word at i is followed by goods
// and their quantity ("kirim tomat 1 kg ke rumah"), not by where or when
// ("kirim ke jl melati", "diantar jam 7").
func (st *state) sendsGoods(c chunk, i, b int) bool {
	if !sendVerbs[c.t[i].w] || i+1 >= b || c.t[i+1].kind != tWord || c.l[i+1].flags != 0 {
		return false
	}
	return c.qtyAhead(i+1, b)
}

// numberInName reports whether the number at i continues the product
// words w into a name or alias with a number in it ("beras IR 42"): the
// words, or their last ones, then the number.
func (st *state) numberInName(w span, i int) bool {
	t := st.toks[i]
	if len(st.p.numbered) == 0 || !t.intg {
		return false
	}
	buf, _ := st.phrase(st.sc.abuf[:0], w, span{}, false)
	n := len(buf)
	buf = strconv.AppendInt(append(buf, " #"...), t.val/1000, 10)
	st.sc.abuf = buf
	for from := 0; from < n; from++ {
		if from > 0 && buf[from-1] != ' ' {
			continue
		}
		if st.p.numbered[string(buf[from:])] {
			return true
		}
	}
	return false
}
