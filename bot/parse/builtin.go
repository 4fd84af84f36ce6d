package parse

import (
	"slices"
	"strings"
	"sync"

	"pasarbot/catalog"
)

// builtInPhrases maps every whole name and alias of the built-in catalog,
// in the words the parser reads, to its product's SKU: what every
// Indonesian market calls "telur puyuh" or "bebek", whether or not this
// market sells it.
var builtInPhrases = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	ps, err := catalog.Default()
	if err != nil {
		return m
	}
	var tz tokenizer
	for _, p := range ps {
		for j := -1; j < len(p.Aliases); j++ {
			s := p.Name
			if j >= 0 {
				s = p.Aliases[j]
			}
			if k := phraseKey(&tz, s); k != "" {
				if _, ok := m[k]; !ok {
					m[k] = p.SKU
				}
			}
		}
	}
	return m
})

// builtInAddressWords are the words of the built-in catalog's names that
// are also an address or a pronoun ("mas" of Ikan Mas, "kita" of Minyak
// Kita): in a market that does not sell those goods, the name is still
// read whole ("ikan mas" names goods the market lacks, not every fish).
var builtInAddressWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for k := range builtInPhrases() {
		ws := strings.Fields(k)
		for _, w := range ws[1:] {
			if lookup(w).has(lxAddress) {
				m[w] = true
			}
		}
	}
	return m
})

// phraseKey is a name or alias in the words the parser reads, as the keys
// of Parser.exact.
func phraseKey(tz *tokenizer, s string) string {
	toks, _ := tz.run(s)
	var words []string
	for _, t := range toks {
		if t.kind == tWord {
			words = append(words, stripNya(t.w))
		}
	}
	return strings.Join(words, " ")
}

// builtInOf is the built-in product a market's product is, found by its
// name or the first of its aliases the built-in catalog knows.
func builtInOf(tz *tokenizer, prod catalog.Product) (string, bool) {
	phrases := builtInPhrases()
	for j := -1; j < len(prod.Aliases); j++ {
		s := prod.Name
		if j >= 0 {
			s = prod.Aliases[j]
		}
		if sku, ok := phrases[phraseKey(tz, s)]; ok {
			return sku, true
		}
	}
	return "", false
}

// namesOtherBuiltIn reports whether the words of s are a whole name or
// alias of a built-in product that is none of the ones matched here, and
// the market's catalog does not know them: "telur puyuh" where only hen's
// eggs (alias "telur") are sold, "bebek" where only duck eggs are. The
// market does not sell those goods. A product matched that the built-in
// catalog does not know must lack a word said in all its names ("ikan
// mas" of Ikan Baung), or nothing is said: it may be the same goods under
// a local name.
func (st *state) namesOtherBuiltIn(s span, d decision) bool {
	if d.verdict == vNone || d.verdict == vOne && d.best == nil {
		return false
	}
	buf := st.sc.abuf[:0]
	for i := s.a; i < s.b; i++ {
		if st.toks[i].kind != tWord {
			return false
		}
		if i > s.a {
			buf = append(buf, ' ')
		}
		buf = append(buf, stripNya(st.toks[i].w)...)
	}
	st.sc.abuf = buf
	if _, ok := st.p.exact[string(buf)]; ok {
		return false
	}
	other, ok := builtInPhrases()[string(buf)]
	if !ok {
		return false
	}
	said := string(buf)
	differs := func(p *catalog.Product) bool {
		if own, ok := st.p.builtIn[p.SKU]; ok {
			return own != other
		}
		// A product the built-in catalog does not know is other goods
		// when none of its names holds every word said ("ikan mas" of
		// Ikan Baung: only the generic first word).
		return !st.p.namesHoldAll(p, said)
	}
	if d.verdict == vOne {
		return differs(d.best)
	}
	for _, c := range d.cands {
		if !differs(c.Product) {
			return false
		}
	}
	return len(d.cands) > 0
}

// builtInSynonyms maps each name and alias of the built-in catalog that
// this catalog does not have ("cambah", "tumbar", "betik", "muncang") to
// this catalog's products that are the same built-in goods (by their own
// name or alias: Tauge, Ketumbar, Pepaya, Kemiri). The built-in catalog
// holds the regional and chat words of every market; a market's operator
// writes one name. A phrase of several of this catalog's products stays
// with all of them (the trader asks which).
func (p *Parser) builtInSynonyms() map[string][]catalog.Candidate {
	same := map[string][]string{} // built-in SKU → this catalog's SKUs
	for sku, b := range p.builtIn {
		same[b] = append(same[b], sku)
	}
	out := map[string][]catalog.Candidate{}
	for phrase, b := range builtInPhrases() {
		skus := same[b]
		if len(skus) == 0 {
			continue
		}
		if _, ok := p.exact[phrase]; ok {
			continue // the market's own word
		}
		slices.Sort(skus) // the same order on every build
		var cs []catalog.Candidate
		for _, sku := range skus {
			if prod, ok := p.ix.Product(sku); ok {
				cs = append(cs, catalog.Candidate{Product: prod, Score: 1, Exact: true, Alias: p.normName(prod)})
			}
		}
		if len(cs) > 0 {
			out[phrase] = cs
		}
	}
	return out
}

// viaBuiltInWords returns the decision for the line's product words when
// they are a built-in name or alias of goods this catalog sells under
// another name ("cambah" for Tauge), and the market's own match for them
// is no exact one (nothing, or a near spelling of other goods: "gedang"
// for Mangga Gedong). A word of the market's own names keeps the market's
// reading: "kakap" where two kakap are sold is asked about, though the
// built-in catalog has one kakap.
func (st *state) viaBuiltInWords(ln *line, d decision) (decision, bool) {
	if len(st.p.viaBuiltIn) == 0 || !ln.words[1].empty() || len(d.cands) > 0 && d.cands[0].Exact {
		return d, false
	}
	w := ln.words[0]
	buf := st.sc.abuf[:0]
	strange := false // a word the market's names and aliases lack
	for i := w.a; i < w.b; i++ {
		if st.toks[i].kind != tWord {
			return d, false
		}
		if i > w.a {
			buf = append(buf, ' ')
		}
		word := stripNya(st.toks[i].w)
		buf = append(buf, word...)
		// The index holds words normalized ("mangga" as "manga").
		strange = strange || !st.p.ix.Knows(word) && !st.p.ix.Knows(catalog.Normalize(word))
	}
	st.sc.abuf = buf
	if !strange {
		return d, false
	}
	cs, ok := st.p.viaBuiltIn[string(buf)]
	if !ok {
		return d, false
	}
	return st.p.decide(cs, len(cs)), true
}

// namesHoldAll reports whether the product's name or one of its aliases,
// normalized, holds every word of said (words one space apart) but those
// describing a sort.
func (p *Parser) namesHoldAll(prod *catalog.Product, said string) bool {
	holds := func(name string) bool {
		for _, w := range strings.Fields(said) {
			if describing[catalog.IndonesianWord(w)] {
				continue // "cabe rawit merah" of Cabe Rawit: the sort, not other goods
			}
			if wordsAt(name, []string{catalog.Normalize(w)}) < 0 {
				return false
			}
		}
		return true
	}
	if holds(p.normName(prod)) {
		return true
	}
	for _, a := range prod.Aliases {
		if holds(catalog.Normalize(a)) {
			return true
		}
	}
	return false
}
