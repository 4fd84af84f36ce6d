package parse

import (
	"strings"

	"pasarbot/catalog"
)

// Repairs tried when the product words alone do not name one product.

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
	if own := st.p.decide(st.match(span{drop, drop + 1}, span{})); own.verdict == vOne || st.p.ix.Resembles(st.toks[drop].w) {
		// The word names a product, or looks like a misspelt product word
		// ("tlor itik": telur itik, not itik): not a word to leave out.
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
