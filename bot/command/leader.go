package command

import (
	"math"
	"strings"
	"unicode"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// The leaders' commands in their seller group: answers about an order, and
// updates of the price list.
const (
	OrderOK      Kind = "ok"      // OK A7K2 [tanpa tomat]
	OrderAda     Kind = "ada"     // ADA A7K2 cabe 1/4 saja
	OrderTolak   Kind = "tolak"   // TOLAK A7K2 habis
	OrderHarga   Kind = "harga"   // HARGA A7K2 85000 | HARGA A7K2 cabe 70000/kg
	OrderTimbang Kind = "timbang" // TIMBANG A7K2 cabe 0,3 | TIMBANG A7K2 total 23500
	OrderDiambil Kind = "diambil" // DIAMBIL A7K2 (self pickup collected)

	PriceSet     Kind = "harga_barang" // HARGA cabe rawit 60000/kg
	PriceSoldOut Kind = "habis"        // HABIS tongkol, kembung
	PriceBackIn  Kind = "ada_lagi"     // ADA tongkol

	LeaderHelp Kind = "bantuan_grup" // the seller group's command list
)

// LeaderCommand is a seller group's command; only the fields its Kind
// names are set.
type LeaderCommand struct {
	Kind   Kind
	Code   string // order answers: the order
	Rest   string // order answers: words after the code
	Amount int64  // HARGA total / TIMBANG total
	Item   string // HARGA/TIMBANG per line: the product words
	Qty    catalog.Qty
	// Negative: the amount or weight was written with a minus sign; it is
	// refused with the how-to (the readers drop signs).
	Negative bool
	Items    []PriceItem // price list updates: one or more products, in the order written
}

// AboutOrder says whether the command answers an order (OK, ADA, TOLAK,
// HARGA, TIMBANG, DIAMBIL with a code), rather than updating the price list.
func (c LeaderCommand) AboutOrder() bool { return c.Code != "" }

// PriceItem is one product in a price list update.
type PriceItem struct {
	Words string // the product as written ("cabe rawit"); match it with catalog.Index
	Price int64  // PriceSet: the new price in rupiah
	Unit  string // PriceSet: the unit code written with the price ("/kg"), "" when none
}

// ParseLeader reads a seller group's message: an answer about an order
// (a verb and an order code), else a price list update, else the help
// request. ok is false for traders chatting among themselves.
func ParseLeader(text string) (LeaderCommand, bool) {
	if c, ok := parseOrderAnswer(text); ok {
		return c, true
	}
	if c, ok := parseCatalogUpdate(text); ok {
		return c, true
	}
	if isHelp(Leader, text) {
		return LeaderCommand{Kind: LeaderHelp}, true
	}
	return LeaderCommand{}, false
}

// isHelp is a party's one-word help request ("bantuan", "HELP!").
func isHelp(p Party, text string) bool {
	w := strings.TrimRight(strings.Trim(strings.TrimSpace(text), "*_~"), ".,!?")
	w = strings.TrimPrefix(w, "/")
	for _, s := range specs {
		if s.Party != p || s.reader != readHelp {
			continue
		}
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if strings.EqualFold(w, n) {
				return true
			}
		}
	}
	return false
}

