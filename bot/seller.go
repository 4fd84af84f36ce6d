package bot

import (
	"fmt"
	"strings"

	"pasarbot/bot/command"
	"pasarbot/catalog"
	"pasarbot/orders"
)

const settingUnboundNotice = "unbound_notice:"

// handleGroup serves messages in WhatsApp groups: binding, seller group
// answers and price updates, and the courier group.
func (e *Engine) handleGroup(t *turn, in Inbound) error {
	ws := words(in.Text)
	if len(ws) >= 2 && ws[0] == "daftar" {
		return e.bindGroup(t, in, ws)
	}
	courierChat, err := t.tx.Setting(settingCourierCh)
	if err != nil {
		return err
	}
	if courierChat != "" && courierChat == in.Chat {
		return e.handleCourier(t, in)
	}
	g, ok, err := t.tx.GroupByChat(in.Chat)
	if err != nil {
		return err
	}
	if !ok {
		// Unknown group: say how to bind it, once, then stay quiet.
		key := settingUnboundNotice + in.Chat
		seen, err := t.tx.Setting(key)
		if err != nil || seen != "" {
			return err
		}
		if cmd, ok := command.ParseLeader(in.Text); ok && cmd.AboutOrder() || command.Marked(in.Text) {
			t.reply(in, e.t("group_unbound"))
			return t.tx.SetSetting(key, "1", t.now)
		}
		return nil
	}
	return e.handleSeller(t, in, g)
}

// bindGroup handles DAFTAR GRUP <id> and DAFTAR KURIR, from an admin or
// the configured leader of that group.
func (e *Engine) bindGroup(t *turn, in Inbound, ws []string) error {
	admin := e.isAdmin(in.SenderPhone)
	courierChat, err := t.tx.Setting(settingCourierCh)
	if err != nil {
		return err
	}
	bound, isSeller, err := t.tx.GroupByChat(in.Chat)
	if err != nil {
		return err
	}
	if ws[1] == "kurir" {
		if !admin {
			t.refuse(in, e.t("bind_admin_only"))
			return nil
		}
		if isSeller {
			// One chat, one role: a seller group's chat cannot take couriers' jobs.
			t.reply(in, e.t("bind_chat_is_seller", bound.Name))
			return nil
		}
		if courierChat == in.Chat {
			t.reply(in, e.t("bound_courier_already"))
			return nil
		}
		if err := t.tx.SetSetting(settingCourierCh, in.Chat, t.now); err != nil {
			return err
		}
		t.log.Info().Str("actor", MaskPhone(in.SenderPhone)).Msg("courier group bound")
		t.reply(in, e.t("bound_courier"))
		return t.tx.LogAdmin(in.SenderPhone, "DAFTAR KURIR "+in.Chat, t.now)
	}
	if ws[1] != "grup" && ws[1] != "group" || len(ws) < 3 {
		t.reply(in, e.t("bind_how"))
		return nil
	}
	g, ok := e.group(ws[2])
	if !ok {
		var ids []string
		for _, g := range e.groups {
			ids = append(ids, g.ID)
		}
		t.reply(in, e.t("bind_unknown", ws[2], strings.Join(ids, ", ")))
		return nil
	}
	if !admin && !g.IsLeader(in.SenderPhone) {
		t.refuse(in, e.t("bind_not_allowed", g.Name))
		return nil
	}
	switch {
	case courierChat == in.Chat:
		// Seller cards in the courier group would show every courier the
		// orders, and couriers' AMBIL would reach the wrong handler.
		t.reply(in, e.t("bind_chat_is_courier"))
		return nil
	case isSeller && bound.ID == g.ID:
		t.reply(in, e.t("bound_group_already", g.Name, g.ID))
		return nil
	case isSeller:
		t.reply(in, e.t("bind_chat_taken", bound.Name, g.Name))
		return nil
	}
	if err := t.tx.BindGroupChat(g.ID, in.Chat); err != nil {
		return err
	}
	e.InvalidateCatalog()
	if err := t.tx.LogAdmin(in.SenderPhone, "DAFTAR GRUP "+g.ID+" "+in.Chat, t.now); err != nil {
		return err
	}
	t.log.Info().Str("group", g.ID).Msg("seller group bound")
	t.reply(in, e.t("bound_group", g.Name, g.ID))
	return nil
}

