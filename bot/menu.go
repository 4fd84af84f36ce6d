package bot

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// Browsing the catalog in chat: the price list ("menu"), price answers
// ("harga cabe"), category lists ("ada ikan apa aja?"), and the leaders'
// price commands in seller groups ("HARGA cabe rawit 60000/kg",
// "HABIS tongkol"). Pure functions: the engine decides who may do what.

// menuPageLines is how many lines (headers and products) one menu page
// holds: one phone screen or two, never a wall of text.
const menuPageLines = 25

// menuLine is one line of the price list: a category header or a product.
type menuLine struct {
	header   string // category title; "" for a product line
	category string // the category this line belongs to
	text     string
}

// MenuText renders page (1-based) of the price list, grouped by category
// in the order of the seller groups, and returns it with the number of
// pages. A page out of range shows the nearest page.
func MenuText(products []catalog.Product, groups []catalog.SellerGroup, page int) (text string, pages int) {
	if len(products) == 0 {
		return "Maaf, daftar harga belum ada. Coba lagi nanti ya.", 1
	}
	lines := menuLines(menuOrder(products, groups))
	pagesOf := paginateMenu(lines)
	pages = len(pagesOf)
	page = max(1, min(page, pages))

	var b strings.Builder
	if pages > 1 {
		fmt.Fprintf(&b, "*Daftar Harga Hari Ini* (%d/%d)\n", page, pages)
	} else {
		b.WriteString("*Daftar Harga Hari Ini*\n")
	}
	for _, l := range pagesOf[page-1] {
		if l.header != "" {
			b.WriteString("\n*" + l.header + "*\n")
			continue
		}
		b.WriteString(l.text + "\n")
	}
	b.WriteString("\n")
	if page < pages {
		fmt.Fprintf(&b, "Ketik *menu %d* untuk halaman berikutnya.", page+1)
	} else {
		b.WriteString("Mau pesan? Tulis saja, misalnya: _cabe rawit 1/4 kg, tomat 1 kg_")
	}
	return b.String(), pages
}

