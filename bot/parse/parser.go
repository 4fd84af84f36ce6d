package parse

import (
	"strconv"
	"strings"
	"sync"

	"pasarbot/catalog"
)

// Parser reads order messages against one catalog. Build it once with New;
// it is read-only afterwards and safe for concurrent use.
type Parser struct {
	ix *catalog.Index
	// exact holds Match's answer for every name and alias, keyed by the
	// phrase the parser builds from it: most order lines name a product
	// exactly and skip the fuzzy matcher altogether.
	exact map[string][]catalog.Candidate
	// aliasWords are the words of names and aliases that also have a role
	// in the lexicon ("mas" in "ikan mas", "limo" in "jeruk limo", "teh").
	aliasWords map[string]bool
	// prefixes are the leading words of multi-word names and aliases.
	prefixes map[string]bool
	// kinds are the products' goods kinds by SKU (eggs, counted pieces).
	kinds map[string]goodsKind
	// nameWords counts the product names each word appears in ("santan":
	// only Santan Kemasan's).
	nameWords map[string]int
	// names are the products' normalized names.
	names []string
	// nameHeads counts the names each word starts ("tahu": Tahu Putih,
	// Tahu Kuning).
	nameHeads map[string]int
	// normNames are the same by SKU.
	normNames map[string]string
	// wholes are every name and alias as the parser reads them, with
	// their product's SKU: what a chat abbreviation of a whole name or
	// alias ("tlr" for an alias "telur") may stand for.
	wholes []whole
	// categories are the words of the products' categories ("wadai",
	// "ikan"), which buyers may put before a name.
	categories map[string]bool
	// numbered are the names and aliases with a number in them ("Beras
	// IR 42", "Pupuk NPK 16"), as the words before the number, then '#'
	// and the number: "beras ir #42", "ir #42".
	numbered map[string]bool
	// builtIn maps a product's SKU to the built-in catalog's product it
	// is (by name or alias), where the built-in catalog knows it.
	builtIn map[string]string
	// unitsSold are the codes of the units the catalog's products are
	// sold by ("kg", "ikat", "potong"): a unit said of goods it does not
	// fit is another product's unit, not one the market has never heard of.
	unitsSold map[string]bool
	// viaBuiltIn holds, for each name and alias of the built-in catalog
	// this catalog does not have itself ("cambah", "tumbar", "betik"), the
	// products of this catalog that are the same built-in goods (Tauge,
	// Ketumbar, Pepaya), as exact candidates.
	viaBuiltIn map[string][]catalog.Candidate
	// ownUnits are the catalog's selling units the unit table lacks, as
	// lexicon entries (see ownUnits).
	ownUnits map[string]lex
	// unitRows maps a product's SKU and a unit code to the row that sells
	// the same goods by that unit and says so in its name (Telur Ayam
	// Butir beside Telur Ayam, sold per papan).
	unitRows map[string]map[string]*catalog.Product
	scratch  sync.Pool
}

