package bot

import (
	"fmt"
	"strings"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// actAnswerChoice resolves the current question with a numbered choice.
func (e *Engine) actAnswerChoice(b *buyerTurn) error {
	if len(b.conv.Questions) == 0 {
		b.conv.State = stateAfterCart(b.conv)
		return e.actFallback(b)
	}
	q := b.conv.Questions[0]
	if q.Kind != string(parse.Ambiguous) || b.num < 1 || b.num > len(q.Choices) {
		b.conv.State = StateClarify
		b.reply(b.in, e.t("choose_number", len(q.Choices))+"\n"+q.Text)
		return nil
	}
	p := e.bySKU[q.Choices[b.num-1]]
	b.conv.Questions = b.conv.Questions[1:]
	if q.Qty <= 0 && q.Amount <= 0 {
		// Chosen but still no quantity: ask for it.
		b.conv.Questions = append([]Question{{Kind: string(parse.MissingQty), Said: p.Name, Choices: []string{p.SKU},
			Text: e.t("ask_qty", p.Name, p.Unit), Note: q.Note}}, b.conv.Questions...)
		b.conv.State = StateClarify
		b.reply(b.in, b.conv.Questions[0].Text)
		return nil
	}
	qty, note := e.questionQty(q, p)
	notes := e.addLine(b.conv, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: qty, Amount: q.Amount, Note: q.Note}, b.in.ID)
	return e.afterAnswer(b, append(notes, note)...)
}

// questionQty converts a question's stored quantity into the chosen
// product's unit (the buyer said "1/2 kg" before choosing which cabe).
func (e *Engine) questionQty(q Question, p catalog.Product) (catalog.Qty, string) {
	if q.Amount > 0 && p.Price > 0 {
		n := catalog.Qty(q.Amount * catalog.QtyScale / p.Price)
		return p.RoundToStep(n), ""
	}
	if q.Unit == "" || q.Unit == p.Unit {
		return q.Qty, ""
	}
	from, ok1 := catalog.LookupUnit(q.Unit)
	if !ok1 {
		return q.Qty, ""
	}
	to := p.SellingUnit()
	conv, err := catalog.Convert(q.Qty, from, to)
	if err != nil {
		return 0, e.t("unit_mismatch", p.Name, p.Unit)
	}
	return conv, ""
}

// actAnswerQty takes a quantity for a missing-quantity question, or treats
// the message as new items when it names products.
func (e *Engine) actAnswerQty(b *buyerTurn) error {
	if len(b.conv.Questions) == 0 {
		return e.actAddItems(b)
	}
	q := b.conv.Questions[0]
	if b.parsed != nil && len(b.parsed.Items) > 0 {
		// New products named: add them, keep the question open.
		return e.actAddItems(b)
	}
	qty, unit, ok := parse.ParseQuantity(b.in.Text)
	if !ok || len(q.Choices) != 1 {
		if amt, ok := parse.ParseMoney(b.in.Text); ok && len(q.Choices) == 1 {
			p := e.bySKU[q.Choices[0]]
			q.Amount = amt
			qty, note := e.questionQty(q, p)
			b.conv.Questions = b.conv.Questions[1:]
			notes := e.addLine(b.conv, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: qty, Amount: amt, Note: q.Note}, b.in.ID)
			return e.afterAnswer(b, append(notes, note)...)
		}
		b.conv.State = StateClarify
		b.reply(b.in, q.Text)
		return nil
	}
	p := e.bySKU[q.Choices[0]]
	q.Qty, q.Unit = qty, unit
	conv, note := e.questionQty(q, p)
	if note != "" {
		b.conv.State = StateClarify
		b.reply(b.in, note)
		return nil
	}
	b.conv.Questions = b.conv.Questions[1:]
	notes := e.addLine(b.conv, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: conv, Note: q.Note}, b.in.ID)
	return e.afterAnswer(b, notes...)
}

// afterAnswer asks the next question or shows the cart.
func (e *Engine) afterAnswer(b *buyerTurn, notes ...string) error {
	var msg strings.Builder
	for _, n := range notes {
		if n != "" {
			msg.WriteString(n + "\n")
		}
	}
	return e.replyCart(b, &msg, false)
}

func (e *Engine) actSkipQuestion(b *buyerTurn) error {
	if len(b.conv.Questions) > 0 {
		b.conv.Questions = b.conv.Questions[1:]
	}
	return e.afterAnswer(b)
}

// actAskDelivery asks antar or ambil, or goes straight to the address when
// the market has no self pickup.
func (e *Engine) actAskDelivery(b *buyerTurn) error {
	if err := b.tx.ClearTimer(timerCartIdle, b.conv.Chat); err != nil {
		return err
	}
	if !e.set.SelfPickup {
		b.conv.State = StateAddress
		return e.actAskAddress(b)
	}
	b.reply(b.in, e.t("ask_delivery"))
	return e.armIdle(b)
}

func (e *Engine) actChooseDelivery(b *buyerTurn) error {
	switch b.num {
	case 1:
		b.conv.State = StateAddress
		return e.actAskAddress(b)
	case 2:
		b.conv.State = StateConfirm
		return e.actSelfPickup(b)
	}
	b.reply(b.in, e.t("ask_delivery"))
	return nil
}

func (e *Engine) actAskAddress(b *buyerTurn) error {
	b.conv.Delivery = orders.Antar
	if b.conv.LastAddress != "" {
		b.reply(b.in, e.t("ask_last_address", b.conv.LastName, b.conv.LastAddress))
		return e.armIdle(b)
	}
	b.reply(b.in, e.t("ask_address"))
	return e.armIdle(b)
}

