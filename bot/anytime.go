package bot

import (
	"fmt"
	"strconv"
	"strings"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// buyerAnyTime handles what a buyer may say in any state: help, status,
// menu, price questions, cancelling or complaining about an order,
// bargaining, messages to the courier and asking for a human.
func (e *Engine) buyerAnyTime(b *buyerTurn) (bool, error) {
	raw := strings.TrimSpace(b.in.Text)
	s := norm(raw)
	switch {
	case s == "":
		return false, nil
	case isPhrase(helpWords, s) && b.conv.State != StateAddress:
		b.reply(b.in, e.t("help", e.set.MarketName))
		return true, nil
	case isPhrase(statusWords, s):
		return true, e.buyerStatus(b)
	case handoverRe.MatchString(s) && b.conv.State != StateAddress:
		return true, e.fire(b, EvHandover)
	}
	if page, ok := menuPage(s); ok {
		text, pages := MenuText(e.products, e.groups, page)
		if page > pages {
			text, _ = MenuText(e.products, e.groups, pages)
		}
		b.reply(b.in, text)
		return true, nil
	}
	if m := cancelOrder.FindStringSubmatch(raw); m != nil && orders.LooksLikeCode(m[2]) {
		return true, e.buyerCancelOrder(b, strings.ToUpper(m[2]), m[3])
	}
	if m := complaintRe.FindStringSubmatch(s); m != nil {
		return true, e.buyerComplaint(b, raw)
	}
	if m := pesanRe.FindStringSubmatch(raw); m != nil && orders.LooksLikeCode(m[1]) {
		return true, e.relayBuyerToCourier(b, strings.ToUpper(m[1]), m[2])
	}
	if b.conv.State == StateAddress {
		return false, nil // an address may contain any words
	}
	if offerRe.MatchString(s) && b.conv.State != StateClarify {
		amount, ok := offerAmount(raw)
		if ok || strings.Contains(s, "kurang") || spokenOffer(raw) != "" {
			handled, err := e.buyerOffer(b, amount)
			if handled || err != nil {
				return true, err
			}
		}
	}
	if q, ok := e.categoryQuestion(s); ok {
		b.reply(b.in, q)
		return true, nil
	}
	if strings.HasPrefix(s, "harga ") || strings.HasSuffix(s, " berapa") || strings.Contains(s, " brp") || strings.HasPrefix(s, "berapa ") {
		w := strings.TrimPrefix(s, "harga ")
		w = strings.TrimSuffix(strings.TrimSuffix(w, " berapa"), " brp")
		w = strings.TrimPrefix(w, "berapa harga ")
		r := e.parser.Parse(raw)
		if r.PriceQuery && len(r.Items) > 0 {
			b.reply(b.in, e.priceAnswer(&r))
			return true, nil
		}
		if cands := e.index.Match(w); len(cands) > 0 {
			b.reply(b.in, PriceText(cands))
			return true, nil
		}
	}
	return false, nil
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
			return CategoryText(e.products, p.Category), true
		}
	}
	for _, g := range e.groups {
		if g.ID == w {
			return CategoryText(e.products, e.productCategoryOfGroup(g.ID)), true
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
		b.reply(b.in, msg)
		return nil
	}
	b.reply(b.in, e.t("status_header")+"\n"+sb.String()+"\n"+e.t("status_footer"))
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
		b.reply(b.in, e.t("order_not_found", code))
		return nil
	}
	switch o.Status {
	case orders.PickedUp, orders.Delivered, orders.Completed:
		b.reply(b.in, e.t("cancel_too_late", code))
		return nil
	case orders.Cancelled, orders.Rejected, orders.Expired:
		b.reply(b.in, e.t("already_closed", code, e.t("status_"+string(o.Status))))
		return nil
	}
	if err := e.cancelOrder(b.turn, o, "buyer", reason); err != nil {
		return err
	}
	b.dropDecisions(code)
	b.reply(b.in, e.t("order_cancelled", code))
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
	if b.conv.State == StateDecide && len(keep) == 0 {
		b.conv.State = StateIdle
	}
}

// buyerComplaint records "komplain A7K2 …" and forwards it to admins.
func (e *Engine) buyerComplaint(b *buyerTurn, raw string) error {
	code := findCode(raw)
	if code == "" {
		b.reply(b.in, e.t("complaint_how"))
		return nil
	}
	o, err := e.buyerOrder(b, code)
	if err != nil {
		return err
	}
	if o == nil {
		b.reply(b.in, e.t("order_not_found", code))
		return nil
	}
	if err := b.tx.AddComplaint(code, b.conv.Chat, raw, b.now); err != nil {
		return err
	}
	var traders []string
	for _, s := range o.Subs {
		traders = append(traders, fmt.Sprintf("%s (%s)", s.Group, firstNonEmpty(s.Trader, s.ConfirmedBy, "-")))
	}
	e.toAdmins(b.turn, e.t("admin_complaint", code, e.mask(b.conv.Phone), strings.Join(traders, ", "), raw))
	b.reply(b.in, e.t("complaint_recorded", code))
	return nil
}

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