// menuOrder sorts products by seller group (configuration order), then by
// category in order of first appearance, keeping catalog order within.
// Products of groups not listed come last.
func menuOrder(products []catalog.Product, groups []catalog.SellerGroup) []catalog.Product {
	rank := map[string]int{}
	for i, g := range groups {
		rank[g.ID] = i
	}
	groupRank := func(id string) int {
		if r, ok := rank[id]; ok {
			return r
		}
		return len(groups)
	}
	catFirst := map[string]int{}
	for i, p := range products {
		if _, ok := catFirst[p.Category]; !ok {
			catFirst[p.Category] = i
		}
	}
	// A category keeps the rank of the first group that sells it, so
	// "telur" from sembako does not split into two sections.
	catGroup := map[string]int{}
	for _, p := range products {
		if r, ok := catGroup[p.Category]; !ok || groupRank(p.Group) < r {
			catGroup[p.Category] = groupRank(p.Group)
		}
	}
	out := append([]catalog.Product(nil), products...)
	// A stable insertion order: sections by (group rank, first position).
	type key struct{ g, c int }
	keyOf := func(p catalog.Product) key { return key{catGroup[p.Category], catFirst[p.Category]} }
	less := func(a, b key) bool { return a.g < b.g || a.g == b.g && a.c < b.c }
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && less(keyOf(out[j]), keyOf(out[j-1])); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func menuLines(products []catalog.Product) []menuLine {
	var lines []menuLine
	cur := "\x00"
	for _, p := range products {
		if p.Category != cur {
			cur = p.Category
			lines = append(lines, menuLine{header: menuCategoryTitle(p.Category, p.Group), category: cur})
		}
		lines = append(lines, menuLine{category: cur, text: "• " + menuPriceLine(p)})
	}
	return lines
}

// paginateMenu cuts lines into pages of about menuPageLines. A header is
// never the last line of a page, and a category continued on the next page
// repeats its header there.
func paginateMenu(lines []menuLine) [][]menuLine {
	var pages [][]menuLine
	var page []menuLine
	for i, l := range lines {
		full := len(page) >= menuPageLines || (l.header != "" && len(page) >= menuPageLines-1)
		if full {
			pages = append(pages, page)
			page = nil
			if l.header == "" {
				h := lines[i-1]
				for j := i - 1; j >= 0; j-- {
					if lines[j].header != "" {
						h = lines[j]
						break
					}
				}
				page = append(page, menuLine{header: h.header + " (lanjutan)", category: h.category})
			}
		}
		page = append(page, l)
	}
	if len(page) > 0 {
		pages = append(pages, page)
	}
	return pages
}

// menuPriceLine is "Cabai Rawit Merah Rp40.000/kg", with the minimum
// when it is more than one unit, and sold-out items struck through.
func menuPriceLine(p catalog.Product) string {
	if !p.Available {
		return "~" + p.Name + "~ _habis_"
	}
	s := p.Name + " " + catalog.Rupiah(p.Price) + "/" + p.Unit
	if m := p.Min(); m > catalog.Whole(1) {
		s += " (min " + m.ID() + " " + p.Unit + ")"
	}
	return s
}

// menuCategoryTitle capitalizes a category for a header: "daging & ayam" →
// "Daging & Ayam". An empty category is titled by its seller group.
func menuCategoryTitle(category, group string) string {
	if strings.TrimSpace(category) == "" {
		category = group
	}
	ws := strings.Fields(category)
	for i, w := range ws {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		ws[i] = string(r)
	}
	return strings.Join(ws, " ")
}

// PriceText answers "harga cabe": one line for one product (or a sure
// best match), a short list when the words fit several.
func PriceText(cands []catalog.Candidate) string {
	if len(cands) == 0 {
		return "Maaf, barang itu belum ada di daftar kami. Ketik *menu* untuk lihat daftar harga."
	}
	if c, ok := catalog.Sure(cands); ok {
		return menuPriceLine(*c.Product)
	}
	const most = 6
	var b strings.Builder
	b.WriteString("Ada beberapa yang mirip:\n")
	for i, c := range cands {
		if i == most {
			fmt.Fprintf(&b, "…dan %d lagi.\n", len(cands)-most)
			break
		}
		b.WriteString("• " + menuPriceLine(*c.Product) + "\n")
	}
	b.WriteString("Yang mana? Tulis nama lengkapnya ya.")
	return b.String()
}

// CategoryText answers "ada ikan apa aja?": what a category has today.
// category is matched on normalized words ("ikan", "Daging & Ayam",
// "sayur-sayuran").
func CategoryText(products []catalog.Product, category string) string {
	want := catalog.Normalize(category)
	var in []catalog.Product
	for _, p := range products {
		if c := catalog.Normalize(p.Category); want != "" && c == want {
			in = append(in, p)
		}
	}
	if len(in) == 0 && want != "" { // "daging" for "daging & ayam"
		for _, p := range products {
			if menuHasWords(catalog.Normalize(p.Category), want) {
				in = append(in, p)
			}
		}
	}
	if len(in) == 0 {
		return fmt.Sprintf("Maaf, belum ada %s di daftar kami. Ketik *menu* untuk lihat semua.", strings.TrimSpace(category))
	}
	var b strings.Builder
	b.WriteString("*" + menuCategoryTitle(in[0].Category, in[0].Group) + "* hari ini:\n")
	for i, p := range in {
		if i == menuPageLines {
			fmt.Fprintf(&b, "…dan %d lagi, ketik *menu* untuk semua.\n", len(in)-i)
			break
		}
		b.WriteString("• " + menuPriceLine(p) + "\n")
	}
	b.WriteString("\nMau pesan? Tulis nama dan jumlahnya, misalnya: _" + strings.ToLower(menuFirstAvailable(in).Name) + " 1 " + menuFirstAvailable(in).Unit + "_")
	return b.String()
}

func menuFirstAvailable(ps []catalog.Product) catalog.Product {
	for _, p := range ps {
		if p.Available {
			return p
		}
	}
	return ps[0]
}

// menuHasWords reports whether the space-separated words of s contain the
// words of w in a row.
func menuHasWords(s, w string) bool {
	return strings.Contains(" "+s+" ", " "+w+" ")
}

// CanSetPrice reports whether phone may change p's price or availability:
// only a leader of the group that sells it. Admins are the engine's
// business.
func CanSetPrice(g catalog.SellerGroup, phone string, p catalog.Product) bool {
	if p.Group != g.ID || phone == "" {
		return false
	}
	if g.IsLeader(phone) {
		return true
	}
	n, ok := catalog.NormalizePhone(phone)
	return ok && g.IsLeader(n)
}

// PriceVerb is what a leader's catalog command does.
type PriceVerb string

const (
	PriceSet     PriceVerb = "harga" // HARGA cabe rawit 60000/kg
	PriceSoldOut PriceVerb = "habis" // HABIS tongkol, kembung
	PriceBackIn  PriceVerb = "ada"   // ADA tongkol
)

// PriceCommand is a leader's catalog update from a seller group.
type PriceCommand struct {
	Verb  PriceVerb
	Items []PriceItem // one or more products, in the order written
}

// PriceItem is one product in a price command.
type PriceItem struct {
	Words string // the product as written ("cabe rawit"); match it with catalog.Index
	Price int64  // PriceSet: the new price in rupiah
	Unit  string // PriceSet: the unit code written with the price ("/kg"), "" when none
}

var priceVerbs = map[string]PriceVerb{
	"harga": PriceSet, "hrg": PriceSet,
	"habis": PriceSoldOut, "kosong": PriceSoldOut, "abis": PriceSoldOut,
	"ada": PriceBackIn, "tersedia": PriceBackIn, "ready": PriceBackIn, "redi": PriceBackIn,
}

// priceNotProduct are words that, right after HABIS or ADA, show an
// ordinary sentence ("habis ini saya ke pasar", "ada yang tahu?") rather
// than a product.
var priceNotProduct = map[string]bool{
	"ini": true, "itu": true, "gitu": true, "yang": true, "yg": true, "apa": true,
	"gak": true, "ga": true, "nggak": true, "enggak": true, "tidak": true, "tdk": true,
	"kok": true, "lagi": true, "lg": true, "aja": true, "juga": true, "jg": true,
	"dong": true, "nih": true, "gimana": true, "siapa": true, "kabar": true,
	"semua": true, "sudah": true, "udah": true, "dah": true, "belum": true, "blm": true,
	"saya": true, "aku": true, "kami": true, "kita": true, "dari": true, "di": true,
}

// ParsePriceCommand reads a leader's catalog update:
//
//	HARGA cabe rawit 60000/kg     harga cabe rawit merah 60.000
//	harga bawang 45rb; tomat Rp 12.000 per kg   (several, split by ; , or lines)
//	HABIS tongkol                 habis: tongkol, kembung
//	ADA tongkol
//
// Money may be 60000, 60.000, 60rb, 60 ribu, 60k or Rp 60.000. "HARGA
// A7K2 85000" is about an order, not the catalog: any command whose
// product starts with an order code is refused, as are questions.
func ParsePriceCommand(text string) (PriceCommand, bool) {
	text = strings.TrimSpace(text)
	if text == "" || len(text) > 2000 || strings.HasSuffix(text, "?") {
		return PriceCommand{}, false
	}
	head, rest := priceCutVerb(text)
	verb, ok := priceVerbs[strings.ToLower(strings.TrimRight(head, ":-.!"))]
	if !ok {
		return PriceCommand{}, false
	}
	rest = strings.TrimSpace(strings.TrimLeft(rest, ":- "))
	first, _ := priceCutVerb(rest)
	first = strings.Trim(first, ":,.!#")
	if rest == "" || orders.LooksLikeCode(first) {
		return PriceCommand{}, false
	}
	if verb != PriceSet && priceNotProduct[strings.ToLower(first)] {
		return PriceCommand{}, false
	}
	cmd := PriceCommand{Verb: verb}
	for _, part := range splitPriceItems(rest, verb) {
		if verb != PriceSet {
			if !priceHasLetter(part) {
				return PriceCommand{}, false
			}
			cmd.Items = append(cmd.Items, PriceItem{Words: part})
			continue
		}
		it, ok := parsePriceItem(part)
		if !ok {
			return PriceCommand{}, false
		}
		cmd.Items = append(cmd.Items, it)
	}
	if len(cmd.Items) == 0 || len(cmd.Items) > 50 {
		return PriceCommand{}, false
	}
	return cmd, true
}

func priceCutVerb(s string) (string, string) {
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		// "habis:tongkol" has no space after the colon.
		if j := strings.IndexByte(s, ':'); j >= 0 {
			return s[:j], s[j+1:]
		}
		return s, ""
	}
	if j := strings.IndexByte(s[:i], ':'); j >= 0 {
		return s[:j], s[j+1:]
	}
	return s[:i], s[i:]
}

