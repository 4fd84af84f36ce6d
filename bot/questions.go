package bot

import (
	"regexp"
	"strings"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

// Line questions: "which one?" and "how much?", and the answers that settle them.

// choiceRe finds "yang paling murah", "yg premium" in an order line.
var choiceRe = regexp.MustCompile(`(?i)\b(?:yang|yg)\s+([^,.;\n]+)`)

// extremeRe asks for the cheapest or dearest of a kind: "ikan yg paling
// murah apa?", "beras termahal yang mana".
var extremeRe = regexp.MustCompile(`(?i)\b(?:(?:yang|yg)\s+)?(?:paling\s+(murah|mahal)|(termurah|termahal))\b`)

// readExtremeAsk reads a question for the cheapest or dearest of a kind,
// answered with that product and its price; a quantity that follows goes
// to it ("… apa kak? ambil sekilo").
func (e *Engine) readExtremeAsk(line, s string) (act, bool) {
	m := extremeRe.FindStringSubmatchIndex(s)
	if m == nil {
		return act{}, false
	}
	asking := endsAsking(line) || strings.Contains(s, " apa") || strings.Contains(s, "mana")
	kind := "cheapest"
	if strings.Contains(s[m[0]:m[1]], "mahal") {
		kind = "dearest"
	}
	var kept []string
	for _, w := range strings.Fields(withoutPriceWords(s[:m[0]] + " " + s[m[1]:])) {
		switch strings.Trim(w, ",.?!") {
		case "apa", "mana", "yang", "yg":
		default:
			kept = append(kept, w)
		}
	}
	r := e.parser.Parse(strings.Join(kept, " "))
	if len(r.Items) > 0 || len(r.Questions) != 1 || len(r.Questions[0].Choices) < 2 {
		return act{}, false
	}
	if asking {
		return act{ev: EvQuestion, kind: kind, text: line, parsed: &r}, true
	}
	q := r.Questions[0]
	if q.QtyText == "" {
		return act{}, false // "beras yg paling murah": asked which, below
	}
	// "beras yg paling murah 5 kilo": an order of the cheapest the trader
	// would have offered, its name in the cart the buyer reads.
	var p *catalog.Product
	for _, c := range q.Choices {
		if !c.Available || c.Unit != q.Choices[0].Unit {
			continue
		}
		if p == nil || kind == "cheapest" && c.Price < p.Price || kind == "dearest" && c.Price > p.Price {
			p = c
		}
	}
	if p == nil {
		return act{}, false
	}
	pr := e.parser.Parse(p.Name + " " + q.QtyText)
	if len(pr.Items) != 1 || pr.Items[0].SKU != p.SKU {
		return act{}, false
	}
	return act{ev: EvItems, parsed: &pr, text: line}, true
}

// extremeChoice is the cheapest (or dearest) available product of the
// parsed question's choices.
func (e *Engine) extremeChoice(r *parse.Result, dearest bool) *catalog.Product {
	// The whole kind, not only the choices a question would list: every
	// product named "<kind> …" ("ikan" → all the fish).
	q := r.Questions[0]
	kind := catalog.Normalize(strings.Replace(q.Said, q.QtyText, " ", 1)) // "beras 5 kilo": the kind is "beras"
	// Prices compare per base unit within one dimension (Rp/ons against
	// Rp/kg); the kind's most common dimension is the one compared, as a
	// trader compares fish by the kilo, not with salted fish by the ons.
	var family []*catalog.Product
	dims := map[catalog.Dimension]int{}
	for i := range e.products {
		p := &e.products[i]
		if p.Available && strings.HasPrefix(catalog.Normalize(p.Name)+" ", kind+" ") {
			family = append(family, p)
			dims[p.SellingUnit().Dimension]++
		}
	}
	var dim catalog.Dimension
	for d, n := range dims {
		if n > dims[dim] || n == dims[dim] && d < dim {
			dim = d
		}
	}
	var best *catalog.Product
	var bestPer float64
	for _, p := range family {
		u := p.SellingUnit()
		if u.Dimension != dim {
			continue
		}
		per := float64(p.Price) / float64(max(u.Base, 1))
		if best == nil || dearest && per > bestPer || !dearest && per < bestPer {
			best, bestPer = p, per
		}
	}
	return best
}

// actAddQty takes a bare quantity: the answer to "berapa?", or an amount
// of the product the buyer just asked about ("ya udah 2 kilo").
func (e *Engine) actAddQty(b *buyerTurn) error {
	a := b.act
	if a.sku == "" && len(b.conv.Questions) > 0 {
		return e.answerQuestionQty(b)
	}
	sku := firstNonEmpty(a.sku, b.conv.LastAsked)
	p, ok := e.bySKU[sku]
	if !ok {
		b.note(e.t("qty_for_what"))
		return nil
	}
	b.conv.LastAsked = ""
	b.conv.LastAskedQty = 0
	qty, note := e.questionQty(Question{Qty: a.qty, Unit: a.unit, Amount: a.amount}, p)
	if note != "" {
		b.note(note)
		return nil
	}
	if d := p.SellingUnit().Dimension; a.unit == "" && d != catalog.Mass && d != catalog.Volume && qty%catalog.QtyScale != 0 {
		b.note(e.t("ask_qty", p.Name, p.Unit))
		return nil
	}
	e.addToCart(b, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: qty, Amount: a.amount})
	return nil
}

