package bot

import (
	"strings"

	"pasarbot/bot/parse"
)

// A question about one product followed, in the same message, by an
// amount ("gula merah ada? 1/2 kg ya", "sphp ada? berapa sekilo"): the
// amount is of that product, not of an older question still open, and a
// price asked in the next sentence is its price.

// askedProduct is the one product a price question is about, or "".
func askedProduct(a act) string {
	if a.ev != EvQuestion || a.kind != "price" || a.parsed == nil {
		return ""
	}
	r := a.parsed
	switch {
	case len(r.Items) == 1 && len(r.Questions) == 0:
		return r.Items[0].SKU
	case len(r.Items) == 0 && len(r.Questions) == 1:
		if p := questionProduct(r.Questions[0]); p != nil {
			return p.SKU
		}
	}
	return ""
}

// namedAlone is the one product an items act names with no amount, or "".
func namedAlone(a act) string {
	if a.ev != EvItems || a.parsed == nil || len(a.parsed.Items) > 0 || len(a.parsed.Questions) != 1 {
		return ""
	}
	q := a.parsed.Questions[0]
	if q.Kind != parse.MissingQty || q.Product == nil || q.QtyText != "" {
		return ""
	}
	return q.Product.SKU
}

// onlyBareQty reports whether a parse is an amount with no product.
func onlyBareQty(r *parse.Result) (string, bool) {
	if r == nil || len(r.Items) > 0 || len(r.Unknown) > 0 || len(r.Questions) != 1 {
		return "", false
	}
	if !isBareQty(r.Questions[0]) {
		return "", false
	}
	return r.Questions[0].QtyText, true
}

// isBareQty: a question about an amount said with no product ("1/2 kilo
// itu mau beli apa?").
func isBareQty(q parse.Question) bool {
	return q.Product == nil && len(q.Choices) == 0 && q.Kind == parse.MissingQty && q.QtyText != ""
}

// amountOfAsked gives the amount that follows a question about one product
// to that product, and drops a bare "berapa sekilo" after it.
func (e *Engine) amountOfAsked(acts []act) []act {
	for i := 1; i < len(acts); i++ {
		sku := askedProduct(acts[i-1])
		if sku == "" {
			// "mangga harum manis manis ga? berapa sekilo": a product named
			// alone, then its price asked.
			if p := namedAlone(acts[i-1]); p != "" && acts[i].ev == EvQuestion && acts[i].kind == "price" {
				if _, bare := onlyBareQty(acts[i].parsed); bare || acts[i].parsed != nil && len(acts[i].parsed.Items) == 0 && len(acts[i].parsed.Questions) == 0 {
					r := e.parser.Parse(withoutCompareWords(acts[i-1].text)) // "… manis ga?": the goods, not the talk
					acts[i-1] = act{ev: EvQuestion, kind: "price", text: acts[i-1].text, parsed: &r}
					acts = append(acts[:i:i], acts[i+1:]...)
					i--
				}
			}
			continue
		}
		a := &acts[i]
		switch {
		case a.ev == EvQty && a.sku == "":
			a.sku = sku // "gula merah ada? 1/2 kg ya"
		case a.ev == EvQuestion && a.kind == "price":
			if _, ok := onlyBareQty(a.parsed); ok || a.parsed != nil && len(a.parsed.Items) == 0 && len(a.parsed.Questions) == 0 {
				acts = append(acts[:i:i], acts[i+1:]...) // "sphp ada? berapa sekilo": the same price
				i--
			}
		case a.ev == EvItems:
			if qt, ok := onlyBareQty(a.parsed); ok {
				if p, found := e.bySKU[sku]; found {
					r := e.parser.Parse(strings.ToLower(p.Name) + " " + qt)
					if len(r.Items) == 1 && r.Items[0].SKU == sku {
						a.parsed = &r
					}
				}
			}
		}
	}
	return acts
}

// priceOfNamed reads "beras premium sama medium bedanya apa? harganya
// berapa" as one price question: a price asked with nothing named is about
// the goods another sentence of the message names.
func (e *Engine) priceOfNamed(acts []act) []act {
	empty := -1
	for i, a := range acts {
		if a.ev == EvQuestion && a.kind == "price" && a.parsed != nil && len(a.parsed.Items) == 0 && len(a.parsed.Questions) == 0 && len(a.parsed.Unknown) == 0 {
			empty = i
		}
	}
	if empty < 0 {
		return acts
	}
	for i, a := range acts {
		if a.ev != EvItems || a.parsed == nil || len(a.parsed.Items) > 0 || len(a.parsed.Questions) == 0 {
			continue
		}
		r := e.parser.Parse(withoutCompareWords(a.text))
		acts[i] = act{ev: EvQuestion, kind: "price", text: a.text, parsed: &r}
		return append(acts[:empty:empty], acts[empty+1:]...)
	}
	return acts
}

// withoutCompareWords drops the words of a comparison ("bedanya apa").
func withoutCompareWords(s string) string {
	var out []string
	for _, w := range strings.Fields(s) {
		switch strings.ToLower(strings.Trim(w, "?,.!")) {
		case "beda", "bedanya", "bedany", "perbedaan", "bandingin", "dibanding", "apa", "sih":
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}
