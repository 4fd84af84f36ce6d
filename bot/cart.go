package bot

import (
	"regexp"
	"strings"
	"time"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// buyerActions maps the transition table's action names to code. It is
// filled in init because several actions run the table again (a skipped
// rating reads the message afresh), which a package-level literal cannot
// refer to.
var buyerActions map[Action]func(*Engine, *buyerTurn) error

func init() {
	buyerActions = map[Action]func(*Engine, *buyerTurn) error{
		"add_items":         (*Engine).actAddItems,
		"add_qty":           (*Engine).actAddQty,
		"reorder":           (*Engine).actReorder,
		"show_cart":         (*Engine).actShowCart,
		"remove_item":       (*Engine).actRemove,
		"change_item":       (*Engine).actChange,
		"fallback":          (*Engine).actFallback,
		"finish":            (*Engine).actFinish,
		"yes_nothing_asked": (*Engine).actYesNothingAsked,
		"no_nothing_asked":  (*Engine).actNoNothingAsked,
		"remind_idle":       (*Engine).actRemindIdle,
		"expire_cart":       (*Engine).actExpireCart,
		"answer_choice":     (*Engine).actAnswerChoice,
		"confirm_question":  (*Engine).actConfirmQuestion,
		"skip_question":     (*Engine).actSkipQuestion,
		"choose_antar":      (*Engine).actChooseAntar,
		"choose_ambil":      (*Engine).actChooseAmbil,
		"choose_delivery":   (*Engine).actChooseDelivery,
		"take_address":      (*Engine).actTakeAddress,
		"take_name":         (*Engine).actTakeName,
		"take_pin":          (*Engine).actTakePin,
		"use_last_address":  (*Engine).actUseLastAddress,
		"ask_new_address":   (*Engine).actAskNewAddress,
		"place_order":       (*Engine).actPlaceOrder,
		"reopen_form":       (*Engine).actReopenForm,
		"accept_decision":   (*Engine).actAcceptDecision,
		"refuse_decision":   (*Engine).actRefuseDecision,
		"number_decision":   (*Engine).actNumberDecision,
		"ask_decision":      (*Engine).actAskDecision,
		"rate":              (*Engine).actRate,
		"rate_comment":      (*Engine).actRateComment,
		"ask_rating":        (*Engine).actAskRating,
		"relay_to_admins":   (*Engine).actRelayToAdmins,
		"start_handover":    (*Engine).actStartHandover,
		"end_handover":      (*Engine).actEndHandover,
		"end_handover_idle": (*Engine).actEndHandoverIdle,
		"cancel_cart":       (*Engine).actCancelCart,
		"greet":             (*Engine).actGreet,
		"help":              (*Engine).actHelp,
		"status":            (*Engine).buyerStatus,
		"menu":              (*Engine).actMenu,
		"answer_question":   (*Engine).actAnswerQuestion,
		"order_command":     (*Engine).actOrderCommand,
		"nothing":           func(*Engine, *buyerTurn) error { return nil },
	}
}

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
	b.conv.LastAsked = ""
	b.conv.CancelAsked = false
	added, from := 0, len(b.conv.Cart)
	for _, it := range r.Items {
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
		if bare != nil && q.Kind == parse.MissingQty && len(nq.Choices) == 1 {
			// "seperempat aja" then "tomat": the quantity said first.
			nq.Qty, nq.Unit, nq.Amount = bare.Qty, bare.Unit, bare.Amount
			if e.addAnswer(b, nq, 1) {
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

// addToCart adds an item the buyer settled, saying why when it cannot be.
func (e *Engine) addToCart(b *buyerTurn, it parse.Item) {
	if msg := e.addLine(b.conv, it, b.in.ID); msg != "" {
		b.note(msg)
		return
	}
	b.changed, b.cartChanged = true, true
}

// takeBareQty takes a pending question about a quantity said with no
// product ("seperempat aja" → "seperempat itu mau beli apa?") off the
// queue: the message that follows names the product, or moves on.
func (e *Engine) takeBareQty(b *buyerTurn) *Question {
	if len(b.conv.Questions) == 0 || len(b.conv.Questions[0].Choices) > 0 {
		return nil
	}
	q := b.conv.Questions[0]
	b.conv.Questions = b.conv.Questions[1:]
	return &q
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

// choiceRe finds "yang paling murah", "yg premium" in an order line.
var choiceRe = regexp.MustCompile(`(?i)\b(?:yang|yg)\s+([^,.;\n]+)`)

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
		answered := false
		if q.Qty <= 0 && q.Amount <= 0 {
			said := catalog.Normalize(q.Said)
			for _, it := range items {
				for _, sku := range q.Choices {
					answered = answered || sku == it.SKU
				}
				// "ikan" was asked about; "ikan gurame 1 kg" came.
				answered = answered || said != "" && strings.HasPrefix(catalog.Normalize(it.Name), said+" ")
			}
		}
		if !answered {
			keep = append(keep, q)
		}
	}
	b.conv.Questions = keep
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

// findCartLine matches the buyer's words against the cart's products.
func (e *Engine) findCartLine(c *Conversation, words string) int {
	words = strings.TrimSpace(words)
	if words == "" {
		return -1
	}
	var stripped []string
	for _, w := range strings.Fields(words) {
		if len(w) > 5 && strings.HasSuffix(w, "nya") {
			w = w[:len(w)-3]
		}
		stripped = append(stripped, w)
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
		return nil
	}
	b.note(e.t("change_how"))
	return nil
}

// actFallback answers a message nothing in it was understood.
func (e *Engine) actFallback(b *buyerTurn) error {
	switch b.conv.State {
	case StateIdle:
		if len(b.conv.Cart) == 0 {
			b.note(e.t("fallback_idle", e.set.MarketName))
			return nil
		}
	case StateCart:
		b.note(e.t("fallback_cart"))
		return nil
	}
	b.note(e.t("not_understood"))
	return nil
}

// actFinish is "itu aja": the buyer is done adding items.
func (e *Engine) actFinish(b *buyerTurn) error {
	if len(b.conv.Cart) == 0 && len(b.conv.Questions) == 0 {
		b.note(e.t("cart_empty"))
		return nil
	}
	if b.unsure {
		b.note(e.t("check_cart_first"))
		return e.fillName(b)
	}
	b.conv.Ready = true
	return e.fillName(b)
}

// fillName takes the name from the last order or WhatsApp when the buyer
// has not given one.
func (e *Engine) fillName(b *buyerTurn) error {
	if b.conv.Name == "" {
		b.conv.Name = firstNonEmpty(b.conv.LastName, b.conv.PushName)
	}
	return e.armIdle(b)
}

// actYesNothingAsked: "ya" where no yes/no question is open.
func (e *Engine) actYesNothingAsked(b *buyerTurn) error {
	switch b.conv.State {
	case StateIdle:
		if len(b.conv.Cart) == 0 {
			b.note(e.t("fallback_idle", e.set.MarketName))
		}
	case StateDelivery:
		b.note(e.t("delivery_which"))
	}
	return nil
}

// actNoNothingAsked: "nggak" where no yes/no question is open; in the cart
// it answers "mau tambah lagi?" (no: that's all).
func (e *Engine) actNoNothingAsked(b *buyerTurn) error {
	if b.conv.State == StateCart {
		return e.actFinish(b)
	}
	return e.actYesNothingAsked(b)
}

// actCancelCart empties the cart. While a line question is open, "batal"
// first drops the question and asks before emptying a cart (a second
// "batal" or "ya" empties it).
func (e *Engine) actCancelCart(b *buyerTurn) error {
	c := b.conv
	if c.State == StateClarify && len(c.Cart) > 0 && !c.CancelAsked {
		c.Questions = nil
		c.CancelAsked = true
		b.note(e.t("cancel_question_dropped"))
		return nil
	}
	had := len(c.Cart) > 0 || len(c.Questions) > 0
	if !had {
		// "batal" right after placing an order cancels that order.
		o, err := e.recentOrder(b)
		if err != nil {
			return err
		}
		if o != nil {
			return e.buyerCancelOrder(b, o.Code, "buyer: batal")
		}
	}
	// The items go; who and where stay for a new cart ("alamat sama").
	c.Cart, c.Questions, c.PreOrder, c.Reminded = nil, nil, false, false
	c.Ready, c.CancelAsked, c.LastAsked = false, false, ""
	if err := b.tx.ClearTimer(timerCartIdle, c.Chat); err != nil {
		return err
	}
	if err := b.tx.ClearTimer(timerCartExpire, c.Chat); err != nil {
		return err
	}
	if had {
		b.note(e.t("cart_cancelled"))
	} else {
		b.note(e.t("nothing_to_cancel"))
	}
	return nil
}

// recentWindow is how long after placing an order a bare "batal" or a
// change of mind is taken to be about that order.
const recentWindow = 15 * time.Minute

// recentOrder is the buyer's order placed in the last recentWindow that
// can still be cancelled, or nil.
func (e *Engine) recentOrder(b *buyerTurn) (*orders.Order, error) {
	os, err := b.tx.OrdersOf(b.conv.Chat, 1)
	if err != nil || len(os) == 0 {
		return nil, err
	}
	o := os[0]
	if b.now.Sub(o.CreatedAt) > recentWindow {
		return nil, nil
	}
	switch o.Status {
	case orders.Draft, orders.Placed, orders.PartlyConfirmed, orders.Confirmed, orders.Negotiating, orders.AwaitingCourier:
		return o, nil
	}
	return nil, nil
}

// clearForm empties the order form, keeping what is remembered from past
// orders.
func (e *Engine) clearForm(c *Conversation) {
	c.Cart, c.Questions, c.PreOrder, c.Reminded = nil, nil, false, false
	c.Ready, c.CancelAsked, c.LastAsked = false, false, ""
	c.Delivery, c.Address, c.Name, c.Pin, c.Ongkir, c.Area, c.Zone = "", "", "", nil, 0, "", ""
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
