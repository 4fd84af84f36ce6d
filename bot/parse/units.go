package parse

import (
	"slices"
	"strings"

	"pasarbot/catalog"
)

// spokenUnit is a unit as buyers say it. Most map to a catalog unit; a few
// are counted measures the catalog lacks (lusin) and some name a part or a
// container that no product is sold by (buletan, botol): those make the
// parser ask instead of guessing.
type spokenUnit struct {
	code string       // catalog unit code, or the spoken word
	u    catalog.Unit // Dimension is "" when nothing converts to it
	half bool         // "sebelah": half of a fish or a chicken
	// any: a classifier that counts whatever the product is counted in
	// (Banjar buting, bigi; Javanese iji): "itik sabuting" is one ekor.
	any bool
	// slice: a cut piece ("potong"), one of a product sold by the piece
	// (pcs: "amparan 10 potong"); of anything else a part to ask about.
	slice bool
}

// known reports whether the unit converts to catalog units.
func (s spokenUnit) known() bool { return s.u.Dimension != "" }

var spokenUnits []spokenUnit

// unitOf returns the spoken unit of a lexicon entry.
func unitOf(l lex) *spokenUnit {
	if l.own != nil {
		return l.own
	}
	if l.unit == 0 {
		return nil
	}
	return &spokenUnits[l.unit-1]
}

// addUnit registers a unit. spelled are full words that also take the
// prefixes se-/sa-/si- ("sekilo", "sakilo", "seikat", "sikilo"); abbr are written forms
// only ("kg", "bks"); needNum are forms that are a unit only right after a
// number ("2l", "250g", "2 sak").
func addUnit(su spokenUnit, spelled, abbr, needNum []string) {
	spokenUnits = append(spokenUnits, su)
	idx := len(spokenUnits)
	set := func(w string, f lexFlag) {
		l := lexicon[w]
		if l.unit == 0 {
			l.unit = idx
		}
		l.flags |= f
		lexicon[w] = l
	}
	spell := func(w string) {
		set(w, lxUnit)
		for _, p := range []string{"se", "sa", "si"} { // si-: Bugis/Makassar ("sikilo")
			if _, taken := lexicon[p+w]; !taken {
				set(p+w, lxSeUnit)
			}
		}
	}
	for _, w := range spelled {
		spell(w)
	}
	for _, w := range spelled {
		// Minang says them with its own endings: butia, ikek, sisia,
		// bungkuih, tumpuak, karuang (sabungkuih, sasisia).
		for _, r := range catalog.RegionalSpellings(w) {
			if _, taken := lexicon[r]; !taken {
				spell(r)
			}
		}
	}
	for _, w := range abbr {
		set(w, lxUnit)
	}
	for _, w := range needNum {
		set(w, lxUnit|lxNeedNum)
	}
}

func catUnit(code string) spokenUnit {
	u, ok := catalog.LookupUnit(code)
	if !ok {
		panic("parse: catalog has no unit " + code)
	}
	return spokenUnit{code: code, u: u}
}

