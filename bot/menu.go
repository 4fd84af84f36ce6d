package bot

import (
	"strings"
	"unicode"

	"pasarbot/catalog"
)

// Browsing the catalog in chat: the price list ("menu"), price answers
// ("harga cabe") and category lists ("ada ikan apa aja?"). Pure functions:
// the engine decides who may do what. The leaders' price commands
// ("HARGA cabe rawit 60000/kg", "HABIS tongkol") are read in bot/command.

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
// pages, in lang ("id" or "en"). A page out of range shows the nearest
// page.
func MenuText(lang string, products []catalog.Product, groups []catalog.SellerGroup, page int) (out string, pages int) {
	if len(products) == 0 {
		return text(lang, "menu_empty"), 1
	}
	lines := menuLines(lang, menuOrder(products, groups))
	pagesOf := paginateMenu(lang, lines)
	pages = len(pagesOf)
	page = max(1, min(page, pages))

	var b strings.Builder
	if pages > 1 {
		b.WriteString(text(lang, "menu_title_pages", page, pages) + "\n")
	} else {
		b.WriteString(text(lang, "menu_title") + "\n")
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
		b.WriteString(text(lang, "menu_next_page", page+1))
	} else {
		b.WriteString(text(lang, "menu_order_hint"))
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

func menuLines(lang string, products []catalog.Product) []menuLine {
	var lines []menuLine
	cur := "\x00"
	for _, p := range products {
		if p.Category != cur {
			cur = p.Category
			lines = append(lines, menuLine{header: menuCategoryTitle(p.Category, p.Group), category: cur})
		}
		lines = append(lines, menuLine{category: cur, text: "• " + menuPriceLine(lang, p)})
	}
	return lines
}

// paginateMenu cuts lines into pages of about menuPageLines. A header is
// never the last line of a page, and a category continued on the next page
// repeats its header there.
func paginateMenu(lang string, lines []menuLine) [][]menuLine {
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
				page = append(page, menuLine{header: text(lang, "menu_continued", h.header), category: h.category})
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
func menuPriceLine(lang string, p catalog.Product) string {
	if !p.Available {
		return text(lang, "menu_sold_out", p.Name)
	}
	s := p.Name + " " + catalog.Rupiah(p.Price) + "/" + p.Unit
	if m := p.Min(); m > catalog.Whole(1) {
		s += " " + text(lang, "menu_minimum", m.ID(), p.Unit)
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
// best match), a short list when the words fit several; in lang.
func PriceText(lang string, cands []catalog.Candidate) string {
	if len(cands) == 0 {
		return text(lang, "menu_price_unknown")
	}
	if c, ok := catalog.Sure(cands); ok {
		return menuPriceLine(lang, *c.Product)
	}
	const most = 6
	var b strings.Builder
	b.WriteString(text(lang, "menu_price_several") + "\n")
	for i, c := range cands {
		if i == most {
			b.WriteString(text(lang, "menu_price_more", len(cands)-most) + "\n")
			break
		}
		b.WriteString("• " + menuPriceLine(lang, *c.Product) + "\n")
	}
	b.WriteString(text(lang, "menu_price_which"))
	return b.String()
}

// CategoryText answers "ada ikan apa aja?": what a category has today.
// category is matched on normalized words ("ikan", "Daging & Ayam",
// "sayur-sayuran"); in lang.
func CategoryText(lang string, products []catalog.Product, category string) string {
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
		return text(lang, "category_none", strings.TrimSpace(category))
	}
	var b strings.Builder
	b.WriteString(text(lang, "category_title", menuCategoryTitle(in[0].Category, in[0].Group)) + "\n")
	for i, p := range in {
		if i == menuPageLines {
			b.WriteString(text(lang, "category_more", len(in)-i) + "\n")
			break
		}
		b.WriteString("• " + menuPriceLine(lang, p) + "\n")
	}
	first := menuFirstAvailable(in)
	b.WriteString("\n" + text(lang, "category_order_hint", strings.ToLower(first.Name), first.Unit))
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
