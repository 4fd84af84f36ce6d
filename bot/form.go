package bot

import (
	"strings"

	"pasarbot/orders"
)

// Slot is one field of the order form: what fills it and which state
// asks for it when it is missing. Slots are asked in this order.
type Slot struct {
	Name     string
	FilledBy string
	AskedIn  State
}

// Slots is the order form. Whatever the buyer gave is kept and never
// asked again; a change after the summary re-opens the form and the new
// summary is shown. formStep is this table as code.
var Slots = []Slot{
	{"items", "any message naming products; answers to \"which one?\" / \"how much?\"; corrections", StateClarify},
	{"ready", "a finish word, a delivery choice or an address given with or after the items", StateCart},
	{"delivery", "antar / ambil words in any language; an address implies antar", StateDelivery},
	{"address", "an address line (jl., gg., RT, no., a zone name), \"alamat kemarin\", a pin", StateAddress},
	{"name", "\"atas nama …\", \"buat Bu …\", a name beside the address, the last order, WhatsApp's name", StateName},
	{"payment", "COD / QRIS words (\"bayar qris\", \"cod aja\", \"tunai\"), asked only where the market offers both", StatePayment},
	{"confirm", "\"ya\" (or a finish word) to a summary shown before this message, unchanged since", StateConfirm},
}

// RepairRule is one way buyers leave the bot's script, and what the bot
// does about it.
type RepairRule struct {
	Case, Example, Handling string
}

// RepairRules are the conversation repairs, each handled in every state.
var RepairRules = []RepairRule{
	{"slot given early", "cabe 1/4, antar ke Jl. Melati 5 atas nama Bu Yati", "every clause of every message is read (readLine); the slot is kept, never asked again"},
	{"correction", "bawangnya diganti 1 kg aja · eh keliru, ayamnya 2", "a line naming a cart product with a correction cue replaces its quantity (change_item)"},
	{"removal", "wortelnya dihapus · kentangnya nggak usah", "the line is removed; a product not in the cart is said so, never asked about"},
	{"swap", "bayam 2 ikat → yang merah", "the last line becomes the product those words pick, same quantity"},
	{"digression", "ongkir ke Menteng berapa? · bisa COD? · buka sampai jam berapa?", "answered; the pending question is asked again after it (Same)"},
	{"context", "ikan mas sekilo berapa? → ya udah 2 kilo", "a bare quantity goes to the product just asked about (LastAsked)"},
	{"answer in words", "yang merah · yang kedua · yang paling murah · dua ikat", "matched against the choices' names, ordinals, prices; quantities in words"},
	{"skip", "lewati · gak tau", "the line question is dropped; the line is not added"},
	{"repeat", "any message that does not answer", "second time: how to get out (lewati / batal / admin); third time: a line question is dropped, other questions offer a person"},
	{"question left behind", "tahu putih 100 (100 biji?) → antar ke Jl. Melati 5, Bu Rina", "going on to the checkout past a question seen: the buyer's own quantity goes into the summary, marked to check; a guess with no quantity is dropped aloud; a missing answer is asked again, \"noted\" instead of \"we don't understand\""},
	{"cancel", "batal · nggak jadi beli · kada jadi", "with a line question open: the question is dropped and a second batal empties the cart; else the cart is emptied"},
	{"change of mind", "eh ambil sendiri aja deh · ternyata dianter aja", "the last delivery choice wins; the summary is shown again"},
	{"not understood items", "hayam 1 ekor", "said not sold / suggestions; the form does not jump to the summary on that message"},
	{"human handoff", "admin · mau ngomong sama orang", "relayed to admins until batal / selesai / menu, an admin's SELESAI CS or orders.handover_idle; no admins: said so"},
	{"take it back", "eh jadi kok, salah pencet · (an hour later) dianter aja ke Jl. …", "a cancel or the idle clock shelves the form for 3 h; an undo in words, or checkout words after the clock emptied it, bring it back"},
	{"stale question", "ya (after the seller already answered)", "decisions about orders that moved on are dropped, and the buyer told"},
}

// formRules are the market settings the form's steps depend on.
type formRules struct {
	selfPickup    bool // the market offers "ambil sendiri": ask antar or ambil
	choosePayment bool // the market offers COD and QRIS: ask which
}

func (e *Engine) formRules() formRules {
	return formRules{selfPickup: e.set.SelfPickup, choosePayment: len(e.PaymentOptions()) > 1}
}

