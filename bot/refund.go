package bot

import (
	"fmt"
	"strings"

	"pasarbot/bot/command"
	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// reconcileRefund creates the refund a paid order now owes its buyer
// (part rejected, weighed lighter, cancelled, not delivered), tells the
// buyer and the admins, and logs it. Nothing happens for unpaid orders or
// when nothing is owed, so every place that changes an order's total may
// call it.
func (e *Engine) reconcileRefund(t *turn, o *orders.Order, reason string) error {
	if o.Payment != orders.MethodQRIS {
		return nil
	}
	p, err := t.tx.Payment(o.Code)
	if err != nil || p == nil || p.State != orders.PaymentPaid {
		return err
	}
	refunds, err := t.tx.Refunds(o.Code)
	if err != nil {
		return err
	}
	due := orders.RefundDue(o, p.Amount, refunds)
	if due <= 0 {
		return nil
	}
	return e.addRefund(t, o, due, reason, "system")
}

func (e *Engine) addRefund(t *turn, o *orders.Order, amount int64, reason, actor string) error {
	r := &orders.Refund{Order: o.Code, Amount: amount, Reason: reason, CreatedBy: actor, CreatedAt: t.now}
	if err := t.tx.AddRefund(r); err != nil {
		return err
	}
	o.NewEvents = append(o.NewEvents, paymentEvent(o, actor, fmt.Sprintf("refund %d created: %s (%s)", r.ID, catalog.Rupiah(amount), reason), t.now))
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	t.send(o.BuyerChat, e.t("refund_buyer", o.Code, catalog.Rupiah(amount), reason))
	e.toAdmins(t, e.t("refund_admin", o.Code, catalog.Rupiah(amount), reason, o.Code))
	return nil
}

// refundReason says why a paid order now owes money back, in the
// market's words: its latest change not yet stored ("Kelompok Sayur:
// ditolak (habis)", "…: ditimbang Rp30.000 → Rp27.000"), else the parts
// that ended, else the new total.
func (e *Engine) refundReason(o *orders.Order) string {
	for i := len(o.NewEvents) - 1; i >= 0; i-- {
		ev := o.NewEvents[i]
		if strings.HasPrefix(ev.Detail, "payment") || strings.HasPrefix(ev.Detail, "refund") || (ev.From == ev.To && ev.Group == "") {
			continue
		}
		what := ev.Detail
		if ev.From != ev.To {
			what = e.statusWord(ev.To)
			if ev.Detail != "" {
				what += " (" + ev.Detail + ")"
			}
		}
		if ev.Group != "" {
			return e.groupName(ev.Group) + ": " + what
		}
		return what
	}
	var ended []string
	for _, s := range o.Subs {
		if !s.Status.Live() {
			ended = append(ended, e.groupName(s.Group)+": "+e.statusWord(s.Status))
		}
	}
	if len(ended) > 0 && o.Status.Live() {
		return strings.Join(ended, ", ")
	}
	if !o.Status.Live() {
		return e.statusWord(o.Status)
	}
	return e.t("refund_reason_total", catalog.Rupiah(o.Total()))
}

// statusWord names an ending status for buyers and admins.
func (e *Engine) statusWord(s orders.Status) string {
	switch s {
	case orders.Rejected:
		return e.t("refund_reason_rejected")
	case orders.Cancelled:
		return e.t("refund_reason_cancelled")
	case orders.Expired:
		return e.t("refund_reason_expired")
	}
	return string(s)
}

// refundCommand is an admin's REFUND:
//
//	REFUND A7K2                      the order's refunds
//	REFUND A7K2 15000 alasan …       a refund by hand (COD "uang kembali" disputes too)
//	REFUND A7K2 selesai [transfer|tunai]  the pending refunds were returned
func (e *Engine) refundCommand(t *turn, in Inbound, o *orders.Order, rest string) error {
	refunds, err := t.tx.Refunds(o.Code)
	if err != nil {
		return err
	}
	fs := strings.Fields(rest)
	switch {
	case len(fs) == 0:
		t.reply(in, e.refundList(o, refunds))
		return nil
	case strings.EqualFold(fs[0], "selesai"):
		how := "transfer"
		if len(fs) > 1 {
			switch strings.ToLower(fs[1]) {
			case "tunai", "cash", "kontan":
				how = "tunai"
			case "transfer", "tf":
			default:
				t.reply(in, e.t("refund_how"))
				return nil
			}
		}
		var closed int64
		for i := range refunds {
			r := &refunds[i]
			if r.State != orders.RefundPending {
				continue
			}
			r.How, r.ClosedBy, r.ClosedAt = how, in.SenderPhone, t.now
			if err := t.tx.CloseRefund(r); err != nil {
				return err
			}
			closed += r.Amount
			o.NewEvents = append(o.NewEvents, paymentEvent(o, in.SenderPhone, fmt.Sprintf("refund %d done by %s: %s", r.ID, how, catalog.Rupiah(r.Amount)), t.now))
		}
		if closed == 0 {
			t.reply(in, e.t("refund_none_pending", o.Code))
			return nil
		}
		if err := t.tx.SaveOrder(o); err != nil {
			return err
		}
		t.reply(in, e.t("refund_closed_admin", o.Code, catalog.Rupiah(closed), how))
		t.send(o.BuyerChat, e.t("refund_closed_buyer", o.Code, catalog.Rupiah(closed), how))
		return nil
	}
	amount, ok := parse.ParseMoney(fs[0])
	reason := strings.TrimSpace(strings.Join(fs[1:], " "))
	if !ok || amount <= 0 || reason == "" || command.NegativeAmount(fs[0]) {
		t.reply(in, e.t("refund_usage"))
		return nil
	}
	return e.addRefund(t, o, amount, reason, in.SenderPhone)
}

func (e *Engine) refundList(o *orders.Order, refunds []orders.Refund) string {
	if len(refunds) == 0 {
		return e.t("refund_none", o.Code)
	}
	var b strings.Builder
	b.WriteString(e.t("refund_list_title", o.Code))
	for _, r := range refunds {
		state := e.t("refund_state_pending")
		if r.State == orders.RefundDone {
			state = e.t("refund_state_done", r.How)
		}
		fmt.Fprintf(&b, "\n• %s — %s — %s", catalog.Rupiah(r.Amount), r.Reason, state)
	}
	return b.String()
}
