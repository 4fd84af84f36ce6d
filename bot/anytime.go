package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// Any-time actions: what a buyer may say in any state but handover. Each
// answers in a note; the form's pending question is asked again after it.

func (e *Engine) actGreet(b *buyerTurn) error {
	if b.conv.State == StateIdle && len(b.conv.Cart) == 0 {
		if strings.Contains(b.act.text, "makasih") || strings.Contains(b.act.text, "terima kasih") || strings.Contains(b.act.text, "nuhun") || strings.Contains(b.act.text, "suwun") || strings.Contains(b.act.text, "thank") || strings.Contains(b.act.text, "trims") || b.act.text == "tq" || b.act.text == "thx" {
			b.note(e.t("you_are_welcome"))
			return nil
		}
		if b.conv.LastPrompt == "welcome" {
			b.note(e.t("welcome_again"))
			b.conv.LastPrompt = "welcome_again"
			return nil
		}
		b.note(e.t("welcome", e.set.MarketName))
		b.conv.LastPrompt = "welcome"
	}
	return nil
}

func (e *Engine) actHelp(b *buyerTurn) error {
	b.note(e.t("help", e.set.MarketName))
	return nil
}

func (e *Engine) actMenu(b *buyerTurn) error {
	page, _ := menuPage(b.act.text)
	text, pages := MenuText(e.set.Lang, e.products, e.groups, page)
	if page > pages {
		text, _ = MenuText(e.set.Lang, e.products, e.groups, pages)
	}
	b.note(text)
	return nil
}

// actAnswerQuestion answers a question asked mid-flow: a price, the ongkir
// to a place, how to pay, the market's hours, when an order arrives.
func (e *Engine) actAnswerQuestion(b *buyerTurn) error {
	s := norm(b.act.text)
	switch b.act.kind {
	case "fresh":
		b.note(e.t("fresh_answer"))
		// "udang vaname seger kah?" then "sekilo berapa?": the price asked
		// next is the shrimp's.
		if sku := askedProduct(act{ev: EvQuestion, kind: "price", parsed: ptr(e.parser.Parse(withoutFreshWords(s)))}); sku != "" {
			b.conv.LastAsked, b.conv.LastAskedQty = sku, 0
		}
	case "total":
		b.note(e.totalAnswer(b.conv, s))
	case "ongkir":
		b.note(e.ongkirAnswer(b, s))
	case "payment":
		if e.accepts(orders.MethodQRIS) {
			b.note(e.t("payment_answer_qris"))
		} else {
			b.note(e.t("payment_answer"))
		}
	case "hours":
		sched, err := e.schedule(b.tx)
		if err != nil {
			return err
		}
		if sched.IsOpen(b.now) {
			b.note(e.t("hours_open_now", e.clockText(sched.NextClose(b.now))))
		} else {
			b.note(sched.ClosedReply(b.now, e.set.Lang))
		}
	case "eta":
		b.note(e.t("eta_answer"))
	case "cheapest", "dearest":
		p := e.extremeChoice(b.act.parsed, b.act.kind == "dearest")
		if p == nil {
			b.note(e.t("price_unknown"))
			return nil
		}
		b.conv.LastAsked = p.SKU // "ambil sekilo" orders it
		b.conv.LastAskedQty = 0
		b.note(e.t("extreme_answer_"+b.act.kind, p.Name, catalog.Rupiah(p.Price), p.Unit))
	case "prep":
		for i := range b.conv.Cart {
			l := &b.conv.Cart[i]
			if l.SKU != b.act.sku {
				continue
			}
			if !strings.Contains(l.Note, b.act.text) {
				l.Note = strings.TrimSpace(strings.TrimPrefix(l.Note+"; "+b.act.text, "; "))
				b.changed = true
			}
			b.note(e.t("prep_noted", l.Name, b.act.text))
		}
	case "unit_alone":
		b.note(e.t("unit_alone"))
	case "same_list":
		b.note(e.t("same_list"))
		b.note(e.cartText(b.conv))
	case "doubled_said":
		if b.conv.SameSkipped {
			b.note(e.t("doubled_counted_once"))
		} else {
			b.note(e.t("doubled_check_cart"))
		}
		b.note(e.cartText(b.conv))
	case "wait":
		b.note(e.t("wait_answer")) // the pending question is asked again after it
	case "no_human":
		b.note(e.t("no_human"))
	case "price_qty":
		p, ok := e.bySKU[b.act.sku]
		if !ok {
			return nil
		}
		qty, note := e.questionQty(Question{Qty: b.act.qty, Unit: b.act.unit}, p)
		if note != "" || qty <= 0 {
			b.note(firstNonEmpty(note, e.t("price_unknown")))
			return nil
		}
		b.note(e.priceAnswer(&parse.Result{Items: []parse.Item{{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: qty}}}))
		b.conv.LastAsked, b.conv.LastAskedQty = p.SKU, qty
	case "category":
		q, _ := e.categoryQuestion(s)
		b.note(q)
	default:
		return e.priceQuestion(b, s)
	}
	return nil
}