// answerQuestionQty answers the pending missing-quantity (or confirm)
// question with the buyer's quantity or amount.
func (e *Engine) answerQuestionQty(b *buyerTurn) error {
	q := b.conv.Questions[0]
	if len(q.Choices) != 1 {
		return nil // a choice is needed first; the question is asked again
	}
	p := e.bySKU[q.Choices[0]]
	q.Qty, q.Unit, q.Amount = b.act.qty, b.act.unit, b.act.amount
	qty, note := e.questionQty(q, p)
	if note != "" {
		b.note(note)
		return nil
	}
	if qty <= 0 {
		return nil
	}
	b.conv.Questions = b.conv.Questions[1:]
	b.changed = true
	e.addToCart(b, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: qty, Amount: q.Amount, Note: q.Note})
	return nil
}

// addAnswer adds choice n (1-based) of q with q's quantity, when that
// quantity fits the product; it reports whether a line was added.
func (e *Engine) addAnswer(b *buyerTurn, q Question, n int) bool {
	p := e.bySKU[q.Choices[n-1]]
	qty, note := e.questionQty(q, p)
	if note != "" || qty <= 0 {
		return false
	}
	e.addToCart(b, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: qty, Amount: q.Amount, Note: q.Note})
	return true
}

// takeBareQty peeks at a pending question about a quantity said with no
// product ("seperempat aja" → "seperempat itu mau beli apa?"): the message
// that follows may name the product it is for.
func (e *Engine) takeBareQty(b *buyerTurn) *Question {
	if len(b.conv.Questions) == 0 || len(b.conv.Questions[0].Choices) > 0 {
		return nil
	}
	q := b.conv.Questions[0]
	return &q // taken off the queue only when used: a quantity is never lost
}

// choiceInCart picks the one choice of an ambiguous question that is
// already in the cart.
func (e *Engine) choiceInCart(q Question, c *Conversation) (int, bool) {
	if q.Kind != string(parse.Ambiguous) {
		return 0, false
	}
	hit := 0
	for i, sku := range q.Choices {
		for _, l := range c.Cart {
			if l.SKU == sku {
				if hit != 0 && hit != i+1 {
					return 0, false
				}
				hit = i + 1
			}
		}
	}
	return hit, hit > 0
}

// choiceInLine picks a choice of an ambiguous question from words said in
// the same line ("minyak goreng 2 liter, yang paling murah aja").
func (e *Engine) choiceInLine(q Question, line string) (int, bool) {
	if q.Kind != string(parse.Ambiguous) || len(q.Choices) < 2 || (q.Qty <= 0 && q.Amount <= 0) {
		return 0, false
	}
	m := choiceRe.FindStringSubmatch(line)
	if m == nil {
		return 0, false
	}
	return e.matchChoice(q, "yang "+m[1])
}