// New builds a parser over a catalog index.
func New(ix *catalog.Index) *Parser {
	p := &Parser{
		ix:         ix,
		exact:      map[string][]catalog.Candidate{},
		aliasWords: map[string]bool{},
		prefixes:   map[string]bool{},
		kinds:      map[string]goodsKind{},
		nameWords:  map[string]int{},
		nameHeads:  map[string]int{},
		categories: map[string]bool{},
		numbered:   map[string]bool{},
		normNames:  map[string]string{},
		builtIn:    map[string]string{},
		unitsSold:  map[string]bool{},
	}
	var tz tokenizer
	for _, prod := range ix.Products() {
		p.unitsSold[prod.SellingUnit().Code] = true
		if k := kindOf(prod); k != 0 {
			p.kinds[prod.SKU] = k
		}
		if sku, ok := builtInOf(&tz, prod); ok {
			p.builtIn[prod.SKU] = sku
		}
		name := catalog.Normalize(prod.Name)
		p.names = append(p.names, name)
		p.normNames[prod.SKU] = name
		for _, w := range strings.Fields(catalog.Normalize(prod.Category)) {
			p.categories[w] = true
		}
		for i, w := range strings.Fields(name) {
			p.nameWords[w]++
			if i == 0 {
				p.nameHeads[w]++
			}
		}
		for j := -1; j < len(prod.Aliases); j++ {
			s := prod.Name
			if j >= 0 {
				s = prod.Aliases[j]
			}
			toks, _ := tz.run(s)
			var words []string
			for _, t := range toks {
				if t.kind == tNum && t.intg && len(words) > 0 {
					p.numbered[strings.Join(words, " ")+" #"+strconv.FormatInt(t.val/1000, 10)] = true
				}
				if t.kind == tWord {
					words = append(words, stripNya(t.w))
					if lookup(t.w).flags != 0 {
						p.aliasWords[t.w] = true
					}
				}
			}
			if len(words) == 0 {
				continue
			}
			key := strings.Join(words, " ")
			p.wholes = append(p.wholes, whole{words: words, sku: prod.SKU})
			if _, ok := p.exact[key]; !ok {
				p.exact[key] = ix.Match(key)
			}
			for k := 1; k < len(words); k++ {
				p.prefixes[strings.Join(words[:k], " ")] = true
			}
		}
	}
	p.viaBuiltIn = p.builtInSynonyms()
	p.ownUnits = ownUnits(ix.Products())
	p.unitRows = p.rowsByUnit(ix.Products())
	for w := range builtInAddressWords() {
		p.aliasWords[w] = true // read whole with the words before, where they are a built-in name (aliasPart)
	}
	p.scratch.New = func() any { return new(scratch) }
	return p
}

// whole is one product name or alias, in words.
type whole struct {
	words []string
	sku   string
}

// normName is the product's normalized name.
func (p *Parser) normName(prod *catalog.Product) string {
	if n, ok := p.normNames[prod.SKU]; ok {
		return n
	}
	return catalog.Normalize(prod.Name)
}

// Index returns the catalog index the parser reads.
func (p *Parser) Index() *catalog.Index { return p.ix }

// scratch is per-call working memory, pooled so typical messages cost few
// allocations.
type scratch struct {
	tz    tokenizer
	lx    []lex
	lines []line
	buf   []byte // the phrase being matched
	buf2  []byte // the same with weak words
	abuf  []byte // aliasPart's phrase
	runs  []run  // readChunk's runs
}

// Parse reads one message.
func (p *Parser) Parse(text string) Result {
	if len(text) > MaxBytes {
		return Result{TooLong: true}
	}
	sc := p.scratch.Get().(*scratch)
	defer p.scratch.Put(sc)
	toks, _ := sc.tz.run(text)
	sc.lx = sc.lx[:0]
	for i := range toks {
		var l lex
		if toks[i].kind == tWord {
			l = lookup(toks[i].w)
			if l.flags == 0 {
				if w, ok := p.unstretch(toks[i].w); ok {
					toks[i].w, l = w, lookup(w) // "ehh", "dehh": the particle
				}
			}
			if l.flags == 0 && len(p.ownUnits) > 0 {
				if ol, ok := p.ownUnits[toks[i].w]; ok {
					l = ol // "roa 2 jepit" where Roa is sold per jepit
				}
			}
			if l.flags == 0 && isDiVerb(toks[i].w) {
				l.flags = lxNote
			}
			if l.has(lxWeak) && l.has(lxFiller) && !p.aliasWords[toks[i].w] && !goodsBeforeQty(toks, i) {
				l.flags &^= lxWeak // "sikilo mi" where no product is called mi: only filler
			}
		}
		sc.lx = append(sc.lx, l)
	}
	sepOrNumber(toks, sc.lx)
	p.leafAbbreviation(toks, sc.lx)
	st := state{p: p, text: text, toks: toks, lx: sc.lx, sc: sc}
	sc.lines = sc.lines[:0]
	st.split()
	st.spreadEach()
	var res Result
	res.PriceQuery = st.ask
	for i := range sc.lines {
		st.resolve(&res, &sc.lines[i])
	}
	return res
}

