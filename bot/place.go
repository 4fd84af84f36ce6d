package bot

import (
	"fmt"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// Timer kinds; refs are chats or order codes.
const (
	timerCartIdle    = "cart_idle"     // ref: chat
	timerCartExpire  = "cart_expire"   // ref: chat
	timerSeller      = "seller_answer" // ref: code/group
	timerSellerLast  = "seller_last"   // ref: code/group: reminder sent, buyer told at this deadline
	timerOffer       = "offer_answer"  // ref: code/group
	timerCourier     = "courier_claim" // ref: code
	timerHandover    = "handover_idle" // ref: chat
	settingOverrides = "hours_overrides"
	settingCourierCh = "courier_group_chat"
	settingCodeSeed  = "code_seed"
	settingStarted   = "first_started_at" // when this market first ran
)

// armIdle (re)starts the idle-cart timer for this chat.
func (e *Engine) armIdle(b *buyerTurn) error {
	b.conv.Reminded = false
	if err := b.tx.ClearTimer(timerCartExpire, b.conv.Chat); err != nil {
		return err
	}
	return b.tx.SetTimer(timerCartIdle, b.conv.Chat, b.now.Add(e.set.CartIdle))
}

// actPlaceOrder turns the confirmed cart into an order: placed now when
// the market is open, a pre-order (draft) while it is closed.
func (e *Engine) actPlaceOrder(b *buyerTurn) error {
	c := b.conv
	if len(c.Cart) == 0 {
		b.note(e.t("cart_empty"))
		return nil
	}
	agreedWithChange := b.act.kind == yesWithChange && b.began == StateConfirm && !b.cartChanged
	if formStep(c, e.formRules()) != StateConfirm || (b.began != StateConfirm || b.changed) && !b.seenSummary && !agreedWithChange {
		// Something is still missing (a question, the address), or the
		// summary the buyer would agree to was not shown yet or changed in
		// this very message: the form asks or shows the new summary.
		return nil
	}
	if agreedWithChange && b.changed {
		b.note(e.agreedChangeText(c))
	}
	sched, err := e.schedule(b.tx)
	if err != nil {
		return err
	}
	open := sched.IsOpen(b.sentAt()) && sched.IsOpen(b.now)
	if !open && !e.set.PreOrders {
		b.note(sched.ClosedReply(b.now, e.set.Lang))
		return nil
	}
	capMsg, err := e.overCap(b, c)
	if err != nil {
		return err
	}
	if capMsg != "" {
		if !open || !e.set.PreOrders {
			b.note(capMsg)
			return nil
		}
		// Full for today: the order waits as a pre-order for the next
		// market day instead of being turned away.
		open = false
	}
	if key, args := e.cartOverLimits(c.Cart); key != "" {
		// A cart changed past the limits (a line edited after it was added)
		// never becomes an order: the buyer fixes the cart first.
		b.conv.Ready = false // the form goes back to the cart
		b.note(e.t(key, args...))
		b.changed = true
		return nil
	}
	code, err := e.newCode(b.tx)
	if err != nil {
		return err
	}
	var lines []orders.Line
	for _, l := range c.Cart {
		lines = append(lines, orders.Line{Group: l.Group, SKU: l.SKU, Name: l.Name, Unit: l.Unit, Qty: l.Qty,
			Price: l.Price, Amount: l.Total(), Note: l.Note, SoldOut: l.SoldOut})
	}
	o := orders.New(code, c.Chat, lines, b.now)
	o.BuyerPhone = c.Phone
	o.Delivery = c.Delivery
	if o.Delivery == "" {
		o.Delivery = orders.Antar
	}
	o.Name, o.Address, o.Area, o.Ongkir = c.Name, c.Address, c.Area, c.Ongkir
	if c.Contact != "" && o.Delivery == orders.Antar {
		// The address reaches only the courier who claims the order: the
		// receiver's number goes with it.
		o.Address += " (HP penerima " + c.Contact + ")"
	}
	if c.Pin != nil {
		o.Lat, o.Lng, o.HasPin = c.Pin.Lat, c.Pin.Lng, true
	}
	o.Area = e.publicArea(o) // what groups see: the zone, never free text
	o.MarketDay = e.marketDay(b.now)
	o.Payment = firstNonEmpty(c.Payment, e.defaultPayment())
	if !open {
		o.Status = orders.Draft
		for _, s := range o.Subs {
			s.Status = orders.Draft
		}
		next := sched.NextOpen(b.now)
		if capMsg != "" {
			// The market is open but full: the next opening after today's close.
			next = sched.NextOpen(sched.NextClose(b.now))
		}
		o.MarketDay = e.marketDay(next)
	}
	created := "order created"
	if c.When != "" {
		created += "; buyer's time: " + c.When // traders and couriers read it in the order's trail
	}
	o.NewEvents = append(o.NewEvents, orders.Event{From: "", To: o.Status, Actor: "buyer", Detail: created, At: b.now})
	if err := b.tx.CreateOrder(o); err != nil {
		return err
	}
	// Remember who and where for next time, then clear the cart.
	if o.Delivery == orders.Antar {
		c.LastName, c.LastAddress, c.LastPin = c.Name, c.Address, c.Pin
	} else if c.Name != "" {
		c.LastName = c.Name
	}
	e.clearForm(c)
	c.Shelf = nil // placed: nothing to bring back
	if err := b.tx.ClearTimer(timerCartIdle, c.Chat); err != nil {
		return err
	}
	if err := b.tx.ClearTimer(timerCartExpire, c.Chat); err != nil {
		return err
	}
	b.log.Info().Str("order", o.Code).Int64("total", o.Total()).Bool("pre_order", !open).Msg("order created")
	if capMsg != "" {
		b.note(capMsg + "\n" + e.t("preorder_for_next_day", o.Code, o.MarketDay))
		return nil
	}
	if !open {
		b.note(e.t("preorder_taken", o.Code, sched.ClosedReply(b.now, e.set.Lang)))
		return nil
	}
	if held, err := e.paymentStep(b.turn, o); err != nil || held {
		if held {
			b.note(e.t("pay_order_held", o.Code)) // LUNAS routes it
		}
		return err
	}
	b.note(e.t("order_placed", o.Code))
	return e.routeOrder(b.turn, o)
}

// routeOrder posts each sub-order to its seller group and starts the
// answer deadlines.
func (e *Engine) routeOrder(t *turn, o *orders.Order) error {
	for _, s := range o.Subs {
		s.Deadline = t.now.Add(e.set.SellerTimeout)
		if err := t.tx.SetTimer(timerSeller, subRef(o.Code, s.Group), s.Deadline); err != nil {
			return err
		}
		g, ok := e.group(s.Group)
		if !ok || g.ChatID == "" {
			t.log.Warn().Str("order", o.Code).Str("group", s.Group).Msg("seller group not bound; admins asked to relay")
			e.toAdmins(t, e.t("admin_group_unbound", s.Group, o.Code)+"\n\n"+e.sellerCard(o, s))
			continue
		}
		t.send(g.ChatID, e.sellerCard(o, s))
	}
	return t.tx.SaveOrder(o)
}

// toAdmins sends text to every admin's direct chat.
func (e *Engine) toAdmins(t *turn, text string) {
	for _, a := range e.set.Admins {
		t.send(DirectChat(a), text)
	}
}

// DirectChat is the WhatsApp address of a phone number's direct chat.
func DirectChat(phone string) string { return phone + "@s.whatsapp.net" }

// newCode picks the next unused short code, deterministic for a seed.
func (e *Engine) newCode(tx Tx) (string, error) {
	seed, err := e.codeSeed(tx)
	if err != nil {
		return "", err
	}
	n, err := tx.OrderCount()
	if err != nil {
		return "", err
	}
	for i := n; i < n+10000; i++ {
		code := orders.Code(seed, i)
		exists, err := tx.OrderExists(code)
		if err != nil {
			return "", err
		}
		if !exists {
			return code, nil
		}
	}
	return "", fmt.Errorf("bot: no free order code")
}

// codeSeed is the configured seed, or a random one chosen once and kept.
func (e *Engine) codeSeed(tx Tx) (int64, error) {
	if e.set.CodeSeed != 0 {
		return e.set.CodeSeed, nil
	}
	s, err := tx.Setting(settingCodeSeed)
	if err != nil {
		return 0, err
	}
	if s != "" {
		var v int64
		_, err := fmt.Sscan(s, &v)
		return v, err
	}
	v := randomSeed()
	return v, tx.SetSetting(settingCodeSeed, fmt.Sprint(v), e.clock.Now())
}

// overCap returns a kind refusal when today's order cap is reached.
func (e *Engine) overCap(b *buyerTurn, c *Conversation) (string, error) {
	if e.set.DailyCap == 0 && e.set.GroupDailyCap == 0 {
		return "", nil
	}
	day := e.marketDay(b.now)
	os, err := b.tx.OrdersOfDay(day)
	if err != nil {
		return "", err
	}
	count, perGroup := 0, map[string]int{}
	for _, o := range os {
		if o.Status == orders.Cancelled || o.Status == orders.Draft {
			continue
		}
		count++
		for _, s := range o.Subs {
			perGroup[s.Group]++
		}
	}
	if e.set.DailyCap > 0 && count >= e.set.DailyCap {
		return e.t("cap_market"), nil
	}
	if e.set.GroupDailyCap > 0 {
		for _, l := range c.Cart {
			if perGroup[l.Group] >= e.set.GroupDailyCap {
				return e.t("cap_group", l.Group), nil
			}
		}
	}
	return "", nil
}

// agreedChangeText tells a buyer who agreed and changed the delivery in
// one message what the order now is, since no new summary was shown.
func (e *Engine) agreedChangeText(c *Conversation) string {
	var goods int64
	for _, l := range c.Cart {
		goods += l.Total()
	}
	if c.Delivery == orders.Ambil {
		when := ""
		if c.When != "" {
			when = " (" + c.When + ")"
		}
		return e.t("agreed_change_pickup", when, c.Name, catalog.Rupiah(goods))
	}
	return e.t("agreed_change_antar", c.Name, c.Address, catalog.Rupiah(c.Ongkir), catalog.Rupiah(goods+c.Ongkir))
}