func addUnits() {
	w := func(s ...string) []string { return s }
	addUnit(catUnit("kg"), w("kilo", "kilogram", "kiloan"), w("kg", "kgs", "kl", "klo", "kilo2", "kgan"), nil)
	lexicon["skilo"] = lexicon["sekilo"] // its vowel dropped, as chat writes it
	addUnit(catUnit("ons"), w("ons", "onz"), nil, w("on", "ones"))
	addUnit(catUnit("gram"), w("gram", "gramm", "grams"), w("gr", "grm", "grr", "gramnya"), w("g"))
	addUnit(catUnit("kwintal"), w("kwintal", "kuintal"), nil, w("kw"))
	addUnit(catUnit("liter"), w("liter", "litre", "lter", "litter", "literan"), w("ltr", "lt", "ltrs"), w("l"))
	addUnit(catUnit("ml"), nil, w("ml", "mili", "mls"), nil)
	addUnit(catUnit("butir"), w("butir", "butiran", "btir", "bitir"), w("btr"), nil)
	addUnit(catUnit("biji"), w("biji", "bji", "bijian"), w("bj", "bij"), nil)
	// Regional classifiers for one of anything counted: Banjar buting
	// (sabuting) and bigi (sabigi), Javanese iji. A piece for goods counted
	// in pieces; an ekor, ikat or sisir for goods counted in those.
	classifier := catUnit("biji")
	classifier.any = true
	// Malay keping (a flat piece: "tempe 2 keping") counts the same way.
	addUnit(classifier, w("buting", "bigi", "iji", "keping"), nil, nil)
	addUnit(catUnit("buah"), w("buah", "buwah", "bwh"), w("bh"), w("bua", "tongkol"))
	addUnit(catUnit("pcs"), w("pcs", "piece", "pieces"), w("pc", "pcz", "pce"), nil)
	addUnit(catUnit("papan"), w("papan", "tray", "trai"), w("ppn"), w("rak"))
	// Mi ikua (saikua), Bj ikung (saikung): ekor.
	addUnit(catUnit("ekor"), w("ekor", "ekoran", "ikua", "ikung"), w("ekr", "ekot"), nil)
	addUnit(catUnit("ikat"), w("ikat", "iket", "ikatan", "iketan", "beungkeut", "unting"), w("ikt"), nil)
	addUnit(catUnit("sisir"), w("sisir", "sikat"), w("ssr"), nil) // Malay sikat: a hand of bananas
	addUnit(catUnit("bungkus"), w("bungkus", "bungkos", "bungkusan", "pack", "sachet", "saset", "sacet"), w("bks", "bngks", "bgks", "bks2", "pck"), nil)
	addUnit(catUnit("renteng"), w("renteng", "renceng", "rentengan"), w("rtg"), nil)
	addUnit(catUnit("karung"), w("karung", "zak", "goni"), w("krg"), w("sak")) // Malay goni: a sack
	addUnit(catUnit("porsi"), w("porsi"), w("prs"), nil)
	// Manado tompok (tmpk in chat): a pile, tumpuk.
	addUnit(catUnit("tumpuk"), w("tumpuk", "tumpukan", "tumpok", "tompok", "tmpk", "onggok", "onggokan", "unggun", "longgok", "longgokan"), nil, w("tempat"))
	// Counted measures: a dozen and a score of pieces.
	addUnit(spokenUnit{code: "lusin", u: catalog.Unit{Code: "lusin", Name: "lusin", Dimension: catalog.Piece, Base: 12}}, w("lusin"), nil, nil)
	addUnit(spokenUnit{code: "kodi", u: catalog.Unit{Code: "kodi", Name: "kodi", Dimension: catalog.Piece, Base: 20}}, w("kodi"), nil, nil)
	// Half a fish or a chicken.
	addUnit(spokenUnit{code: "sebelah", half: true}, nil, w("sebelah", "sabeulah", "sabelah"), nil)
	// Parts and containers that convert to no other unit: asking beats
	// guessing how many grams a bulb of garlic or a bottle of oil is. A
	// product sold by one of them (kecap per botol) takes it as its own.
	for _, u := range [][]string{
		{"buletan", "bulet", "bulatan"}, {"siung"}, {"bonggol", "bungkul"}, {"batang", "btg", "lonjor", "tangkai"},
		{"iris", "irisan"}, {"botol", "btl"}, {"kaleng", "klg"},
		{"dus", "dos", "kardus", "karton", "box", "kotak"}, {"plastik", "kantong", "kantung", "kresek", "asoi", "asoy"},
		{"cup", "gelas", "mangkok", "piring", "sendok"}, {"genggam", "genggaman"}, {"keranjang", "peti", "ember", "baskom"}, {"toples", "stoples", "setoples"}, {"jeriken", "jerigen", "jirigen", "jerken"},
		{"lembar", "lbr"}, {"bal"}, {"tandan", "tundun"}, {"tabung", "tbg"},
	} {
		addUnit(spokenUnit{code: u[0]}, u, nil, nil)
	}
	addUnit(spokenUnit{code: "potong", slice: true}, w("potong", "ptg", "potongan"), nil, nil)
}

