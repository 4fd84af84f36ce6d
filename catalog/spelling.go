package catalog

import "slices"

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

// spelledToken is the index word a regional spelling of w says, if any:
// w with its ending changed, its first vowel a read as the Indonesian e
// (talua telur, patai petai, bareh beras), or both. vowelOnly says
// whether the first vowel may change without the ending: two words of one
// catalog that differ only there are often two words ("parut", "perut"),
// so pairing its own words takes the ending changes only.
func (ix *Index) spelledToken(w string, vowelOnly bool) (int32, bool) {
	if len(w) < minSpelledLen || len(w) > maxWordLen {
		return 0, false
	}
	if _, regional := regionalWords[w]; regional {
		return 0, false // a known word already: Minang lado is cabai, not lada
	}
	var buf [maxWordLen + 4]byte
	if vowelOnly {
		if id, ok := ix.spelledAs(buf[:0], w, ""); ok {
			return id, true
		}
	}
	for _, e := range regionalEndings {
		if len(w) > len(e[0]) && w[len(w)-len(e[0]):] == e[0] {
			if id, ok := ix.spelledAs(buf[:0], w[:len(w)-len(e[0])], e[1]); ok {
				return id, true
			}
		}
	}
	return 0, false
}

// spelledAs looks stem+end up (when end says something), then the same
// with its first vowel a read as e.
func (ix *Index) spelledAs(buf []byte, stem, end string) (int32, bool) {
	v := append(append(buf, stem...), end...)
	if end != "" {
		if id, ok := ix.vocab[string(v)]; ok {
			return id, true
		}
	}
	for i, c := range v {
		if isVowel(c) {
			if c != 'a' {
				return 0, false
			}
			v[i] = 'e'
			id, ok := ix.vocab[string(v)]
			return id, ok
		}
	}
	return 0, false
}

// addSpelledVariants pairs index words that are one word in two spellings
// by the regional sound changes ("itiak" in one product's aliases, "itik"
// in another's name), so that a buyer's "talua itiak" reaches Telur Itik.
func (ix *Index) addSpelledVariants() {
	for id, t := range ix.tokens {
		if r, ok := ix.spelledToken(t, false); ok && r != int32(id) {
			ix.variants[int32(id)] = appendUnique(ix.variants[int32(id)], r)
		}
	}
}

// learnRegionalWords reads the catalog's own regional words off its
// aliases: where an alias says a product's name of two words or more with
// another first word ("limau manih" for Jeruk Manis, "bareh solok" for
// Beras Solok; words the sound changes make equal count as equal), the
// alias's word is a regional word for the name's, so "limau nipih"
// reaches Jeruk Nipis though no alias says it. Only the head noun, only a
// word no name uses and spelled with vowels (not "bwg"), standing for a
// word that heads a kind of goods (in two names or more), is learnt:
// "gula putih" for Gula Pasir says nothing about putih.
func (ix *Index) learnRegionalWords() {
	inNames := map[int32]bool{} // tokens some name holds
	heads := map[int32]int{}    // token → names it starts
	for _, k := range ix.keys {
		if !k.isName || len(k.toks) == 0 {
			continue
		}
		for _, t := range k.toks {
			inNames[t] = true
		}
		heads[k.toks[0]]++
	}
	ix.learned = map[int32]int32{}
	for i := range ix.keys {
		name := &ix.keys[i]
		if !name.isName {
			continue
		}
		for j := range ix.keys {
			alias := &ix.keys[j]
			if alias.isName || alias.product != name.product || len(alias.toks) != len(name.toks) {
				continue
			}
			diff := -1
			for p, t := range alias.toks {
				if t == name.toks[p] || ix.sameSpelled(t, name.toks[p]) {
					continue
				}
				if diff >= 0 {
					diff = -2
					break
				}
				diff = p
			}
			if diff != 0 || len(name.toks) < 2 {
				continue // the head noun only, with the rest of the name said
			}
			regional, indonesian := alias.toks[0], name.toks[0]
			if !inNames[regional] && heads[indonesian] >= 2 && len(ix.tokens[regional]) >= 3 && !vowelless(ix.tokens[regional]) {
				ix.learned[regional] = indonesian
			}
		}
	}
}

// sameSpelled reports whether two index words are one word by the
// regional sound changes ("manih", "manis").
func (ix *Index) sameSpelled(a, b int32) bool {
	return slices.Contains(ix.variants[a], b) || slices.Contains(ix.variants[b], a)
}

// RegionalSpellings returns how the regional sound changes say an
// Indonesian word, its ending changed and then also its first vowel e
// read as a (ikat: ikek; gelas: geleh, galeh; karung: karuang), for word
// lists built once (the parser's unit words).
func RegionalSpellings(w string) []string {
	var out []string
	if len(w) < minSpelledLen {
		return nil
	}
	for _, e := range regionalEndings {
		if len(w) <= len(e[1]) || w[len(w)-len(e[1]):] != e[1] {
			continue
		}
		v := w[:len(w)-len(e[1])] + e[0]
		out = append(out, v)
		for i := 0; i < len(v); i++ {
			if isVowel(v[i]) {
				if v[i] == 'e' {
					out = append(out, v[:i]+"a"+v[i+1:])
				}
				break
			}
		}
	}
	return out
}
