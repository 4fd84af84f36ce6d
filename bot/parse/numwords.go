package parse

// numWords is the result of reading spelled-out numbers.
type numWords struct {
	val   int64 // thousandths
	next  int   // first token after the number
	frac  bool  // only a fraction word: "setengah", "seperempat"
	ribu  bool  // said with ribu/rebu/ewu/rb/k: an amount of money
	juta  bool  // said with juta
	digit int64 // the last bare digit read, for "enam lima" (0 when none)
}

// readNumWords reads a spelled number at i: "dua", "dua belas", "seratus
// dua puluh lima", "satu setengah", "tiga perempat", "lima ribu", "rong
// puluh ewu", "seket". It stops before a second bare digit, so "enam
// lima" reads as 6 and leaves "lima" (ParseSpokenPrice pairs them).
func readNumWords(ts []token, lx []lex, i int) (numWords, bool) {
	var total, seg, last int64
	start := i
	r := numWords{}
loop:
	for ; i < len(ts) && ts[i].kind == tWord && lx[i].has(lxNum); i++ {
		l := lx[i]
		switch l.nk {
		case nkDigit:
			if last != 0 || seg%10 != 0 {
				break loop
			}
			last = l.num
		case nkValue:
			if last != 0 || (l.num >= 100 && seg != 0) || (l.num < 100 && seg%100 != 0) {
				break loop
			}
			seg += l.num
		case nkBelas:
			if last == 0 || seg%100 != 0 {
				break loop
			}
			seg += 10 + last
			last = 0
		case nkPuluh:
			if last == 0 || seg%100 != 0 {
				break loop
			}
			seg += last * 10
			last = 0
		case nkRatus:
			if last == 0 || seg != 0 {
				break loop
			}
			seg = last * 100
			last = 0
		case nkRibu:
			v := seg + last
			if v == 0 || total%1_000_000 != 0 {
				break loop
			}
			total += v * 1000
			seg, last = 0, 0
			r.ribu = true
			if lx[i].has(lxApprox) {
				i++
				break loop
			}
		case nkJuta:
			v := seg + last
			if v == 0 || total != 0 {
				break loop
			}
			total += v * 1_000_000
			seg, last = 0, 0
			r.juta = true
		case nkThousand:
			if seg != 0 || last != 0 || total%1_000_000 != 0 {
				break loop
			}
			total += 1000
			r.ribu = true
		case nkMillion:
			if seg != 0 || last != 0 || total != 0 {
				break loop
			}
			total += 1_000_000
			r.juta = true
		case nkFrac:
			if i == start {
				// "setengah", "seperempat" on their own.
				r.val, r.next, r.frac = l.num, i+1, true
				return r, true
			}
			if total != 0 || r.ribu || r.juta {
				break loop
			}
			// "satu setengah", "dua setengah": whole plus a half.
			if l.num != 500 {
				break loop
			}
			r.val = (seg+last)*1000 + 500
			r.next = i + 1
			return r, true
		case nkPerempat:
			// "tiga perempat": quarters.
			if last == 0 || seg != 0 || total != 0 {
				break loop
			}
			r.val = last * 250
			r.next = i + 1
			return r, true
		default: // nkSe: only meaningful before a unit, handled by readAtom
			break loop
		}
	}
	if i == start {
		return r, false
	}
	v := total + seg + last
	if v == 0 {
		return r, false
	}
	r.val = v * 1000
	r.next = i
	if seg == 0 && total == 0 {
		r.digit = last
	}
	return r, true
}
