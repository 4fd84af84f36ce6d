package bot

import (
	"strings"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// actAddItems puts parsed items into the cart and queues what is unclear.
func (e *Engine) actAddItems(b *buyerTurn) error {
	r := b.act.parsed
	if r == nil {
		pr := e.parser.Parse(b.in.Text)
		r = &pr
	}
	if r.TooLong {
		b.note(e.t("too_long"))
		return nil
	}
	e.referBareQty(b.conv, r) // "ambil sekilo" after the price of one product
	b.conv.LastAsked = ""
	b.conv.LastAskedQty = 0
	b.conv.CancelAsked = false
	added, from := 0, len(b.conv.Cart)
	reminder := isReminder(b.act.text)
	for _, it := range r.Items {
		if reminder && hasSameLine(b.conv, it) {
			// "telur 3 kg ya bu jangan lupa": the line already there, said
			// again so it is not forgotten — not three kilos more.
			b.note(e.t("reminder_kept", it.Name))
			continue
		}
		if note := e.addLine(b.conv, it, b.in.ID); note != "" {
			b.note(note)
			b.unsure = true // sold out or too little money: the buyer decides first
		} else {
			added++
		}
	}
	e.addServices(b, from)
	e.dropAnswered(b, r.Items)
	bare := e.takeBareQty(b)
	for _, q := range r.Questions {
		nq := toQuestion(q)
		if len(nq.Choices) != 1 && e.answeredBy(nq, r.Items) {
			continue // "mau beli buah … apel fuji 1kg, alpukat 1 kg": the kind, then what of it
		}
		if bare != nil && q.Kind == parse.MissingQty && len(nq.Choices) == 1 {
			// "seperempat aja" then "tomat": the quantity said first.
			nq.Qty, nq.Unit, nq.Amount = bare.Qty, bare.Unit, bare.Amount
			if e.addAnswer(b, nq, 1) {
				b.conv.Questions = b.conv.Questions[1:] // the bare quantity, first in the queue
				bare = nil
				continue
			}
		}
		if n, ok := e.choiceInCart(nq, b.conv); ok && (nq.Qty > 0 || nq.Amount > 0) && e.addAnswer(b, nq, n) {
			continue // "ayamnya tambah 1 lagi": of the ayam kinds, the one in the cart
		}
		if n, ok := e.choiceInLine(nq, b.act.text); ok && e.addAnswer(b, nq, n) {
			continue // "minyak goreng 2 liter, yang paling murah aja"
		}
		if e.serviceAfterItem(b, nq, from) {
			continue // "kelapa tua 10 butir parut semua": grate them
		}
		if e.answersAsked(b, nq) {
			continue // "iwak patin mau berapa?" — "sakilo lah, lawan cabe 5 ribu"
		}
		b.conv.Questions = append(b.conv.Questions, nq)
	}
	for _, u := range r.Unknown {
		b.note(e.unknownText(u))
		b.unsure = true
	}
	if added > 0 || len(r.Questions) > 0 {
		b.changed, b.cartChanged = true, true
	}
	if len(b.conv.Cart) == 0 && len(b.conv.Questions) == 0 && len(r.Unknown) > 0 {
		b.note(e.t("cart_empty_hint"))
	}
	return nil
}

// addLine adds one parsed item, merging with the same product on the same
// basis (quantity, or money) already in the cart, and returns a note for
// the buyer when it could not be added (sold out, too little money).
func (e *Engine) addLine(c *Conversation, it parse.Item, from string) string {
	p, ok := e.bySKU[it.SKU]
	if !ok {
		return ""
	}
	if !p.Available {
		return e.t("sold_out", p.Name)
	}
	line := CartLine{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Group: p.Group, Qty: it.Qty, Price: p.Price,
		Amount: it.Amount, Note: it.Note, SoldOut: soldOutChoice(it.Note), From: from}
	if line.Qty <= 0 {
		return e.t("amount_too_small", p.Name, catalog.Rupiah(it.Amount))
	}
	for i := range c.Cart {
		l := &c.Cart[i]
		if l.SKU != line.SKU || (l.Amount > 0) != (line.Amount > 0) {
			continue
		}
		if key, args := e.checkLineLimits(c.Cart, i, p, line.Qty, line.Amount); key != "" {
			return e.t(key, args...)
		}
		l.Qty += line.Qty
		if line.Amount > 0 {
			l.Amount += line.Amount
		}
		if line.Note != "" && !strings.Contains(l.Note, line.Note) {
			l.Note = strings.TrimSpace(strings.TrimPrefix(l.Note+"; "+line.Note, "; "))
		}
		return ""
	}
	if len(c.Cart) >= MaxCartLines {
		return e.t("cart_full", MaxCartLines)
	}
	if key, args := e.checkLineLimits(c.Cart, -1, p, line.Qty, line.Amount); key != "" {
		return e.t(key, args...)
	}
	c.Cart = append(c.Cart, line)
	return ""
}

// addToCart adds an item the buyer settled, saying why when it cannot be.
func (e *Engine) addToCart(b *buyerTurn, it parse.Item) {
	if msg := e.addLine(b.conv, it, b.in.ID); msg != "" {
		b.note(msg)
		return
	}
	b.changed, b.cartChanged = true, true
}

// MaxCartLines caps the lines of one cart: a market basket has a dozen,
// and a cap keeps cards and summaries a readable size.
const MaxCartLines = 40

// soldOutChoice reads the buyer's sold-out wish from a line note
// ("kalau habis ganti aja", "kalau ga ada skip").
func soldOutChoice(note string) orders.SoldOut {
	n := strings.ToLower(note)
	if !strings.Contains(n, "habis") && !strings.Contains(n, "ga ada") && !strings.Contains(n, "gak ada") && !strings.Contains(n, "tidak ada") {
		return orders.SoldOutAsk
	}
	switch {
	case strings.Contains(n, "ganti") || strings.Contains(n, "yang mirip") || strings.Contains(n, "sejenis"):
		return orders.SoldOutSubstitute
	case strings.Contains(n, "skip") || strings.Contains(n, "ga usah") || strings.Contains(n, "gak usah") || strings.Contains(n, "tidak usah") || strings.Contains(n, "lewati"):
		return orders.SoldOutSkip
	}
	return orders.SoldOutAsk
}

func (e *Engine) unknownText(u parse.Unknown) string {
	if len(u.Suggestions) == 0 {
		return e.t("unknown_item", u.Said)
	}
	var names []string
	for _, p := range u.Suggestions {
		names = append(names, p.Name)
	}
	return e.t("unknown_item_suggest", u.Said, strings.Join(names, ", "))
}

func (e *Engine) actShowCart(b *buyerTurn) error {
	if len(b.conv.Cart) == 0 {
		b.note(e.t("cart_empty"))
		return nil
	}
	b.changed = true // show the cart (or the summary) in full
	return nil
}

// nyaBase is the word a -nya suffix is on ("berasnya" → "beras"); short
// words ending so ("punya", "hanya") are not taken apart.
func nyaBase(w string) (string, bool) {
	if len(w) > 5 && strings.HasSuffix(w, "nya") {
		return w[:len(w)-3], true
	}
	return w, false
}

// findCartLine matches the buyer's words against the cart's products.
func (e *Engine) findCartLine(c *Conversation, words string) int {
	words = strings.TrimSpace(words)
	if words == "" {
		return -1
	}
	var stripped []string
	for _, w := range strings.Fields(words) {
		if base, ok := nyaBase(w); ok {
			w = base
		}
		stripped = append(stripped, w)
	}
	// "oh iya melonnya": the words around the product say nothing of it.
	for len(stripped) > 1 && (fillerHead[stripped[0]] || fillerTail[stripped[0]]) {
		stripped = stripped[1:]
	}
	for len(stripped) > 1 && fillerTail[stripped[len(stripped)-1]] {
		stripped = stripped[:len(stripped)-1]
	}
	words = strings.Join(stripped, " ")
	for _, cand := range e.index.Match(words) {
		for i, l := range c.Cart {
			if l.SKU == cand.Product.SKU {
				return i
			}
		}
	}
	w := catalog.Normalize(words)
	for i, l := range c.Cart {
		if w != "" && strings.Contains(catalog.Normalize(l.Name), w) {
			return i
		}
	}
	return -1
}

// findQuestion returns the open line question the words are about
// ("gajadi deh ikannya" while "Minimal 0,5 kg untuk Ikan Nila?" is open),
// or -1: a word of the words, without its "-nya", is a word of what the
// buyer said or of the one product asked about.
func (e *Engine) findQuestion(c *Conversation, words string) int {
	for i, q := range c.Questions {
		about := strings.ToLower(q.Said)
		if len(q.Choices) == 1 {
			if p, ok := e.bySKU[q.Choices[0]]; ok {
				about += " " + strings.ToLower(p.Name)
			}
		}
		known := map[string]bool{}
		for _, w := range strings.Fields(about) {
			known[w] = true
		}
		for _, w := range strings.Fields(strings.ToLower(words)) {
			if base, ok := nyaBase(w); ok {
				w = base
			}
			if len(w) > 2 && known[w] && !fillerHead[w] && !fillerTail[w] {
				if _, _, isQty := parse.ParseQuantity(w); !isQty {
					return i
				}
			}
		}
	}
	return -1
}

func (e *Engine) actRemove(b *buyerTurn) error {
	i := -1
	for j, l := range b.conv.Cart {
		if l.SKU == b.act.sku {
			i = j
		}
	}
	if i < 0 {
		i = e.findCartLine(b.conv, b.act.text)
	}
	if i < 0 {
		if q := e.findQuestion(b.conv, b.act.text); q >= 0 {
			// The product still being asked about: the question goes, as a
			// trader lets an item go when the buyer says never mind.
			said := b.conv.Questions[q].Said
			b.conv.Questions = append(b.conv.Questions[:q], b.conv.Questions[q+1:]...)
			b.changed = true
			b.note(e.t("question_let_go", strings.TrimSpace(said)))
			return nil
		}
		b.note(e.t("not_in_cart", strings.TrimSpace(b.act.text)))
		return nil
	}
	name := b.conv.Cart[i].Name
	b.conv.Cart = append(b.conv.Cart[:i], b.conv.Cart[i+1:]...)
	b.changed, b.cartChanged = true, true
	if len(b.conv.Cart) == 0 && len(b.conv.Questions) == 0 {
		b.conv.Ready = false
		b.note(e.t("removed_now_empty", name))
		return nil
	}
	b.note(e.t("removed", name))
	return nil
}

// actChange sets a cart line to a new quantity ("bawangnya 1 kg aja").
func (e *Engine) actChange(b *buyerTurn) error {
	for i := range b.conv.Cart {
		l := &b.conv.Cart[i]
		if l.SKU != b.act.sku {
			continue
		}
		if np, ok := e.bySKU[b.act.swap]; ok {
			if !np.Available {
				b.note(e.t("sold_out", np.Name))
				return nil
			}
			l.SKU, l.Name, l.Unit, l.Group, l.Price = np.SKU, np.Name, np.Unit, np.Group, np.Price
		}
		l.Qty, l.Amount = b.act.qty, b.act.amount
		b.cartChanged = true
		if b.act.amount > 0 && b.act.qty <= 0 {
			if p, ok := e.bySKU[l.SKU]; ok && p.Price > 0 {
				l.Qty = p.RoundToStep(catalog.Qty(b.act.amount * catalog.QtyScale / p.Price))
			}
		}
		b.changed = true
		b.note(e.t("changed", l.Name))
		if t := " " + b.act.text + " "; strings.Contains(t, " aja ") || strings.Contains(t, " saja ") {
			e.dropWavering(b, l.SKU)
		}
		return nil
	}
	b.note(e.t("change_how"))
	return nil
}

// dropWavering drops the open "how much?" questions about other goods
// when the buyer settles on one line with "aja": "gurame aja deh 1 kg.
// eh apa kakap ya" — "gurame aja lah bang, 1 kilo" ends the wavering.
func (e *Engine) dropWavering(b *buyerTurn, keep string) {
	var left []Question
	for _, q := range b.conv.Questions {
		if q.Asked > 0 && q.Kind == string(parse.MissingQty) && len(q.Choices) == 1 && q.Choices[0] != keep && q.Qty <= 0 && q.Amount <= 0 {
			continue
		}
		left = append(left, q)
	}
	b.conv.Questions = left
}

// actReorder fills the cart with the buyer's last delivered order at
// today's prices.
func (e *Engine) actReorder(b *buyerTurn) error {
	os, err := b.tx.OrdersOf(b.conv.Chat, 20)
	if err != nil {
		return err
	}
	for _, o := range os {
		if o.Status != orders.Delivered && o.Status != orders.Completed {
			continue
		}
		var skipped []string
		for _, l := range o.Lines {
			p, ok := e.bySKU[l.SKU]
			if !ok || !p.Available {
				skipped = append(skipped, l.Name)
				continue
			}
			e.addLine(b.conv, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: l.Qty, Note: l.Note}, b.in.ID)
		}
		msg := e.t("reordered", o.Code)
		if len(skipped) > 0 {
			msg += "\n" + e.t("reorder_skipped", strings.Join(skipped, ", "))
		}
		b.note(msg)
		b.changed = true
		return nil
	}
	b.note(e.t("no_last_order"))
	return nil
}

// isReminder reports whether a line asks the trader not to forget
// something ("jangan lupa", "jgn lupa", "inget ya").
func isReminder(text string) bool {
	t := strings.ToLower(text)
	return hasAny(t, "jangan lupa", "jgn lupa", "jngn lupa", "jan lupa", "ojo lali", "jangan sampai lupa")
}

// inCart reports whether the cart has a line of sku.
func inCart(c *Conversation, sku string) bool {
	for _, l := range c.Cart {
		if l.SKU == sku {
			return true
		}
	}
	return false
}

// hasSameLine reports whether the cart has it already, same product and
// same quantity.
func hasSameLine(c *Conversation, it parse.Item) bool {
	for _, l := range c.Cart {
		if l.SKU == it.SKU && l.Qty == it.Qty && l.Amount == it.Amount {
			return true
		}
	}
	return false
}
