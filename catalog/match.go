package catalog

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// MaxCandidates bounds Match's answer. A buyer can pick from a short list;
// more than this ("ikan") is a category question, not "which one?".
const MaxCandidates = 10

// Score bands, for callers and docs (see docs/catalog.md):
//
//	1.0         the words are a product's name or alias, after Normalize
//	0.95        the same letters without spaces ("bawangmerah")
//	0.85–0.97   every word found, some with typos ("bwang merah" 0.93)
//	0.80–0.92   the words name a family: the head words of longer names
//	            ("cabe rawit" → rawit merah and rawit hijau, both 0.897)
//	below 0.8   a partial or cut-off match worth offering, never assuming
//
// Sure (sure.go) turns these into "take it" or "ask". Nothing under
// minScore comes back.
const (
	minScore     = 0.5
	minCovered   = 0.5  // at least half the query's letters must match something
	compactScore = 0.95 //
	maxKeyTokens = 16   // longer names are cut; nobody types more
	maxQueryToks = 8    // one item's words; more is a sentence, not a product
	maxWordLen   = 32   // longer query words are not typo-corrected
	relativeCut  = 0.25 // drop candidates this far below the best
)

// Index matches buyers' words against a catalog. Build it once with
// NewIndex; it is read-only afterwards and safe for concurrent use.
type Index struct {
	products []Product
	bySKU    map[string]int32
	keys     []indexKey
	exact    map[string][]int32 // normalized name or alias → keys
	compact  map[string][]int32 // the same without spaces → keys
	vocab    map[string]int32   // word → token id
	tokens   []string           // token id → word
	postings [][]posting        // token id → where it occurs in keys
	deletes  map[string][]int32 // word with 0–2 letters deleted → tokens (typos)
	prefixes map[string][]int32 // first 3+ letters → tokens (cut-off words)
	skeleton map[string][]int32 // consonant skeleton → tokens (chat abbreviations)
	variants map[int32][]int32  // token → its other spellings (telor/telur)
	sameWord map[string][]int32 // Indonesian word → tokens that say it (cabai: cabe, cabai, lombok)
	learned  map[int32]int32    // the catalog's regional word → its Indonesian one (limau → jeruk)
	scratch  sync.Pool          // *matchScratch
}

// posting is one occurrence of a word: in which key, at which position.
type posting struct {
	key int32
	pos uint8
}

// indexKey is one normalized name or alias of a product.
type indexKey struct {
	product int32
	text    string
	toks    []int32
	lens    []uint8 // letters in each word (capped at 255)
	letters int     // letters in text, spaces excluded
	isName  bool    // the product's display name, not an alias
}

// Candidate is one product the words may mean.
type Candidate struct {
	Product *Product // points into the index's own copy
	Score   float64  // 1.0 = exact name/alias match after normalization; lower = fuzzier; never > 1
	Exact   bool     // exact normalized name or alias match
	Alias   string   // the name/alias that matched (normalized)
}

// NewIndex builds an index over a copy of products. Products with an SKU
// seen before are indexed for matching but Product(sku) returns the first.
func NewIndex(products []Product) *Index {
	ix := &Index{
		products: CloneProducts(products),
		bySKU:    make(map[string]int32, len(products)),
		exact:    map[string][]int32{},
		compact:  map[string][]int32{},
		vocab:    map[string]int32{},
		deletes:  map[string][]int32{},
		prefixes: map[string][]int32{},
		skeleton: map[string][]int32{},
		sameWord: map[string][]int32{},
	}
	for i := range ix.products {
		p := &ix.products[i]
		if _, dup := ix.bySKU[p.SKU]; !dup {
			ix.bySKU[p.SKU] = int32(i)
		}
		seen := map[string]bool{}
		for j := -1; j < len(p.Aliases); j++ {
			s := p.Name
			if j >= 0 {
				s = p.Aliases[j]
			}
			k := Normalize(s)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			ix.addKey(int32(i), k, j < 0)
		}
	}
	for id, t := range ix.tokens {
		ix.indexToken(int32(id), t)
	}
	ix.findVariants()
	ix.addSpelledVariants()
	ix.learnRegionalWords()
	nk := len(ix.keys)
	np := len(ix.products)
	ix.scratch.New = func() any {
		return &matchScratch{keyState: make([]keyState, nk), prodGen: make([]uint32, np), prodBest: make([]candScore, np)}
	}
	return ix
}