// ownUnits reads the units the catalog's products are sold by that no
// buyer's word in the unit table names ("jepit" of smoked fish clipped in
// bamboo, "loyang" of a whole cake): each a counted unit of its own, read
// only right after a number ("roa 2 jepit"), or with se-/sa- ("saloyang").
// Another product said in it is then one sold by another unit.
func ownUnits(ps []catalog.Product) map[string]lex {
	own := map[string]lex{}
	for _, prod := range ps {
		code := prod.Unit
		if _, ok := lexicon[code]; ok || !catalog.OwnUnitWord(code) {
			continue
		}
		if _, ok := own[code]; ok {
			continue
		}
		su := &spokenUnit{code: code, u: prod.SellingUnit()}
		own[code] = lex{flags: lxUnit | lxNeedNum, own: su}
		for _, p := range []string{"se", "sa"} {
			if _, taken := lexicon[p+code]; !taken {
				own[p+code] = lex{flags: lxSeUnit, own: su}
			}
		}
	}
	return own
}

// rowsByUnit finds the rows named as another product with their unit
// after it ("Telur Ayam Butir" beside "Telur Ayam", an alias "minyak
// botol" beside a Minyak Goreng whose alias is "minyak", an alias "lapan
// jam potong" beside the loyang row aliased "lapan jam"), and the rows
// named alike but for their units ("Kembung Asap Ekor", "Kembung Asap
// Potong"): the same goods sold by another unit. See Parser.unitRows.
func (p *Parser) rowsByUnit(ps []catalog.Product) map[string]map[string]*catalog.Product {
	bySKU := map[string]*catalog.Product{}
	for i := range ps {
		bySKU[ps[i].SKU] = &ps[i]
	}
	// A name or alias of one product only.
	byPhrase := map[string]*catalog.Product{}
	for _, wh := range p.wholes {
		key := strings.Join(wh.words, " ")
		if prev, ok := byPhrase[key]; ok && (prev == nil || prev.SKU != wh.sku) {
			byPhrase[key] = nil
			continue
		}
		byPhrase[key] = bySKU[wh.sku]
	}
	var rows map[string]map[string]*catalog.Product
	link := func(other, r *catalog.Product) {
		code := r.SellingUnit().Code
		// A sack is of a size the buyer still has to say (5, 25 or 50
		// kg): "beras 2 karung" beside a sack row of one size asks.
		if other == nil || other == r || other.SellingUnit().Code == code || r.SellingUnit().Dimension == catalog.Sack {
			return
		}
		if rows == nil {
			rows = map[string]map[string]*catalog.Product{}
		}
		if rows[other.SKU] == nil {
			rows[other.SKU] = map[string]*catalog.Product{}
		}
		rows[other.SKU][code] = r
	}
	sameBase := map[string][]*catalog.Product{} // the words before a name's own unit
	for _, wh := range p.wholes {
		r := bySKU[wh.sku]
		n := len(wh.words)
		if r == nil || n < 2 || wh.words[n-1] != r.SellingUnit().Code {
			continue
		}
		base := strings.Join(wh.words[:n-1], " ")
		link(byPhrase[base], r)
		if !slices.Contains(sameBase[base], r) {
			sameBase[base] = append(sameBase[base], r)
		}
	}
	for _, rs := range sameBase {
		for _, a := range rs {
			for _, b := range rs {
				link(a, b)
			}
		}
	}
	return rows
}

// unitRow is the row that sells prod's goods in the unit the line says,
// where prod is sold by another (see Parser.unitRows), or prod.
func (p *Parser) unitRow(prod *catalog.Product, ln *line) *catalog.Product {
	if len(p.unitRows) == 0 || !ln.hasQ || ln.q.unit == nil || ln.q.count > 0 {
		return prod
	}
	if r, ok := p.unitRows[prod.SKU][ln.q.unit.code]; ok {
		return r
	}
	return prod
}

// unitRowsAsked are the rows that sell prod's goods by other units, with
// prod first, when the line gives a bare count ("lapan jam 2" beside a
// loyang row and a potong row): which row the count is of is asked, as
// for rows that each name their unit. Nil when nothing is to be asked.
func (p *Parser) unitRowsAsked(prod *catalog.Product, ln *line) []*catalog.Product {
	rows := p.unitRows[prod.SKU]
	if len(rows) == 0 || !ln.hasQ || ln.q.unit != nil || ln.q.money || ln.q.frac || ln.q.count > 0 {
		return nil
	}
	ch := []*catalog.Product{prod}
	for _, r := range rows {
		ch = append(ch, r)
	}
	slices.SortFunc(ch[1:], func(a, b *catalog.Product) int { return strings.Compare(a.SKU, b.SKU) })
	return ch
}
