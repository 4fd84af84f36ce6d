package parse

import (
	"slices"
	"strings"

	"pasarbot/catalog"
)

// resolve turns one line into an item, a question or an unknown.
func (st *state) resolve(res *Result, ln *line) {
	if ln.declined {
		return
	}
	if ln.words[0].empty() {
		if ln.hasQ && !(st.ask && spelledCount(ln.q)) {
			if at := st.dishBefore(ln); at >= 0 {
				// "rendang jadi 1/2 kg": the dish, which the market does not sell.
				res.Unknown = append(res.Unknown, Unknown{Said: st.text[st.toks[at].start:st.toks[ln.q.b-1].end]})
				return
			}
			// A quantity with no product: ask what it is for ("ko bara
			// ciek?" asks the price of one).
			qt := st.qtyText(ln)
			res.Questions = append(res.Questions, Question{Kind: MissingQty, Said: qt, QtyText: qt, Text: textWhichProduct(qt)})
		}
		return
	}
	if ln.heading && !ln.hasQ {
		return // "bahan sop:", "sayur:"
	}
	if !ln.hasQ && st.onlyWeak(ln) {
		return // "teh," as an address, not tea
	}
	d := st.p.decide(st.match(ln.words[0], ln.words[1]))
	if d2, ok := st.viaBuiltInWords(ln, d); ok {
		d = d2 // "cambah" where the market writes Tauge
	}
	var adj span
	if d.verdict != vOne && ln.words[1].empty() {
		// "bawang merah besar 1 kg": an adjective the name lacks is a note.
		if w, a, ok := st.trailingAdjectives(ln.words[0]); ok {
			if d2 := st.p.decide(st.match(w, span{})); d2.verdict == vOne {
				d, adj = d2, a
			}
		}
	}
	// "telur yang kampung", "beras 5 kg yg pulen": the words after a
	// relative word may finish the name.
	if ln.words[1].empty() {
		if d2, used := st.refineByNote(ln); d2.verdict == vOne && (d.verdict != vOne || d2.best != d.best) {
			d = d2
			if used {
				ln.notes[0] = span{}
			}
		}
	}
	if d.verdict != vOne && ln.words[1].empty() && adj.empty() {
		// "kecap bango refill", "bawang merah brebes": one extra word the
		// catalog does not know; the rest names exactly one product. Not
		// where every word said is in each of several names ("cakalang
		// fufu" of Cakalang Fufu Ekor and Cakalang Fufu Potong: not a sort
		// of the fresh Cakalang).
		if d2, extra, ok := st.dropOne(ln.words[0]); ok && !(d.verdict == vAmbiguous && st.family(d, ln)) {
			if ln.dish && !ln.hasQ {
				return // "…, gawe lontong balap": a dish of the goods, with a word the catalog does not know
			}
			d, adj = d2, extra
			if st.sortLacking(ln.words[0], extra) || st.partOfOther(extra, d2.best) {
				d, adj = decision{cands: d2.cands}, span{} // "tahu sumedang" where only Tahu Putih and Tahu Kuning are sold
			}
		}
	}
	if d.verdict == vNone && ln.words[1].empty() {
		// "wadai bingka": the category, then the name.
		if d2, ok := st.afterCategory(ln.words[0]); ok {
			d = d2
		}
	}
	if d.verdict == vOne && !adj.empty() && st.otherSortThan(d.best, adj) {
		d, adj = decision{cands: d.cands}, span{} // "beras merah" where only Beras Putih is sold
	}
	if d.verdict != vNone && st.otherGoodsThan(ln, d) {
		d.verdict = vNone // "kerupuk haruan": not the fish; "kentang" where no kentang is sold: not kerang
	}
	if ln.words[1].empty() && st.namesOtherBuiltIn(ln.words[0], d) {
		d.verdict = vNone // "telur puyuh" where only hen's eggs are sold
	}
	said := st.said(ln)
	if (ln.soft || ln.named) && d.verdict == vNone {
		return
	}
	if ln.dish && (len(d.cands) == 0 || !d.cands[0].Exact) {
		return // "nio mambuek kue": the cake made, not the one Kue Talam
	}
	if ln.named && d.verdict == vAmbiguous && st.properName(ln.words[0]) {
		return // "mbak Sari": Sari is no typo of serai
	}
	switch d.verdict {
	case vNone:
		if st.talkBeside(ln, d) {
			return
		}
		res.Unknown = append(res.Unknown, Unknown{Said: said, Suggestions: d.suggestions()})
		return
	case vAmbiguous:
		ch := st.familyChoices(d, ln, d.choices())
		one := st.p.onlyMeasuredBy(ch, ln)
		if one != nil && !st.family(d, ln) {
			one = nil
		}
		if one == nil {
			// Rows that name their units need no family: "ckalang fufu
			// 1 ekor" is misspelt, but only one row is sold per ekor.
			one = st.p.onlyCountedIn(ch, ln)
		}
		if one != nil {
			// "telur 1 kg" when only one of the eggs is sold by weight.
			st.item(res, one, ln, said, adj)
			return
		}
		if len(ch) == 0 {
			res.Unknown = append(res.Unknown, Unknown{Said: said, Suggestions: d.suggestions()})
			return
		}
		if st.ask && !ln.hasQ && len(ch) > 1 {
			// "rega cabe brapa": a trader names the price of each sort
			// rather than asking which one. With a quantity ("cabe brp
			// sekilo") the buyer is about to order one: ask which.
			for _, c := range ch {
				st.item(res, c, ln, said, adj)
			}
			return
		}
		if len(ch) == 1 && (st.headOf(ch[0], ln) || st.lastNounOf(ch[0], ln)) {
			// "santan 2 bungkus" when Santan Kemasan is the one santan
			// offered: the buyer said its head word, nothing to ask.
			st.item(res, ch[0], ln, said, adj)
			return
		}
		res.Questions = append(res.Questions, Question{
			Kind: Ambiguous, Said: said, Choices: ch, QtyText: st.qtyText(ln), Text: textAmbiguous(ch),
		})
		return
	}
	if ch := st.p.unitRowsAsked(d.best, ln); ch != nil {
		res.Questions = append(res.Questions, Question{
			Kind: Ambiguous, Said: said, Choices: ch, QtyText: st.qtyText(ln), Text: textAmbiguous(ch),
		})
		return
	}
	// "telur 10 butir": the row that sells the goods by the unit said.
	st.item(res, st.p.unitRow(d.best, ln), ln, said, adj)
}