// priceQuestion answers "harga cabe", "ikan mas sekilo berapa?" and
// remembers the product, so "ya udah 2 kilo" orders it.
func (e *Engine) priceQuestion(b *buyerTurn, s string) error {
	r := b.act.parsed
	if r == nil {
		pr := e.parser.Parse(withoutPriceWords(s))
		r = &pr
	}
	if len(r.Items) > 0 {
		b.note(e.priceAnswer(r))
		var skus []string
		for _, it := range r.Items {
			skus = append(skus, it.SKU)
		}
		b.conv.LastAsked = strings.Join(skus, "|")
		b.conv.LastAskedQty = 0
		if it := r.Items[0]; len(r.Items) == 1 && it.Amount == 0 && it.Qty != catalog.Whole(1) && saysQty(withoutPriceWords(s)) {
			// "tomat 1/4 kg bisa?": "ok sama …" takes it. "Seekor
			// berapa?", "sekilo brp?" ask the price per unit, not an amount.
			b.conv.LastAskedQty = it.Qty
		}
		return nil
	}
	if len(r.Questions) > 1 {
		// "beras premium sama medium bedanya apa?": each one's price.
		var ps []*catalog.Product
		for _, q := range r.Questions {
			p := questionProduct(q)
			if p == nil {
				ps = nil
				break
			}
			ps = append(ps, p)
		}
		if len(ps) > 0 {
			e.notePrices(b, ps, true)
			return nil
		}
	}
	if len(r.Questions) == 1 && len(r.Questions[0].Choices) > 1 {
		// "minyak goreng brp seliter?": the prices of each kind; the
		// answer may pick one ("yg paling murah 2 liter").
		e.notePrices(b, r.Questions[0].Choices, false)
		return nil
	}
	if len(r.Questions) == 1 {
		if p := questionProduct(r.Questions[0]); p != nil {
			e.notePrices(b, []*catalog.Product{p}, true) // "sphp ada?": the one product meant (a guess shows its name)
			return nil
		}
	}
	w := strings.TrimPrefix(s, "harga ")
	w = strings.TrimSuffix(strings.TrimSuffix(w, " berapa"), " brp")
	w = strings.TrimPrefix(w, "berapa harga ")
	if cands := e.index.Match(w); len(cands) > 0 {
		b.note(PriceText(e.set.Lang, cands))
		if _, sure := catalog.Sure(cands); len(cands) == 1 || sure {
			b.conv.LastAsked = cands[0].Product.SKU
			b.conv.LastAskedQty = 0
		}
		return nil
	}
	if p, ok := e.bySKU[b.conv.LastAsked]; ok && !e.mentionsProduct(withoutPriceWords(s)) {
		// "minimal brp kilo belinya?" right after the cheapest rice was
		// named: about that product.
		if minAskRe.MatchString(s) {
			b.note(e.t("min_answer", p.Name, qtyText(p.Min(), p.Unit), catalog.Rupiah(p.Price), p.Unit))
		} else {
			b.note(PriceText(e.set.Lang, []catalog.Candidate{{Product: &p, Score: 1, Exact: true}}))
		}
		return nil
	}
	b.note(e.t("price_unknown"))
	return nil
}

// minAskRe asks the smallest amount sold.
var minAskRe = regexp.MustCompile(`\b(minimal|minimum|min|paling sedikit|paling dikit|sedikitnya)\b`)

