package catalog

// regionalEndings are the sound changes by which Minang says Indonesian
// words, as rules rather than a word list, so that a word the operator
// never typed is still read: Indonesian -ur, -ir, -us, -is, -as, -at, -it,
// -ut, -ih, -uh, -ung/-ong, -ing, -uk, -ik and a final -a are Minang -ua,
// -ia, -uih, -ih, -eh, -ek, -ik, -uik, -iah, -uah, -uang, -iang, -uak,
// -iak and -o (telur talua, butir butia, bungkus bungkuih, nipis nipih,
// beras bareh, ikat ikek, kunyit kunyik, putih putiah, sepuluh sapuluah,
// kampung kampuang, terong taruang, giling giliang, tumpuk tumpuak, itik
// itiak, raja rajo). Each pair is the regional ending, then the
// Indonesian one; one regional ending may stand for two.
var regionalEndings = [...][2]string{
	{"uang", "ung"}, {"uang", "ong"}, {"iang", "ing"},
	{"uak", "uk"}, {"iak", "ik"}, {"uik", "ut"},
	{"iah", "ih"}, {"uah", "uh"}, {"uih", "us"},
	{"ih", "is"}, {"eh", "as"}, {"ek", "at"}, {"ik", "it"},
	{"ua", "ur"}, {"ia", "ir"}, {"o", "a"},
}

// minSpelledLen is the shortest word the sound changes are tried on: in
// shorter ones a changed letter is another word, not another dialect.
const minSpelledLen = 4

// forEachIndonesianSpelling calls fn with each Indonesian spelling the
// regional sound changes make of w — its ending changed, its first vowel
// a read as the Indonesian e (talua telur, patai petai, bareh beras), or
// both — until fn returns true, and reports whether it did. fn must not
// keep v.
func forEachIndonesianSpelling(w string, fn func(v []byte) bool) bool {
	if len(w) < minSpelledLen || len(w) > maxWordLen {
		return false
	}
	if _, regional := regionalWords[w]; regional {
		return false // a known word already: Minang lado is cabai, not lada
	}
	var buf [maxWordLen + 1]byte
	try := func(stem, end string) bool {
		v := append(append(buf[:0], stem...), end...)
		if end != "" && fn(v) {
			return true
		}
		for i, c := range v {
			if isVowel(c) {
				if c != 'a' {
					return false
				}
				v[i] = 'e'
				return fn(v)
			}
		}
		return false
	}
	if try(w, "") {
		return true
	}
	for _, e := range regionalEndings {
		if len(w) > len(e[0]) && w[len(w)-len(e[0]):] == e[0] && try(w[:len(w)-len(e[0])], e[1]) {
			return true
		}
	}
	return false
}

// spelledToken is the index word a regional spelling of w says, if any.
func (ix *Index) spelledToken(w string) (int32, bool) {
	var id int32
	found := forEachIndonesianSpelling(w, func(v []byte) bool {
		var ok bool
		id, ok = ix.vocab[string(v)]
		return ok
	})
	return id, found
}

// addSpelledVariants pairs index words that are one word in two spellings
// by the regional sound changes ("itiak" in one product's aliases, "itik"
// in another's name), so that a buyer's "talua itiak" reaches Telur Itik.
func (ix *Index) addSpelledVariants() {
	for id, t := range ix.tokens {
		if r, ok := ix.spelledToken(t); ok && r != int32(id) {
			ix.variants[int32(id)] = appendUnique(ix.variants[int32(id)], r)
		}
	}
}