// headOf reports whether the line names p by the words that begin p's
// name and no other product's name: one word no other name holds
// ("santan" of Santan Kemasan; not "ikan asin", a kind of several), or
// words that start only p's name, whole or abbreviated.
func (st *state) headOf(p *catalog.Product, ln *line) bool {
	buf, n := st.saidPhrase(ln)
	if n == 0 {
		return false
	}
	if n == 1 && st.p.nameWords[string(buf)] == 1 && strings.HasPrefix(catalog.Normalize(p.Name)+" ", string(buf)+" ") {
		return true
	}
	// "gla mrh 1 kg", "tlr ras 1kg": words of the name from its head,
	// whole or abbreviated, that fit no other product's name.
	said := strings.Fields(string(buf))
	abbreviated := false
	starts := func(name string) bool {
		// Every word said is a word of the name, whole or abbreviated, in
		// the name's order, the first one its head ("tlr ras": Telur
		// Ayam Ras).
		ws := strings.Fields(name)
		k := 0
		for i, w := range said {
			for k < len(ws) && w != ws[k] && !catalog.Abbreviates(w, ws[k]) {
				if i == 0 {
					return false
				}
				k++
			}
			if k == len(ws) {
				return false
			}
			if w != ws[k] {
				abbreviated = true
			}
			k++
		}
		return true
	}
	if st.p.abbreviatesOnly(said, p.SKU) {
		return true // "tlr 1 papan": the alias "telur" in chat
	}
	// Whole words naming the start of one product may still name a kind
	// ("ikan asin"): only a chat abbreviation of the name is taken.
	if !starts(catalog.Normalize(p.Name)) || !abbreviated {
		return false
	}
	count := 0
	for _, name := range st.p.names {
		if starts(name) {
			count++
		}
	}
	return count == 1
}

// abbreviatesOnly reports whether the words said abbreviate a whole name
// or alias of the product sku, word for word, and no whole name or alias of
// another product ("tlr" for the alias "telur" of Telur Ayam, though Telur
// Bebek's name starts with the word).
func (p *Parser) abbreviatesOnly(said []string, sku string) bool {
	found := false
	for _, w := range p.wholes {
		if len(w.words) != len(said) {
			continue
		}
		all, short := true, false
		for i, s := range said {
			if s != w.words[i] && !catalog.Abbreviates(s, w.words[i]) {
				all = false
				break
			}
			short = short || s != w.words[i]
		}
		if !all || !short {
			continue
		}
		if w.sku != sku {
			return false
		}
		found = true
	}
	return found
}