func (e *Engine) actAskNewAddress(b *buyerTurn) error {
	b.conv.LastAddress = "" // asked for a new one; keep asking plainly
	b.reply(b.in, e.t("ask_address"))
	return nil
}

func (e *Engine) actSelfPickup(b *buyerTurn) error {
	b.conv.Delivery = orders.Ambil
	b.conv.Ongkir = 0
	if b.conv.Name == "" {
		b.conv.Name = firstNonEmpty(b.conv.LastName, b.conv.PushName)
	}
	b.reply(b.in, e.receiptText(b.conv))
	return e.armIdle(b)
}

// actTakeAddress reads "Nama, alamat…" and quotes ongkir.
func (e *Engine) actTakeAddress(b *buyerTurn) error {
	text := strings.TrimSpace(b.arg)
	if len([]rune(text)) < 8 {
		b.conv.State = StateAddress
		b.reply(b.in, e.t("address_too_short"))
		return nil
	}
	name, addr := splitNameAddress(text)
	if name == "" {
		name = firstNonEmpty(b.conv.LastName, b.conv.PushName)
	}
	b.conv.Name, b.conv.Address = name, addr
	return e.quoteAndConfirm(b)
}

func (e *Engine) actUseLastAddress(b *buyerTurn) error {
	if b.conv.LastAddress == "" {
		b.conv.State = StateAddress
		b.reply(b.in, e.t("ask_address"))
		return nil
	}
	b.conv.Name, b.conv.Address, b.conv.Pin = b.conv.LastName, b.conv.LastAddress, b.conv.LastPin
	return e.quoteAndConfirm(b)
}

func (e *Engine) actTakePin(b *buyerTurn) error {
	loc := b.in.Location
	b.conv.Pin = loc
	if b.conv.Address == "" {
		b.conv.State = StateAddress
		b.reply(b.in, e.t("pin_thanks_need_address"))
		return nil
	}
	b.conv.State = StateConfirm
	return e.quoteAndConfirm(b)
}

// quoteAndConfirm prices delivery and shows the receipt for "ya".
func (e *Engine) quoteAndConfirm(b *buyerTurn) error {
	var lat, lng float64
	pin := b.conv.Pin != nil
	if pin {
		lat, lng = b.conv.Pin.Lat, b.conv.Pin.Lng
	}
	q := e.set.Fees.Quote(b.conv.Address, lat, lng, pin)
	if q.TooFar {
		b.conv.State = StateAddress
		b.reply(b.in, e.t("too_far", fmt.Sprintf("%.1f", q.Km)))
		return nil
	}
	b.conv.Ongkir = q.Fee
	b.conv.Area = areaOf(b.conv.Address, q)
	b.conv.State = StateConfirm
	b.reply(b.in, e.receiptText(b.conv))
	return e.armIdle(b)
}

// areaOf is what traders see of the address: the zone, else the last part
// of the address (usually the kelurahan), never the street and number.
func areaOf(address string, q orders.Quote) string {
	parts := strings.Split(address, ",")
	last := strings.TrimSpace(parts[len(parts)-1])
	if len(parts) == 1 {
		fs := strings.Fields(last)
		if len(fs) > 0 {
			last = fs[len(fs)-1]
		}
	}
	if q.Zone != "" {
		return last + " (" + q.Zone + ")"
	}
	if q.ByPin {
		return fmt.Sprintf("%s (±%.1f km)", last, q.Km)
	}
	return last
}

// splitNameAddress reads "Bu Rina, Jl. Melati 5, Langkai" as a name and
// an address; text without a leading name is all address.
func splitNameAddress(s string) (string, string) {
	s = strings.ReplaceAll(s, "\n", ", ")
	first, rest, ok := strings.Cut(s, ",")
	if !ok {
		return "", strings.TrimSpace(s)
	}
	first = strings.TrimSpace(first)
	lower := strings.ToLower(first)
	for _, p := range []string{"jl", "jln", "jalan", "gg", "gang", "komplek", "komp", "perum", "rt", "rw", "blok", "no", "kel", "desa"} {
		if strings.HasPrefix(lower, p+" ") || strings.HasPrefix(lower, p+".") || lower == p {
			return "", strings.TrimSpace(s)
		}
	}
	if strings.ContainsAny(first, "0123456789") || len(strings.Fields(first)) > 4 {
		return "", strings.TrimSpace(s)
	}
	for _, p := range []string{"nama ", "nama: ", "atas nama ", "an ", "a.n. ", "a/n "} {
		if strings.HasPrefix(lower, p) {
			first = strings.TrimSpace(first[len(p):])
			break
		}
	}
	return first, strings.TrimSpace(rest)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// actConfirmQuestion takes "ya" to a question that proposed a quantity or
// an amount ("maksudnya Rp8.000?", "1 kg saja?").
func (e *Engine) actConfirmQuestion(b *buyerTurn) error {
	if len(b.conv.Questions) == 0 {
		return e.afterAnswer(b)
	}
	q := b.conv.Questions[0]
	if len(q.Choices) != 1 || (q.Qty <= 0 && q.Amount <= 0) {
		b.conv.State = StateClarify
		b.reply(b.in, q.Text)
		return nil
	}
	p := e.bySKU[q.Choices[0]]
	qty, note := e.questionQty(q, p)
	b.conv.Questions = b.conv.Questions[1:]
	notes := e.addLine(b.conv, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: qty, Amount: q.Amount, Note: q.Note}, b.in.ID)
	return e.afterAnswer(b, append(notes, note)...)
}
