package parse

import (
	"strings"

	"pasarbot/catalog"
)

// The words of a line as the buyer wrote them: what was said, the note.

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

// talkBeside reports whether a line is a word of talk the lexicon does
// not hold ("cemana bang", "mahal kali pun") beside the order, not goods
// the market lacks: one word without a quantity that no product's name
// comes near and that names no goods any market sells, said with an
// address or a particle and nothing that asks for goods (no "ada", no
// price, no intent, no '?', no "and" joining it to other goods), in a
// message whose other lines order.
func (st *state) talkBeside(ln *line, d decision) bool {
	w := ln.words[0]
	if ln.hasQ || !ln.words[1].empty() || w.b-w.a != 1 || len(d.cands) > 0 || len(st.sc.lines) < 2 {
		return false
	}
	word := st.toks[w.a].w
	if _, goods := builtInWords().same[word]; goods || catalog.IndonesianWord(word) != word || st.p.ix.Resembles(word) {
		return false
	}
	a, b := w.a, w.b
	for a > 0 && st.toks[a-1].kind == tWord && !st.lx[a-1].has(lxSepWord) {
		a--
	}
	for b < len(st.toks) && st.toks[b].kind == tWord && !st.lx[b].has(lxSepWord) {
		b++
	}
	if a > 0 && st.toks[a-1].kind == tWord || b < len(st.toks) && st.toks[b].kind != tSep {
		return false // joined by "and" to goods, or asked with '?'
	}
	talk := false
	for i := a; i < b; i++ {
		if i == w.a {
			continue
		}
		l := st.lx[i]
		if !l.has(lxTail) || l.has(lxAvail|lxAsk|lxPurpose|lxNum|lxUnit|lxSeUnit) || justWords[st.toks[i].w] {
			return false // "sabun aja": just the goods
		}
		talk = true
	}
	return talk
}

// justWords say "just" (Bt doang, aje; Jv wae, ae, thok; Su hungkul; Bj
// haja; Mi sajo; Mk/Bg ji): said of goods ("sabun aja"), never of talk.
var justWords = map[string]bool{"aja": true, "ajah": true, "aj": true, "saja": true, "doang": true, "doank": true, "dowang": true,
	"aje": true, "haja": true, "ja": true, "hungkul": true, "wungkul": true, "sajo": true, "ji": true, "thok": true, "tok": true,
	"wae": true, "ae": true, "bae": true, "mawon": true}
