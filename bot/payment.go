package bot

import (
	"fmt"
	"strings"
	"time"

	"pasarbot/bot/config"
	"pasarbot/bot/qrpng"
	"pasarbot/catalog"
	"pasarbot/orders"
	"pasarbot/orders/qris"
)

// PaymentProvider makes what a buyer pays one order with. StaticQRIS does
// it without any gateway: a dynamic QRIS from the merchant's own printed
// code, confirmed by a person (LUNAS). A gateway would implement Request by
// creating a charge, and its signed webhook handler would call
// Engine.ConfirmPayment in a store transaction.
type PaymentProvider interface {
	Method() string
	Request(code string, amount int64) (PaymentRequest, error)
}

// PaymentRequest is what the buyer gets: the payload to pay, its picture,
// and whom the money goes to.
type PaymentRequest struct {
	Payload  string
	Image    *Image
	Merchant string
}

// StaticQRIS is the gateway-free QRIS provider.
type StaticQRIS struct {
	static *qris.Payload
}

// NewStaticQRIS checks the merchant's static payload (the configuration
// already did; this is for callers that build an engine by hand).
func NewStaticQRIS(payload string) (*StaticQRIS, error) {
	p, err := qris.ParseStatic(payload)
	if err != nil {
		return nil, err
	}
	return &StaticQRIS{static: p}, nil
}

// Method is "qris".
func (*StaticQRIS) Method() string { return orders.MethodQRIS }

// Request builds the dynamic QRIS for amount and draws it.
func (q *StaticQRIS) Request(code string, amount int64) (PaymentRequest, error) {
	a, err := qris.Rupiah(amount)
	if err != nil {
		return PaymentRequest{}, err
	}
	payload, err := qris.Dynamic(q.static, a)
	if err != nil {
		return PaymentRequest{}, err
	}
	pic, err := qrpng.Encode(payload)
	if err != nil {
		return PaymentRequest{}, err
	}
	return PaymentRequest{Payload: payload, Merchant: q.static.MerchantName(),
		Image: &Image{Data: pic, MIME: "image/png", Name: "qris-" + code + ".png"}}, nil
}

// timerPayment is the deadline of an unpaid QRIS order; ref: order code.
const timerPayment = "payment_due"

// PaymentOptions are the methods a buyer may choose at checkout, in the
// order the question lists them.
func (e *Engine) PaymentOptions() []string {
	var ms []string
	if e.set.Payments.AcceptsCOD() || e.set.Payments.Methods == "" {
		ms = append(ms, orders.MethodCOD)
	}
	if e.set.Payments.AcceptsQRIS() {
		ms = append(ms, orders.MethodQRIS)
	}
	return ms
}

// paymentQuestion is the order form's question when the buyer has a
// choice, "" when there is none to make (COD only, or QRIS only).
func (e *Engine) paymentQuestion() string {
	if len(e.PaymentOptions()) < 2 {
		return ""
	}
	return e.t("pay_choose")
}

// readPaymentChoice reads the buyer's answer to paymentQuestion: "1", "2",
// "cod", "tunai", "bayar di tempat", "qris", "qr", "scan", "transfer".
func (e *Engine) readPaymentChoice(text string) (string, bool) {
	s := strings.ToLower(strings.TrimSpace(strings.Trim(text, ".!")))
	options := e.PaymentOptions()
	switch s {
	case "1", "2":
		i := int(s[0] - '1')
		if i < len(options) {
			return options[i], true
		}
		return "", false
	}
	for _, w := range strings.Fields(s) {
		switch w {
		case "cod", "tunai", "cash", "kontan":
			return orders.MethodCOD, e.accepts(orders.MethodCOD)
		case "qris", "qr", "scan", "transfer", "tf", "ewallet", "e-wallet", "gopay", "ovo", "dana", "shopeepay":
			return orders.MethodQRIS, e.accepts(orders.MethodQRIS)
		}
	}
	if strings.Contains(s, "bayar di tempat") {
		return orders.MethodCOD, e.accepts(orders.MethodCOD)
	}
	return "", false
}

func (e *Engine) accepts(method string) bool {
	for _, m := range e.PaymentOptions() {
		if m == method {
			return true
		}
	}
	return false
}

// defaultPayment is the method of an order whose buyer was not asked.
func (e *Engine) defaultPayment() string {
	if opts := e.PaymentOptions(); len(opts) > 0 {
		return opts[0]
	}
	return orders.MethodCOD
}

