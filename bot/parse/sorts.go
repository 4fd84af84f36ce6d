package parse

import (
	"strings"

	"pasarbot/catalog"
)

// sortWords are the words that tell sorts of one goods apart by a quality
// a buyer can see or taste, in sets of which a product's name holds one:
// a colour ("Beras Putih"), a taste ("Kecap Manis").
var sortWords = map[string]int{
	"merah": 1, "hijau": 1, "putih": 1, "kuning": 1, "hitam": 1, "ungu": 1, "coklat": 1, "cokelat": 1,
	"manis": 2, "asin": 2, "tawar": 2,
}

// otherSortThan reports whether a word of adj, said beside a name of p,
// names another sort than p's own name does: "beras merah" where the one
// rice is Beras Putih, "kecap asin" where the one kecap is Kecap Manis. A
// trader says that sort is not sold. A quality p's name does not settle
// ("bawang merah besar", "beras merah" of a plain Beras) stays a note.
func (st *state) otherSortThan(p *catalog.Product, adj span) bool {
	name := st.p.normName(p)
	for i := adj.a; i < adj.b; i++ {
		if st.toks[i].kind != tWord {
			continue
		}
		w := catalog.IndonesianWord(st.toks[i].w)
		if own := nameSortWord(name, w); own != "" && own != w {
			return true
		}
	}
	return false
}

// nameSortWord is the word of name in the set of w, or "".
func nameSortWord(name, w string) string {
	set := sortWords[w]
	if set == 0 {
		return ""
	}
	for _, n := range strings.Fields(name) {
		if sortWords[n] == set {
			return n
		}
	}
	return ""
}

// partOfOther reports whether the word dropOne left out, said before a
// name of p, starts the names of other goods that are sold otherwise than
// p: a part of p the market lacks ("daun kunyit" where Daun Jeruk and Daun
// Salam are sold by the bunch and Kunyit by the kilo). Where p is sold as
// those goods are ("daun kemangi" of Kemangi, by the bunch) the word only
// says what p is.
func (st *state) partOfOther(extra span, p *catalog.Product) bool {
	if extra.empty() || st.toks[extra.a].kind != tWord {
		return false
	}
	w := catalog.Normalize(st.toks[extra.a].w)
	if st.p.nameHeads[w] < 2 || strings.HasPrefix(st.p.normName(p), w+" ") {
		return false
	}
	pu := st.p.sellingUnit(p)
	for _, q := range st.p.ix.Products() {
		if strings.HasPrefix(st.p.normName(&q), w+" ") && st.p.sellingUnit(&q).Dimension == pu.Dimension {
			return false
		}
	}
	return true
}
