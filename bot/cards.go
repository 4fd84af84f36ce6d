package bot

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"strings"

	"pasarbot/catalog"
	"pasarbot/orders"
)

func randomSeed() int64 {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return 1
	}
	return int64(binary.LittleEndian.Uint64(b[:]) >> 1)
}

// qtyText is "1/4 kg", "2 ikat", "0,3 kg": fractions as buyers write them.
func qtyText(q catalog.Qty, unit string) string {
	var s string
	switch q % catalog.QtyScale {
	case 250:
		s = "1/4"
	case 500:
		s = "1/2"
	case 750:
		s = "3/4"
	}
	if s != "" {
		if whole := int64(q) / catalog.QtyScale; whole > 0 {
			s = fmt.Sprintf("%d %s", whole, s)
		}
	} else {
		s = q.ID()
	}
	return s + " " + unit
}

// lineText is one cart or order line: "Cabai Rawit Merah 1/4 kg — Rp15.000".
func lineText(name string, qty catalog.Qty, unit string, amount int64, byMoney bool, note string) string {
	q := qtyText(qty, unit)
	if byMoney {
		q = "±" + q
	}
	s := fmt.Sprintf("%s %s — %s", name, q, catalog.Rupiah(amount))
	if note != "" {
		s += " _(" + note + ")_"
	}
	return s
}

// cartText lists the cart with a subtotal.
func (e *Engine) cartText(c *Conversation) string {
	var b strings.Builder
	b.WriteString(e.t("cart_header") + "\n")
	var sum int64
	for i, l := range c.Cart {
		fmt.Fprintf(&b, "%d. %s\n", i+1, lineText(l.Name, l.Qty, l.Unit, l.Total(), l.Amount > 0, l.Note))
		sum += l.Total()
	}
	fmt.Fprintf(&b, "*%s: %s*", e.t("subtotal"), catalog.Rupiah(sum))
	return b.String()
}

// receiptText is the confirmation: lines per seller group, ongkir, total,
// payment, and how to answer.
func (e *Engine) receiptText(c *Conversation) string {
	var b strings.Builder
	b.WriteString(e.t("receipt_header") + "\n")
	var goods int64
	var order []string
	byGroup := map[string][]CartLine{}
	for _, l := range c.Cart {
		if _, ok := byGroup[l.Group]; !ok {
			order = append(order, l.Group)
		}
		byGroup[l.Group] = append(byGroup[l.Group], l)
	}
	for _, g := range order {
		name := g
		if sg, ok := e.group(g); ok {
			name = sg.Name
		}
		fmt.Fprintf(&b, "\n*%s*\n", name)
		var sub int64
		for _, l := range byGroup[g] {
			fmt.Fprintf(&b, "• %s\n", lineText(l.Name, l.Qty, l.Unit, l.Total(), l.Amount > 0, l.Note))
			sub += l.Total()
		}
		fmt.Fprintf(&b, "  %s: %s\n", e.t("subtotal"), catalog.Rupiah(sub))
		goods += sub
	}
	b.WriteString("\n")
	if c.Delivery == orders.Ambil {
		fmt.Fprintf(&b, "%s\n", e.t("receipt_pickup", e.set.MarketAddress))
		if c.Name != "" {
			fmt.Fprintf(&b, "%s\n", e.t("receipt_pickup_name", c.Name)) // the name the stall hands the goods to
		}
	} else {
		fmt.Fprintf(&b, "%s: %s\n", e.t("ongkir"), catalog.Rupiah(c.Ongkir))
		fmt.Fprintf(&b, "%s: %s, %s\n", e.t("send_to"), c.Name, c.Address)
	}
	if c.When != "" {
		fmt.Fprintf(&b, "%s: %s\n", e.t("receipt_when"), "“"+c.When+"”")
	}
	total := goods
	if c.Delivery != orders.Ambil {
		total += c.Ongkir
	}
	fmt.Fprintf(&b, "*%s: %s*\n", e.t("total"), catalog.Rupiah(total))
	if firstNonEmpty(c.Payment, e.defaultPayment()) == orders.MethodQRIS {
		fmt.Fprintf(&b, "%s\n\n", e.t("pay_receipt_qris"))
	} else if c.Delivery == orders.Ambil {
		fmt.Fprintf(&b, "%s\n\n", e.t("payment_at_stall"))
	} else {
		fmt.Fprintf(&b, "%s\n\n", e.t("payment_cod"))
	}
	b.WriteString(e.t("confirm_how"))
	return b.String()
}

// sellerCard is a sub-order as its seller group sees it: code, lines at
// list price, subtotal, the buyer's area only, delivery and deadline.
func (e *Engine) sellerCard(o *orders.Order, s *orders.SubOrder) string {
	var b strings.Builder
	fmt.Fprintf(&b, "🛒 *%s %s*\n", e.t("card_new_order"), o.Code)
	for _, l := range o.GroupLines(s.Group) {
		fmt.Fprintf(&b, "• %s", lineText(l.Name, l.Qty, l.Unit, l.Amount, false, quoted(l.Note)))
		if l.SoldOut != orders.SoldOutAsk && l.SoldOut != "" {
			fmt.Fprintf(&b, " [%s]", e.t("soldout_"+string(l.SoldOut)))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%s: *%s*\n", e.t("subtotal"), catalog.Rupiah(s.AgreedTotal))
	if o.Delivery == orders.Ambil {
		fmt.Fprintf(&b, "%s\n", e.t("card_pickup"))
	} else {
		fmt.Fprintf(&b, "%s: %s\n", e.t("card_area"), e.publicArea(o))
	}
	fmt.Fprintf(&b, "%s %s\n\n", e.t("card_deadline"), e.clockText(s.Deadline))
	b.WriteString(e.t("card_howto", o.Code))
	return b.String()
}

// orderSummary is an order's lines and totals, for the buyer.
func (e *Engine) orderSummary(o *orders.Order) string {
	var b strings.Builder
	for _, s := range o.Subs {
		name := s.Group
		if g, ok := e.group(s.Group); ok {
			name = g.Name
		}
		fmt.Fprintf(&b, "*%s* — %s", name, e.t("status_"+string(s.Status)))
		if s.Status.Live() {
			fmt.Fprintf(&b, " — %s", catalog.Rupiah(s.AgreedTotal))
		}
		b.WriteString("\n")
		for _, l := range o.GroupLines(s.Group) {
			fmt.Fprintf(&b, "• %s\n", lineText(l.Name, l.Qty, l.Unit, l.Amount, false, l.Note))
		}
	}
	if o.Delivery == orders.Antar {
		fmt.Fprintf(&b, "%s: %s\n", e.t("ongkir"), catalog.Rupiah(o.Ongkir))
	}
	fmt.Fprintf(&b, "*%s: %s*", e.t("total"), catalog.Rupiah(o.Total()))
	return b.String()
}
