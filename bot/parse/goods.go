package parse

import (
	"slices"
	"strings"
	"sync"

	"pasarbot/catalog"
)

// What kind of goods a product is, read from the words of its name and
// category as any market's operator writes them ("Telur", "Hintalu Itik",
// "Ikan Sungai", "iwak", "Buah-buahan"), not from the default catalog's
// category ids.

// goodsKind says how buyers count a product.
type goodsKind uint8

const (
	// gkEggs: a papan of them is a tray of 30.
	gkEggs goodsKind = 1 << iota
	// gkPieces: sold by weight but counted in pieces by buyers (eggs,
	// fish, fruit, vegetables, poultry): "lele 2" is two fish, "bebek 2"
	// two ducks, not two kilos.
	gkPieces
)

// Regional words for eggs, fish and fruit, in names and categories.
var (
	eggWords   = map[string]bool{"telur": true, "telor": true, "tlr": true, "endog": true, "endhog": true, "hintalu": true, "egg": true, "eggs": true}
	fishWords  = map[string]bool{"ikan": true, "iwak": true, "fish": true, "seafood": true}
	fruitWords = map[string]bool{"buah": true, "buahan": true, "woh": true, "fruit": true, "fruits": true}
	// Vegetables sold by weight come in pieces too: "tomat 3", "kentang 5".
	// Lalapan (lalap) are the vegetables eaten raw with sambal, an
	// operator's category for cucumbers, jengkol, small eggplants; Mi sayua.
	vegWords = map[string]bool{"sayur": true, "sayuran": true, "vegetable": true, "vegetables": true, "lalapan": true, "lalap": true, "sayua": true}
	// Spices and roots sold by the kilo come in pieces too: "kunyit 2",
	// "jeruk nipis 10" (per ons they are counted in ons: "kemiri 2").
	spiceWords = map[string]bool{"bumbu": true, "rempah": true, "spices": true}
	// Poultry sold by the kilo comes in whole birds: "ayam potong 3" is
	// three chickens or three kilos, and a trader asks "3 kg?". Beef is
	// cut to the weight asked ("daging sapi 2" is two kilos). Su hayam,
	// Jv pitik; unggas (poultry) is "ungas" as Normalize squeezes it.
	poultryWords = map[string]bool{"ayam": true, "hayam": true, "pitik": true, "bebek": true, "itik": true, "entok": true, "ungas": true, "poultry": true}
)

// otherGoods are words that make a product's name other goods: what is
// made from it ("kerupuk haruan", "sirup markisa", "keripik pisang") or a
// different thing of the same name ("minyak tanah" is kerosene). A phrase
// with one names a product only where that product's name or alias says it.
var otherGoods = map[string]bool{
	"kerupuk": true, "krupuk": true, "keripik": true, "kripik": true, "sirup": true, "sirop": true, "jus": true,
	"dodol": true, "selai": true, "abon": true, "bakso": true, "sosis": true, "nugget": true, "tanah": true,
	// cooked or cured: a dish of it ("gulai nangka", Mi "palai" a
	// pepes, "pepes ikan"), salted eggs ("telur asin"; salted fish is
	// the dried fish: resolve.go)
	"gulai": true, "gule": true, "palai": true, "pepes": true, "asin": true,
	// a rujak of it ("rujak cingur", "rujak buah"): the dish
	"rujak": true,
	// a sambal made of it ("sambel terasi", "sambal bawang"): ground
	// and cooked, not the raw goods
	"sambal": true, "sambel": true,
}

// builtIn is what the built-in catalog says about goods words that every
// Indonesian market shares.
type builtIn struct {
	// same maps the words that start its names and aliases ("kentang",
	// "wortel", "klapa", "lombok") to all the words that start that
	// product's names. A market whose catalog has none of a product's
	// words does not sell it; its word is no typo of another product's
	// ("kentang" is not kerang; "klapa" is kelapa).
	same map[string][]string
	// generic are the words that start three names or more ("ikan",
	// "daging", "daun"): what kind of goods, the next word which one.
	generic map[string]bool
}

var builtInWords = sync.OnceValue(func() builtIn {
	w := builtIn{same: map[string][]string{}, generic: map[string]bool{}}
	ps, err := catalog.Default()
	if err != nil {
		return w
	}
	starts := map[string]int{}
	for _, p := range ps {
		var heads []string
		for j := -1; j < len(p.Aliases); j++ {
			s := p.Name
			if j >= 0 {
				s = p.Aliases[j]
			}
			ws := strings.Fields(catalog.Normalize(s))
			if len(ws) == 0 {
				continue
			}
			if j < 0 {
				starts[ws[0]]++
			}
			// A weak word is goods too ("tulang iga": bones, though
			// Batak tulang is an uncle).
			if l := lookup(ws[0]); len(ws[0]) >= 4 && (l.flags == 0 || l.has(lxWeak)) && !slices.Contains(heads, ws[0]) {
				heads = append(heads, ws[0])
			}
		}
		for _, h := range heads {
			for _, o := range heads {
				if !slices.Contains(w.same[h], o) {
					w.same[h] = append(w.same[h], o)
				}
			}
		}
	}
	for h, n := range starts {
		if n >= 3 {
			w.generic[h] = true
		}
	}
	return w
})

// notSoldHere reports whether w is a word of goods every market knows
// (builtIn.same) of which this catalog has no word at all.
func (p *Parser) notSoldHere(w string) bool {
	same, known := builtInWords().same[w]
	if !known || p.categories[w] || p.ix.Knows(catalog.IndonesianWord(w)) {
		return false
	}
	return !slices.ContainsFunc(same, p.ix.Knows)
}

// kindOf reads a product's goods kind from its category and name.
func kindOf(p catalog.Product) goodsKind {
	var k goodsKind
	has := func(s string, set map[string]bool, headOnly bool) bool {
		for i, w := range strings.Fields(catalog.Normalize(s)) {
			if headOnly && i > 0 {
				return false
			}
			if set[w] {
				return true
			}
		}
		return false
	}
	if has(p.Category, eggWords, false) || has(p.Name, eggWords, true) {
		k |= gkEggs | gkPieces
	}
	// The category says it ("ikan", "buah-buahan"), or the name starts
	// with it ("Ikan Haruan", "Buah Naga"): "ayam bumbu ikan" is no fish.
	if has(p.Category, fishWords, false) || has(p.Category, fruitWords, false) || has(p.Category, vegWords, false) ||
		has(p.Name, fishWords, true) || has(p.Name, fruitWords, true) || has(p.Category, spiceWords, false) && p.Unit == "kg" ||
		has(p.Category, poultryWords, true) || has(p.Name, poultryWords, true) {
		k |= gkPieces
	}
	return k
}

// sellingUnit is the unit the product is sold by, as the parser converts
// to it. A papan is a tray of 30 eggs, but a papan of tempe or petai is one
// slab or board of its own, which no count of pieces converts to.
func (p *Parser) sellingUnit(prod *catalog.Product) catalog.Unit {
	u := prod.SellingUnit()
	if u.Code == "papan" && p.kinds[prod.SKU]&gkEggs == 0 {
		return slab
	}
	return u
}

// slab is a papan that is not a tray of eggs.
var slab = catalog.Unit{Code: "papan", Name: "papan", Dimension: "slab", Base: 1}