// provider is the configured payment provider, built on first use.
func (e *Engine) provider() (PaymentProvider, error) {
	if e.Payments != nil {
		return e.Payments, nil
	}
	q, err := NewStaticQRIS(e.set.Payments.QRISStatic)
	if err != nil {
		return nil, fmt.Errorf("bot: payments.qris_static: %w", err)
	}
	e.Payments = q
	return q, nil
}

// payFirst says whether QRIS orders wait for payment before the sellers
// see them.
func (e *Engine) payFirst() bool { return e.set.Payments.QRISFlow != config.FlowPayAfterConfirmed }

// paymentStep is called by the order form right after a placed order is
// created (status placed, not yet routed). For a QRIS order in a
// pay-first market it sends the buyer the QR and holds the order
// (held = true: do not route it; LUNAS does). Otherwise it does nothing
// and the form routes the order as usual; a pay-after-confirm QRIS order
// is asked for payment once every group answered (afterSellerPhase).
func (e *Engine) paymentStep(t *turn, o *orders.Order) (held bool, err error) {
	if o.Payment != orders.MethodQRIS || !e.payFirst() || o.Status != orders.Placed {
		return false, nil
	}
	if err := o.SetStatus(orders.AwaitingPayment, "system", "waiting for QRIS payment", t.now); err != nil {
		return false, err
	}
	if err := e.requestPayment(t, o); err != nil {
		return false, err
	}
	return true, t.tx.SaveOrder(o)
}

// holdForPayment: a pay-after-confirm QRIS order confirmed by its groups
// waits for the buyer's payment of the final total before it goes to a
// courier or is handed over. It asks once.
func (e *Engine) holdForPayment(t *turn, o *orders.Order) (bool, error) {
	if o.Payment != orders.MethodQRIS {
		return false, nil
	}
	p, err := t.tx.Payment(o.Code)
	if err != nil {
		return false, err
	}
	switch {
	case p != nil && p.State == orders.PaymentPaid:
		return false, nil
	case p != nil:
		return true, nil // asked already; LUNAS or the deadline moves it on
	}
	return true, e.requestPayment(t, o)
}

// requestPayment records the payment, sends the buyer the QR with its
// caption, tells whoever confirms, and arms the deadline.
func (e *Engine) requestPayment(t *turn, o *orders.Order) error {
	prov, err := e.provider()
	if err != nil {
		return err
	}
	amount := o.Total()
	req, err := prov.Request(o.Code, amount)
	if err != nil {
		return err
	}
	due := t.now.Add(e.set.Payments.QRISExpiry)
	p := &orders.Payment{Order: o.Code, Method: prov.Method(), Amount: amount, Payload: req.Payload,
		State: orders.PaymentUnpaid, DueAt: due, CreatedAt: t.now, UpdatedAt: t.now}
	if err := t.tx.SavePayment(p); err != nil {
		return err
	}
	if err := t.tx.SetTimer(timerPayment, o.Code, due); err != nil {
		return err
	}
	o.NewEvents = append(o.NewEvents, paymentEvent(o, "system", fmt.Sprintf("payment requested: %s %s, due %s", p.Method, catalog.Rupiah(amount), e.clockText(due)), t.now))
	caption := e.t("pay_qris_caption", o.Code, catalog.Rupiah(amount), req.Merchant, e.clockText(due))
	t.sendImage(o.BuyerChat, caption, req.Image)
	e.toConfirmers(t, o, e.t("pay_confirm_ask", o.Code, catalog.Rupiah(amount), e.clockText(due)))
	return t.tx.SaveOrder(o)
}

// paymentEvent is an audit entry about money: the order's status stays.
func paymentEvent(o *orders.Order, actor, detail string, at time.Time) orders.Event {
	return orders.Event{From: o.Status, To: o.Status, Actor: actor, Detail: detail, At: at}
}

// toConfirmers tells the admins and, once the groups know the order, the
// leaders of its groups: whoever can see the money arrive.
// The groups of a pay-first order have not seen it yet: admins only.
func (e *Engine) toConfirmers(t *turn, o *orders.Order, text string) {
	for _, chat := range e.confirmerChats(o) {
		t.send(chat, text)
	}
}

// sendImage queues a picture with its caption.
func (t *turn) sendImage(chat, caption string, img *Image) {
	t.out = append(t.out, Outbound{ID: OutboundID(t.cause, len(t.out)), Chat: chat, Text: caption, Image: img})
}