// dropAnswered drops pending questions the new items answer: "kue" was
// asked about, then "kue lapis 15, onde-onde 15" came.
func (e *Engine) dropAnswered(b *buyerTurn, items []parse.Item) {
	var keep []Question
	for _, q := range b.conv.Questions {
		if !e.answeredBy(q, items) {
			keep = append(keep, q)
		}
	}
	b.conv.Questions = keep
}

// answeredBy reports whether items settle the question: a product it asked
// about came with its amount, or the kind it asked about came named.
func (e *Engine) answeredBy(q Question, items []parse.Item) bool {
	if q.Qty > 0 || q.Amount > 0 {
		// "Minimal 0,1 kg untuk Jahe?" — "jahenya 1 ons aja": the line
		// said again with its amount settles the question about it.
		for _, it := range items {
			if len(q.Choices) == 1 && it.SKU == q.Choices[0] {
				return true
			}
		}
		return false
	}
	said := catalog.Normalize(q.Said)
	for _, it := range items {
		for _, sku := range q.Choices {
			if sku == it.SKU {
				return true
			}
		}
		// "ikan" was asked about; "ikan gurame 1 kg" came. "buah" was;
		// "jeruk medan 2 kg" came, a fruit.
		if said != "" && strings.HasPrefix(catalog.Normalize(it.Name), said+" ") {
			return true
		}
		if p, ok := e.bySKU[it.SKU]; ok && said != "" && catalog.Normalize(p.Category) == said {
			return true
		}
	}
	return false
}

// toQuestion keeps what is needed to apply the buyer's answer later: the
// products in question and any quantity or amount already said.
func toQuestion(q parse.Question) Question {
	out := Question{Kind: string(q.Kind), Said: q.Said, Text: q.Text, Qty: q.Qty, Amount: q.Amount}
	if q.QtyText != "" {
		if qty, unit, ok := parse.ParseQuantity(q.QtyText); ok {
			out.Qty, out.Unit = qty, unit
		} else if amt, ok := parse.ParseMoney(q.QtyText); ok {
			out.Amount = amt
		}
	}
	for _, p := range q.Choices {
		out.Choices = append(out.Choices, p.SKU)
	}
	if len(out.Choices) == 0 && q.Product != nil {
		out.Choices = []string{q.Product.SKU}
	}
	return out
}

// actAnswerChoice resolves the current "which one?" question with the
// chosen product (by number or in words).
func (e *Engine) actAnswerChoice(b *buyerTurn) error {
	if len(b.conv.Questions) == 0 {
		return e.actFallback(b)
	}
	if i := b.act.question; i > 0 && i < len(b.conv.Questions) {
		// The answer to a question queued behind ("yang premium" while
		// the oil question is first): that question comes first now.
		later := b.conv.Questions[i]
		copy(b.conv.Questions[1:i+1], b.conv.Questions[:i])
		b.conv.Questions[0] = later
	}
	q := b.conv.Questions[0]
	if len(q.Choices) < 1 || b.act.num < 1 || b.act.num > len(q.Choices) {
		b.note(e.t("choose_number", len(q.Choices)))
		return nil
	}
	p := e.bySKU[q.Choices[b.act.num-1]]
	if sw, ok := e.bySKU[b.act.swap]; ok {
		p = sw // another sort named instead ("telur ayam kampung bu")
	}
	b.conv.Questions = b.conv.Questions[1:]
	b.changed = true
	if qty, unit, ok := parse.ParseQuantity(b.act.text); ok && b.act.text != "" && q.Qty <= 0 && q.Amount <= 0 {
		q.Qty, q.Unit = qty, unit // "yang merah setengah"
	}
	if q.Qty <= 0 && q.Amount <= 0 {
		// Chosen but still no quantity: ask for it.
		b.conv.Questions = append([]Question{{Kind: string(parse.MissingQty), Said: p.Name, Choices: []string{p.SKU},
			Text: e.t("ask_qty", p.Name, p.Unit), Note: q.Note}}, b.conv.Questions...)
		return nil
	}
	qty, note := e.questionQty(q, p)
	if qty > 0 {
		if note != "" {
			b.note(note)
		}
		e.addToCart(b, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: qty, Amount: q.Amount, Note: q.Note})
		return nil
	}
	// Chosen, but the quantity said does not fit it ("2 sisir" of a
	// product sold per piece): the line stays open and asks, never drops.
	text := note
	if text == "" {
		text = e.t("ask_qty", p.Name, p.Unit)
	}
	b.conv.Questions = append([]Question{{Kind: string(parse.MissingQty), Said: p.Name, Choices: []string{p.SKU}, Text: text, Note: q.Note}},
		b.conv.Questions...)
	return nil
}