// notePrices answers with the prices of ps and remembers them, so the
// amount said next orders the one meant. exact: the products were named,
// not offered as kinds of what was said.
func (e *Engine) notePrices(b *buyerTurn, ps []*catalog.Product, exact bool) {
	cands := make([]catalog.Candidate, 0, len(ps))
	skus := make([]string, 0, len(ps))
	for _, p := range ps {
		c := catalog.Candidate{Product: p}
		if exact {
			c.Score, c.Exact = 1, true
		}
		cands = append(cands, c)
		skus = append(skus, p.SKU)
	}
	b.note(PriceText(e.set.Lang, cands))
	b.conv.LastAsked = strings.Join(skus, "|")
	b.conv.LastAskedQty = 0
}

// questionProduct is the one product a parser question is about: its
// product, or its only choice; nil when it is about several.
func questionProduct(q parse.Question) *catalog.Product {
	if q.Product != nil {
		return q.Product
	}
	if len(q.Choices) == 1 {
		return q.Choices[0]
	}
	return nil
}

// totalAnswer says what the order comes to: the goods, and the ongkir
// when the address is known.
func (e *Engine) totalAnswer(c *Conversation, s string) string {
	if len(c.Cart) == 0 {
		return e.t("cart_empty")
	}
	var goods int64
	for _, l := range c.Cart {
		goods += l.Total()
	}
	if _, after, ok := strings.Cut(s, " ke "); ok {
		// "kalo dianter ke jl. murjani no 40 pahandut totalnya brp?": the
		// total there, before any address is taken.
		if q := e.set.Fees.Quote(after, 0, 0, false); q.Zone != "" && q.Fee > 0 {
			return e.t("total_with_ongkir", catalog.Rupiah(goods+q.Fee), catalog.Rupiah(goods), catalog.Rupiah(q.Fee))
		}
	}
	switch {
	case c.Delivery == orders.Ambil:
		return e.t("total_pickup", catalog.Rupiah(goods))
	case c.Address != "" && c.Ongkir > 0:
		return e.t("total_with_ongkir", catalog.Rupiah(goods+c.Ongkir), catalog.Rupiah(goods), catalog.Rupiah(c.Ongkir))
	}
	return e.t("total_before_ongkir", catalog.Rupiah(goods))
}

// ongkirAnswer quotes the fee to the place the buyer names ("ongkir ke
// Menteng berapa?"), or explains how ongkir is counted.
func (e *Engine) ongkirAnswer(b *buyerTurn, s string) string {
	place := ""
	if _, after, ok := strings.Cut(s, " ke "); ok {
		place = strings.Trim(strings.TrimSuffix(strings.TrimSuffix(after, " berapa"), " brp"), " ?")
	}
	if place == "" && b.conv.Address != "" {
		place = b.conv.Address
	}
	if place != "" {
		q := e.set.Fees.Quote(place, 0, 0, false)
		if q.Zone != "" {
			return e.t("ongkir_zone", q.Zone, catalog.Rupiah(q.Fee))
		}
	}
	var zs []string
	for _, z := range e.set.Fees.Zones {
		zs = append(zs, fmt.Sprintf("%s (%s): %s", z.Name, strings.Join(z.Keywords, ", "), catalog.Rupiah(z.Fee)))
	}
	if len(zs) == 0 {
		return e.t("ongkir_flat", catalog.Rupiah(e.set.Fees.DefaultFee))
	}
	return e.t("ongkir_table", strings.Join(zs, "\n"), catalog.Rupiah(e.set.Fees.DefaultFee))
}

// actOrderCommand runs a command about a placed order.
func (e *Engine) actOrderCommand(b *buyerTurn) error {
	raw := b.act.text
	s := norm(raw)
	switch b.act.kind {
	case "cancel":
		m := cancelOrder.FindStringSubmatch(raw)
		return e.buyerCancelOrder(b, strings.ToUpper(m[2]), m[3])
	case "complaint":
		return e.buyerComplaint(b, raw)
	case "courier":
		m := pesanRe.FindStringSubmatch(raw)
		return e.relayBuyerToCourier(b, strings.ToUpper(m[1]), m[2])
	case "offer":
		amount, _ := offerAmount(raw)
		handled, err := e.buyerOffer(b, amount)
		if err != nil || handled {
			return err
		}
		_ = s
		b.note(e.t("offer_no_order"))
	}
	return nil
}

// menuPage reads "menu", "menu 2", "daftar harga".
func menuPage(s string) (int, bool) {
	if isPhrase(menuWords, s) {
		return 1, true
	}
	for w := range menuWords {
		if rest, ok := strings.CutPrefix(s, w+" "); ok {
			if n, err := strconv.Atoi(strings.TrimPrefix(rest, "hal ")); err == nil && n > 0 {
				return n, true
			}
		}
	}
	return 0, false
}