// formStep is the state that asks for the first missing slot.
func formStep(c *Conversation, r formRules) State {
	switch {
	case len(c.Questions) > 0:
		return StateClarify
	case len(c.Cart) == 0:
		return StateIdle
	case !c.Ready:
		return StateCart
	case c.Delivery == "" && r.selfPickup:
		return StateDelivery
	case c.Delivery != orders.Ambil && c.Address == "":
		return StateAddress
	case c.Name == "" && c.Delivery != orders.Ambil:
		// The courier needs a name to ask for; a pickup is collected by
		// its order code.
		return StateName
	case c.Payment == "" && r.choosePayment:
		return StatePayment
	}
	return StateConfirm
}

// prompt is what the bot says to ask for the form's next step in state s.
// It is "" where nothing is asked (idle).
func (e *Engine) prompt(b *buyerTurn, s State, full bool) string {
	c := b.conv
	switch s {
	case StateClarify:
		if full && len(c.Cart) > 0 {
			return e.cartText(c) + "\n\n" + c.Questions[0].Text
		}
		return c.Questions[0].Text
	case StateCart:
		if full {
			return e.cartText(c) + "\n\n" + e.t("cart_next")
		}
		return e.t("cart_next")
	case StateDelivery:
		return e.t("ask_delivery")
	case StateAddress:
		if c.LastAddress != "" {
			return e.t("ask_last_address", c.LastName, c.LastAddress)
		}
		return e.t("ask_address")
	case StateName:
		return e.t("ask_name")
	case StatePayment:
		return e.paymentQuestion()
	case StateConfirm:
		if !full {
			return e.t("confirm_how") // after a digression: the summary is just above
		}
		return e.receiptText(c)
	}
	// idle asks nothing; decide, rating and handover speak in their actions.
	return ""
}

// finishReply puts the turn's notes and the next question together, and
// keeps a question from being asked again and again: the second time in a
// row it says how to get out; the third time a line question is skipped
// (the trader moves on) and other questions offer a person.
func (e *Engine) finishReply(b *buyerTurn) error {
	var parts []string
	seen := map[string]bool{}
	for _, n := range b.notes {
		if n = strings.TrimSpace(n); n != "" && !seen[n] {
			seen[n] = true
			parts = append(parts, n)
		}
	}
	s := b.conv.State
	// After a digression only the question itself is repeated; after a
	// change to the form the cart (or summary) shows what changed.
	ask := e.prompt(b, s, b.changed || len(parts) == 0)
	if s == StateCart && !b.changed && len(parts) > 0 {
		ask = e.t("cart_next")
	}
	if b.cartChanged && (s == StateDelivery || s == StateAddress || s == StateName || s == StatePayment) && len(b.conv.Cart) > 0 {
		// The items changed on the way to checkout: show them first.
		ask = e.cartText(b.conv) + "\n\n" + ask
	}
	if s == StateClarify {
		// A line question stays until answered, skipped or cancelled: an
		// item dropped silently would make a wrong order. Passed over, it
		// says how to get out, then offers a person.
		q := &b.conv.Questions[0]
		q.Asked++
		switch {
		case q.Asked == 2:
			ask += "\n\n" + e.t("way_out")
		case q.Asked == 3 && b.movedOn:
			// The buyer is getting on with the order, not lost: what they
			// gave is kept, one question stands in the way.
			ask = e.t("one_question_left") + "\n\n" + ask
		case q.Asked == 3:
			ask = e.t("stuck_offer_human") + "\n\n" + ask
		case q.Asked >= 4:
			// Passed over four times: the line is left out, the buyer is
			// told, and the summary must be asked for again — so nothing
			// is ordered on a "ya" to a summary that lacked it unseen.
			said := q.Said
			b.conv.Ready = false
			if err := e.step(b, EvSkip); err != nil {
				return err
			}
			parts = append(parts, e.t("question_dropped", said))
			ask = e.prompt(b, b.conv.State, true)
		}
		b.conv.LastPrompt, b.conv.Repeats = "", 0
	} else if ask == "" {
		if !strings.HasPrefix(b.conv.LastPrompt, "welcome") || b.act.ev != EvGreeting && b.act.ev != EvText {
			b.conv.LastPrompt = ""
		}
		b.conv.Repeats = 0
	} else {
		key := string(s) + "|" + ask
		if key == b.conv.LastPrompt && !b.changed {
			b.conv.Repeats++
		} else {
			b.conv.Repeats = 0
		}
		b.conv.LastPrompt = key
		switch {
		case b.conv.Repeats == 1:
			ask += "\n\n" + e.t("way_out")
		case b.conv.Repeats >= 2:
			ask = e.t("stuck_offer_human") + "\n\n" + ask
			b.conv.Repeats = 0
		}
	}
	if ask != "" {
		parts = append(parts, ask)
	}
	if len(parts) == 0 {
		// Never swallow a message: say at least that it was not understood.
		parts = append(parts, e.t("not_understood_idle"))
	}
	b.reply(b.in, strings.Join(parts, "\n\n"))
	return nil
}