// describing words say which sort, never which goods: a name's last word
// among them ("Bawang Merah", "Kacang Panjang") names no product alone.
var describing = map[string]bool{
	"merah": true, "hijau": true, "putih": true, "kuning": true, "hitam": true, "ungu": true, "coklat": true, "cokelat": true,
	"besar": true, "kecil": true, "panjang": true, "pendek": true, "tua": true, "muda": true, "manis": true, "asam": true,
	"pedas": true, "segar": true, "kering": true, "basah": true, "halus": true, "kasar": true, "lokal": true, "super": true,
	"biasa": true, "jumbo": true, "curah": true, "kemasan": true, "premium": true, "medium": true, "asli": true,
}

// lastNounOf reports whether the line names p by the one word after a
// generic first word of p's name ("sapi 1 kg": Daging Sapi, the only
// beef; "salam": Daun Salam), a word in no other product's name or alias
// and not one describing a sort ("merah" of Bawang Merah).
func (st *state) lastNounOf(p *catalog.Product, ln *line) bool {
	buf, n := st.saidPhrase(ln)
	if n != 1 || !ln.hasQ {
		return false
	}
	w := string(buf)
	if name := strings.Fields(catalog.Normalize(p.Name)); len(name) != 2 || name[1] != w || !builtInWords().generic[name[0]] {
		return false
	}
	if describing[w] || describing[catalog.IndonesianWord(w)] || lookup(w).flags != 0 || st.p.categories[w] || st.p.nameWords[w] != 1 {
		return false
	}
	for _, x := range st.p.wholes {
		if x.sku != p.SKU && slices.Contains(x.words, w) {
			return false
		}
	}
	return true
}

// properName reports whether the words start with a capitalized word
// right after an address word ("mbak Sari", "Bu Tini").
func (st *state) properName(w span) bool {
	if w.empty() || w.a == 0 {
		return false
	}
	t := st.toks[w.a]
	c := st.text[t.start]
	prev := st.toks[w.a-1]
	return c >= 'A' && c <= 'Z' && prev.kind == tWord && st.lx[w.a-1].has(lxTail)
}

// onlyMeasuredBy returns the one choice that the line's weight or volume
// can measure ("telur 1 kg" when only Telur Ayam is sold by the kilo, the
// others by the piece), or nil. Counts ("ayam 1 ekor") do not narrow: a
// whole chicken may be wanted from the per-kg counter too.
func (p *Parser) onlyMeasuredBy(ch []*catalog.Product, ln *line) *catalog.Product {
	if len(ch) < 2 || !ln.hasQ || ln.q.unit == nil || !ln.q.unit.known() || !ln.q.unit.u.Divisible() || ln.q.count > 0 {
		return nil
	}
	var one *catalog.Product
	for _, c := range ch {
		if p.sellingUnit(c).Dimension == ln.q.unit.u.Dimension {
			if one != nil {
				return nil
			}
			one = c
		}
	}
	return one
}

// onlyCountedIn returns the one choice sold in the counted unit the line
// names, when the choices are rows told apart by their units, each naming
// its own ("klapertaart 2 potong" beside Klapertaart Loyang; "fufu 1 ekor"
// beside Cakalang Fufu Potong), or nil. Other goods a count does not
// narrow: "pindang 3 ekor" may be either fish, whatever each is sold by,
// and "ayam 1 ekor" a whole bird from the per-kg counter too.
func (p *Parser) onlyCountedIn(ch []*catalog.Product, ln *line) *catalog.Product {
	if len(ch) < 2 || !ln.hasQ || ln.q.unit == nil || ln.q.count > 0 {
		return nil
	}
	var one *catalog.Product
	for _, c := range ch {
		u := p.sellingUnit(c)
		if u.Divisible() || !strings.Contains(" "+p.normName(c)+" ", " "+u.Code+" ") {
			return nil
		}
		if u.Code == ln.q.unit.code {
			if one != nil {
				return nil
			}
			one = c
		}
	}
	return one
}

// family reports whether every candidate the buyer is offered was found by
// all of the line's product words ("telur" in Telur Ayam, Telur Itik,
// Telur Ayam Kampung): one kind of goods in several sorts, where the unit
// may pick the sort. "ikan asin" offering Telur Asin is no such family.
func (st *state) family(d decision, ln *line) bool {
	buf, n := st.saidPhrase(ln)
	if n == 0 {
		return false
	}
	for _, c := range d.cands {
		if c.Score < offerScore {
			continue
		}
		have := " " + c.Alias + " "
		for _, w := range strings.Fields(catalog.Normalize(string(buf))) {
			if !strings.Contains(have, " "+w+" ") {
				return false
			}
		}
	}
	return true
}

