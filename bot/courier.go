package bot

import (
	"fmt"
	"strings"

	"pasarbot/bot/command"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// Dispatcher hands confirmed orders to couriers. The WhatsApp courier
// group is the built-in one; a courier company's API could implement the
// same interface (set Engine.Dispatcher) without touching the order flow.
// Offer runs inside the order's transaction: it returns the messages to
// queue with it, and must not call out to the network itself (an API
// dispatcher would queue its request in the outbox the same way).
type Dispatcher interface {
	Offer(job JobOffer) ([]Outbound, error)
}

// JobOffer is a new or returned delivery job.
type JobOffer struct {
	Order       *orders.Order
	Job         *orders.Job
	Card        string // the job card text (no address, no buyer name)
	CourierChat string // the bound courier group, "" when none
}

// GroupDispatcher posts job cards in the bound courier group, or asks the
// admins to forward them while no group is bound.
type GroupDispatcher struct {
	Admins []string // admin phones
	Lang   string
}

// Offer returns the card for the courier group.
func (d GroupDispatcher) Offer(job JobOffer) ([]Outbound, error) {
	if job.CourierChat != "" {
		return []Outbound{{Chat: job.CourierChat, Text: job.Card}}, nil
	}
	var out []Outbound
	for _, a := range d.Admins {
		out = append(out, Outbound{Chat: DirectChat(a), Text: text(d.Lang, "admin_courier_unbound", job.Order.Code) + "\n\n" + job.Card})
	}
	return out, nil
}

// offerJob asks the dispatcher to publish j and queues what it returns.
func (e *Engine) offerJob(t *turn, o *orders.Order, j *orders.Job) error {
	chat, err := t.tx.Setting(settingCourierCh)
	if err != nil {
		return err
	}
	d := e.Dispatcher
	if d == nil {
		d = GroupDispatcher{Admins: e.set.Admins, Lang: e.set.Lang}
	}
	msgs, err := d.Offer(JobOffer{Order: o, Job: j, Card: e.jobCard(o, j), CourierChat: chat})
	if err != nil {
		return err
	}
	for _, m := range msgs {
		t.send(m.Chat, m.Text)
	}
	return nil
}

// dispatch creates the courier job for a confirmed delivery order.
func (e *Engine) dispatch(t *turn, o *orders.Order) error {
	if j, err := t.tx.Job(o.Code); err != nil || j != nil {
		return err // already dispatched
	}
	// Pickup PINs are drawn when a courier claims the job (drawPins).
	cod, err := e.codDue(t, o)
	if err != nil {
		return err
	}
	j := &orders.Job{Order: o.Code, Status: orders.JobOpen, Ongkir: o.Ongkir, COD: cod, Mode: e.set.PaymentMode,
		Pins: map[string]string{}, CreatedAt: t.now}
	if err := o.SetStatus(orders.AwaitingCourier, "system", "dispatched", t.now); err != nil {
		return err
	}
	j.Broadcasts = 1
	if err := t.tx.SaveJob(j); err != nil {
		return err
	}
	if err := t.tx.SetTimer(timerCourier, o.Code, t.now.Add(e.set.ClaimTimeout)); err != nil {
		return err
	}
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	if o.Payment == orders.MethodQRIS {
		t.send(o.BuyerChat, e.t("pay_confirmed_all_paid", o.Code, catalog.Rupiah(cod)))
	} else {
		t.send(o.BuyerChat, e.t("buyer_confirmed_all", o.Code, catalog.Rupiah(o.Total())))
	}
	return e.offerJob(t, o, j)
}

// jobCard is what every courier sees: no address, no buyer name.
func (e *Engine) jobCard(o *orders.Order, j *orders.Job) string {
	var b strings.Builder
	fmt.Fprintf(&b, "🛵 *%s %s*\n", e.t("job_new"), o.Code)
	b.WriteString(e.t("job_pickup") + ":\n")
	for _, s := range o.Subs {
		if s.Status != orders.Confirmed {
			continue
		}
		g, _ := e.group(s.Group)
		fmt.Fprintf(&b, "• %s — %s\n", g.Name, g.Stall)
	}
	fmt.Fprintf(&b, "%s: %s\n", e.t("job_dropoff"), e.publicArea(o))
	fmt.Fprintf(&b, "%s: %s\n", e.t("ongkir"), catalog.Rupiah(j.Ongkir))
	fmt.Fprintf(&b, "%s: %s\n", e.t("job_cod"), catalog.Rupiah(j.COD))
	if j.Mode == orders.Talangan && o.Payment != orders.MethodQRIS { // a QRIS order's stalls are paid by the market
		fmt.Fprintf(&b, "%s\n", e.t("job_talangan", catalog.Rupiah(j.COD-j.Ongkir)))
	} else {
		fmt.Fprintf(&b, "%s\n", e.t("job_prepaid"))
	}
	b.WriteString("\n" + e.t("job_howto", o.Code))
	return b.String()
}

// courierByPhone returns the registered active courier.
func (e *Engine) courierByPhone(tx Tx, phone string) (orders.Courier, bool, error) {
	cs, err := tx.Couriers()
	if err != nil {
		return orders.Courier{}, false, err
	}
	for _, c := range cs {
		if c.Phone == phone && c.Active && phone != "" {
			return c, true, nil
		}
	}
	return orders.Courier{}, false, nil
}

// handleCourierDirect takes courier commands sent to the market number
// directly; false when the sender is not a courier or it is no command.
func (e *Engine) handleCourierDirect(t *turn, in Inbound) (bool, error) {
	cmd, ok := command.ParseCourier(in.Text)
	if !ok || cmd.Kind == command.CourierHelp {
		return false, nil // "bantuan" in a direct chat is a buyer's
	}
	c, isCourier, err := e.courierByPhone(t.tx, in.SenderPhone)
	if err != nil || !isCourier {
		return false, err
	}
	return true, e.courierCommand(t, in, c, cmd)
}

// handleCourier reads a message in the courier group.
func (e *Engine) handleCourier(t *turn, in Inbound) error {
	cmd, ok := command.ParseCourier(in.Text)
	if !ok {
		return nil // couriers chatting
	}
	c, isCourier, err := e.courierByPhone(t.tx, in.SenderPhone)
	if err != nil {
		return err
	}
	if !isCourier {
		t.refuse(in, e.t("courier_unregistered"))
		return nil
	}
	return e.courierCommand(t, in, c, cmd)
}

func (e *Engine) courierCommand(t *turn, in Inbound, c orders.Courier, cmd command.CourierCommand) error {
	switch cmd.Kind {
	case command.Rekap:
		return e.courierSummary(t, in, c)
	case command.CourierHelp:
		t.reply(in, command.Help(command.Courier, e.set.Lang))
		return nil
	}
	o, err := t.tx.Order(cmd.Code)
	if err != nil {
		return err
	}
	j, err := t.tx.Job(cmd.Code)
	if err != nil {
		return err
	}
	if o == nil || j == nil {
		t.reply(in, e.t("job_unknown", cmd.Code))
		return nil
	}
	t.log = t.log.With().Str("order", o.Code).Logger()
	if cmd.Kind == command.Ambil {
		return e.claim(t, in, o, j, c)
	}
	if j.Courier != c.Phone {
		t.refuse(in, e.t("job_not_yours", o.Code))
		return nil
	}
	switch cmd.Kind {
	case command.Jemput:
		return e.pickedUp(t, in, o, j, c)
	case command.Sampai:
		return e.delivered(t, in, o, j, c)
	case command.BatalAmbil:
		return e.giveBack(t, in, o, j, c, cmd.Rest)
	case command.Pesan:
		t.send(o.BuyerChat, e.t("relay_from_courier", o.Code, c.Name, quoted(cmd.Rest)))
		t.reply(in, e.t("relayed"))
		return nil
	}
	return nil
}

// claim: the first AMBIL wins. The engine handles one message at a time
// in one writer, so the check and the claim are atomic.
func (e *Engine) claim(t *turn, in Inbound, o *orders.Order, j *orders.Job, c orders.Courier) error {
	if j.Status != orders.JobOpen {
		if j.Courier == c.Phone {
			t.reply(in, e.t("job_already_yours", o.Code))
		} else {
			t.refuse(in, e.t("job_taken", o.Code))
		}
		return nil
	}
	j.Courier = c.Phone
	if err := j.Move(orders.JobClaimed, t.now); err != nil {
		return err
	}
	if err := e.drawPins(t, o, j, c); err != nil {
		return err
	}
	o.Courier = c.Phone
	o.NewEvents = append(o.NewEvents, orders.Event{From: o.Status, To: o.Status, Actor: c.Phone, Detail: "claimed by " + c.Name, At: t.now})
	if err := t.tx.SaveJob(j); err != nil {
		return err
	}
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	if err := t.tx.ClearTimer(timerCourier, o.Code); err != nil {
		return err
	}
	if in.IsGroup {
		t.reply(in, e.t("job_claimed_group", o.Code, c.Name))
	}
	t.send(DirectChat(c.Phone), e.courierBrief(o, j))
	t.send(o.BuyerChat, e.t("buyer_courier_claimed", o.Code, c.Name, c.Plate))
	return nil
}

// courierBrief is the private message to the claiming courier: address,
// name, pin link and pickup PINs.
func (e *Engine) courierBrief(o *orders.Order, j *orders.Job) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", e.t("brief_header", o.Code))
	for _, s := range o.Subs {
		if s.Status != orders.Confirmed {
			continue
		}
		g, _ := e.group(s.Group)
		fmt.Fprintf(&b, "• %s — %s — PIN *%s*\n", g.Name, g.Stall, j.Pins[s.Group])
	}
	fmt.Fprintf(&b, "%s: %s\n", e.t("brief_to"), quoted(o.Name))
	fmt.Fprintf(&b, "%s: %s\n", e.t("brief_address"), quoted(o.Address))
	if o.HasPin {
		fmt.Fprintf(&b, "Maps: https://maps.google.com/?q=%.6f,%.6f\n", o.Lat, o.Lng)
	}
	if !e.set.MaskPhones && o.BuyerPhone != "" {
		fmt.Fprintf(&b, "HP: %s\n", o.BuyerPhone)
	}
	fmt.Fprintf(&b, "%s: *%s*\n", e.t("job_cod"), catalog.Rupiah(j.COD))
	b.WriteString("\n" + e.t("brief_howto", o.Code))
	return b.String()
}