// questionQty converts a question's stored quantity into the chosen
// product's unit (the buyer said "1/2 kg" before choosing which cabe).
func (e *Engine) questionQty(q Question, p catalog.Product) (catalog.Qty, string) {
	if q.Amount > 0 && p.Price > 0 {
		n := catalog.Qty(q.Amount * catalog.QtyScale / p.Price)
		return p.RoundToStep(n), ""
	}
	if q.Unit == "" || q.Unit == p.Unit {
		return q.Qty, ""
	}
	if q.Unit == parse.AnyCountUnit {
		if p.SellingUnit().Divisible() {
			return 0, e.t("unit_mismatch", p.Name, p.Unit) // "sabuting" of a product sold by the kilo
		}
		return q.Qty, "" // "saikung": one of whatever it is counted in
	}
	from, ok1 := catalog.LookupUnit(q.Unit)
	if !ok1 {
		return q.Qty, ""
	}
	conv, err := catalog.Convert(q.Qty, from, p.SellingUnit())
	if err != nil {
		return 0, e.t("unit_mismatch", p.Name, p.Unit)
	}
	return conv, ""
}

// actConfirmQuestion takes "ya" to a question that proposed a quantity or
// an amount ("maksudnya Rp8.000?", "1 kg saja?").
func (e *Engine) actConfirmQuestion(b *buyerTurn) error {
	if len(b.conv.Questions) == 0 {
		return nil
	}
	q := b.conv.Questions[0]
	if q.Kind == string(parse.Ambiguous) && len(q.Choices) == 1 {
		b.act.num = 1 // "Maksudnya ini kak? 1. Kemiri" — "iya"
		return e.actAnswerChoice(b)
	}
	if len(q.Choices) != 1 || (q.Qty <= 0 && q.Amount <= 0) {
		if b.conv.CancelAsked {
			return e.actCancelCart(b)
		}
		return nil // nothing proposed: the question is asked again
	}
	p := e.bySKU[q.Choices[0]]
	qty, note := e.questionQty(q, p)
	b.conv.Questions = b.conv.Questions[1:]
	b.changed = true
	if note != "" {
		b.note(note)
	}
	e.addToCart(b, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: qty, Amount: q.Amount, Note: q.Note})
	return nil
}

// actSkipQuestion drops the current line question; the line is not added.
func (e *Engine) actSkipQuestion(b *buyerTurn) error {
	if len(b.conv.Questions) > 0 {
		b.conv.Questions = b.conv.Questions[1:]
		b.changed = true
	}
	return nil
}

// answersAsked gives a bare quantity that came with other items to the
// missing-quantity question the buyer was shown: "Iwak patinnya mau
// berapa kg?" — "ulun tukar sakilo lah, lawan cabe rawit 5 ribu". It
// reports whether the quantity was taken.
func (e *Engine) answersAsked(b *buyerTurn, q Question) bool {
	if q.Kind != string(parse.MissingQty) || len(q.Choices) != 0 || q.Qty <= 0 && q.Amount <= 0 {
		return false
	}
	for i, pq := range b.conv.Questions {
		if pq.Asked == 0 || pq.Kind != string(parse.MissingQty) || len(pq.Choices) != 1 || pq.Qty > 0 || pq.Amount > 0 {
			continue
		}
		pq.Qty, pq.Unit, pq.Amount = q.Qty, q.Unit, q.Amount
		if !e.addAnswer(b, pq, 1) {
			return false
		}
		b.conv.Questions = append(b.conv.Questions[:i:i], b.conv.Questions[i+1:]...)
		return true
	}
	return false
}
