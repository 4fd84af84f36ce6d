package parse

// Numbers written with digits: "2", "1,5", "0.25", "80.000", "1/2".

// number reads digits from i: "2", "1,5", "0.25", "80.000", "1/2", and
// skips the ",-" that ends a written price.
func (tz *tokenizer) number(text string, i int) int {
	start := i
	glued := tz.gluedAt(i)
	// Up to eight digit groups split by '.' or ','.
	var groups [8]digitGroup
	ng := 0
	for ng < len(groups) {
		g := &groups[ng]
		for i < len(text) && isDigit(text[i]) {
			if g.v < maxVal/10 {
				g.v = g.v*10 + int64(text[i]-'0')
			} else {
				g.over = true
			}
			g.n++
			i++
		}
		ng++
		if i+1 < len(text) && (text[i] == '.' || text[i] == ',') && isDigit(text[i+1]) {
			if ng < len(groups) {
				groups[ng].sep = text[i]
			}
			i++
			continue
		}
		break
	}
	t := token{kind: tNum, glued: glued, start: int32(start)}
	// A fraction: "1/2", "3/4".
	if ng == 1 && i+1 < len(text) && text[i] == '/' && isDigit(text[i+1]) {
		j := i + 1
		var den int64
		for j < len(text) && isDigit(text[j]) {
			if den < 1_000_000 {
				den = den*10 + int64(text[j]-'0')
			}
			j++
		}
		if den > 0 && groups[0].v <= 1_000_000 {
			t.val = (groups[0].v*1000*2 + den) / (2 * den)
			t.frac = true
			t.end = int32(j)
			tz.toks = append(tz.toks, t)
			return j
		}
	}
	t.val = numberValue(groups[:ng])
	t.intg = ng == 1
	if ng > 1 && t.val%1000 == 0 && t.val >= 1000 && thousands(groups[:ng]) {
		t.intg = true
		t.group = true
	}
	t.end = int32(i)
	tz.toks = append(tz.toks, t)
	// "5.000,-" and "5000,-": the dash closes a price.
	if i+1 < len(text) && text[i] == ',' && text[i+1] == '-' {
		i += 2
	}
	return i
}

// digitGroup is a run of digits inside a written number.
type digitGroup struct {
	v    int64
	n    int  // digits
	sep  byte // separator before this group
	over bool // too many digits
}

// thousands reports whether the separators in groups are thousands
// separators: "80.000", "1.250.000", "12,500" (but "1,5" and "0.25" are
// decimals).
func thousands(gs []digitGroup) bool {
	if len(gs) < 2 {
		return false
	}
	for _, g := range gs[1:] {
		if g.n != 3 || g.sep != gs[1].sep {
			return false
		}
	}
	if gs[0].n == 0 || gs[0].v == 0 || gs[0].n > 3 {
		return false
	}
	if len(gs) > 2 {
		return true
	}
	// One separator: a dot is the Indonesian thousands mark; a comma is the
	// decimal mark unless the whole part is two or more digits ("12,500").
	return gs[1].sep == '.' || gs[0].n >= 2
}

// numberValue interprets digit groups as a value in thousandths.
func numberValue(gs []digitGroup) int64 {
	for _, g := range gs {
		if g.over {
			return maxVal
		}
	}
	if len(gs) == 1 {
		return sat(gs[0].v, 1000)
	}
	if thousands(gs) {
		var v int64
		for _, g := range gs {
			v = v*1000 + g.v
			if v > maxVal/1000 {
				return maxVal
			}
		}
		return v * 1000
	}
	// Mixed "1.250,5": every separator but the last groups thousands.
	var whole int64
	for _, g := range gs[:len(gs)-1] {
		whole = whole*pow10(g.n) + g.v
		if whole > maxVal/1000 {
			return maxVal
		}
	}
	last := gs[len(gs)-1]
	// Keep three decimals, rounding the rest half up.
	f, n := last.v, last.n
	for n > 3 {
		if n == 4 {
			f = (f + 5) / 10
		} else {
			f /= 10
		}
		n--
	}
	for n < 3 {
		f *= 10
		n++
	}
	return whole*1000 + f
}

func pow10(n int) int64 {
	p := int64(1)
	for ; n > 0 && p < maxVal; n-- {
		p *= 10
	}
	return p
}

// sat multiplies with saturation at maxVal; inputs are non-negative.
func sat(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	if a > maxVal/b {
		return maxVal
	}
	return a * b
}