// mayAnswer says whether phone may answer orders for g.
func (e *Engine) mayAnswer(g catalog.SellerGroup, phone string) bool {
	if phone == "" {
		return false
	}
	if g.IsLeader(phone) || e.isAdmin(phone) {
		return true
	}
	return e.set.MembersMayAnswer && g.IsMember(phone)
}

// leaderNames lists who may act in a group, for refusals.
func (e *Engine) leaderNames(g catalog.SellerGroup) string {
	var ns []string
	for _, l := range g.Leaders {
		n := g.MemberName(l)
		if n == "" {
			n = e.mask(l)
		}
		ns = append(ns, n)
	}
	if len(ns) == 0 {
		return "admin"
	}
	return strings.Join(ns, ", ")
}

// handleSeller reads a bound seller group's message.
func (e *Engine) handleSeller(t *turn, in Inbound, g catalog.SellerGroup) error {
	cmd, ok := command.ParseLeader(in.Text)
	switch {
	case !ok:
		return nil // traders chatting among themselves
	case cmd.Kind == command.LeaderHelp:
		t.reply(in, command.Help(command.Leader, e.set.Lang))
		return nil
	case !cmd.AboutOrder():
		return e.sellerPriceCommand(t, in, g, cmd)
	}
	if !e.mayAnswer(g, in.SenderPhone) {
		t.refuse(in, e.t("not_leader", e.leaderNames(g)))
		return nil
	}
	return e.sellerOrderCommand(t, in, g, cmd)
}

// sellerOrderCommand applies OK/ADA/TOLAK/HARGA/TIMBANG/DIAMBIL.
func (e *Engine) sellerOrderCommand(t *turn, in Inbound, g catalog.SellerGroup, cmd command.LeaderCommand) error {
	o, err := t.tx.Order(cmd.Code)
	if err != nil {
		return err
	}
	if o == nil {
		t.reply(in, e.t("seller_unknown_order", cmd.Code))
		return nil
	}
	s := o.Sub(g.ID)
	if s == nil {
		t.reply(in, e.t("seller_wrong_group", cmd.Code, g.Name))
		return nil
	}
	actor := in.SenderPhone
	name := firstNonEmpty(g.MemberName(actor), oneLine(in.PushName, 40), e.mask(actor))
	t.log = t.log.With().Str("order", o.Code).Str("group", g.ID).Logger()
	switch cmd.Kind {
	case command.OrderDiambil:
		return e.sellerPickedUp(t, in, o, s, name)
	case command.OrderTimbang:
		return e.sellerWeigh(t, in, o, s, cmd, name)
	}
	offerOpen := s.Status == orders.Negotiating && s.Proposal != nil && s.Proposal.Kind == "offer"
	if s.Status != orders.Placed && !offerOpen {
		if s.Status == orders.Negotiating && s.Proposal != nil {
			t.reply(in, e.t("seller_waiting_buyer", o.Code))
			return nil
		}
		// Already decided: a repeated OK is harmless, say so plainly.
		t.reply(in, e.t("seller_already", o.Code, e.t("status_"+string(s.Status))))
		return nil
	}
	switch cmd.Kind {
	case command.OrderOK:
		if offerOpen {
			return e.sellerAcceptOffer(t, o, s, actor, name)
		}
		if drop := strings.TrimSpace(strings.TrimPrefix(strings.ToLower(cmd.Rest), "tanpa")); drop != "" && strings.HasPrefix(strings.ToLower(cmd.Rest), "tanpa") {
			return e.sellerPartial(t, in, o, s, "tanpa "+drop, actor)
		}
		s.ConfirmedBy, s.Trader = actor, name
		if err := o.SetSubStatus(g.ID, orders.Confirmed, actor, "confirmed", t.now); err != nil {
			return err
		}
		if err := t.tx.ClearTimer(timerSeller, subRef(o.Code, g.ID)); err != nil {
			return err
		}
		t.reply(in, e.t("seller_confirmed", o.Code, name))
		if o.Status != orders.Confirmed {
			// Other groups still deciding: tell the buyer this one is in.
			t.send(o.BuyerChat, e.t("buyer_group_confirmed", o.Code, g.Name, name, catalog.Rupiah(s.AgreedTotal)))
		}
		return e.afterSellerPhase(t, o)
	case command.OrderAda:
		if offerOpen {
			t.reply(in, e.t("seller_offer_howto", o.Code))
			return nil
		}
		return e.sellerPartial(t, in, o, s, cmd.Rest, actor)
	case command.OrderTolak:
		if offerOpen {
			return e.sellerRefuseOffer(t, o, s, actor)
		}
		reason := oneLine(cmd.Rest, maxRelayRunes)
		if err := o.SetSubStatus(g.ID, orders.Rejected, actor, reason, t.now); err != nil {
			return err
		}
		if err := t.tx.ClearTimer(timerSeller, subRef(o.Code, g.ID)); err != nil {
			return err
		}
		t.reply(in, e.t("seller_rejected", o.Code))
		if reason == "" {
			reason = e.t("no_reason")
		}
		if !o.Status.Live() {
			// Nothing left of the order: one message says it all.
			t.send(o.BuyerChat, e.t("order_rejected_reason", o.Code, g.Name, reason))
			if err := t.tx.SaveOrder(o); err != nil {
				return err
			}
			return e.cancelJob(t, o)
		}
		t.send(o.BuyerChat, e.t("buyer_group_rejected", o.Code, g.Name)+" ("+reason+")")
		return e.afterSellerPhase(t, o)
	case command.OrderHarga:
		return e.sellerPrice(t, in, o, s, cmd, actor, offerOpen)
	}
	return nil
}