// familyChoices adds to the choices of an ambiguous line the products
// whose names hold the words said in the place they hold them in every
// choice's name, however long those names are ("rawit": Cabe Rawit Hijau
// beside Cabe Rawit; "beras" does not add Tepung Beras to the sorts of
// Beras).
func (st *state) familyChoices(d decision, ln *line, ch []*catalog.Product) []*catalog.Product {
	buf, n := st.saidPhrase(ln)
	if n == 0 || len(ch) == 0 || len(ch) >= maxChoices {
		return ch
	}
	said := strings.Fields(string(buf))
	// at is where the words said start in the product's name, or -1.
	at := func(p *catalog.Product) int { return wordsAt(st.p.normName(p), said) }
	place := at(ch[0])
	if place < 0 {
		// "beas" for beras: the names hold the Indonesian word (said is
		// this call's own copy of the words).
		changed := false
		for i, w := range said {
			if r := catalog.IndonesianWord(w); r != w {
				said[i], changed = r, true
			}
		}
		if changed {
			place = at(ch[0])
		}
	}
	if place < 0 && len(said) > 1 && st.p.categories[said[0]] {
		said = said[1:] // "sayur tiram": the category, then the name's word
		place = at(ch[0])
	}
	if place < 0 {
		return ch
	}
	for _, c := range ch[1:] {
		if at(c) != place {
			return st.namedSorts(ch, at, place, said)
		}
	}
	out := ch
	for _, c := range d.cands {
		if len(out) == maxChoices {
			break
		}
		if !slices.Contains(out, c.Product) && at(c.Product) == place {
			if len(out) == len(ch) {
				out = slices.Clone(ch)
			}
			out = append(out, c.Product)
		}
	}
	return out
}

// wordsAt is the index of the word of name (normalized, its words one
// space apart) where the words said start, or -1. It allocates nothing.
func wordsAt(name string, said []string) int {
	if len(said) == 0 {
		return -1
	}
	for i, rest := 0, name; ; i++ {
		if wordsStart(rest, said) {
			return i
		}
		sp := strings.IndexByte(rest, ' ')
		if sp < 0 {
			return -1
		}
		rest = rest[sp+1:]
	}
}

// wordsStart reports whether s starts with the words said, whole.
func wordsStart(s string, said []string) bool {
	for k, w := range said {
		if !strings.HasPrefix(s, w) {
			return false
		}
		s = s[len(w):]
		if s != "" && s[0] != ' ' {
			return false
		}
		if k < len(said)-1 {
			if s == "" {
				return false
			}
			s = s[1:]
		}
	}
	return true
}

// namedSorts keeps, of choices that are sorts of one kind of goods by
// their names ("tahu": Tahu Kuning, Tahu Putih, Tahu Sumedang), those
// names, leaving out a product the word reached only through an alias of
// another kind ("tahu isi", an alias of a fried snack; "beras ketan" of
// Ketan Putih; "terong pipit" of Rimbang): a trader asks which tahu, not
// whether the snack was meant. A product one of whose aliases shares
// another word with a sort's name is a sort too ("minyak goreng rakyat"
// beside Minyak Goreng Curah), and so is a name that holds the words
// elsewhere (Daun Bawang beside Bawang Merah). With fewer than two sorts
// by name the choices stay as they are.
func (st *state) namedSorts(ch []*catalog.Product, at func(*catalog.Product) int, place int, said []string) []*catalog.Product {
	var named []*catalog.Product
	for _, c := range ch {
		if at(c) == place {
			named = append(named, c)
		}
	}
	if len(named) < 2 || len(named) == len(ch) {
		return ch
	}
	sort := func(c *catalog.Product) bool {
		if at(c) >= 0 {
			return true
		}
		for _, a := range c.Aliases {
			for _, w := range strings.Fields(catalog.Normalize(a)) {
				if slices.Contains(said, w) {
					continue
				}
				for _, n := range named {
					if wordsAt(st.p.normName(n), []string{w}) >= 0 {
						return true
					}
				}
			}
		}
		return false
	}
	out := make([]*catalog.Product, 0, len(ch))
	for _, c := range ch {
		if sort(c) {
			out = append(out, c)
		}
	}
	return out
}

