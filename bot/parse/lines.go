package parse

// pair turns the runs of one chunk into lines. Buyers who skip commas
// still alternate product and quantity: "bawang merah 1/2 kg cabe rawit 1
// ons" (product first) or "2 kg gula 1 papan telur" (quantity first). The
// first run sets the order for the whole chunk.
func (st *state) pair(runs []run, note, note2 span, each bool) {
	lines := &st.sc.lines
	start := len(*lines)
	add := func(l line) {
		if len(*lines) < maxItems {
			l.chunk = st.chunk
			*lines = append(*lines, l)
		}
	}
	conflict := func() {
		if len(*lines) > start {
			(*lines)[len(*lines)-1].q.conflict = true
		}
	}
	// A lone quantity after a product line without one: "bawang merah,
	// 1/2 kg" and "gula\n2 kg".
	if len(runs) == 1 && runs[0].isQ {
		if n := len(*lines); n > 0 && !(*lines)[n-1].hasQ && (*lines)[n-1].chunk == st.chunk-1 {
			(*lines)[n-1].q, (*lines)[n-1].hasQ = runs[0].q, true
			(*lines)[n-1].addNote(note)
			(*lines)[n-1].addNote(note2)
			(*lines)[n-1].each = each
			return
		}
		if n := len(*lines); n > 0 && (*lines)[n-1].chunk == st.chunk-1 && moneyThenCount((*lines)[n-1].q, runs[0].q) {
			// "cakalang 70rb, 2 ekor": the sum, then what it is for.
			prev := &(*lines)[n-1]
			offer := prev.q.val
			prev.q = runs[0].q
			prev.q.offer = offer
			prev.addNote(note)
			prev.addNote(note2)
			return
		}
		if n := len(*lines); n > 0 && st.ask && (*lines)[n-1].chunk == st.chunk-1 && !(*lines)[n-1].words[0].empty() && measured(runs[0].q) {
			// "rebung berapa sekilo? ambil setengah": after a price
			// question, the amount wanted of the goods asked about.
			prev := &(*lines)[n-1]
			prev.q, prev.hasQ = runs[0].q, true
			prev.addNote(note)
			prev.addNote(note2)
			return
		}
		if q := runs[0].q; (measured(q) || spelledCount(q)) && !each {
			// "seperempat aja", "2 kilo ya", "tallu mi": an amount of
			// something a trader would ask about. Bare numbers ("8", "jam
			// 8", an answer to a numbered question) and money ("80rb aja",
			// a bargain) are not.
			add(line{q: q, hasQ: true})
		}
		return
	}
	if !runs[0].isQ {
		for k := 0; k < len(runs); k++ {
			r := runs[k]
			if r.isQ {
				// "gula 2 kg ya 1 kg": two quantities for one product.
				conflict()
				continue
			}
			ln := line{words: [2]span{r.w}}
			switch {
			case k+1 < len(runs) && runs[k+1].isQ:
				ln.q, ln.hasQ = runs[k+1].q, true
				k++
			case k+1 < len(runs):
				// Words cut off by "mau pesan" from the order after it:
				// "bu Tini mau pesan ikan lele 1 kg". A name, most likely.
				ln.soft = true
			case len(*lines) > start && st.trailing(&(*lines)[len(*lines)-1], r.w):
				continue
			}
			add(ln)
		}
	} else {
		for k := 0; k < len(runs); k++ {
			r := runs[k]
			if !r.isQ {
				add(line{words: [2]span{r.w}})
				continue
			}
			if k+1 >= len(runs) || runs[k+1].isQ {
				// A quantity naming nothing after a line: "2 kg gula 1 kg".
				conflict()
				continue
			}
			add(line{words: [2]span{runs[k+1].w}, q: r.q, hasQ: true})
			k++
		}
	}
	if n := len(*lines); n > start {
		last := &(*lines)[n-1]
		last.addNote(note)
		last.addNote(note2)
		last.each = each
	}
}

// trailing decides what words after a complete line are ("cabe 1 ons
// merah", "gula 2 kg telur"): a product of their own, part of the product
// before them, or a note. It returns true when it merged them into prev.
func (st *state) trailing(prev *line, w span) bool {
	if st.onlyUnits(w) {
		return true // "dapet brp ons?": a unit on its own names nothing
	}
	own := st.p.decide(st.match(w, span{}))
	if own.verdict == vOne || own.verdict == vAmbiguous && len(own.choices()) > 1 {
		return false // a product ("gula 2 kg telur") or a family ("... cabe")
	}
	merged := st.p.decide(st.match(prev.words[0], w))
	if merged.verdict == vOne {
		prev.words[1] = w
		return true
	}
	prev.addNote(w) // "sol sepatu 1 pasang", "cabe 1 ons merah"
	return true
}

// spreadEach gives the quantity of a "masing-masing" line to the lines
// before it that have none: "bawang merah, bawang putih masing2 1/4".
func (st *state) spreadEach() {
	ls := st.sc.lines
	for i := range ls {
		if !ls[i].each || !ls[i].hasQ {
			continue
		}
		for j := i - 1; j >= 0 && !ls[j].hasQ; j-- {
			ls[j].q, ls[j].hasQ = ls[i].q, true
		}
	}
}

// onlyUnits reports whether a run of words holds nothing but unit words
// and fillers.
func (st *state) onlyUnits(w span) bool {
	for i := w.a; i < w.b; i++ {
		if st.toks[i].kind == tWord && !st.lx[i].has(lxUnit|lxFiller) {
			return false
		}
	}
	return true
}

// moneyThenCount reports whether q, said on its own after a line ordered
// by money alone, is the count that money is for: a number with a unit,
// no money, no price of its own.
func moneyThenCount(prev, q quantity) bool {
	return prev.money && prev.offer == 0 && !prev.approx && prev.count == 0 &&
		q.unit != nil && !q.money && !q.conflict && q.offer == 0 && q.spoken == 0 && q.count == 0
}

// spelledCount reports whether a quantity said on its own is a count
// spelled in words ("tallu mi", "duo se", "tiga aja"): how many of
// something, where a digit alone may answer a numbered question.
func spelledCount(q quantity) bool {
	return q.words && q.unit == nil && !q.money && !q.pair && !q.frac && !q.conflict && q.offer == 0 && q.spoken == 0 &&
		q.val > 0 && q.val%1000 == 0 && q.val <= maxBareCount*1000
}

// measured reports whether a quantity said on its own is clearly an amount
// of goods: with a unit, or a fraction ("setengah", "1/4").
func measured(q quantity) bool {
	return !q.money && !q.conflict && q.offer == 0 && q.spoken == 0 && (q.unit != nil || q.frac)
}
