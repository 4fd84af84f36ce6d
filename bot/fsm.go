package bot

import (
	"fmt"
	"sort"
	"strings"
)

// State is where a buyer's conversation is: what the bot asked last and so
// what it waits for from this chat. An order's own progress (sellers,
// courier) lives in the orders table; a buyer may start a new cart while
// older orders travel.
type State string

const (
	StateIdle     State = "idle"     // nothing pending
	StateCart     State = "cart"     // cart open, adding items
	StateClarify  State = "clarify"  // asked a choice or a quantity for a line
	StateDelivery State = "delivery" // asked: antar or ambil sendiri?
	StateAddress  State = "address"  // asked for the address (or "alamat kemarin?")
	StateName     State = "name"     // asked for the recipient's name
	StatePayment  State = "payment"  // asked: COD or QRIS? (where the market offers both)
	StateConfirm  State = "confirm"  // summary shown, waiting for "ya"
	StateDecide   State = "decide"   // a seller group changed the order: accept or refuse?
	StateRating   State = "rating"   // delivered: 1–5 stars?
	StateHandover State = "handover" // a human admin talks; the bot relays and stays quiet
)

// States lists every state, for checks and rendering.
var States = []State{StateIdle, StateCart, StateClarify, StateDelivery, StateAddress, StateName, StatePayment, StateConfirm, StateDecide, StateRating, StateHandover}

// Event is one thing a buyer message says (a message may say several, read
// in order by readBuyer), or a signal from the clock, the sellers or the admins.
type Event string

const (
	EvItems       Event = "items"        // products to add ("cabe 1/4 sama tomat")
	EvQty         Event = "qty"          // a bare quantity: the answer to "berapa?" or for the product just asked about
	EvChoice      Event = "choice"       // a numbered choice, by digit or in words ("yang merah", "yang kedua")
	EvNumber      Event = "number"       // a bare number where a list was shown (delivery, decision, rating)
	EvRemove      Event = "remove"       // "wortelnya dihapus", "hapus tomat"
	EvChange      Event = "change"       // "bawangnya diganti 1 kg aja", "kurangi cabe jadi 1/4"
	EvShowCart    Event = "show_cart"    // cek, lihat keranjang
	EvReorder     Event = "reorder"      // ulang pesanan kemarin
	EvRestore     Event = "restore"      // eh jadi kok, pesanan yang tadi (an emptied form back)
	EvFinish      Event = "finish"       // itu aja, udahan, dah cukup, sampun
	EvYes         Event = "yes"          // ya, sip, mantap, muhun
	EvNo          Event = "no"           // tidak, ga, kada
	EvSkip        Event = "skip"         // lewati: drop the question asked
	EvAntar       Event = "antar"        // delivery by courier
	EvAmbil       Event = "ambil"        // self pickup
	EvAddress     Event = "address"      // a delivery address (jl., gg., RT, a zone name…)
	EvName        Event = "name"         // the recipient's name ("atas nama Bu Yati")
	EvLocation    Event = "location"     // a shared pin
	EvPayment     Event = "payment"      // a payment method: "bayar qris", "cod aja"
	EvCancel      Event = "cancel"       // batal, nggak jadi beli
	EvGreeting    Event = "greeting"     // halo, pagi, makasih
	EvHelp        Event = "help"         // bantuan, cara pesan
	EvStatus      Event = "status"       // status pesanan
	EvMenu        Event = "menu"         // menu, daftar harga
	EvQuestion    Event = "question"     // a digression: price, ongkir, payment, hours, delivery time
	EvOrderCmd    Event = "order_cmd"    // batal KODE, komplain KODE, pesan KODE, tawar
	EvHandover    Event = "handover"     // buyer asks for a human
	EvText        Event = "text"         // nothing understood
	EvIdle        Event = "idle"         // clock: the form sat untouched
	EvIdleExpire  Event = "idle_expire"  // clock: reminded and still untouched
	EvDecision    Event = "decision"     // an order needs the buyer's answer
	EvRate        Event = "rate"         // an order was delivered
	EvHandoverEnd Event = "handover_end" // the admin, the buyer or the idle clock ends the handover
)