func (ix *Index) addKey(product int32, text string, isName bool) {
	kid := int32(len(ix.keys))
	k := indexKey{product: product, text: text, isName: isName}
	for _, w := range strings.Fields(text) {
		if len(k.toks) == maxKeyTokens {
			break
		}
		id, ok := ix.vocab[w]
		if !ok {
			id = int32(len(ix.tokens))
			ix.vocab[w] = id
			ix.tokens = append(ix.tokens, w)
			ix.postings = append(ix.postings, nil)
		}
		k.toks = append(k.toks, id)
		k.lens = append(k.lens, uint8(min(len(w), 255)))
		k.letters += int(k.lens[len(k.lens)-1])
		ix.postings[id] = append(ix.postings[id], posting{kid, uint8(len(k.toks) - 1)})
	}
	ix.keys = append(ix.keys, k)
	ix.exact[text] = append(ix.exact[text], kid)
	if c := strings.ReplaceAll(text, " ", ""); c != text {
		ix.compact[c] = append(ix.compact[c], kid)
	}
}

// indexToken registers a word's deletion variants and prefixes.
func (ix *Index) indexToken(id int32, t string) {
	if hasDigit(t) {
		return
	}
	for n := 3; n < len(t); n++ {
		ix.prefixes[t[:n]] = append(ix.prefixes[t[:n]], id)
	}
	if r := IndonesianWord(t); r != t || regionalTarget[t] {
		// "cabe" in one product and "cabai" in another are one word: a
		// buyer's "lombok" means both.
		ix.sameWord[r] = append(ix.sameWord[r], id)
	}
	var sk [maxWordLen]byte
	if k, ok := appendSkeleton(sk[:0], t); ok {
		ix.skeleton[string(k)] = append(ix.skeleton[string(k)], id)
	}
	if d := maxEdits(len(t)); d > 0 {
		forEachDelete(t, d, make([]byte, 0, len(t)), func(v []byte) {
			ix.deletes[string(v)] = appendUnique(ix.deletes[string(v)], id)
		})
	}
}

// variantSim is how close another spelling of a known word counts: all
// but exact, so the spelling the buyer used wins where both are keys.
const variantSim = 0.96

// findVariants pairs known words that are spellings of one word: one
// letter apart, the same consonants, and found in exactly the same
// products' names and aliases ("telor" and "telur", "cabe" and "cabai" are
// not: their consonants differ). A word in other products than its
// look-alike ("sapi"/"sawi") is a different word.
func (ix *Index) findVariants() {
	ix.variants = map[int32][]int32{}
	for _, group := range ix.skeleton {
		for i, a := range group {
			for _, b := range group[i+1:] {
				ta, tb := ix.tokens[a], ix.tokens[b]
				if len(ta) < 4 || len(tb) < 4 || osaDistance(ta, tb, 1) > 1 || !ix.sameProducts(a, b) {
					continue
				}
				ix.variants[a] = append(ix.variants[a], b)
				ix.variants[b] = append(ix.variants[b], a)
			}
		}
	}
}

// maxEdits is how many typos a word of n letters may carry and still be
// recognised: none in short words, where one letter changes the meaning
// ("sapi"/"sawi" differ by one letter but both are known words, and "kol"
// is not "kel"), one in 4–6 letters, two from 7: two changed letters of
// six make another word more often than a typo ("rinuak", a lake fish, is
// two letters from "minyak").
func maxEdits(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 7:
		return 1
	}
	return 2
}

// forEachDelete calls fn with t itself and every string made by deleting
// up to d (≤ 2) of its bytes. fn must not keep v.
func forEachDelete(t string, d int, buf []byte, fn func(v []byte)) {
	fn(append(buf[:0], t...))
	for i := 0; i < len(t); i++ {
		buf = append(append(buf[:0], t[:i]...), t[i+1:]...)
		fn(buf)
	}
	if d >= 2 {
		forEachDelete2(t, buf, fn)
	}
}