// parseOrderAnswer reads a group message about an order. It needs a
// verb and an order code; words in between or after are tolerated.
func parseOrderAnswer(text string) (LeaderCommand, bool) {
	fs := strings.Fields(text)
	if len(fs) < 2 || len(text) > 1000 {
		return LeaderCommand{}, false
	}
	spec, ok := orderIndex.verb(strings.Trim(fs[0], ":,.!"))
	if !ok {
		return LeaderCommand{}, false
	}
	// The code is the first order-code-shaped word among the next three.
	ci := -1
	for i := 1; i < len(fs) && i <= 3; i++ {
		if orders.LooksLikeCode(strings.Trim(fs[i], ":,.!#")) {
			ci = i
			break
		}
	}
	if ci < 0 {
		return LeaderCommand{}, false
	}
	c := LeaderCommand{Kind: spec.Kind, Code: strings.ToUpper(strings.Trim(fs[ci], ":,.!#")), Rest: strings.Join(fs[ci+1:], " ")}
	switch spec.Kind {
	case OrderHarga:
		if NegativeAmount(c.Rest) {
			c.Negative = true // "HARGA A7K2 -5000": refused with the how-to, never read as 5000
			break
		}
		if v, ok := parse.ParseMoney(c.Rest); ok {
			c.Amount = v
			break
		}
		// "cabe 70000/kg": the money is the last word, with an optional /unit.
		rest := strings.Fields(c.Rest)
		if len(rest) >= 2 {
			last := rest[len(rest)-1]
			if i := strings.IndexByte(last, '/'); i > 0 {
				last = last[:i]
			}
			if NegativeAmount(last) {
				c.Negative, c.Item = true, strings.Join(rest[:len(rest)-1], " ")
			} else if v, ok := parse.ParseMoney(last); ok {
				c.Amount = v
				c.Item = strings.Join(rest[:len(rest)-1], " ")
			}
		}
	case OrderTimbang:
		rest := strings.Fields(c.Rest)
		if len(rest) >= 2 && NegativeAmount(rest[len(rest)-1]) {
			c.Negative = true // a negative weight or total is refused with the how-to
		} else if len(rest) >= 2 && strings.EqualFold(rest[0], "total") {
			if v, ok := parse.ParseMoney(strings.Join(rest[1:], " ")); ok {
				c.Amount = v
			}
		} else if len(rest) >= 2 {
			if q, _, ok := parse.ParseQuantity(rest[len(rest)-1]); ok {
				c.Qty = q
				c.Item = strings.Join(rest[:len(rest)-1], " ")
			} else if len(rest) >= 3 {
				if q, _, ok := parse.ParseQuantity(strings.Join(rest[len(rest)-2:], " ")); ok {
					c.Qty = q
					c.Item = strings.Join(rest[:len(rest)-2], " ")
				}
			}
		}
	}
	return c, true
}

// NegativeAmount says whether a money or quantity word carries a minus sign
// (the readers drop it, which would turn "-5000" into 5000).
func NegativeAmount(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") ||
		strings.HasPrefix(strings.ToLower(s), "rp-") || strings.HasPrefix(strings.ToLower(s), "rp -")
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

// parseCatalogUpdate reads a leader's catalog update:
//
//	HARGA cabe rawit 60000/kg     harga cabe rawit merah 60.000
//	harga bawang 45rb; tomat Rp 12.000 per kg   (several, split by ; , or lines)
//	HABIS tongkol                 habis: tongkol, kembung
//	ADA tongkol
//
// Money may be 60000, 60.000, 60rb, 60 ribu, 60k or Rp 60.000. "HARGA
// A7K2 85000" is about an order, not the catalog: any command whose
// product starts with an order code is refused, as are questions.
func parseCatalogUpdate(text string) (LeaderCommand, bool) {
	text = strings.TrimSpace(text)
	if text == "" || len(text) > 2000 || strings.HasSuffix(text, "?") {
		return LeaderCommand{}, false
	}
	head, rest := priceCutVerb(text)
	spec, ok := catalogIndex.verb(strings.TrimRight(head, ":-.!"))
	if !ok {
		return LeaderCommand{}, false
	}
	verb := spec.Kind
	rest = strings.TrimSpace(strings.TrimLeft(rest, ":- "))
	first, _ := priceCutVerb(rest)
	first = strings.Trim(first, ":,.!#")
	if rest == "" || orders.LooksLikeCode(first) {
		return LeaderCommand{}, false
	}
	if verb != PriceSet && priceNotProduct[strings.ToLower(first)] {
		return LeaderCommand{}, false
	}
	cmd := LeaderCommand{Kind: verb}
	for _, part := range splitPriceItems(rest, verb) {
		if verb != PriceSet {
			if !priceHasLetter(part) {
				return LeaderCommand{}, false
			}
			cmd.Items = append(cmd.Items, PriceItem{Words: part})
			continue
		}
		it, ok := parsePriceItem(part)
		if !ok {
			return LeaderCommand{}, false
		}
		cmd.Items = append(cmd.Items, it)
	}
	if len(cmd.Items) == 0 || len(cmd.Items) > 50 {
		return LeaderCommand{}, false
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
func splitPriceItems(s string, verb Kind) []string {
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
