package parse

import (
	"strconv"

	"pasarbot/catalog"
)

// Thresholds on catalog.Candidate scores (see catalog/match.go for the
// bands). They are the parser's precision policy: a fuzzy match becomes an
// item only when it is both good and clearly ahead of the next one.
const (
	acceptScore  = 0.9  // a typo'd but complete name ("bwang merah" 0.93); family heads (0.86–0.87) never pass
	clearMargin  = 0.05 // how far ahead the best must be to be taken alone
	typoScore    = 0.85 // the same for a name matched word for word
	offerScore   = 0.75 // below this a product is a suggestion, not a choice
	maxChoices   = 6    // a numbered list longer than this is no help
	maxSuggested = 3
	maxPhrase    = 8 // words of one product phrase; more is a sentence
)

type verdict uint8

const (
	vNone      verdict = iota // no product: Unknown
	vOne                      // one product
	vAmbiguous                // several: ask
)

type decision struct {
	verdict verdict
	best    *catalog.Product
	cands   []catalog.Candidate
}

// choices returns the products to offer for an ambiguous decision.
func (d decision) choices() []*catalog.Product {
	var out []*catalog.Product
	if len(d.cands) == 0 {
		return out
	}
	top := d.cands[0].Score
	for _, c := range d.cands {
		if len(out) == maxChoices {
			break
		}
		if d.cands[0].Exact && !c.Exact {
			break
		}
		if c.Score < top-clearMargin-0.01 || c.Score < offerScore {
			break
		}
		out = append(out, c.Product)
	}
	return out
}

// suggestions returns the nearest products for an unknown phrase.
func (d decision) suggestions() []*catalog.Product {
	var out []*catalog.Product
	for _, c := range d.cands {
		if len(out) == maxSuggested {
			break
		}
		out = append(out, c.Product)
	}
	return out
}

// decide applies the precision policy to Match's candidates for a phrase
// of n words.
func (p *Parser) decide(cs []catalog.Candidate, n int) decision {
	d := decision{cands: cs}
	if len(cs) == 0 {
		return d
	}
	top := cs[0]
	if top.Exact {
		if len(cs) == 1 || !cs[1].Exact {
			d.verdict, d.best = vOne, top.Product
			return d
		}
		d.verdict = vAmbiguous
		return d
	}
	clear := len(cs) == 1 || cs[1].Score <= top.Score-clearMargin
	// A name matched word for word, only with typos ("kentng" 0.90,
	// "tomta" 0.86), is surer than a family head of the same score ("mie"
	// 0.86 for Mi Instan): the buyer said a whole name.
	whole := top.Score >= typoScore && words(top.Alias) == n
	switch {
	case (top.Score >= acceptScore || whole) && clear:
		d.verdict, d.best = vOne, top.Product
	case top.Score >= offerScore:
		d.verdict = vAmbiguous
	}
	return d
}

// words counts the words of a normalized phrase.
func words(s string) int {
	if s == "" {
		return 0
	}
	n := 1
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			n++
		}
	}
	return n
}

// match looks up the product words of a line: the words of w1 and then
// those of w2 (a trailing phrase being tried with it). It returns the
// candidates and the number of words looked up.
func (st *state) match(w1, w2 span) ([]catalog.Candidate, int) {
	buf, n := st.phrase(st.sc.buf[:0], w1, w2, false)
	st.sc.buf = buf
	if n == 0 || st.hasWeak(w1, w2) {
		// Only weak words ("teh"), or weak words that complete a name
		// ("teh sariwangi"): try them in.
		wbuf, wn := st.phrase(st.sc.buf2[:0], w1, w2, true)
		st.sc.buf2 = wbuf
		if wn > 0 {
			if cs, ok := st.p.exact[string(wbuf)]; ok || n == 0 {
				if ok {
					return cs, wn
				}
				return st.p.ix.Match(string(wbuf)), wn
			}
			if n <= maxPhrase && wn <= maxPhrase {
				// "lombok rawit abang": the weak word names the sort.
				// Taken only when it settles what the line without it
				// leaves open.
				with := st.p.ix.Match(string(wbuf))
				if st.p.decide(with, wn).verdict == vOne {
					without := st.p.ix.Match(string(buf))
					if st.p.decide(without, n).verdict != vOne {
						return with, wn
					}
				}
			}
		}
	}
	if n == 0 || n > maxPhrase {
		return nil, n
	}
	if cs, ok := st.p.exact[string(buf)]; ok {
		return cs, n
	}
	return st.p.ix.Match(string(buf)), n
}

// phrase appends the product words of w1 and w2 to dst, space separated,
// and returns how many words it wrote.
func (st *state) phrase(dst []byte, w1, w2 span, weak bool) ([]byte, int) {
	n := 0
	for _, s := range [2]span{w1, w2} {
		for i := s.a; i < s.b; i++ {
			if !st.isProductWord(i, weak) {
				continue
			}
			if n > 0 {
				dst = append(dst, ' ')
			}
			if st.toks[i].kind == tNum {
				dst = strconv.AppendInt(dst, st.toks[i].val/1000, 10) // "beras ir 42"
			} else {
				dst = append(dst, stripNya(st.toks[i].w)...)
			}
			n++
		}
	}
	return dst, n
}

// isProductWord reports whether token i, inside a run of product words,
// is one: fillers between product words are skipped unless they are part
// of a name ("ikan mas"); weak fillers count only when asked.
func (st *state) isProductWord(i int, weak bool) bool {
	if st.toks[i].kind == tNum {
		return true // a number inside product words is a name's (numberInName)
	}
	if st.toks[i].kind != tWord {
		return false
	}
	l := st.lx[i]
	if l.has(lxWeak) {
		return weak
	}
	if l.flags == 0 {
		return true
	}
	if st.p.aliasWords[st.toks[i].w] && st.aliasPart(i) {
		return true
	}
	return !l.has(lxFiller | lxAsk | lxEach)
}

func (st *state) hasWeak(w1, w2 span) bool {
	for _, s := range [2]span{w1, w2} {
		for i := s.a; i < s.b; i++ {
			if st.toks[i].kind == tWord && st.lx[i].has(lxWeak) {
				return true
			}
		}
	}
	return false
}

// saidPhrase is the line's product words, as phrase writes them; where
// only weak words are said ("teh", "tulang" on their own), those.
func (st *state) saidPhrase(ln *line) ([]byte, int) {
	buf, n := st.phrase(nil, ln.words[0], ln.words[1], false)
	if n == 0 {
		buf, n = st.phrase(buf, ln.words[0], ln.words[1], true)
	}
	return buf, n
}

// leafAbbreviation reads chat "dn" as "daun" (a leaf) where "daun" and the
// next word name a product ("dn jeruk 1 ikat", "dn ubi 2 ikt"); elsewhere
// "dn" is "dan" (and).
func (p *Parser) leafAbbreviation(toks []token, lx []lex) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].kind != tWord || toks[i].w != "dn" || toks[i+1].kind != tWord {
			continue
		}
		if _, ok := p.exact["daun "+stripNya(toks[i+1].w)]; ok {
			toks[i].w = "daun"
			lx[i] = lookup("daun")
		}
	}
}