// sellerPartial proposes dropping or changing lines: "tanpa tomat",
// "cabe 1/4 saja".
func (e *Engine) sellerPartial(t *turn, in Inbound, o *orders.Order, s *orders.SubOrder, rest, actor string) error {
	p := &orders.Proposal{Kind: "partial", Qty: map[int]int64{}, By: actor}
	lower := strings.ToLower(rest)
	lines := o.GroupLines(s.Group)
	if strings.HasPrefix(lower, "tanpa ") {
		for _, part := range splitList(strings.TrimPrefix(lower, "tanpa ")) {
			if l, ok := e.matchLine(lines, part); ok {
				p.Qty[l.No] = 0
			}
		}
	} else {
		r := e.parser.Parse(strings.ReplaceAll(strings.ReplaceAll(lower, " saja", ""), " aja", ""))
		for _, it := range r.Items {
			for _, l := range lines {
				if l.SKU == it.SKU && it.Qty != l.Qty {
					p.Qty[l.No] = int64(it.Qty)
				}
			}
		}
	}
	if len(p.Qty) == 0 {
		t.reply(in, e.t("seller_partial_how", o.Code))
		return nil
	}
	for _, l := range lines {
		q, changed := p.Qty[l.No]
		amount := l.Amount
		switch {
		case !changed:
		case q > 0 && q <= int64(l.Qty):
			amount = catalog.Cost(l.Price, catalog.Qty(q))
		case q > 0:
			// "ADA" offers what the stall has: never more than ordered.
			t.reply(in, e.t("seller_partial_more", l.Name, o.Code))
			return nil
		default:
			amount = 0
		}
		p.Total += amount // each amount is at most its ordered line's
	}
	if p.Total == 0 {
		t.reply(in, e.t("seller_partial_all", o.Code))
		return nil
	}
	s.Proposal = p
	s.ConfirmedBy = actor
	if err := o.SetSubStatus(s.Group, orders.Negotiating, actor, "partial", t.now); err != nil {
		return err
	}
	if err := t.tx.ClearTimer(timerSeller, subRef(o.Code, s.Group)); err != nil {
		return err
	}
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	t.reply(in, e.t("seller_sent_to_buyer", o.Code))
	return e.askDecision(t, o, s.Group, "proposal")
}

