package bot

import (
	"strings"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// handlePayment serves the money commands before anything else reads the
// message:
//
//	LUNAS A7K2            the payment arrived (a leader of one of the order's groups, or an admin)
//	BELUM A7K2 [alasan]   not (yet) in the merchant's app: the buyer is asked to check
//	REFUND A7K2 …         refunds (admins; see refundCommand)
//
// and forwards a buyer's picture (the payment screenshot) while one of
// their QRIS orders waits for confirmation. done is false for everything
// else, which then goes its usual way: "belum" from a buyer is conversation.
func (e *Engine) handlePayment(t *turn, in Inbound) (done bool, err error) {
	if in.Kind == KindImage && !in.IsGroup {
		return e.paymentScreenshot(t, in)
	}
	fs := strings.Fields(in.Text)
	if len(fs) < 2 {
		return false, nil
	}
	verb := strings.ToLower(strings.Trim(fs[0], ":,.!*"))
	if verb != "lunas" && verb != "belum" && verb != "refund" {
		return false, nil
	}
	code := strings.ToUpper(strings.Trim(fs[1], ":,.!#*"))
	if !orders.LooksLikeCode(code) {
		return false, nil
	}
	admin := e.isAdmin(in.SenderPhone)
	var group catalog.SellerGroup
	inGroup := false
	if in.IsGroup {
		if err := e.loadCatalog(t.tx); err != nil {
			return true, err
		}
		if group, inGroup, err = t.tx.GroupByChat(in.Chat); err != nil {
			return true, err
		}
	}
	if !admin && !inGroup {
		return false, nil
	}
	o, err := t.tx.Order(code)
	if err != nil {
		return true, err
	}
	if o == nil {
		t.reply(in, e.t("pay_unknown_order", code))
		return true, nil
	}
	rest := strings.Join(fs[2:], " ")
	if verb == "refund" {
		if !admin {
			t.refuse(in, e.t("refund_admins_only"))
			return true, nil
		}
		return true, e.refundCommand(t, in, o, rest)
	}
	// A pay-first order is not in any group yet: only admins see its money.
	if !admin && (!group.IsLeader(in.SenderPhone) || o.Sub(group.ID) == nil || o.Status == orders.AwaitingPayment) {
		t.refuse(in, e.t("pay_not_allowed", code))
		return true, nil
	}
	p, err := t.tx.Payment(code)
	if err != nil {
		return true, err
	}
	switch {
	case p == nil:
		t.reply(in, e.t("pay_no_payment", code))
		return true, nil
	case p.State == orders.PaymentPaid:
		t.reply(in, e.t("pay_already_paid", code, catalog.Rupiah(p.Amount), e.mask(p.ConfirmedBy)))
		return true, nil
	case p.State == orders.PaymentExpired:
		t.reply(in, e.t("pay_already_expired", code))
		return true, nil
	}
	if verb == "lunas" {
		t.log.Info().Str("order", code).Str("actor", MaskPhone(in.SenderPhone)).Msg("payment confirmed")
		t.reply(in, e.t("pay_confirmed_ack", code, catalog.Rupiah(p.Amount)))
		return true, e.confirmPayment(t, o, p, in.SenderPhone, "")
	}
	// BELUM: the order keeps waiting until its deadline; the buyer checks.
	o.NewEvents = append(o.NewEvents, paymentEvent(o, in.SenderPhone, strings.TrimSpace("payment not found "+rest), t.now))
	if err := t.tx.SaveOrder(o); err != nil {
		return true, err
	}
	t.reply(in, e.t("pay_not_found_ack", code))
	t.send(o.BuyerChat, e.t("pay_not_found_buyer", code, catalog.Rupiah(p.Amount), e.clockText(p.DueAt)))
	return true, nil
}

// paymentScreenshot forwards a buyer's picture to whoever confirms while
// one of the buyer's QRIS orders is unpaid; otherwise the picture is the
// conversation's business.
func (e *Engine) paymentScreenshot(t *turn, in Inbound) (bool, error) {
	recent, err := t.tx.OrdersOf(in.Chat, 5)
	if err != nil {
		return true, err
	}
	for _, o := range recent {
		if o.Payment != orders.MethodQRIS {
			continue
		}
		p, err := t.tx.Payment(o.Code)
		if err != nil {
			return true, err
		}
		if p == nil || p.State != orders.PaymentUnpaid {
			continue
		}
		if err := e.loadCatalog(t.tx); err != nil {
			return true, err
		}
		caption := e.t("pay_screenshot_confirmers", o.Code, catalog.Rupiah(p.Amount), o.Code, o.Code)
		o.NewEvents = append(o.NewEvents, paymentEvent(o, "buyer", "payment screenshot sent", t.now))
		if err := t.tx.SaveOrder(o); err != nil {
			return true, err
		}
		if in.Image != nil && len(in.Image.Data) > 0 {
			for _, chat := range e.confirmerChats(o) {
				t.sendImage(chat, caption, in.Image)
			}
		} else {
			e.toConfirmers(t, o, caption+"\n"+e.t("pay_screenshot_on_phone"))
		}
		t.reply(in, e.t("pay_screenshot_thanks", o.Code))
		return true, nil
	}
	return false, nil
}

// confirmerChats are the chats toConfirmers writes to.
func (e *Engine) confirmerChats(o *orders.Order) []string {
	var chats []string
	for _, a := range e.set.Admins {
		chats = append(chats, DirectChat(a))
	}
	if o.Status == orders.AwaitingPayment {
		return chats
	}
	for _, s := range o.Subs {
		if g, ok := e.group(s.Group); ok && g.ChatID != "" && s.Status.Live() {
			chats = append(chats, g.ChatID)
		}
	}
	return chats
}