func (e *Engine) pickedUp(t *turn, in Inbound, o *orders.Order, j *orders.Job, c orders.Courier) error {
	if j.Status != orders.JobClaimed {
		t.reply(in, e.t("job_wrong_step", o.Code, string(j.Status)))
		return nil
	}
	if err := j.Move(orders.JobPickedUp, t.now); err != nil {
		return err
	}
	if err := e.settleAtPickup(t, o, c); err != nil {
		return err
	}
	for _, s := range o.Subs {
		if s.Status == orders.Confirmed {
			if err := o.SetSubStatus(s.Group, orders.PickedUp, c.Phone, "picked up", t.now); err != nil {
				return err
			}
			if g, ok := e.group(s.Group); ok && g.ChatID != "" {
				t.send(g.ChatID, e.t("group_picked_up", o.Code, c.Name))
			}
		}
	}
	if err := o.SetStatus(orders.PickedUp, c.Phone, "picked up", t.now); err != nil {
		return err
	}
	if err := t.tx.SaveJob(j); err != nil {
		return err
	}
	t.reply(in, e.t("courier_ok_picked", o.Code))
	t.send(o.BuyerChat, e.t("buyer_on_the_way", o.Code, c.Name, catalog.Rupiah(j.COD)))
	return t.tx.SaveOrder(o)
}