// splitPriceItems splits a command's products: lines and ';' always;
// ',' too, except inside HARGA amounts ("60,5rb"), so there only ", "
// with a space; and " dan " / " & " for HABIS and ADA.
func splitPriceItems(s string, verb PriceVerb) []string {
	seps := []string{"\n", ";", ", "}
	if verb != PriceSet {
		seps = []string{"\n", ";", ",", " dan ", " & ", " sama "}
	}
	parts := []string{s}
	for _, sep := range seps {
		var next []string
		for _, p := range parts {
			if sep == " dan " || sep == " sama " {
				next = append(next, priceSplitFold(p, sep)...)
				continue
			}
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	var out []string
	for _, p := range parts {
		p = strings.Trim(strings.TrimSpace(p), "-•*.,")
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// priceSplitFold splits on sep ignoring case ("DAN").
func priceSplitFold(s, sep string) []string {
	var out []string
	for {
		i := strings.Index(strings.ToLower(s), sep)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+len(sep):]
	}
}

// parsePriceItem reads "cabe rawit 60000/kg", "tomat Rp 12.000 per kg",
// "bawang 45 ribu".
func parsePriceItem(s string) (PriceItem, bool) {
	var it PriceItem
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		u, ok := catalog.ParseUnit(strings.TrimSpace(s[i+1:]))
		if !ok {
			return it, false
		}
		it.Unit, s = u.Code, s[:i]
	}
	ws := strings.Fields(s)
	if it.Unit == "" && len(ws) >= 2 {
		last := strings.ToLower(ws[len(ws)-1])
		if strings.EqualFold(ws[len(ws)-2], "per") {
			if u, ok := catalog.ParseUnit(last); ok {
				it.Unit, ws = u.Code, ws[:len(ws)-2]
			}
		} else {
			for _, pre := range []string{"per", "se"} { // "perkilo", "sekilo"
				if w, ok := strings.CutPrefix(last, pre); ok {
					if u, ok := catalog.ParseUnit(w); ok {
						it.Unit, ws = u.Code, ws[:len(ws)-1]
						break
					}
				}
			}
		}
	}
	if len(ws) < 2 {
		return it, false
	}
	n := len(ws)
	money := ws[n-1]
	switch strings.ToLower(money) {
	case "ribu", "rb", "rebu", "k":
		money, n = ws[n-2]+money, n-1
	}
	n--
	if n > 0 && (strings.EqualFold(ws[n-1], "rp") || strings.EqualFold(ws[n-1], "rp.")) {
		n--
	}
	price, err := catalog.ParseRupiah(money)
	if err != nil {
		if !longNumber(money) {
			return it, false
		}
		price = math.MaxInt64 // more digits than any amount: absurd, answered as such
	}
	// Zero, negative and absurd prices are kept as written: the engine
	// answers them with the market's price range instead of staying silent.
	it.Price = price
	words := ws[:n]
	if len(words) == 0 {
		return it, false
	}
	for _, w := range words {
		// A second amount means two items on one line without a separator.
		if v, err := catalog.ParseRupiah(w); err == nil && v >= 100 {
			return it, false
		}
	}
	it.Words = strings.Join(words, " ")
	if !priceHasLetter(it.Words) {
		return it, false
	}
	return it, true
}

// longNumber says whether s is a number too long to be any price
// ("99999999999999999999", "Rp1.000.000.000.000.000.000").
func longNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(s), "rp"), "-")
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.':
		default:
			return false
		}
	}
	return digits > 15
}

func priceHasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
