package bot

import (
	"strings"

	"pasarbot/bot/parse"
)

// Questions left behind: the buyer saw a line question and went on to the
// checkout (a delivery choice, an address, a name, "itu aja") without
// answering it. A trader does not stop the sale there: what the buyer
// said plainly goes into the summary they read back, a stray guess is
// dropped aloud, and only a question whose answer is truly missing
// (which cabe? how much?) is asked again — without counting it as a
// question passed over, since the buyer is getting on with the order.

// checkoutEvents are the events that move a form on to its checkout.
var checkoutEvents = map[Event]bool{
	EvFinish: true, EvAntar: true, EvAmbil: true, EvAddress: true, EvName: true, EvLocation: true, EvPayment: true,
}

// movesOn reports whether the message goes on to the checkout.
func movesOn(acts []act) bool {
	for _, a := range acts {
		if checkoutEvents[a.ev] {
			return true
		}
	}
	return false
}

// settleLeftBehind settles the line questions already asked (the buyer saw
// them) when the message moves on to the checkout. A question raised by
// this very message is left alone: the buyer has not seen it.
func (e *Engine) settleLeftBehind(b *buyerTurn) {
	var keep []Question
	for _, q := range b.conv.Questions {
		if q.Asked == 0 || len(q.Choices) != 1 {
			keep = append(keep, q)
			continue
		}
		p, ok := e.bySKU[q.Choices[0]]
		said := q.Qty > 0 || q.Amount > 0
		switch {
		case !ok:
			keep = append(keep, q)
		case said && (q.Kind == string(parse.ConfirmQty) || q.Kind == string(parse.ConfirmAmount) || q.Kind == string(parse.Ambiguous)):
			// "tahu putih 100" (100 biji?), "yg medium 10 kg" (Beras
			// Medium?): the buyer's own quantity of the one product meant,
			// read back in the summary before anything is ordered.
			qty, note := e.questionQty(q, p)
			if q.Kind == string(parse.Ambiguous) && !sharesWord(q.Said, p.Name) && note == "" {
				// "bakar2 bandeng" guessed as terasi: a guess from a look-alike
				// word is no order the buyer gave, whatever number came with it.
				note = "guess"
			}
			if note != "" && q.Kind == string(parse.Ambiguous) {
				// "mentega 1 bungkus" guessed as avocado, sold by the kilo:
				// a guess the amount does not even fit, let go aloud.
				b.changed = true
				b.note(e.t("guess_dropped", strings.TrimSpace(q.Said)))
				continue
			}
			if note != "" || qty <= 0 || qty < p.Min() || p.RoundToStep(qty) != qty {
				// No amount, or one the trader cannot weigh out ("jahe 50 gr"
				// below the 1-ons minimum): still a question.
				keep = append(keep, q)
				continue
			}
			if msg := e.addLine(b.conv, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: qty, Amount: q.Amount, Note: q.Note}, b.in.ID); msg != "" {
				b.note(msg)
				continue
			}
			b.changed, b.cartChanged = true, true
			b.note(e.t("question_folded", p.Name+" "+qtyText(qty, p.Unit)))
		case !said && q.Kind == string(parse.MissingQty) && inCart(b.conv, p.SKU):
			// "hintalu ayam ras" said again of eggs already in the cart: the
			// buyer was naming what they had, the line stands as it is.
			b.changed = true
		case !said && q.Kind == string(parse.Ambiguous):
			// "Maksudnya ini? 1. Labu Siam" for a stray "suami": a guess
			// with no quantity, passed over — the trader lets it go, aloud.
			b.changed = true
			b.note(e.t("guess_dropped", strings.TrimSpace(q.Said)))
		default:
			keep = append(keep, q)
		}
	}
	b.conv.Questions = keep
}