// otherGoodsThan reports whether the line's words hold a word of other
// goods than the products the decision names: one that makes other goods
// of a name ("kerupuk", "sirup", "tanah") and that no such product has in
// its name or aliases, or goods every market knows by a word this
// catalog does not have at all ("kentang" matched to Kerang as a typo).
func (st *state) otherGoodsThan(ln *line, d decision) bool {
	for k, s := range ln.words {
		from := s.a
		if k == 0 && from > 0 && st.toks[from-1].kind == tWord && otherGoods[st.toks[from-1].w] {
			from-- // "gulai nangka": the dish word, dropped as talk, right before the name
		}
		for i := from; i < s.b; i++ {
			w := stripNya(st.toks[i].w)
			if st.toks[i].kind != tWord {
				continue
			}
			if !otherGoods[w] && !st.p.notSoldHere(w) {
				continue
			}
			if w == "asin" && !st.eggsOnly(d) {
				continue // "teri asin" is the dried fish, "telur asin" no egg of the tray
			}
			if d.verdict == vOne && nameHas(d.best, w) {
				continue
			}
			if d.verdict == vAmbiguous && slices.ContainsFunc(d.choices(), func(p *catalog.Product) bool { return nameHas(p, w) }) {
				continue
			}
			if k == 0 {
				ln.words[0].a = from // said back with its dish word
			}
			return true
		}
	}
	return false
}

// eggsOnly reports whether the decision names eggs alone.
func (st *state) eggsOnly(d decision) bool {
	switch d.verdict {
	case vOne:
		return st.p.kinds[d.best.SKU]&gkEggs != 0
	case vAmbiguous:
		ch := d.choices()
		return len(ch) > 0 && !slices.ContainsFunc(ch, func(p *catalog.Product) bool { return st.p.kinds[p.SKU]&gkEggs == 0 })
	}
	return false
}

// afterCategory matches the words after a first word that is the category
// of the products they name ("wadai bingka" where Bingka Kentang and
// Bingka Tapai are wadai; "iwak pindang" where the pindang are ikan).
func (st *state) afterCategory(w span) (decision, bool) {
	if w.b-w.a < 2 || st.toks[w.a].kind != tWord {
		return decision{}, false
	}
	cat := st.toks[w.a].w
	if !st.p.categories[cat] {
		// "iwak pindang" (Jv), "lawuak bada" (Mi): the category in the
		// buyer's regional word.
		cat = catalog.IndonesianWord(cat)
		if !st.p.categories[cat] {
			return decision{}, false
		}
	}
	d := st.p.decide(st.match(span{w.a + 1, w.b}, span{}))
	in := func(p *catalog.Product) bool {
		return slices.Contains(strings.Fields(catalog.Normalize(p.Category)), cat)
	}
	switch d.verdict {
	case vOne:
		return d, in(d.best)
	case vAmbiguous:
		ch := d.choices()
		return d, len(ch) > 0 && !slices.ContainsFunc(ch, func(p *catalog.Product) bool { return !in(p) })
	}
	return d, false
}

// dishBefore returns the token of a dish word said right before the
// line's quantity, with only talk between ("rendang jadi 1/2 kg", "opor 2
// porsi"), or -1: the dish is what is ordered. After cooking, making or a
// note word ("masak rendang 1/2 kg", "buat opor 1 kg") the dish is what
// the goods are for.
func (st *state) dishBefore(ln *line) int {
	at := -1
	for i := ln.q.a - 1; i >= 0 && st.toks[i].kind == tWord && !st.lx[i].has(lxSepWord); i-- {
		l := st.lx[i]
		switch {
		case l.has(lxPurpose | lxNote):
			return -1
		case l.has(lxDish):
			at = i
		}
	}
	return at
}

// sortLacking reports whether the word dropOne left out names a sort the
// market lacks: it follows the one other product word, which starts
// several names here ("tahu sumedang" beside Tahu Putih and Tahu Kuning;
// "gula batu" beside Gula Pasir and Gula Jawa), and it describes no sort
// by colour or size (those are notes: "bawang merah besar"). After a word
// of one product only, the word is a brand or an origin ("kecap bango").
func (st *state) sortLacking(w, extra span) bool {
	if extra.empty() {
		return false
	}
	head := -1
	for i := w.a; i < w.b; i++ {
		if i != extra.a && st.isProductWord(i, false) {
			if head >= 0 {
				return false // more words than a head
			}
			head = i
		}
	}
	if head < 0 || head > extra.a {
		return false
	}
	x := st.toks[extra.a].w
	return st.p.nameHeads[catalog.Normalize(st.toks[head].w)] >= 2 && !describing[catalog.IndonesianWord(x)] && !describing[x]
}