// Action names what the bot does on a transition; actions live in a map
// (buyerActions) so the table stays readable.
type Action string

// Transition is one row of the table.
type Transition struct {
	From   State
	On     Event
	To     State
	Action Action
}

// Pseudo-states of the table. Any and Form match several states in From;
// Same and Form as a To are resolved when the row runs.
const (
	// Any matches every state but handover; specific rows win over it.
	Any State = "*"
	// Form in From matches every state but handover (the order form is
	// filled from any message); in To it is the next step of the order
	// form: what is still missing (formStep).
	Form State = "form"
	// Same keeps the state: a digression answered, the question stands.
	Same State = "same"
)

// transitions is the whole buyer conversation. Lookup order: the state's
// own row, then a Form row, then an Any row.
var transitions = []Transition{
	// The order form is filled from any message, in any state.
	{Form, EvItems, Form, "add_items"},
	{Form, EvQty, Form, "add_qty"},
	{Form, EvRemove, Form, "remove_item"},
	{Form, EvChange, Form, "change_item"},
	{Form, EvShowCart, Form, "show_cart"},
	{Form, EvReorder, Form, "reorder"},
	{Form, EvRestore, Form, "restore_shelf"},
	{Form, EvFinish, Form, "finish"},
	{Form, EvAntar, Form, "choose_antar"},
	{Form, EvAmbil, Form, "choose_ambil"},
	{Form, EvAddress, Form, "take_address"},
	{Form, EvName, Form, "take_name"},
	{Form, EvLocation, Form, "take_pin"},
	{Form, EvPayment, Form, "choose_payment"},
	{Form, EvChoice, Form, "answer_choice"},
	{Form, EvSkip, Form, "skip_question"},
	{Form, EvYes, Form, "yes_nothing_asked"},
	{Form, EvNo, Form, "no_nothing_asked"},
	{Form, EvNumber, Form, "fallback"},
	{Form, EvText, Form, "fallback"},

	// Answers to what the state asked.
	{StateCart, EvYes, Form, "finish"},
	{StateClarify, EvYes, Form, "confirm_question"},
	{StateClarify, EvNo, Form, "skip_question"},
	{StateClarify, EvNumber, Form, "answer_choice"},
	{StateDelivery, EvNumber, Form, "choose_delivery"},
	{StateAddress, EvYes, Form, "use_last_address"},
	{StateAddress, EvNo, Form, "ask_new_address"},
	{StateAddress, EvText, Form, "take_address"},
	{StateName, EvText, Form, "take_name"},
	{StateConfirm, EvYes, Form, "place_order"},
	{StateConfirm, EvFinish, Form, "finish"},
	{StateConfirm, EvNo, Form, "reopen_form"},
	{StateDecide, EvYes, Form, "accept_decision"},
	{StateDecide, EvNo, Form, "refuse_decision"},
	{StateDecide, EvNumber, Form, "number_decision"},
	{StateRating, EvNumber, Form, "rate"},
	{StateRating, EvText, Form, "rate_comment"},

	// Human handover: the bot relays until the buyer, an admin or the clock ends it.
	{StateHandover, EvText, Same, "relay_to_admins"},
	{StateHandover, EvHandoverEnd, Form, "end_handover"},
	{StateHandover, EvIdle, Same, "nothing"},
	{StateHandover, EvIdleExpire, Form, "end_handover_idle"},

	// The clock: a reminder, then the form is cleared.
	{StateCart, EvIdle, Same, "remind_idle"},
	{StateClarify, EvIdle, Same, "remind_idle"},
	{StateDelivery, EvIdle, Same, "remind_idle"},
	{StateAddress, EvIdle, Same, "remind_idle"},
	{StateName, EvIdle, Same, "remind_idle"},
	{StatePayment, EvIdle, Same, "remind_idle"},
	{StateConfirm, EvIdle, Same, "remind_idle"},

	// Any time (every state but handover).
	{Any, EvCancel, Form, "cancel_cart"},
	{Any, EvGreeting, Same, "greet"},
	{Any, EvHelp, Same, "help"},
	{Any, EvStatus, Same, "status"},
	{Any, EvMenu, Same, "menu"},
	{Any, EvQuestion, Same, "answer_question"},
	{Any, EvOrderCmd, Same, "order_command"},
	{Any, EvHandover, StateHandover, "start_handover"},
	{Any, EvDecision, StateDecide, "ask_decision"},
	{Any, EvRate, StateRating, "ask_rating"},
	{Any, EvIdle, Same, "nothing"},
	{Any, EvIdleExpire, Form, "expire_cart"},
	{Any, EvHandoverEnd, Same, "nothing"},
}