// matchLine finds the order line a trader names ("tomat").
func (e *Engine) matchLine(lines []orders.Line, words string) (orders.Line, bool) {
	for _, c := range e.index.Match(words) {
		for _, l := range lines {
			if l.SKU == c.Product.SKU {
				return l, true
			}
		}
	}
	w := catalog.Normalize(words)
	for _, l := range lines {
		if w != "" && strings.Contains(catalog.Normalize(l.Name), w) {
			return l, true
		}
	}
	return orders.Line{}, false
}

func splitList(s string) []string {
	s = strings.NewReplacer(" dan ", ",", " sama ", ",", "&", ",", "+", ",").Replace(s)
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// sellerPrice proposes a new total or a per-line price; during an offer it
// is a counter.
func (e *Engine) sellerPrice(t *turn, in Inbound, o *orders.Order, s *orders.SubOrder, cmd command.LeaderCommand, actor string, offerOpen bool) error {
	if cmd.Amount <= 0 || cmd.Negative {
		t.reply(in, e.t("seller_price_how", o.Code))
		return nil
	}
	total := cmd.Amount
	p := &orders.Proposal{Kind: "price", By: actor}
	if cmd.Item != "" {
		l, ok := e.matchLine(o.GroupLines(s.Group), cmd.Item)
		if !ok {
			t.reply(in, e.t("seller_no_such_line", cmd.Item, o.Code))
			return nil
		}
		lim := e.set.Limits.Resolved()
		if lim.CheckPrice(cmd.Amount) != catalog.WithinLimits {
			t.reply(in, e.t("seller_price_out_of_range", catalog.Rupiah(cmd.Amount), o.Code, catalog.Rupiah(lim.MaxPrice)))
			return nil
		}
		p.Lines = map[int]int64{l.No: cmd.Amount}
		if total, ok = e.replaceLineTotal(s.AgreedTotal, l.Amount, cmd.Amount, l.Qty); !ok {
			total = -1 // refused below with the limit
		}
	} else if total < 1000 && s.AgreedTotal >= 10000 {
		total *= 1000 // "HARGA A7K2 85" in thousands
	}
	if !e.proposedTotalOK(o, s, total) {
		t.reply(in, e.t("seller_total_too_high", o.Code, catalog.Rupiah(e.set.Limits.Resolved().MaxOrderTotal)))
		return nil
	}
	p.Total = total
	if offerOpen {
		p.Kind = "counter"
		if err := t.tx.AddOffer(Offer{Order: o.Code, Group: s.Group, Side: "seller", Amount: total, Outcome: "open", Actor: actor, At: t.now}); err != nil {
			return err
		}
		if err := t.tx.ClearTimer(timerOffer, subRef(o.Code, s.Group)); err != nil {
			return err
		}
	}
	s.Proposal = p
	if err := o.SetSubStatus(s.Group, orders.Negotiating, actor, p.Kind+" "+catalog.Rupiah(total), t.now); err != nil {
		return err
	}
	if err := t.tx.ClearTimer(timerSeller, subRef(o.Code, s.Group)); err != nil {
		return err
	}
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	t.reply(in, e.t("seller_sent_to_buyer", o.Code))
	return e.askDecision(t, o, s.Group, "proposal")
}

// sellerAcceptOffer: OK during an open buyer offer agrees to it.
func (e *Engine) sellerAcceptOffer(t *turn, o *orders.Order, s *orders.SubOrder, actor, name string) error {
	amount := s.Proposal.Total
	s.AgreedTotal = amount
	s.Proposal = nil
	s.ConfirmedBy, s.Trader = actor, name
	if err := o.SetSubStatus(s.Group, orders.Confirmed, actor, "offer accepted "+catalog.Rupiah(amount), t.now); err != nil {
		return err
	}
	if err := t.tx.AddOffer(Offer{Order: o.Code, Group: s.Group, Side: "seller", Amount: amount, Outcome: "accepted", Actor: actor, At: t.now}); err != nil {
		return err
	}
	if err := t.tx.ClearTimer(timerOffer, subRef(o.Code, s.Group)); err != nil {
		return err
	}
	if err := t.tx.ClearTimer(timerSeller, subRef(o.Code, s.Group)); err != nil {
		return err
	}
	if g, ok := e.group(s.Group); ok && g.ChatID != "" {
		t.send(g.ChatID, e.t("seller_offer_accepted", o.Code, catalog.Rupiah(amount)))
	}
	t.send(o.BuyerChat, e.t("buyer_offer_accepted", o.Code, e.groupName(s.Group), catalog.Rupiah(amount)))
	return e.afterSellerPhase(t, o)
}

// sellerRefuseOffer: TOLAK during an offer refuses the offer; the price
// stands and the sub-order returns to where it was.
func (e *Engine) sellerRefuseOffer(t *turn, o *orders.Order, s *orders.SubOrder, actor string) error {
	amount := s.Proposal.Total
	before := orders.Status(s.Proposal.Reason)
	if before == "" || before == orders.Negotiating {
		before = orders.Placed
	}
	s.Proposal = nil
	if err := o.SetSubStatus(s.Group, before, actor, "offer refused", t.now); err != nil {
		return err
	}
	if err := t.tx.AddOffer(Offer{Order: o.Code, Group: s.Group, Side: "seller", Amount: amount, Outcome: "refused", Actor: actor, At: t.now}); err != nil {
		return err
	}
	if err := t.tx.ClearTimer(timerOffer, subRef(o.Code, s.Group)); err != nil {
		return err
	}
	if g, ok := e.group(s.Group); ok && g.ChatID != "" {
		t.send(g.ChatID, e.t("seller_offer_refused", o.Code))
	}
	left := e.set.Bargain.MaxRounds - s.Rounds
	t.send(o.BuyerChat, e.t("buyer_offer_refused", o.Code, catalog.Rupiah(amount), catalog.Rupiah(s.AgreedTotal), left))
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	return e.afterSellerPhase(t, o)
}

// sellerWeigh reconciles weighed goods: within tolerance the buyer is
// told; beyond it the buyer must agree.
func (e *Engine) sellerWeigh(t *turn, in Inbound, o *orders.Order, s *orders.SubOrder, cmd command.LeaderCommand, actor string) error {
	if s.Status != orders.Confirmed {
		t.reply(in, e.t("weigh_when", o.Code))
		return nil
	}
	if job, err := t.tx.Job(o.Code); err != nil {
		return err
	} else if job != nil && (job.Status == orders.JobPickedUp || job.Status == orders.JobDelivered) {
		t.reply(in, e.t("weigh_too_late", o.Code))
		return nil
	}
	if cmd.Negative {
		t.reply(in, e.t("weigh_how", o.Code))
		return nil
	}
	total := cmd.Amount
	if cmd.Item != "" && cmd.Qty > 0 {
		l, ok := e.matchLine(o.GroupLines(s.Group), cmd.Item)
		if !ok {
			t.reply(in, e.t("seller_no_such_line", cmd.Item, o.Code))
			return nil
		}
		unit := l.Unit
		if p, ok := e.bySKU[l.SKU]; ok {
			unit = p.SellingUnit().Code
		}
		u, _ := catalog.LookupUnit(unit)
		if max := e.set.Limits.MaxQty(u); cmd.Qty > max {
			t.reply(in, e.t("weigh_qty_too_much", l.Name, qtyText(cmd.Qty, l.Unit), qtyText(max, l.Unit), o.Code))
			return nil
		}
		// Scale the agreed total by the weighed line's change at its unit price.
		if total, ok = e.replaceLineTotal(s.AgreedTotal, l.Amount, l.Price, cmd.Qty); !ok {
			t.reply(in, e.t("seller_total_too_high", o.Code, catalog.Rupiah(e.set.Limits.Resolved().MaxOrderTotal)))
			return nil
		}
		if ol := o.Line(l.No); ol != nil {
			ol.Qty = cmd.Qty
			ol.Amount = catalog.Cost(l.Price, cmd.Qty)
		}
	}
	if total <= 0 {
		t.reply(in, e.t("weigh_how", o.Code))
		return nil
	}
	if !e.proposedTotalOK(o, s, total) {
		t.reply(in, e.t("seller_total_too_high", o.Code, catalog.Rupiah(e.set.Limits.Resolved().MaxOrderTotal)))
		return nil
	}
	s.Weighed = true
	if orders.WithinTolerance(s.AgreedTotal, total, e.set.WeighTolerance) {
		old := s.AgreedTotal
		s.AgreedTotal = total
		o.NewEvents = append(o.NewEvents, orders.Event{Group: s.Group, From: s.Status, To: s.Status, Actor: actor,
			Detail: fmt.Sprintf("weighed %s → %s", catalog.Rupiah(old), catalog.Rupiah(total)), At: t.now})
		if err := e.updateCOD(t, o); err != nil {
			return err
		}
		t.reply(in, e.t("weigh_ok", o.Code, catalog.Rupiah(total)))
		t.send(o.BuyerChat, e.t("buyer_weighed", o.Code, e.groupName(s.Group), catalog.Rupiah(total), catalog.Rupiah(o.Total())))
		return t.tx.SaveOrder(o)
	}
	s.Proposal = &orders.Proposal{Kind: "weigh", Total: total, By: actor}
	if err := o.SetSubStatus(s.Group, orders.Negotiating, actor, "weighed "+catalog.Rupiah(total), t.now); err != nil {
		return err
	}
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	t.reply(in, e.t("seller_sent_to_buyer", o.Code))
	return e.askDecision(t, o, s.Group, "proposal")
}

// afterSellerPhase moves the order on once no seller group is still
// deciding: dispatch to couriers, pickup instructions, or the bad news.
func (e *Engine) afterSellerPhase(t *turn, o *orders.Order) error {
	reason := e.refundReason(o) // before saving clears the new events
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	if err := e.reconcileRefund(t, o, reason); err != nil {
		return err
	}
	switch o.Status {
	case orders.Rejected, orders.Expired, orders.Cancelled:
		t.send(o.BuyerChat, e.t("order_none_left", o.Code))
		return e.cancelJob(t, o)
	case orders.Confirmed:
	default:
		return nil
	}
	return e.afterConfirmed(t, o)
}

// afterConfirmed moves a confirmed order on: the job continues, the buyer
// pays first (QRIS after confirmation), or dispatch / pickup.
func (e *Engine) afterConfirmed(t *turn, o *orders.Order) error {
	if j, err := t.tx.Job(o.Code); err != nil {
		return err
	} else if j != nil && (j.Status == orders.JobOpen || j.Status == orders.JobClaimed) {
		// A change agreed after dispatch (a weighing beyond tolerance the
		// buyer accepted): the job goes on, with the COD the buyer now pays.
		if err := o.SetStatus(orders.AwaitingCourier, "system", "job continues", t.now); err != nil {
			return err
		}
		if err := e.updateCOD(t, o); err != nil {
			return err
		}
		return t.tx.SaveOrder(o)
	}
	if held, err := e.holdForPayment(t, o); held || err != nil {
		return err
	}
	if o.Delivery == orders.Ambil {
		var stalls []string
		for _, s := range o.Subs {
			if s.Status == orders.Confirmed {
				g, _ := e.group(s.Group)
				stalls = append(stalls, fmt.Sprintf("• %s — %s", g.Name, g.Stall))
			}
		}
		t.send(o.BuyerChat, e.t("ready_pickup", o.Code, strings.Join(stalls, "\n"), catalog.Rupiah(o.Total())))
		return nil
	}
	return e.dispatch(t, o)
}
