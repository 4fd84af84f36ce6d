package parse

import (
	"unicode"
	"unicode/utf8"
)

// tokKind tells the tokenizer's output apart.
type tokKind uint8

const (
	tWord  tokKind = iota // letters, lowercased, accents folded
	tNum                  // digits, decimals, fractions; val is in thousandths
	tSep                  // item separator: , ; newline + & ! / and sentence dots
	tQuest                // '?': separates like tSep and marks a question
)

// token is one word, number or separator. w is a substring of the
// normalized text, so tokens cost no allocation of their own.
type token struct {
	kind  tokKind
	glued bool   // touches the previous token without space: "2kg", "5rb"
	frac  bool   // tNum written as a fraction: 1/2, ½
	intg  bool   // tNum written as a whole number
	group bool   // tNum written with thousands separators: 80.000
	colon bool   // tSep that holds a ':': what came before it is a heading ("bahan sop:")
	w     string // tWord: normalized word
	val   int64  // tNum: value in thousandths, saturated at maxVal
	start int32  // byte span in the original text, for Said and Note
	end   int32
	wa    int32 // tWord: span in the normalized text, until w is set
	wb    int32
}

// maxVal bounds every number so that arithmetic on it cannot overflow:
// a trillion units in thousandths.
const maxVal = int64(1e15)

// maxTokens caps the work per message. Texts are capped at 4096 bytes
// before tokenizing, so this is only a second line of defence.
const maxTokens = 2048

// tokenizer turns text into tokens. Its buffers are reused between calls
// through a sync.Pool (see scratch).
type tokenizer struct {
	norm     []byte
	toks     []token
	listNext int // the number the next list marker will carry, 0 before a list
}

// run tokenizes text. The returned tokens refer to the returned normalized
// string and to byte offsets of text.
func (tz *tokenizer) run(text string) ([]token, string) {
	tz.norm = tz.norm[:0]
	tz.toks = tz.toks[:0]
	tz.listNext = 0
	lineStart := true
	i := 0
	for i < len(text) && len(tz.toks) < maxTokens {
		c := text[i]
		switch {
		case c == '\n' || c == '\r':
			tz.sep(tSep, i, i+1)
			i++
			lineStart = true
			continue
		case c == ' ' || c == '\t':
			i++
			continue
		case isDigit(c):
			// Numbered lists: "1. " at the start of a line, and once a list
			// has begun, its next number anywhere ("... 1/4 kg 2. bawang").
			if j, n, ok := listMarker(text, i); ok && (lineStart && n <= 99 || n == tz.listNext || n == 1 && afterColon(text, i)) {
				i = j
				tz.listNext = n + 1
				lineStart = false
				continue
			}
			lineStart = false
			i = tz.number(text, i)
			continue
		case isLetter(c) || c >= utf8.RuneSelf:
			lineStart = false
			i = tz.word(text, i)
			continue
		}
		lineStart = false
		switch c {
		case ',', ';', '+', '&', '|', '!', '/':
			tz.sep(tSep, i, i+1)
		case ':':
			tz.sep(tSep, i, i+1)
			tz.toks[len(tz.toks)-1].colon = true
		case '?':
			tz.sep(tQuest, i, i+1)
		case '.':
			// "Rp. 5.000": the dot ends an abbreviation, not a sentence.
			if n := len(tz.toks); n > 0 && tz.toks[n-1].kind == tWord && i == int(tz.toks[n-1].end) && isRp(tz.norm[tz.toks[n-1].wa:tz.toks[n-1].wb]) {
				break
			}
			tz.sep(tSep, i, i+1)
		}
		i++
	}
	// Words become substrings of one string: a single allocation per text.
	norm := string(tz.norm)
	for k := range tz.toks {
		if t := &tz.toks[k]; t.kind == tWord {
			t.w = norm[t.wa:t.wb]
		}
	}
	return tz.toks, norm
}

func isRp(b []byte) bool { return len(b) == 2 && b[0] == 'r' && b[1] == 'p' }

