package bot

import (
	"slices"
	"strings"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

// A preparation asked for with an item ("kelapa 2 butir sekalian
// diparut", "ikan mas 1 kg dibersihin") is a paid service the market
// sells: the trader adds the service line. serviceFor finds that service
// in the catalog by the verb's root ("parut", "giling", "siangi",
// "bersihin"), checked against what the service applies to ("ikan" in
// "Siangi Ikan" / "bersihin ikan", "daging" in "Giling Daging").
func (e *Engine) serviceFor(line CartLine, note string) (catalog.Product, bool) {
	words := strings.Fields(strings.ToLower(note))
	item := strings.ToLower(line.Name)
	var found []catalog.Product
	for _, p := range e.services() {
		if !p.Available {
			continue
		}
		for j := -1; j < len(p.Aliases); j++ {
			key := strings.ToLower(p.Name)
			if j >= 0 {
				key = strings.ToLower(p.Aliases[j])
			}
			if root := serviceVerb(p, key); root == "" || !hasVerbRoot(words, root) {
				continue
			}
			// What the service applies to comes from its name ("Siangi
			// Ikan": fish, "Parut Kelapa": coconuts, "Giling Bumbu": bumbu),
			// whichever alias named it: "siangi" alone is still fish only.
			if !e.serviceApplies(p, line, item) {
				continue
			}
			found = append(found, p)
			break
		}
	}
	if len(found) != 1 {
		return catalog.Product{}, false // none, or several fit: a note for the trader
	}
	return found[0], true
}

// serviceApplies reports whether service p fits the cart line: the words
// of its name after the verb name what it is done to.
func (e *Engine) serviceApplies(p catalog.Product, line CartLine, item string) bool {
	nw := strings.Fields(strings.ToLower(p.Name))
	if len(nw) < 2 {
		return false
	}
	cat := strings.ToLower(e.bySKU[line.SKU].Category)
	for _, w := range nw[1:] {
		if strings.Contains(item, w) || strings.Contains(cat, w) {
			return true
		}
	}
	return false
}

// mentionsService is a cheap test: does the line hold the root of a
// service's verb ("parut", "giling", "siangi", "bersihin" …)?
func (e *Engine) mentionsService(line string) bool {
	l := strings.ToLower(line)
	for _, p := range e.services() {
		for j := -1; j < len(p.Aliases); j++ {
			key := p.Name
			if j >= 0 {
				key = p.Aliases[j]
			}
			if root := serviceVerb(p, key); len(root) >= 4 && strings.Contains(l, strings.TrimSuffix(strings.TrimSuffix(root, "kan"), "in")) {
				return true
			}
		}
	}
	return false
}

// serviceVerb is the verb of a service's name or alias: its first word,
// unless that word is what the service is done to ("bumbu halus" of
// Giling Bumbu: the verb is "halus"; "buat bumbu kuning" asks no grinding).
func serviceVerb(p catalog.Product, key string) string {
	kw := strings.Fields(strings.ToLower(key))
	if len(kw) == 0 {
		return ""
	}
	objects := strings.Fields(strings.ToLower(p.Name))
	if len(objects) > 1 && slices.Contains(objects[1:], kw[0]) {
		if len(kw) < 2 {
			return ""
		}
		return kw[1]
	}
	return kw[0]
}

// services are the catalog's service products, kept while the catalog is.
func (e *Engine) services() []catalog.Product {
	if e.serviceProducts == nil {
		e.serviceProducts = []catalog.Product{}
		for _, p := range e.products {
			if p.Kind == catalog.Service {
				e.serviceProducts = append(e.serviceProducts, p)
			}
		}
	}
	return e.serviceProducts
}

// hasVerbRoot reports whether a word is root with Indonesian verb
// affixes: di-…, -in, -kan, -i ("diparut", "digilingin", "dibersihkan").
func hasVerbRoot(words []string, root string) bool {
	if len(root) < 4 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ",.!?")
		w = strings.TrimPrefix(w, "di")
		for _, suf := range []string{"in", "kan", "i", ""} {
			if strings.TrimSuffix(w, suf) == root || strings.TrimSuffix(root, suf) == w {
				return true
			}
		}
	}
	return false
}