// categoryQuestion answers "ada ikan apa aja?".
func (e *Engine) categoryQuestion(s string) (string, bool) {
	if !strings.HasPrefix(s, "ada ") || !(strings.Contains(s, "apa") || strings.Contains(s, "aja")) {
		return "", false
	}
	w := strings.TrimPrefix(s, "ada ")
	for _, cut := range []string{" apa aja", " apa saja", " apa", " aja"} {
		if i := strings.Index(w, cut); i >= 0 {
			w = w[:i]
		}
	}
	w = strings.TrimSpace(w)
	for _, p := range e.products {
		if strings.Contains(strings.ToLower(p.Category), w) && w != "" {
			return CategoryText(e.set.Lang, e.products, p.Category), true
		}
	}
	for _, g := range e.groups {
		if g.ID == w {
			return CategoryText(e.set.Lang, e.products, e.productCategoryOfGroup(g.ID)), true
		}
	}
	return "", false
}

func (e *Engine) productCategoryOfGroup(id string) string {
	for _, p := range e.products {
		if p.Group == id {
			return p.Category
		}
	}
	return id
}

// priceAnswer prices what the buyer asked about, for that quantity.
func (e *Engine) priceAnswer(r *parse.Result) string {
	var b strings.Builder
	for _, it := range r.Items {
		p, ok := e.bySKU[it.SKU]
		if !ok {
			continue
		}
		if !p.Available {
			fmt.Fprintf(&b, "%s\n", e.t("sold_out", p.Name))
			continue
		}
		if it.Qty > 0 && it.Qty != catalog.Whole(1) {
			fmt.Fprintf(&b, "%s %s: %s (%s/%s)\n", p.Name, qtyText(it.Qty, p.Unit), catalog.Rupiah(catalog.Cost(p.Price, it.Qty)), catalog.Rupiah(p.Price), p.Unit)
		} else {
			fmt.Fprintf(&b, "%s: %s/%s\n", p.Name, catalog.Rupiah(p.Price), p.Unit)
		}
	}
	if b.Len() == 0 {
		return e.t("price_unknown")
	}
	b.WriteString(e.t("price_order_hint"))
	return b.String()
}

// buyerStatus lists the buyer's open orders.
func (e *Engine) buyerStatus(b *buyerTurn) error {
	os, err := b.tx.OrdersOf(b.conv.Chat, 10)
	if err != nil {
		return err
	}
	var sb strings.Builder
	n := 0
	for _, o := range os {
		if !o.Status.Open() && o.CreatedAt.Before(b.now.Add(-24*3600e9)) {
			continue
		}
		n++
		fmt.Fprintf(&sb, "*%s* — %s — %s\n", o.Code, e.t("status_"+string(o.Status)), catalog.Rupiah(o.Total()))
	}
	if n == 0 {
		msg := e.t("no_orders")
		if len(b.conv.Cart) > 0 {
			msg += "\n\n" + e.cartText(b.conv)
		}
		b.note(msg)
		return nil
	}
	b.note(e.t("status_header") + "\n" + sb.String() + "\n" + e.t("status_footer"))
	return nil
}

// buyerOrder loads an order and checks it is this buyer's.
func (e *Engine) buyerOrder(b *buyerTurn, code string) (*orders.Order, error) {
	o, err := b.tx.Order(code)
	if err != nil || o == nil {
		return nil, err
	}
	if o.BuyerChat != b.conv.Chat {
		return nil, nil
	}
	return o, nil
}

// buyerCancelOrder cancels an order until the courier has picked it up.
func (e *Engine) buyerCancelOrder(b *buyerTurn, code, reason string) error {
	o, err := e.buyerOrder(b, code)
	if err != nil {
		return err
	}
	if o == nil {
		b.note(e.t("order_not_found", code))
		return nil
	}
	switch o.Status {
	case orders.PickedUp, orders.Delivered, orders.Completed:
		b.note(e.t("cancel_too_late", code))
		return nil
	case orders.Cancelled, orders.Rejected, orders.Expired:
		b.note(e.t("already_closed", code, e.t("status_"+string(o.Status))))
		return nil
	}
	if err := e.cancelOrder(b.turn, o, "buyer", reason); err != nil {
		return err
	}
	b.dropDecisions(code)
	b.note(e.t("order_cancelled", code))
	return nil
}

