package bot

import (
	"fmt"
	"strings"
	"time"

	"pasarbot/bot/hours"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// Entries are the cron lines for the current schedule (with overrides).
func (e *Engine) Entries(tx Tx) ([]hours.Entry, error) {
	s, err := e.schedule(tx)
	if err != nil {
		return nil, err
	}
	return s.Entries(), nil
}

// Fire runs one scheduled firing once: its key is recorded in the same
// transaction, so a restart or a second scheduler never repeats it.
func (e *Engine) Fire(tx Tx, f hours.Firing) error {
	if f.Job == hours.JobSweep {
		return e.Sweep(tx, f.At)
	}
	done, err := tx.JobRan(f.Key)
	if err != nil || done {
		return err
	}
	if err := e.loadCatalog(tx); err != nil {
		return err
	}
	now := e.clock.Now()
	t := e.newTurn(tx, "job:"+f.Key, now)
	t.log = e.log.With().Str("job", f.Key).Logger()
	sched, err := e.schedule(tx)
	if err != nil {
		return err
	}
	// An ineffective firing (a weekday line on a day with other hours, a
	// holiday) does nothing and leaves the key to the firing that counts.
	if !sched.Effective(f) {
		return nil
	}
	{
		switch f.Job {
		case hours.JobOpen:
			err = e.openMarket(t, sched)
		case hours.JobClose:
			err = e.closeMarket(t, sched)
		case hours.JobReport:
			day := e.marketDay(f.At)
			e.reportChart(t, day)
			e.toAdmins(t, e.dailyReport(t, day))
		case hours.JobMaintain:
			// Past special dates and holidays are dropped from the overrides.
			err = setJSON(tx, settingOverrides, sched.Prune(now), now)
			e.sched = nil
		}
		if err != nil {
			return err
		}
	}
	if err := t.flush(); err != nil {
		return err
	}
	if err := e.markStarted(tx, now); err != nil {
		return err
	}
	return tx.MarkJobRan(f.Key, now)
}

// markStarted records that this market has run its schedule, so a later
// catch-up knows it is a restart, not a first start.
func (e *Engine) markStarted(tx Tx, now time.Time) error {
	s, err := tx.Setting(settingStarted)
	if err != nil || s != "" {
		return err
	}
	return tx.SetSetting(settingStarted, now.UTC().Format(time.RFC3339), now)
}

// CatchUp runs the firings missed while the process was down (cron does
// not replay them) and the overdue deadlines, once.
func (e *Engine) CatchUp(tx Tx) error {
	sched, err := e.schedule(tx)
	if err != nil {
		return err
	}
	now := e.clock.Now()
	done := map[string]bool{}
	for _, f := range hours.Due(sched.Entries(), e.set.Location, now.Add(-36*time.Hour), now) {
		if f.Job == hours.JobSweep {
			continue
		}
		ran, err := tx.JobRan(f.Key)
		if err != nil {
			return err
		}
		done[f.Key] = ran
	}
	first, err := tx.Setting(settingStarted)
	if err != nil {
		return err
	}
	for _, f := range sched.Missed(done, now) {
		if first == "" {
			// A brand-new market has nothing to catch up on (no report
			// for the day before it existed): record the firings only.
			if err := tx.MarkJobRan(f.Key, now); err != nil {
				return err
			}
			continue
		}
		if err := e.Fire(tx, f); err != nil {
			return err
		}
	}
	if err := e.markStarted(tx, now); err != nil {
		return err
	}
	return e.Sweep(tx, now)
}

// openMarket places pre-orders and greets the seller groups.
func (e *Engine) openMarket(t *turn, sched *hours.Schedule) error {
	today := e.marketDay(t.now)
	// Orders carried over from yesterday are posted again.
	carried, err := t.tx.OrdersIn(orders.Placed, orders.PartlyConfirmed)
	if err != nil {
		return err
	}
	pending := map[string][]string{}
	for _, o := range carried {
		if o.MarketDay == today {
			continue
		}
		for _, s := range o.Subs {
			if s.Status == orders.Placed {
				pending[s.Group] = append(pending[s.Group], o.Code)
				s.Deadline = t.now.Add(e.set.SellerTimeout)
				if err := t.tx.SetTimer(timerSeller, subRef(o.Code, s.Group), s.Deadline); err != nil {
					return err
				}
			}
		}
		o.MarketDay = today
		if err := t.tx.SaveOrder(o); err != nil {
			return err
		}
	}
	_, closeAt, _ := sched.Span(t.now)
	for _, g := range e.groups {
		if g.ChatID == "" {
			continue
		}
		msg := e.t("group_open", e.clockText(closeAt))
		if codes := pending[g.ID]; len(codes) > 0 {
			msg += "\n" + e.t("group_open_pending", strings.Join(codes, ", "))
		}
		if e.set.PriceCheck {
			msg += "\n" + e.t("group_price_check")
		}
		t.send(g.ChatID, msg)
	}
	drafts, err := t.tx.OrdersIn(orders.Draft)
	if err != nil {
		return err
	}
	for _, o := range drafts {
		if o.MarketDay > today {
			continue
		}
		o.MarketDay = today
		for _, s := range o.Subs {
			if err := o.SetSubStatus(s.Group, orders.Placed, "system", "pre-order placed at opening", t.now); err != nil {
				return err
			}
		}
		if err := o.SetStatus(orders.Placed, "system", "pre-order placed at opening", t.now); err != nil {
			return err
		}
		t.send(o.BuyerChat, e.t("preorder_placed", o.Code))
		if held, err := e.paymentStep(t, o); err != nil {
			return err
		} else if held {
			continue // a QRIS pre-order is paid first, now that its total stands
		}
		if err := e.routeOrder(t, o); err != nil {
			return err
		}
	}
	t.log.Info().Int("pre_orders", len(drafts)).Msg("market opened")
	return nil
}

// closeMarket tells open carts and settles unconfirmed orders.
func (e *Engine) closeMarket(t *turn, sched *hours.Schedule) error {
	convs, err := t.tx.ConversationsIn(StateCart, StateClarify, StateDelivery, StateAddress, StateConfirm)
	if err != nil {
		return err
	}
	for _, c := range convs {
		if err := e.closeCart(t, sched, c); err != nil {
			return err
		}
	}
	if e.set.OnClose != "expire" {
		return nil
	}
	open, err := t.tx.OrdersIn(orders.Placed, orders.PartlyConfirmed, orders.Negotiating)
	if err != nil {
		return err
	}
	for _, o := range open {
		var expired []string
		for _, s := range o.Subs {
			if s.Status == orders.Placed || s.Status == orders.Negotiating {
				s.Proposal = nil
				if err := o.SetSubStatus(s.Group, orders.Expired, "system", "market closed", t.now); err != nil {
					return err
				}
				if err := t.tx.ClearTimer(timerSeller, subRef(o.Code, s.Group)); err != nil {
					return err
				}
				if g, ok := e.group(s.Group); ok && g.ChatID != "" {
					// The group must not pack goods for an order that is gone.
					t.send(g.ChatID, e.t("group_expired_at_close", o.Code))
				}
				expired = append(expired, e.groupName(s.Group))
			}
		}
		if len(expired) > 0 {
			t.send(o.BuyerChat, e.t("expired_at_close", o.Code, strings.Join(expired, ", ")))
		}
		if err := e.afterSellerPhase(t, o); err != nil {
			return err
		}
	}
	return nil
}

// Sweep acts on every deadline due at now.
func (e *Engine) Sweep(tx Tx, now time.Time) error {
	timers, err := tx.DueTimers(now, 200)
	if err != nil || len(timers) == 0 {
		return err
	}
	if err := e.loadCatalog(tx); err != nil {
		return err
	}
	for _, tm := range timers {
		cause := fmt.Sprintf("timer:%s:%s:%d", tm.Kind, tm.Ref, tm.Due.UnixNano())
		t := e.newTurn(tx, cause, e.clock.Now())
		t.log = e.log.With().Str("timer", tm.Kind).Str("ref", tm.Ref).Logger()
		if err := tx.ClearTimer(tm.Kind, tm.Ref); err != nil {
			return err
		}
		if err := e.timer(t, tm); err != nil {
			return err
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	return nil
}

func (e *Engine) timer(t *turn, tm Timer) error {
	switch tm.Kind {
	case timerCartIdle, timerCartExpire:
		c, err := t.tx.Conversation(tm.Ref)
		if err != nil {
			return err
		}
		ev := EvIdle
		if tm.Kind == timerCartExpire {
			ev = EvIdleExpire
		}
		b := &buyerTurn{turn: t, in: Inbound{Chat: c.Chat}, conv: c}
		if err := e.fire(b, ev); err != nil {
			return err
		}
		return t.tx.SaveConversation(c)
	case timerHandover:
		c, err := t.tx.Conversation(tm.Ref)
		if err != nil || c.State != StateHandover {
			return err
		}
		b := &buyerTurn{turn: t, in: Inbound{Chat: c.Chat}, conv: c, act: act{kind: "idle"}}
		if err := e.fire(b, EvHandoverEnd); err != nil {
			return err
		}
		return t.tx.SaveConversation(c)
	case timerSeller, timerOffer:
		code, group, _ := strings.Cut(tm.Ref, "/")
		return e.sellerLate(t, code, group, tm.Kind == timerOffer)
	case timerCourier:
		return e.courierLate(t, tm.Ref)
	case timerPayment:
		return e.paymentExpired(t, tm.Ref)
	}
	return nil
}

// sellerLate: first a reminder in the group, then the buyer is asked to
// wait or cancel and the admins hear of the slow group.
func (e *Engine) sellerLate(t *turn, code, group string, offer bool) error {
	o, err := t.tx.Order(code)
	if err != nil || o == nil {
		return err
	}
	s := o.Sub(group)
	if s == nil {
		return nil
	}
	waiting := s.Status == orders.Placed || (offer && s.Status == orders.Negotiating && s.Proposal != nil && s.Proposal.Kind == "offer")
	if !waiting {
		return nil
	}
	g, _ := e.group(group)
	if !s.Reminded {
		s.Reminded = true
		if g.ChatID != "" {
			t.send(g.ChatID, e.t("group_reminder", code))
		}
		kind := timerSeller
		if offer {
			kind = timerOffer
		}
		if err := t.tx.SetTimer(kind, subRef(code, group), t.now.Add(e.set.SellerTimeout/2)); err != nil {
			return err
		}
		return t.tx.SaveOrder(o)
	}
	e.toAdmins(t, e.t("admin_slow_group", g.Name, code))
	if offer {
		// Nobody answered the offer: it lapses and the price stands.
		return e.sellerRefuseOffer(t, o, s, "system")
	}
	return e.askDecision(t, o, group, "timeout")
}

// subRef names a sub-order in timer refs: "A7K2/sayur".
func subRef(code, group string) string { return code + "/" + group }

// courierLate re-broadcasts an unclaimed job, then asks the admins.
func (e *Engine) courierLate(t *turn, code string) error {
	j, err := t.tx.Job(code)
	if err != nil || j == nil || j.Status != orders.JobOpen {
		return err
	}
	o, err := t.tx.Order(code)
	if err != nil || o == nil {
		return err
	}
	if j.Broadcasts <= e.set.Rebroadcasts {
		j.Broadcasts++
		if err := t.tx.SaveJob(j); err != nil {
			return err
		}
		if err := t.tx.SetTimer(timerCourier, code, t.now.Add(e.set.ClaimTimeout)); err != nil {
			return err
		}
		return e.offerJob(t, o, j)
	}
	e.toAdmins(t, e.t("admin_no_courier", code, catalog.Rupiah(j.COD)))
	t.send(o.BuyerChat, e.t("buyer_courier_delay", code))
	return nil
}

// closeCart tells an open cart the market closed — once: the notice counts
// as the cart's reminder, so a cart already reminded hears nothing more.
// With pre-orders the cart is kept until cart_idle after the next opening
// and then expires; without, it is emptied now.
func (e *Engine) closeCart(t *turn, sched *hours.Schedule, c *Conversation) error {
	if len(c.Cart) == 0 {
		return nil
	}
	if !e.set.PreOrders {
		t.send(c.Chat, e.t("closing_cart_lost")+"\n"+sched.ClosedReply(t.now, e.set.Lang))
		if err := t.tx.ClearTimer(timerCartIdle, c.Chat); err != nil {
			return err
		}
		if err := t.tx.ClearTimer(timerCartExpire, c.Chat); err != nil {
			return err
		}
		// The cart goes through the table like any expiry (quietly: the
		// closing notice above said it).
		b := &buyerTurn{turn: t, in: Inbound{Chat: c.Chat}, conv: c, act: act{kind: "quiet"}}
		if err := e.fire(b, EvIdleExpire); err != nil {
			return err
		}
		return t.tx.SaveConversation(c)
	}
	if !c.Reminded {
		t.send(c.Chat, e.t("closing_cart_kept")+"\n"+sched.ClosedReply(t.now, e.set.Lang))
		c.Reminded = true
	}
	if err := t.tx.ClearTimer(timerCartIdle, c.Chat); err != nil {
		return err
	}
	if err := t.tx.SetTimer(timerCartExpire, c.Chat, sched.NextOpen(t.now).Add(e.set.CartIdle)); err != nil {
		return err
	}
	return t.tx.SaveConversation(c)
}
