package catalog

import (
	"slices"
	"strings"
)

// Chat abbreviations: buyers drop vowels ("kntg" kentang, "cb kriting",
// "brs", "ikn nila", "bwg putih"). A word's consonant skeleton keeps its
// first letter, drops the other vowels and writes "ng" and "nj" as "g"
// and "j" (chat drops that n too: "yg", "bwg", "pjg"); an unknown word that nothing else matches is
// looked up by its skeleton, and taken only when it is the index word with
// letters left out.

// skeletonSim is how sure an abbreviation is: as a typo of one letter in
// a long word, so an abbreviated whole name is taken ("kntg" → Kentang)
// and two products with the same skeleton are asked about. When it
// abbreviates several different words ("brs": beras, buras) it is only
// offered (skeletonSharedSim), never taken.
const (
	skeletonSim       = 0.9
	skeletonSharedSim = 0.8
)

// Abbreviates reports whether word is written as full with letters left
// out, the way chat shortens names ("tlr" telur, "gla" gula, "mrh" merah):
// the same consonant skeleton, and shorter.
func Abbreviates(word, full string) bool {
	if len(word) >= len(full) || word == "" || word[0] != full[0] {
		return false
	}
	var a, b [maxWordLen]byte
	ka, ok1 := appendSkeleton(a[:0], word)
	kb, ok2 := appendSkeleton(b[:0], full)
	return ok1 && ok2 && string(ka) == string(kb)
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// appendSkeleton appends w's consonant skeleton to dst. ok is false when
// the skeleton has fewer than two letters (nothing to go by) or w is not
// plain lower-case ASCII.
func appendSkeleton(dst []byte, w string) ([]byte, bool) {
	start := len(dst)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			return dst[:start], false
		}
		if i > 0 && isVowel(c) {
			continue
		}
		if n := len(dst); (c == 'g' || c == 'j') && n > start && dst[n-1] == 'n' {
			dst = dst[:n-1] // "ng" → "g", "nj" → "j": "yg", "pjg"
		}
		if n := len(dst); n > start && dst[n-1] == c {
			continue // "daging" → "dg", "kangkung" → "kgkg"
		}
		dst = append(dst, c)
	}
	return dst, len(dst)-start >= 2
}

// vowelless reports whether w has no vowel after its first letter: a
// written abbreviation ("bwg", "mrh", "kntg").
func vowelless(w string) bool {
	for i := 1; i < len(w); i++ {
		if isVowel(w[i]) {
			return false
		}
	}
	return len(w) >= 2
}

// isSubsequence reports whether a is b with letters left out.
func isSubsequence(a, b string) bool {
	j := 0
	for i := 0; i < len(b) && j < len(a); i++ {
		if a[j] == b[i] {
			j++
		}
	}
	return j == len(a)
}

// lookupSkeleton adds the index words w abbreviates. Words that name
// different products ("brs": beras, buras) make it only an offer.
func (ix *Index) lookupSkeleton(w string, out []tokenMatch) []tokenMatch {
	var buf [maxWordLen]byte
	k, ok := appendSkeleton(buf[:0], w)
	if !ok {
		return out
	}
	n := len(out)
	// A word with vowels of its own may have one changed as well as one
	// dropped ("tlor" telur) when three consonants or more say which.
	misspelt := !vowelless(w) && len(k) >= 3
	for _, id := range ix.skeleton[string(k)] {
		if t := ix.tokens[id]; len(t) > len(w) && (isSubsequence(w, t) || misspelt) {
			out = addMatch(out, id, skeletonSim)
		}
	}
	for i := n + 1; i < len(out); i++ {
		if !ix.sameProducts(out[n].tok, out[i].tok) {
			for j := n; j < len(out); j++ {
				out[j].sim = skeletonSharedSim
			}
			break
		}
	}
	return out
}

// coveredBy reports whether every product the word tok occurs in already
// has one of the matched words.
func (ix *Index) coveredBy(tok int32, out []tokenMatch) bool {
	for _, p := range ix.postings[tok] {
		prod := ix.keys[p.key].product
		if !slices.ContainsFunc(out, func(m tokenMatch) bool {
			return slices.ContainsFunc(ix.postings[m.tok], func(q posting) bool { return ix.keys[q.key].product == prod })
		}) {
			return false
		}
	}
	return true
}

// sameProducts reports whether two words occur in the same products'
// names and aliases ("cabe" and "cabai", "kangkung" and "kangkong").
func (ix *Index) sameProducts(a, b int32) bool {
	in := func(tok int32, prod int32) bool {
		for _, p := range ix.postings[tok] {
			if ix.keys[p.key].product == prod {
				return true
			}
		}
		return false
	}
	for _, p := range ix.postings[a] {
		if !in(b, ix.keys[p.key].product) {
			return false
		}
	}
	for _, p := range ix.postings[b] {
		if !in(a, ix.keys[p.key].product) {
			return false
		}
	}
	return true
}

// Knows reports whether a normalized word is a word of some product's
// name or alias.
func (ix *Index) Knows(word string) bool {
	_, ok := ix.vocab[word]
	return ok
}

// Resembles reports whether a word the index does not know has the
// consonant skeleton of one it does ("tlor" and telur): a misspelt product
// word, not a word to leave out.
func (ix *Index) Resembles(word string) bool {
	w := Normalize(word)
	if _, known := ix.vocab[w]; known || strings.Contains(w, " ") {
		return false
	}
	var buf [maxWordLen]byte
	k, ok := appendSkeleton(buf[:0], w)
	// Two consonants say too little: "soto" is not "sate".
	return ok && len(k) >= 3 && len(ix.skeleton[string(k)]) > 0
}
