package parse

// resolve turns one line into an item, a question or an unknown.
func (st *state) resolve(res *Result, ln *line) {
	if ln.words[0].empty() {
		if ln.hasQ {
			// A quantity with no product: ask what it is for.
			qt := st.qtyText(ln)
			res.Questions = append(res.Questions, Question{Kind: MissingQty, Said: qt, QtyText: qt, Text: textWhichProduct(qt)})
		}
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
	if (ln.soft || ln.named) && d.verdict == vNone {
		return
	}
	if ln.named && d.verdict == vAmbiguous && st.properName(ln.words[0]) {
		return // "mbak Sari": Sari is no typo of serai
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

// properName reports whether the words start with a capitalized word
// right after an address word ("mbak Sari", "Bu Tini").
func (st *state) properName(w span) bool {
	if w.empty() || w.a == 0 {
		return false
	}
	t := st.toks[w.a]
	c := st.text[t.start]
	prev := st.toks[w.a-1]
	return c >= 'A' && c <= 'Z' && prev.kind == tWord && st.lx[w.a-1].has(lxTail)
}