func (e *Engine) delivered(t *turn, in Inbound, o *orders.Order, j *orders.Job, c orders.Courier) error {
	if j.Status != orders.JobPickedUp {
		t.reply(in, e.t("job_wrong_step", o.Code, string(j.Status)))
		return nil
	}
	if err := j.Move(orders.JobDelivered, t.now); err != nil {
		return err
	}
	for _, s := range o.Subs {
		if s.Status == orders.PickedUp {
			if err := o.SetSubStatus(s.Group, orders.Delivered, c.Phone, "delivered", t.now); err != nil {
				return err
			}
		}
	}
	if err := o.SetStatus(orders.Delivered, c.Phone, "delivered, COD "+catalog.Rupiah(j.COD), t.now); err != nil {
		return err
	}
	if err := t.tx.SaveJob(j); err != nil {
		return err
	}
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	t.reply(in, e.t("courier_ok_delivered", o.Code, catalog.Rupiah(j.COD)))
	t.send(o.BuyerChat, e.t("buyer_delivered", o.Code, catalog.Rupiah(j.COD)))
	return e.askRating(t, o)
}

// giveBack: BATAL AMBIL returns the job to the group.
func (e *Engine) giveBack(t *turn, in Inbound, o *orders.Order, j *orders.Job, c orders.Courier, reason string) error {
	if j.Status != orders.JobClaimed {
		t.reply(in, e.t("job_wrong_step", o.Code, string(j.Status)))
		return nil
	}
	if err := e.releaseJob(t, o, j, c.Phone, "given back: "+reason, true); err != nil {
		return err
	}
	t.reply(in, e.t("courier_gave_back", o.Code))
	return nil
}