// forEachDelete2 calls fn with every string made by deleting exactly two
// of t's bytes.
func forEachDelete2(t string, buf []byte, fn func(v []byte)) {
	for i := 0; i < len(t); i++ {
		for j := i + 1; j < len(t); j++ {
			buf = append(append(append(buf[:0], t[:i]...), t[i+1:j]...), t[j+1:]...)
			fn(buf)
		}
	}
}

func appendUnique(s []int32, v int32) []int32 {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// Product returns the product with this SKU.
func (ix *Index) Product(sku string) (*Product, bool) {
	i, ok := ix.bySKU[sku]
	if !ok {
		return nil, false
	}
	return &ix.products[i], true
}

// Products returns a copy of the indexed products, in their original order.
func (ix *Index) Products() []Product { return CloneProducts(ix.products) }

// fillers are chat words that carry no product meaning. A filler counts
// only where it matches: "mas cabe rawit" is cabe rawit, yet "teh" (the
// Sundanese "sister" and the word for tea) still finds Teh Celup.
var fillers = map[string]bool{
	"yang": true, "yg": true, "sama": true, "sm": true, "dan": true, "ama": true,
	"dong": true, "donk": true, "ya": true, "aja": true, "saja": true, "aj": true,
	"mau": true, "beli": true, "pesan": true, "pesen": true, "minta": true,
	"tolong": true, "buat": true, "untuk": true, "utk": true, "juga": true,
	"jg": true, "lagi": true, "lg": true, "segar": true, "seger": true,
	"fresh": true, "bagus": true, "nya": true, "deh": true, "kak": true,
	// Ways of addressing the seller, which open many chat orders.
	"bu": true, "ibu": true, "pak": true, "mbak": true, "mba": true, "mas": true,
	"bang": true, "mang": true, "kang": true, "neng": true, "teh": true, "aa": true,
	"om": true, "sis": true, "gan": true, "bos": true,
	// Places a buyer orders for or from ("warung Bu Imah mau order"): a
	// letter from kangkung's skeleton, never goods unless a name says so.
	"warung": true, "toko": true, "kios": true,
}

type tokenMatch struct {
	tok int32
	sim float64
}

// keyState is what one query has found so far in one key; kept small
// (16 bytes) because a common word touches hundreds of keys.
type keyState struct {
	gen      uint32
	found    float32 // letters found, weighted by similarity
	used     uint16  // key word positions already taken by a query word
	optional uint16  // letters of filler words found (they count only here)
	lastQ    int8    // the last query word that took a position here
	words    uint8   // key words found
}

type candScore struct {
	score float64
	key   int32
}

// matchScratch is per-call working memory, pooled so Match does not
// allocate per key. Generation counters stand in for clearing arrays.
type matchScratch struct {
	gen      uint32
	keyState []keyState
	keys     []int32
	prodGen  []uint32
	prodBest []candScore
	prods    []int32
	matches  []tokenMatch
	buf      []byte
	oneWord  bool // the query is one word
}

// Match ranks products for the user's words for ONE item ("bwang merah",
// "cabe rawitt", "cabeee"). Best first; empty when nothing is plausibly
// meant. When the words name a family shared by several products ("cabe
// rawit" → rawit merah & rawit hijau) several candidates come back with
// equal or close scores.
func (ix *Index) Match(words string) []Candidate {
	s := ix.scratch.Get().(*matchScratch)
	defer ix.scratch.Put(s)
	s.buf = appendNormalized(s.buf[:0], words)
	if len(s.buf) == 0 {
		return nil
	}
	if kids, ok := ix.exact[string(s.buf)]; ok {
		return ix.direct(kids, 1, true)
	}
	q := string(s.buf)
	if kids, ok := ix.compact[strings.ReplaceAll(q, " ", "")]; ok {
		return ix.direct(kids, compactScore, false)
	}
	return ix.fuzzy(s, q)
}

// direct answers for keys matched as a whole: every product named by the
// same words, equally.
func (ix *Index) direct(kids []int32, score float64, exact bool) []Candidate {
	out := make([]Candidate, 0, len(kids))
	for _, kid := range kids {
		k := &ix.keys[kid]
		if slices.ContainsFunc(out, func(c Candidate) bool { return c.Product == &ix.products[k.product] }) {
			continue
		}
		out = append(out, Candidate{Product: &ix.products[k.product], Score: score, Exact: exact, Alias: k.text})
	}
	if len(out) > MaxCandidates {
		out = out[:MaxCandidates]
	}
	return out
}

// fuzzy scores every key that shares a word (or a near word) with q.
//
// Each query word, in order, takes the best still-free word of each key.
// A key's score is how much of the query was found (typos count less)
// times how much of the key was covered, counted in words so a family
// ties: "cabe rawit" covers two of the three words of both "cabe rawit
// merah" and "cabe rawit ijo". A key whose first word (the head of an
// Indonesian compound: bawang merah is a bawang, daun bawang is not) was
// found earns more, and a product's display name a little more than its
// aliases.
func (ix *Index) fuzzy(s *matchScratch, q string) []Candidate {
	s.gen++
	if s.gen == 0 { // wrapped: old stamps could look current
		for i := range s.keyState {
			s.keyState[i].gen = 0
		}
		clear(s.prodGen)
		s.gen = 1
	}
	s.keys, s.prods = s.keys[:0], s.prods[:0]
	s.oneWord = !strings.Contains(q, " ")

	required := 0 // letters of non-filler query words
	qi := int8(0)
	for w := range strings.FieldsSeq(q) {
		if qi == maxQueryToks {
			break
		}
		_, known := ix.vocab[w]
		// Chat fillers and stray numbers ("1kg", a quantity the caller
		// left in) count only where a product name uses them.
		filler := fillers[w] || hasDigit(w)
		if filler && !known {
			continue
		}
		if !filler {
			required += len(w)
		}
		s.matches = ix.lookupToken(w, s, s.matches[:0])
		// Best matches first, so a key takes the best one for this word.
		slices.SortFunc(s.matches, func(a, b tokenMatch) int {
			switch {
			case a.sim > b.sim:
				return -1
			case a.sim < b.sim:
				return 1
			}
			return int(a.tok - b.tok)
		})
		for _, m := range s.matches {
			for _, pst := range ix.postings[m.tok] {
				ks := &s.keyState[pst.key]
				if ks.gen != s.gen {
					*ks = keyState{gen: s.gen, lastQ: -1}
					s.keys = append(s.keys, pst.key)
				}
				bit := uint16(1) << pst.pos
				if ks.lastQ == qi || ks.used&bit != 0 {
					continue
				}
				ks.lastQ = qi
				ks.used |= bit
				ks.words++
				ks.found += float32(float64(len(w)) * m.sim)
				if filler {
					ks.optional += uint16(min(len(w), 255))
				}
			}
		}
		qi++
	}

	for _, kid := range s.keys {
		k := &ix.keys[kid]
		ks := &s.keyState[kid]
		total := required + int(ks.optional)
		if total == 0 {
			continue
		}
		qPart := float64(ks.found) / float64(total)
		if qPart < minCovered {
			continue
		}
		score := 0.66 + 0.22*float64(ks.words)/float64(len(k.toks))
		if ks.used&1 != 0 {
			score += 0.09
		}
		if k.isName {
			score += 0.01 // names are canonical: "bawang" lists Bawang Merah before Daun Bawang
		}
		score *= qPart
		if score < minScore {
			continue
		}
		p := k.product
		if s.prodGen[p] != s.gen {
			s.prodGen[p] = s.gen
			s.prodBest[p] = candScore{score, kid}
			s.prods = append(s.prods, p)
		} else if score > s.prodBest[p].score {
			s.prodBest[p] = candScore{score, kid}
		}
	}
	if len(s.prods) == 0 {
		return nil
	}
	for _, p := range s.prods {
		// Round so equal families tie exactly, and never claim exactness.
		s.prodBest[p].score = min(math.Round(s.prodBest[p].score*1000)/1000, 0.97)
	}
	slices.SortFunc(s.prods, func(a, b int32) int {
		sa, sb := s.prodBest[a].score, s.prodBest[b].score
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return int(a - b) // ties in catalog order
	})
	best := s.prodBest[s.prods[0]].score
	n := 0
	for _, p := range s.prods {
		if n == MaxCandidates || s.prodBest[p].score < best-relativeCut {
			break
		}
		n++
	}
	out := make([]Candidate, n)
	for i, p := range s.prods[:n] {
		cs := s.prodBest[p]
		out[i] = Candidate{Product: &ix.products[p], Score: cs.score, Alias: ix.keys[cs.key].text}
	}
	return out
}

// lookupToken finds the index words a query word may be: itself, or when
// unknown, words it begins and words within its typo allowance (two typos
// only when no word is one typo away), and when none of those, words it
// abbreviates by dropping vowels.
func (ix *Index) lookupToken(w string, s *matchScratch, out []tokenMatch) []tokenMatch {
	if id, ok := ix.vocab[w]; ok {
		out = append(out, tokenMatch{id, 1})
		for _, v := range ix.variants[id] {
			// "telor ayam kampung": the catalog spells the name "telur".
			out = addMatch(out, v, variantSim)
		}
		if r, ok := ix.vocab[IndonesianWord(w)]; ok && r != id {
			// "lombok rawit abang": an alias says "lombok abang", the
			// name "Cabai Rawit Merah".
			out = addMatch(out, r, variantSim)
		}
		if r, ok := ix.learned[id]; ok && !s.oneWord {
			// "limau nipih": an alias says limau where a name says jeruk.
			// Learnt where the rest of a name was said, it is read so: a
			// bare "limau" is not the product the operator gave "jeruk".
			out = addMatch(out, r, variantSim)
		}
		for _, r := range ix.sameWord[IndonesianWord(w)] {
			if r != id && !ix.coveredBy(r, out) {
				// "lombok" where one product's names say only "cabe":
				// the other words for it, for the products they add.
				out = addMatch(out, r, variantSim)
			}
		}
		if vowelless(w) {
			// An abbreviation some alias spells ("bwg", "mrh") still
			// abbreviates the full words of other names ("bwg mrh").
			out = ix.lookupSkeleton(w, out)
		}
		return out
	}
	if id, ok := ix.vocab[IndonesianWord(w)]; ok {
		// "kunir", "iwak", "abang": the catalog's Indonesian word.
		return append(out, tokenMatch{id, variantSim})
	}
	if id, ok := ix.spelledToken(w, true); ok {
		// "taruang", "langkueh": the catalog's word in Minang sounds.
		return append(out, tokenMatch{id, variantSim})
	}
	if len(w) > maxWordLen || hasDigit(w) {
		return out // no product word is that long; typo search would cost O(n³)
	}
	n := len(out)
	out = ix.lookupNear(w, s, out)
	if !slices.ContainsFunc(out[n:], func(m tokenMatch) bool { return m.sim >= skeletonSim }) {
		// Nothing fits well: maybe a chat abbreviation ("kntg", "cb").
		out = ix.lookupSkeleton(w, out)
	}
	return out
}

// lookupNear finds the words w begins and the words within its typo
// allowance.
func (ix *Index) lookupNear(w string, s *matchScratch, out []tokenMatch) []tokenMatch {
	if len(w) < 3 {
		return out
	}
	for _, id := range ix.prefixes[w] {
		out = addMatch(out, id, 0.6+0.3*float64(len(w))/float64(len(ix.tokens[id])))
	}
	d := maxEdits(len(w))
	if d == 0 {
		return out
	}
	near := false
	visit := func(v []byte) {
		for _, id := range ix.deletes[string(v)] {
			t := ix.tokens[id]
			allowed := min(d, maxEdits(len(t)))
			if e := osaDistance(w, t, allowed); e <= allowed {
				near = near || e <= 1
				out = addMatch(out, id, 1-0.6*float64(e)/float64(max(len(w), len(t))))
			}
		}
	}
	buf := s.buf[len(s.buf):]
	forEachDelete(w, 1, buf, visit)
	if d == 2 && !near {
		forEachDelete2(w, buf, visit)
	}
	return out
}

func addMatch(out []tokenMatch, id int32, sim float64) []tokenMatch {
	for i := range out {
		if out[i].tok == id {
			out[i].sim = max(out[i].sim, sim)
			return out
		}
	}
	return append(out, tokenMatch{id, sim})
}
