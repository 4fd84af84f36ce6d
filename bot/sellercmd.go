package bot

import (
	"strings"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// SellerVerb is what a seller group's message asks for.
type SellerVerb string

const (
	VerbOK      SellerVerb = "ok"      // OK A7K2 [tanpa tomat]
	VerbAda     SellerVerb = "ada"     // ADA A7K2 cabe 1/4 saja
	VerbTolak   SellerVerb = "tolak"   // TOLAK A7K2 habis
	VerbHarga   SellerVerb = "harga"   // HARGA A7K2 85000 | HARGA A7K2 cabe 70000/kg
	VerbTimbang SellerVerb = "timbang" // TIMBANG A7K2 cabe 0,3 | TIMBANG A7K2 total 23500
	VerbDiambil SellerVerb = "diambil" // DIAMBIL A7K2 (self pickup collected)
)

// SellerCommand is a seller group's answer about an order.
type SellerCommand struct {
	Verb   SellerVerb
	Code   string
	Rest   string // words after the code
	Amount int64  // HARGA total / TIMBANG total
	Item   string // HARGA/TIMBANG per line: the product words
	Qty    catalog.Qty
	// Negative: the amount or weight was written with a minus sign; it is
	// refused with the how-to (the readers drop signs).
	Negative bool
}

var sellerVerbs = map[string]SellerVerb{
	"ok": VerbOK, "oke": VerbOK, "okay": VerbOK, "siap": VerbOK, "terima": VerbOK, "konfirmasi": VerbOK, "acc": VerbOK,
	"ada": VerbAda, "sebagian": VerbAda,
	"tolak": VerbTolak, "tidak": VerbTolak, "gak": VerbTolak, "ga": VerbTolak, "kosong": VerbTolak,
	"harga": VerbHarga, "nego": VerbHarga,
	"timbang": VerbTimbang, "berat": VerbTimbang,
	"diambil": VerbDiambil, "sudah diambil": VerbDiambil,
}

// ParseSellerCommand reads a group message about an order. It needs a
// verb and an order code; words in between or after are tolerated.
func ParseSellerCommand(text string) (SellerCommand, bool) {
	fs := strings.Fields(text)
	if len(fs) < 2 || len(text) > 1000 {
		return SellerCommand{}, false
	}
	verb, ok := sellerVerbs[strings.ToLower(strings.Trim(fs[0], ":,.!"))]
	if !ok {
		return SellerCommand{}, false
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
		return SellerCommand{}, false
	}
	c := SellerCommand{Verb: verb, Code: strings.ToUpper(strings.Trim(fs[ci], ":,.!#")), Rest: strings.Join(fs[ci+1:], " ")}
	switch verb {
	case VerbHarga:
		if negativeAmount(c.Rest) {
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
			if negativeAmount(last) {
				c.Negative, c.Item = true, strings.Join(rest[:len(rest)-1], " ")
			} else if v, ok := parse.ParseMoney(last); ok {
				c.Amount = v
				c.Item = strings.Join(rest[:len(rest)-1], " ")
			}
		}
	case VerbTimbang:
		rest := strings.Fields(c.Rest)
		if len(rest) >= 2 && negativeAmount(rest[len(rest)-1]) {
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

// negativeAmount says whether a money or quantity word carries a minus sign
// (the readers drop it, which would turn "-5000" into 5000).
func negativeAmount(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") ||
		strings.HasPrefix(strings.ToLower(s), "rp-") || strings.HasPrefix(strings.ToLower(s), "rp -")
}