// sellerPickedUp: DIAMBIL for self-pickup orders.
func (e *Engine) sellerPickedUp(t *turn, in Inbound, o *orders.Order, s *orders.SubOrder, name string) error {
	if o.Delivery != orders.Ambil || s.Status != orders.Confirmed {
		t.reply(in, e.t("diambil_when", o.Code))
		return nil
	}
	if err := o.SetSubStatus(s.Group, orders.Delivered, in.SenderPhone, "collected by buyer", t.now); err != nil {
		return err
	}
	t.reply(in, e.t("diambil_ok", o.Code))
	for _, x := range o.Subs {
		if x.Status == orders.Confirmed {
			return t.tx.SaveOrder(o) // other stalls still to visit
		}
	}
	if err := o.SetStatus(orders.Delivered, in.SenderPhone, "collected by buyer", t.now); err != nil {
		return err
	}
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	t.send(o.BuyerChat, e.t("buyer_collected", o.Code))
	return e.askRating(t, o)
}

// updateCOD keeps the courier job's COD equal to the agreed total.
func (e *Engine) updateCOD(t *turn, o *orders.Order) error {
	if err := e.reconcileRefund(t, o, e.refundReason(o)); err != nil {
		return err
	}
	j, err := t.tx.Job(o.Code)
	if err != nil || j == nil {
		return err
	}
	if j.COD, err = e.codDue(t, o); err != nil {
		return err
	}
	if j.Courier != "" {
		t.send(DirectChat(j.Courier), e.t("courier_cod_changed", o.Code, catalog.Rupiah(j.COD)))
	}
	return t.tx.SaveJob(j)
}

// cancelJob withdraws a job when its order is cancelled before pickup.
func (e *Engine) cancelJob(t *turn, o *orders.Order) error {
	if err := e.reconcileRefund(t, o, e.refundReason(o)); err != nil {
		return err
	}
	j, err := t.tx.Job(o.Code)
	if err != nil || j == nil {
		return err
	}
	if j.Status != orders.JobOpen && j.Status != orders.JobClaimed {
		return nil
	}
	courier := j.Courier
	if err := j.Move(orders.JobCancelled, t.now); err != nil {
		return err
	}
	if err := t.tx.ClearTimer(timerCourier, o.Code); err != nil {
		return err
	}
	if courier != "" {
		t.send(DirectChat(courier), e.t("courier_job_cancelled", o.Code))
	} else if chat, err := t.tx.Setting(settingCourierCh); err == nil && chat != "" {
		t.send(chat, e.t("courier_job_cancelled", o.Code))
	}
	return t.tx.SaveJob(j)
}

// courierSummary is REKAP: today's jobs, ongkir earned and COD collected.
func (e *Engine) courierSummary(t *turn, in Inbound, c orders.Courier) error {
	js, err := t.tx.JobsOfDay(e.marketDay(t.now))
	if err != nil {
		return err
	}
	var n int
	var ongkir, cod int64
	var b strings.Builder
	for _, j := range js {
		if j.Courier != c.Phone || j.Status != orders.JobDelivered {
			continue
		}
		n++
		ongkir += j.Ongkir
		cod += j.COD
		fmt.Fprintf(&b, "• %s — ongkir %s, COD %s\n", j.Order, catalog.Rupiah(j.Ongkir), catalog.Rupiah(j.COD))
	}
	t.send(DirectChat(c.Phone), e.t("rekap", c.Name, n, b.String(), catalog.Rupiah(ongkir), catalog.Rupiah(cod)))
	if in.IsGroup {
		t.reply(in, e.t("rekap_sent_private"))
	}
	return nil
}

// relayBuyerToCourier: PESAN A7K2 … from the buyer reaches the courier.
func (e *Engine) relayBuyerToCourier(b *buyerTurn, code, text string) error {
	o, err := e.buyerOrder(b, code)
	if err != nil {
		return err
	}
	if o == nil || o.Courier == "" {
		b.note(e.t("no_courier_yet", code))
		return nil
	}
	b.send(DirectChat(o.Courier), e.t("relay_from_buyer", code, quoted(text)))
	b.note(e.t("relayed"))
	return nil
}