// formStates are the states the order form moves between (Form's targets).
var formStates = map[State]bool{StateIdle: true, StateCart: true, StateClarify: true, StateDelivery: true,
	StateAddress: true, StateName: true, StatePayment: true, StateConfirm: true}

// NoTransitionError is returned for an event a state does not take.
type NoTransitionError struct {
	State State
	Event Event
}

func (e NoTransitionError) Error() string {
	return fmt.Sprintf("no transition from %s on %s", e.State, e.Event)
}

// Next looks up the row for (state, event): the state's own row, then a
// Form row, then an Any row. In handover only the handover rows apply: a
// human is talking.
func Next(s State, ev Event) (Transition, error) {
	for _, from := range []State{s, Form, Any} {
		if s == StateHandover && from != s {
			break
		}
		for _, t := range transitions {
			if t.From == from && t.On == ev {
				t.From = s
				return t, nil
			}
		}
	}
	return Transition{}, NoTransitionError{s, ev}
}

// target resolves a row's To: Same keeps from, Form is the order form's
// next step, anything else is that state.
func target(to, from State, c *Conversation, r formRules) State {
	switch to {
	case Same:
		return from
	case Form:
		return formStep(c, r)
	}
	return to
}

// RenderTable prints the transition table, one row a line, for `pasarbot
// states` and docs/states.md.
func RenderTable() string {
	var b strings.Builder
	rows := sortedRows()
	fmt.Fprintf(&b, "%-9s %-13s %-9s %s\n", "STATE", "EVENT", "NEXT", "ACTION")
	for _, t := range rows {
		fmt.Fprintf(&b, "%-9s %-13s %-9s %s\n", t.From, t.On, t.To, t.Action)
	}
	return b.String()
}

func sortedRows() []Transition {
	rows := append([]Transition(nil), transitions...)
	order := map[State]int{Form: -1, Any: len(States)}
	for i, s := range States {
		order[s] = i
	}
	sort.SliceStable(rows, func(i, j int) bool { return order[rows[i].From] < order[rows[j].From] })
	return rows
}

// RenderMermaid draws the state-specific rows as a Mermaid diagram; the
// Form and Any rows, which apply everywhere, are listed under it.
func RenderMermaid() string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	seen := map[string]bool{}
	for _, t := range sortedRows() {
		if t.From == Form || t.From == Any {
			continue
		}
		to := string(t.To)
		switch t.To {
		case Same:
			to = string(t.From)
		case Form:
			to = "form"
		}
		line := fmt.Sprintf("    %s --> %s: %s\n", t.From, to, t.On)
		if !seen[line] {
			seen[line] = true
			b.WriteString(line)
		}
	}
	for _, s := range States {
		if formStates[s] {
			fmt.Fprintf(&b, "    form --> %s\n", s)
		}
	}
	return b.String()
}

// RenderSlots prints the order form's slots as a Markdown table.
func RenderSlots() string {
	rows := make([][3]string, len(Slots))
	for i, s := range Slots {
		rows[i] = [3]string{s.Name, s.FilledBy, string(s.AskedIn)}
	}
	return markdownTable([3]string{"slot", "filled by", "asked in"}, rows)
}

// RenderRepairs prints the repair rules as a Markdown table.
func RenderRepairs() string {
	rows := make([][3]string, len(RepairRules))
	for i, r := range RepairRules {
		rows[i] = [3]string{r.Case, r.Example, r.Handling}
	}
	return markdownTable([3]string{"case", "buyers say", "the bot"}, rows)
}

func markdownTable(head [3]string, rows [][3]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| %s | %s | %s |\n|---|---|---|\n", head[0], head[1], head[2])
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r[0], r[1], r[2])
	}
	return b.String()
}