// addServices adds the service lines the buyer's notes ask for.
func (e *Engine) addServices(b *buyerTurn, from int) {
	for i := from; i < len(b.conv.Cart); i++ {
		l := b.conv.Cart[i]
		if l.Note == "" || e.bySKU[l.SKU].Kind == catalog.Service {
			continue
		}
		svc, ok := e.serviceFor(l, l.Note)
		if !ok {
			continue
		}
		qty := catalog.Whole(1)
		if svc.Unit == l.Unit {
			qty = l.Qty
		}
		if n := e.addLine(b.conv, parse.Item{SKU: svc.SKU, Name: svc.Name, Unit: svc.Unit, Qty: qty}, b.in.ID); n == "" {
			b.note(e.t("service_added", svc.Name, l.Name))
		}
	}
}

// serviceLine reads a line asking for a service on items already in the
// cart ("sekalian digilingin ya bumbunya", "ikannya disiangi"): the service
// as an item, for the last cart line it applies to.
func (e *Engine) serviceLine(c *Conversation, line string) (parse.Item, bool) {
	if !e.mentionsService(line) {
		return parse.Item{}, false
	}
	for i := len(c.Cart) - 1; i >= 0; i-- {
		l := c.Cart[i]
		if e.bySKU[l.SKU].Kind == catalog.Service {
			continue
		}
		svc, ok := e.serviceFor(l, line)
		if !ok {
			continue
		}
		qty := catalog.Whole(1)
		if svc.Unit == l.Unit {
			qty = l.Qty
			if saysAll(line) {
				// "ikannya disiangi semua": the weight of every line it applies to.
				qty = 0
				for _, o := range c.Cart {
					if other, ok := e.serviceFor(o, line); ok && other.SKU == svc.SKU && o.Unit == svc.Unit {
						qty += o.Qty
					}
				}
			}
		}
		return parse.Item{SKU: svc.SKU, Name: svc.Name, Unit: svc.Unit, Qty: qty, Said: line}, true
	}
	return parse.Item{}, false
}

// saysAll reports whether a line speaks of all of something ("semua",
// "dua-duanya").
func saysAll(line string) bool {
	for _, w := range strings.Fields(strings.ToLower(line)) {
		switch strings.Trim(w, ".,!?") {
		case "semua", "semuanya", "smua", "smuanya", "sekalian", "duanya", "dua-duanya", "keduanya", "kabeh", "sadayana":
			return true
		}
	}
	return false
}

// serviceAfterItem reads a service named with no quantity after items of
// the same message ("kelapa tua 10 butir parut semua", "ikan mas 1 kg
// siangi"): the preparation of the last of them it applies to, not a
// line to ask about. It reports whether it took the question.
func (e *Engine) serviceAfterItem(b *buyerTurn, q Question, from int) bool {
	if q.Kind != string(parse.MissingQty) || len(q.Choices) != 1 || q.Qty > 0 || q.Amount > 0 {
		return false
	}
	svc, ok := e.bySKU[q.Choices[0]]
	if !ok || svc.Kind != catalog.Service {
		return false
	}
	for i := len(b.conv.Cart) - 1; i >= from; i-- {
		l := &b.conv.Cart[i]
		if e.bySKU[l.SKU].Kind == catalog.Service || !e.serviceApplies(svc, *l, strings.ToLower(l.Name)) {
			continue
		}
		if !strings.Contains(l.Note, q.Said) {
			l.Note = strings.TrimSpace(strings.TrimPrefix(l.Note+"; "+q.Said, "; "))
		}
		e.addServices(b, i)
		return true
	}
	return false
}