// ConfirmPayment confirms an order's payment from outside a chat: a
// gateway's verified webhook (actor "gateway:<name>", reference its
// transaction id). Call it inside a store transaction; it queues the same
// messages LUNAS does.
func (e *Engine) ConfirmPayment(tx Tx, code, actor, reference string) error {
	if err := e.loadCatalog(tx); err != nil {
		return err
	}
	t := e.newTurn(tx, "payment:"+code+":"+reference, e.clock.Now())
	o, err := tx.Order(code)
	if err != nil {
		return err
	}
	if o == nil {
		return fmt.Errorf("bot: confirm payment: no order %s", code)
	}
	p, err := tx.Payment(code)
	if err != nil {
		return err
	}
	if p == nil {
		return fmt.Errorf("bot: confirm payment: order %s has no payment", code)
	}
	if err := e.confirmPayment(t, o, p, actor, reference); err != nil {
		return err
	}
	return t.flush()
}

// confirmPayment marks the payment paid and moves the order on: to the
// seller groups (pay first) or to the courier / pickup (pay after confirm).
func (e *Engine) confirmPayment(t *turn, o *orders.Order, p *orders.Payment, actor, reference string) error {
	if err := p.Confirm(actor, reference, t.now); err != nil {
		return err
	}
	if err := t.tx.SavePayment(p); err != nil {
		return err
	}
	if err := t.tx.ClearTimer(timerPayment, o.Code); err != nil {
		return err
	}
	o.NewEvents = append(o.NewEvents, paymentEvent(o, actor, fmt.Sprintf("payment confirmed: %s %s", p.Method, catalog.Rupiah(p.Amount)), t.now))
	t.send(o.BuyerChat, e.t("pay_confirmed_buyer", o.Code, catalog.Rupiah(p.Amount)))
	// The total may have dropped since the QR was sent (a lighter weighing).
	if err := e.reconcileRefund(t, o, e.refundReason(o)); err != nil {
		return err
	}
	switch o.Status {
	case orders.AwaitingPayment:
		if err := o.SetStatus(orders.Placed, actor, "paid", t.now); err != nil {
			return err
		}
		return e.routeOrder(t, o)
	case orders.Confirmed:
		if err := t.tx.SaveOrder(o); err != nil {
			return err
		}
		return e.afterConfirmed(t, o)
	}
	// Paid while the order was already past this point: the record stays,
	// any difference became a refund above.
	return t.tx.SaveOrder(o)
}

// paymentExpired ends an order whose QRIS payment was not confirmed in time.
func (e *Engine) paymentExpired(t *turn, code string) error {
	p, err := t.tx.Payment(code)
	if err != nil || p == nil || p.State != orders.PaymentUnpaid {
		return err
	}
	o, err := t.tx.Order(code)
	if err != nil || o == nil {
		return err
	}
	p.State, p.UpdatedAt = orders.PaymentExpired, t.now
	if err := t.tx.SavePayment(p); err != nil {
		return err
	}
	o.NewEvents = append(o.NewEvents, paymentEvent(o, "system", "payment not confirmed in time", t.now))
	groupsKnew := o.Status != orders.AwaitingPayment
	final := orders.Expired
	if o.Status == orders.Confirmed {
		final = orders.Cancelled // the groups had answered; the buyer did not pay
	}
	for _, s := range o.Subs {
		if s.Status.Live() && s.Status != orders.Delivered && s.Status != orders.PickedUp {
			if err := o.SetSubStatus(s.Group, final, "system", "unpaid", t.now); err != nil {
				return err
			}
		}
	}
	if o.Status != final && !o.Status.Final() {
		if err := o.SetStatus(final, "system", "unpaid", t.now); err != nil {
			return err
		}
	}
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	t.send(o.BuyerChat, e.t("pay_expired_buyer", o.Code))
	if groupsKnew {
		for _, s := range o.Subs {
			if g, ok := e.group(s.Group); ok && g.ChatID != "" {
				t.send(g.ChatID, e.t("pay_expired_group", o.Code))
			}
		}
	}
	e.toAdmins(t, e.t("pay_expired_admin", o.Code))
	return nil
}

// codDue is what the courier collects: the total less a confirmed
// digital payment.
func (e *Engine) codDue(t *turn, o *orders.Order) (int64, error) {
	p, err := t.tx.Payment(o.Code)
	if err != nil || p == nil || p.State != orders.PaymentPaid {
		return o.Total(), err
	}
	return max(o.Total()-p.Amount, 0), nil
}
