package catalog

import (
	"unicode"
	"unicode/utf8"
)

// Normalize reduces a product name, alias or buyer's words to the form the
// matcher compares: lower case; letters and digits only, words separated by
// one space; accents folded (é → e); repeated letters squeezed, because
// chat stretches words ("cabeee" → "cabe") and spellings of the same name
// differ in doubled letters; and reduplication, the Indonesian plural,
// reduced to its base ("sayur-sayuran", "buah buahan", "ikan2" → "sayur",
// "buah", "ikan").
//
// Squeezing also turns "mangga" into "manga": harmless, since names and
// aliases go through the same function.
func Normalize(s string) string {
	return string(appendNormalized(make([]byte, 0, len(s)), s))
}

// appendNormalized appends the normalized form of s to dst.
func appendNormalized(dst []byte, s string) []byte {
	start := len(dst) // where the normalized text begins
	wordStart := -1   // start of the word being written, -1 between words
	prevWord := -1    // start of the previous complete word, -1 if none
	endWord := func() {
		if wordStart < 0 {
			return
		}
		dst = reduceWord(dst, wordStart)
		if prevWord >= 0 && isReduplication(dst[prevWord:wordStart-1], dst[wordStart:]) {
			dst = dst[:wordStart-1] // drop the repeat and the space before it
			wordStart = -1
			return
		}
		if len(dst) == wordStart { // the word vanished
			if wordStart > start {
				dst = dst[:wordStart-1]
			}
			wordStart = -1
			return
		}
		prevWord = wordStart
		wordStart = -1
	}
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		r = foldRune(r)
		switch {
		case r == '\'' || r == '’' || r == '`':
			continue // jum'at, ta'jil: one word
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
		default:
			endWord()
			continue
		}
		if wordStart < 0 {
			if len(dst) > start {
				dst = append(dst, ' ')
			}
			wordStart = len(dst)
		}
		if r < utf8.RuneSelf {
			// Squeeze a repeated letter (not digits: "1000").
			if len(dst) > wordStart && dst[len(dst)-1] == byte(r) && r >= 'a' && r <= 'z' {
				continue
			}
			dst = append(dst, byte(r))
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	endWord()
	return dst
}

// reduceWord rewrites the word at dst[from:]: the chat plural "ikan2" and
// "sayur2an" become "ikan" and "sayur". It repeats until nothing changes,
// so Normalize is idempotent ("a2an2" → "a").
func reduceWord(dst []byte, from int) []byte {
	for {
		w := dst[from:]
		n := len(w)
		switch {
		case n >= 4 && w[n-3] == '2' && w[n-2] == 'a' && w[n-1] == 'n' && isLetter(w[n-4]):
			dst = dst[:len(dst)-3]
		case n >= 3 && w[n-1] == '2' && isLetter(w[n-2]) && isLetter(w[0]):
			dst = dst[:len(dst)-1]
		default:
			return dst
		}
	}
}

// isReduplication reports whether word repeats prev as a plural: "sayur
// sayuran", "buah buahan", "cumi cumi".
func isReduplication(prev, word []byte) bool {
	if len(prev) < 2 || !isLetter(prev[0]) {
		return false
	}
	w := string(word)
	p := string(prev)
	return w == p || w == p+"an"
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// foldRune lowercases and removes the accents Indonesians meet on
// keyboards (é from French words, ü from Dutch ones).
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	r = unicode.ToLower(r)
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return 'a'
	case 'è', 'é', 'ê', 'ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ò', 'ó', 'ô', 'õ', 'ö':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ñ':
		return 'n'
	case 'ç':
		return 'c'
	}
	return r
}