// sepOrNumber settles words that are both "and" and a number: Javanese
// krama "kalih" is "with" before an item ("kalih tahu sedoso") and "two"
// after one ("tempe kalih", "bawang kalih ons"). After a word and before a
// separator, a unit or the end it counts; anywhere else it joins.
func sepOrNumber(toks []token, lx []lex) {
	for i := range lx {
		if !lx[i].has(lxSepWord) || !lx[i].has(lxNum) {
			continue
		}
		after := i > 0 && toks[i-1].kind == tWord && !lx[i-1].has(lxFiller|lxSepWord|lxNum)
		last := i+1 == len(toks) || toks[i+1].kind == tSep || toks[i+1].kind == tQuest || lx[i+1].unit > 0
		if after && last {
			lx[i].flags &^= lxSepWord
		} else {
			lx[i].flags &^= lxNum
		}
	}
}

// isDiVerb recognizes passive verbs that describe how a line is prepared
// ("dipotong", "dibersihin", "digoreng"): they start a note.
func isDiVerb(w string) bool {
	return len(w) >= 6 && w[0] == 'd' && w[1] == 'i'
}

func stripNya(w string) string {
	if len(w) > 5 && strings.HasSuffix(w, "nya") {
		return w[:len(w)-3]
	}
	return w
}

// span is a token range [a, b); a == b is empty.
type span struct{ a, b int }

func (s span) empty() bool { return s.a >= s.b }

// line is one order line before it meets the catalog.
type line struct {
	words    [2]span // product words; the second is a trailing phrase merged in
	q        quantity
	hasQ     bool
	notes    [4]span // note parts, in order: "dipotong 4", "dibersihin"
	each     bool    // "masing-masing": the quantity is shared with the lines before
	chunk    int     // which chunk of the message it came from
	soft     bool    // words before "mau pesan …": dropped unless they name a product
	named    bool    // words after an address with no quantity: maybe a name ("mbak Sari")
	heading  bool    // words before a ':' with no quantity: a heading, dropped unless a quantity joins them
	declined bool    // goods the buyer then said no to ("…, eh kada usah bombay")
	dish     bool    // words after cooking or making with no quantity: the dish, unless a whole name ("mau masak gurame")
}

// addNote appends a part to the line's note; parts beyond four are
// dropped (a note is a hint for the trader, not a document).
func (ln *line) addNote(s span) {
	if s.empty() {
		return
	}
	for i := range ln.notes {
		if ln.notes[i].empty() {
			ln.notes[i] = s
			return
		}
	}
}

// state is one Parse call.
type state struct {
	p     *Parser
	text  string
	toks  []token
	lx    []lex
	sc    *scratch
	ask   bool
	chunk int
}

// unstretch reads a word of talk stretched by one letter ("ehh", "yaa",
// "dehh"; three letters or more are squeezed by the tokenizer) as the
// word: a lexicon filler the word is with its last letter once, where no
// product is called by the word.
func (p *Parser) unstretch(w string) (string, bool) {
	n := len(w)
	if n < 3 || w[n-1] != w[n-2] || w[n-1] < 'a' || w[n-1] > 'z' {
		return "", false
	}
	short := w[:n-1]
	if !lookup(short).has(lxFiller) {
		return "", false
	}
	if _, ok := p.exact[w]; ok {
		return "", false
	}
	return short, true
}

// goodsBeforeQty reports whether the weak word at i is goods every market
// knows that open a piece of the message with a quantity right after them
// ("teh 2 kotak" where no tea is sold: goods not sold here). A particle or
// an address never opens an order that way ("hiji deui nya Teh").
// Called only for weak words, which are few.
func goodsBeforeQty(toks []token, i int) bool {
	if i > 0 && toks[i-1].kind != tSep && toks[i-1].kind != tQuest || i+1 >= len(toks) {
		return false
	}
	if builtInPhrases()[toks[i].w] == "" {
		return false
	}
	n := toks[i+1]
	if !(n.kind == tNum || n.kind == tWord && lookup(n.w).has(lxSeUnit)) {
		return false
	}
	// The quantity is the word's own, not that of goods after it ("Teh
	// 2 kilo tomat": Teh is the trader).
	for k := i + 2; k < len(toks) && toks[k].kind != tSep && toks[k].kind != tQuest; k++ {
		if toks[k].kind == tWord && lookup(toks[k].w).flags == 0 {
			return false
		}
	}
	return true
}