func (tz *tokenizer) sep(k tokKind, a, b int) {
	// Runs of separators ("..", ",\n", ":\n") collapse into one.
	if n := len(tz.toks); n > 0 && (tz.toks[n-1].kind == tSep || tz.toks[n-1].kind == tQuest) {
		if k == tQuest {
			tz.toks[n-1].kind = tQuest
		}
		tz.toks[n-1].end = int32(b)
		return
	}
	tz.toks = append(tz.toks, token{kind: k, start: int32(a), end: int32(b)})
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// listMarker recognizes "1. " and "2) " followed by a letter: numbered
// lists are common in longer orders and the number is not a quantity.
func listMarker(text string, i int) (int, int, bool) {
	j, n := i, 0
	for j < len(text) && isDigit(text[j]) && j-i < 3 {
		n = n*10 + int(text[j]-'0')
		j++
	}
	if j+2 >= len(text) || (text[j] != '.' && text[j] != ')') || (text[j+1] != ' ' && text[j+1] != '\t') {
		return i, 0, false
	}
	k := j + 1
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k >= len(text) || !isLetter(text[k]) {
		return i, 0, false
	}
	return j + 1, n, true
}

// glued reports whether position i directly follows the previous token.
func (tz *tokenizer) gluedAt(i int) bool {
	n := len(tz.toks)
	return n > 0 && int(tz.toks[n-1].end) == i && tz.toks[n-1].kind != tSep && tz.toks[n-1].kind != tQuest
}

// word reads letters (and letters outside ASCII) from i.
func (tz *tokenizer) word(text string, i int) int {
	start := i
	n0 := len(tz.norm)
	for i < len(text) {
		c := text[i]
		if isLetter(c) {
			tz.put(c | 0x20)
			i++
			continue
		}
		if c == '\'' || c == '`' {
			// sa'kilo, ko'; an apostrophe inside a word is dropped.
			if i+1 < len(text) && isLetter(text[i+1]) && i > start {
				i++
				continue
			}
			i++
			break
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '’' || r == '‘' {
			i += size
			continue
		}
		if f := foldRune(r); f != 0 {
			tz.put(f)
			i += size
			continue
		}
		if unicode.IsLetter(r) {
			tz.norm = utf8.AppendRune(tz.norm, unicode.ToLower(r))
			i += size
			continue
		}
		if i == start {
			// A symbol such as ½ or an emoji starts here.
			if v, ok := vulgar(r); ok {
				tz.toks = append(tz.toks, token{kind: tNum, frac: true, val: v, glued: tz.gluedAt(i), start: int32(i), end: int32(i + size)})
				return i + size
			}
			if r == '•' || r == '·' {
				tz.sep(tSep, i, i+size)
			}
			return i + size
		}
		break
	}
	if len(tz.norm) == n0 {
		return i
	}
	tz.norm = squeeze(tz.norm, n0)
	// "masing2", "onde2 10": the digit marks reduplication, not a quantity.
	if i < len(text) && text[i] == '2' && (i+1 == len(text) || !isDigit(text[i+1]) && text[i+1] != '/' && text[i+1] != '.' && text[i+1] != ',') &&
		(redup(tz.norm[n0:]) || numberFollows(text, i+1)) {
		i++
	}
	tz.toks = append(tz.toks, token{kind: tWord, glued: tz.gluedAt(start), start: int32(start), end: int32(i), wa: int32(n0), wb: int32(len(tz.norm))})
	return i
}

// afterColon reports whether the text before i ends with ':' and spaces:
// "Pesanan: 1. gula ...".
func afterColon(text string, i int) bool {
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	return i > 0 && text[i-1] == ':'
}

// numberFollows reports whether a number comes next after spaces.
func numberFollows(text string, i int) bool {
	if i >= len(text) || text[i] != ' ' {
		return false
	}
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i < len(text) && isDigit(text[i])
}

// redup lists the words buyers reduplicate with a "2" ("masing2"); for
// product words the "2" is more likely a quantity ("gula2" is rare but
// "cabe2" is not a plural anyone needs).
func redup(w []byte) bool {
	switch string(w) {
	case "masing", "sama", "macam", "mcm":
		return true
	}
	return false
}

// squeeze collapses runs of three or more equal letters in b[from:] to one
// ("yaaa", "sekilooo", "kakkk"): buyers stretch words. Doubled letters stay
// ("saat", "maaf").
func squeeze(b []byte, from int) []byte {
	w := from
	for r := from; r < len(b); {
		e := r
		for e < len(b) && b[e] == b[r] {
			e++
		}
		n := e - r
		if n >= 3 {
			n = 1
		}
		for k := 0; k < n; k++ {
			b[w] = b[r]
			w++
		}
		r = e
	}
	return b[:w]
}

func (tz *tokenizer) put(c byte) { tz.norm = append(tz.norm, c) }

// foldRune maps accented Latin letters to ASCII: "sarébu", "énak".
func foldRune(r rune) byte {
	switch {
	case r >= 'à' && r <= 'å' || r >= 'À' && r <= 'Å':
		return 'a'
	case r >= 'è' && r <= 'ë' || r >= 'È' && r <= 'Ë':
		return 'e'
	case r >= 'ì' && r <= 'ï' || r >= 'Ì' && r <= 'Ï':
		return 'i'
	case r >= 'ò' && r <= 'ö' || r >= 'Ò' && r <= 'Ö':
		return 'o'
	case r >= 'ù' && r <= 'ü' || r >= 'Ù' && r <= 'Ü':
		return 'u'
	case r == 'ñ' || r == 'Ñ':
		return 'n'
	}
	return 0
}

// vulgar returns the value of ½ ¼ ¾ in thousandths.
func vulgar(r rune) (int64, bool) {
	switch r {
	case '½':
		return 500, true
	case '¼':
		return 250, true
	case '¾':
		return 750, true
	}
	return 0, false
}
