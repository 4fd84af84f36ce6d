package parse

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"pasarbot/catalog"
)

// Question texts, in the register of a friendly trader: short, "kak" as
// the neutral address, and a concrete proposal where there is one so that
// the buyer can answer with one word.

func textAmbiguous(ch []*catalog.Product) string {
	var b strings.Builder
	if len(ch) == 1 {
		b.WriteString("Maksudnya ini kak?")
	} else {
		b.WriteString("Maksudnya yang mana kak?")
	}
	for i, p := range ch {
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(p.Name)
	}
	b.WriteString(" (balas angkanya)")
	return b.String()
}

// textMissingQty: "Cabe rawitnya mau berapa, kak?"
func textMissingQty(words string, pu catalog.Unit) string {
	if w := strings.ToLower(words); !strings.HasSuffix(w, "nya") {
		words += "nya"
	}
	return capitalize(words) + " mau berapa " + pu.Name + ", kak?"
}

// textWhichProduct: a quantity said with no product ("seperempat aja").
func textWhichProduct(qty string) string {
	return capitalize(qty) + " itu mau beli apa, kak?"
}

// textUnclearQty: a quantity that could mean several things.
func textUnclearQty(words, qty string, pu catalog.Unit) string {
	if qty == "" {
		return textMissingQty(words, pu)
	}
	return capitalize(words) + " " + qty + " itu maksudnya berapa " + pu.Name + ", kak? (atau tulis harganya, misal 5rb)"
}

// textIncompatible: "Telur Ayam Ras dijual per kg, kak. 1 papan itu mau berapa kg?"
func textIncompatible(p *catalog.Product, qty string) string {
	u := p.SellingUnit().Name
	if qty == "" {
		return p.Name + " dijual per " + u + ", kak. Mau berapa " + u + "?"
	}
	return p.Name + " dijual per " + u + ", kak. " + capitalize(qty) + " itu mau berapa " + u + "?"
}

func textBelowMin(p *catalog.Product, minQ catalog.Qty) string {
	u := p.SellingUnit().Name
	return "Minimal " + minQ.ID() + " " + u + " untuk " + p.Name + ", kak. Mau " + minQ.ID() + " " + u + "?"
}

func textStep(p *catalog.Product, step, r catalog.Qty) string {
	u := p.SellingUnit().Name
	return p.Name + " dijual per " + step.ID() + " " + u + ", kak. Mau " + r.ID() + " " + u + "?"
}

// textCountByWeight: "Apel Hijau 3 kg, kak? (dijual per kg)"
func textCountByWeight(p *catalog.Product, v catalog.Qty) string {
	u := p.SellingUnit().Name
	return p.Name + " " + v.ID() + " " + u + ", kak? (dijual per " + u + ")"
}

func textTooMuch(p *catalog.Product, r catalog.Qty) string {
	return "Betul " + p.Name + " " + r.ID() + " " + p.SellingUnit().Name + ", kak?"
}

func textOffer(p *catalog.Product, q catalog.Qty, offer int64) string {
	u := p.SellingUnit().Name
	return "Maksudnya " + p.Name + " " + q.ID() + " " + u + " harga " + catalog.Rupiah(offer) + ", kak? Harga kami " +
		catalog.Rupiah(catalog.Cost(p.Price, q)) + "."
}

func textNoPrice(p *catalog.Product) string {
	return "Harga " + p.Name + " belum ada, kak. Mau berapa " + p.SellingUnit().Name + "?"
}

func textMeantAmount(amount int64) string {
	return "Maksudnya " + catalog.Rupiah(amount) + ", kak?"
}

func textAmountTooSmall(p *catalog.Product, amount int64, minQ catalog.Qty) string {
	u := p.SellingUnit().Name
	return catalog.Rupiah(amount) + " belum cukup untuk " + p.Name + ", kak (" + catalog.Rupiah(p.Price) + "/" + u +
		", minimal " + minQ.ID() + " " + u + "). Mau " + minQ.ID() + " " + u + "?"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func textAmountBuys(p *catalog.Product, amount int64, q catalog.Qty, cost int64) string {
	u := p.SellingUnit().Name
	return catalog.Rupiah(amount) + " dapat " + q.ID() + " " + u + " " + p.Name + " (" + catalog.Rupiah(cost) + "), kak. Mau " +
		q.ID() + " " + u + "?"
}