// cancelOrder cancels every live part, tells the seller groups and the
// courier, and stops the order's timers.
func (e *Engine) cancelOrder(t *turn, o *orders.Order, actor, reason string) error {
	for _, s := range o.Subs {
		if !s.Status.Live() {
			continue
		}
		if err := o.SetSubStatus(s.Group, orders.Cancelled, actor, reason, t.now); err != nil {
			return err
		}
		if err := t.tx.ClearTimer(timerSeller, subRef(o.Code, s.Group)); err != nil {
			return err
		}
		if g, ok := e.group(s.Group); ok && g.ChatID != "" {
			t.send(g.ChatID, e.t("group_order_cancelled", o.Code))
		}
	}
	if err := o.SetStatus(orders.Cancelled, actor, reason, t.now); err != nil {
		return err
	}
	if err := e.cancelJob(t, o); err != nil {
		return err
	}
	t.log.Info().Str("order", o.Code).Str("actor", actor).Msg("order cancelled")
	return t.tx.SaveOrder(o)
}

func (b *buyerTurn) dropDecisions(code string) {
	var keep []Decision
	for _, d := range b.conv.Decisions {
		if d.Order != code {
			keep = append(keep, d)
		}
	}
	b.conv.Decisions = keep
}

// buyerComplaint records "komplain A7K2 …" and forwards it to admins.
func (e *Engine) buyerComplaint(b *buyerTurn, raw string) error {
	code := findCode(raw)
	if code == "" {
		// "mau komplain pesanan kemarin, ayamnya bau": the buyer's latest
		// order of the last days, as a trader would assume.
		os, err := b.tx.OrdersOf(b.conv.Chat, 1)
		if err != nil {
			return err
		}
		if len(os) == 0 || b.now.Sub(os[0].CreatedAt) > complaintWindow {
			b.note(e.t("complaint_how"))
			return nil
		}
		code = os[0].Code
	}
	o, err := e.buyerOrder(b, code)
	if err != nil {
		return err
	}
	if o == nil {
		b.note(e.t("order_not_found", code))
		return nil
	}
	if err := b.tx.AddComplaint(code, b.conv.Chat, raw, b.now); err != nil {
		return err
	}
	var traders []string
	for _, s := range o.Subs {
		traders = append(traders, fmt.Sprintf("%s (%s)", s.Group, firstNonEmpty(s.Trader, s.ConfirmedBy, "-")))
	}
	e.toAdmins(b.turn, e.t("admin_complaint", code, e.mask(b.conv.Phone), strings.Join(traders, ", "), "“"+oneLine(raw, 1000)+"”"))
	b.note(e.t("complaint_recorded", code))
	return nil
}

// complaintWindow is how old the latest order may be for a complaint
// that names no order code to be about it.
const complaintWindow = 3 * 24 * time.Hour

// offerAmount reads the money in "tawar 80rb", "bisa 75 ribu?".
func offerAmount(s string) (int64, bool) {
	fs := strings.Fields(strings.ToLower(s))
	for i := range fs {
		for j := len(fs); j > i; j-- {
			phrase := strings.Trim(strings.Join(fs[i:j], " "), "?!.,")
			if v, ok := parse.ParseMoney(phrase); ok && v >= 500 {
				return v, true
			}
		}
	}
	return 0, false
}

// spokenOffer is the part of an offer after its keyword (and an order
// code), for prices said the market way ("tawar enam lima").
func spokenOffer(raw string) string {
	fs := strings.Fields(strings.ToLower(raw))
	if len(fs) < 2 || !offerRe.MatchString(fs[0]) {
		return ""
	}
	fs = fs[1:]
	if len(fs) > 1 && orders.LooksLikeCode(fs[0]) {
		fs = fs[1:]
	}
	return strings.Trim(strings.Join(fs, " "), "?!. ")
}

// freshWords ask how fresh goods are; they are no part of the goods' name.
var freshWords = set("segar", "seger", "fresh", "layu", "busuk", "baru", "gak", "ga", "nggak", "gk", "kah", "hari", "ini", "nya", "ya", "kak", "bu", "mbak")

// withoutFreshWords is a freshness question with only the goods left.
func withoutFreshWords(s string) string {
	var kept []string
	for _, w := range strings.Fields(strings.Trim(s, " ?!.")) {
		if !freshWords[strings.Trim(w, "?!.,")] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

func ptr[T any](v T) *T { return &v }
