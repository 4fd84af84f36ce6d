package bot

import (
	"fmt"
	"sort"
	"strings"
)

// State is where a buyer's conversation is: what the bot waits for from
// this chat. An order's own progress (sellers, courier) lives in the
// orders table; a buyer may start a new cart while older orders travel.
type State string

const (
	StateIdle     State = "idle"     // nothing pending
	StateCart     State = "cart"     // cart open, adding items
	StateClarify  State = "clarify"  // waiting for a choice or a quantity for a line
	StateDelivery State = "delivery" // antar or ambil sendiri?
	StateAddress  State = "address"  // name and address (or "alamat kemarin?")
	StateConfirm  State = "confirm"  // receipt shown, waiting for "ya"
	StateDecide   State = "decide"   // a seller group changed the order: accept or refuse?
	StateRating   State = "rating"   // delivered: 1–5 stars?
	StateHandover State = "handover" // a human admin talks; the bot relays and stays quiet
)

// Event is what happened in a conversation: a kind of buyer message or a
// signal from the clock or the admins.
type Event string

const (
	EvItems       Event = "items"        // text naming products
	EvYes         Event = "yes"          // ya, oke, betul
	EvNo          Event = "no"           // tidak, ga, jangan
	EvNumber      Event = "number"       // a bare digit answering a numbered list
	EvCheckout    Event = "checkout"     // itu aja, udah, checkout
	EvShowCart    Event = "show_cart"    // cek, lihat keranjang
	EvRemove      Event = "remove"       // hapus tomat
	EvChange      Event = "change"       // kurangi cabe jadi 1/4
	EvReorder     Event = "reorder"      // ulang pesanan kemarin
	EvCancel      Event = "cancel"       // batal
	EvAntar       Event = "antar"        // delivery by courier
	EvAmbil       Event = "ambil"        // self pickup
	EvLocation    Event = "location"     // a shared pin
	EvText        Event = "text"         // anything else
	EvQuestion    Event = "question"     // after an action: a line needs the buyer's answer
	EvIdle        Event = "idle"         // clock: the cart sat untouched
	EvIdleExpire  Event = "idle_expire"  // clock: reminded and still untouched
	EvDecision    Event = "decision"     // an order needs the buyer's answer
	EvRate        Event = "rate"         // an order was delivered
	EvHandover    Event = "handover"     // buyer asks for a human
	EvHandoverEnd Event = "handover_end" // admin ends the handover
)

// Action names what the bot does on a transition; actions live in a map so
// the table stays readable.
type Action string

// Transition is one row of the table.
type Transition struct {
	From   State
	On     Event
	To     State
	Action Action
}

// Any matches every state; specific rows win over Any rows.
const Any State = "*"

// transitions is the whole buyer conversation.
var transitions = []Transition{
	{StateIdle, EvItems, StateCart, "add_items"},
	{StateIdle, EvReorder, StateCart, "reorder"},
	{StateIdle, EvShowCart, StateIdle, "show_cart"},
	{StateIdle, EvText, StateIdle, "fallback"},
	{StateIdle, EvLocation, StateIdle, "fallback"},
	{StateIdle, EvYes, StateIdle, "fallback"},
	{StateIdle, EvNumber, StateIdle, "fallback"},

	{StateCart, EvItems, StateCart, "add_items"},
	{StateCart, EvRemove, StateCart, "remove_item"},
	{StateCart, EvChange, StateCart, "change_item"},
	{StateCart, EvShowCart, StateCart, "show_cart"},
	{StateCart, EvReorder, StateCart, "reorder"},
	{StateCart, EvCheckout, StateDelivery, "ask_delivery"},
	{StateCart, EvYes, StateDelivery, "ask_delivery"},
	{StateCart, EvIdle, StateCart, "remind_idle"},
	{StateCart, EvIdleExpire, StateIdle, "expire_cart"},
	{StateCart, EvText, StateCart, "fallback"},
	{StateCart, EvQuestion, StateClarify, "nothing"},

	{StateClarify, EvNumber, StateCart, "answer_choice"},
	{StateClarify, EvItems, StateCart, "answer_qty"},
	{StateClarify, EvYes, StateCart, "confirm_question"},
	{StateClarify, EvRemove, StateCart, "remove_item"},
	{StateClarify, EvChange, StateCart, "change_item"},
	{StateClarify, EvShowCart, StateCart, "show_cart"},
	{StateClarify, EvText, StateClarify, "reask"},
	{StateClarify, EvNo, StateCart, "skip_question"},
	{StateClarify, EvIdle, StateClarify, "remind_idle"},
	{StateClarify, EvIdleExpire, StateIdle, "expire_cart"},

	{StateDelivery, EvAntar, StateAddress, "ask_address"},
	{StateDelivery, EvAmbil, StateConfirm, "self_pickup"},
	{StateDelivery, EvNumber, StateDelivery, "choose_delivery"},
	{StateDelivery, EvItems, StateCart, "add_items"},
	{StateDelivery, EvText, StateDelivery, "reask"},
	{StateDelivery, EvIdle, StateDelivery, "remind_idle"},
	{StateDelivery, EvIdleExpire, StateIdle, "expire_cart"},

	{StateAddress, EvText, StateConfirm, "take_address"},
	{StateAddress, EvLocation, StateAddress, "take_pin"},
	{StateAddress, EvYes, StateConfirm, "use_last_address"},
	{StateAddress, EvNo, StateAddress, "ask_new_address"},
	{StateAddress, EvItems, StateCart, "add_items"},
	{StateAddress, EvRemove, StateCart, "remove_item"},
	{StateAddress, EvChange, StateCart, "change_item"},
	{StateAddress, EvIdle, StateAddress, "remind_idle"},
	{StateAddress, EvIdleExpire, StateIdle, "expire_cart"},

	{StateConfirm, EvYes, StateIdle, "place_order"},
	{StateConfirm, EvNo, StateCart, "show_cart"},
	{StateConfirm, EvItems, StateCart, "add_items"},
	{StateConfirm, EvRemove, StateCart, "remove_item"},
	{StateConfirm, EvChange, StateCart, "change_item"},
	{StateConfirm, EvLocation, StateConfirm, "take_pin"},
	{StateConfirm, EvText, StateConfirm, "reask"},
	{StateConfirm, EvIdle, StateConfirm, "remind_idle"},
	{StateConfirm, EvIdleExpire, StateIdle, "expire_cart"},

	{StateDecide, EvYes, StateIdle, "accept_decision"},
	{StateDecide, EvNo, StateIdle, "refuse_decision"},
	{StateDecide, EvNumber, StateIdle, "number_decision"},
	{StateDecide, EvText, StateDecide, "reask"},

	{StateRating, EvNumber, StateIdle, "rate"},
	{StateRating, EvText, StateIdle, "rate_comment"},
	{StateRating, EvItems, StateCart, "add_items"},

	{StateHandover, EvText, StateHandover, "relay_to_admins"},
	{StateHandover, EvHandoverEnd, StateIdle, "end_handover"},

	// Every state but handover: cancel, decisions, ratings and handover requests.
	{Any, EvCancel, StateIdle, "cancel_cart"},
	{Any, EvDecision, StateDecide, "ask_decision"},
	{Any, EvRate, StateRating, "ask_rating"},
	{Any, EvHandover, StateHandover, "start_handover"},
	{Any, EvIdle, Any, "nothing"},
	{Any, EvIdleExpire, Any, "nothing"},
	{Any, EvHandoverEnd, StateIdle, "end_handover"},
	{Any, EvText, Any, "fallback"},
}

// States lists every state, for checks and rendering.
var States = []State{StateIdle, StateCart, StateClarify, StateDelivery, StateAddress, StateConfirm, StateDecide, StateRating, StateHandover}

// ErrNoTransition is returned for an event a state does not take.
type ErrNoTransition struct {
	State State
	Event Event
}

func (e ErrNoTransition) Error() string {
	return fmt.Sprintf("no transition from %s on %s", e.State, e.Event)
}

// Next looks up the transition for (state, event). Rows for the state win
// over Any rows; an Any row whose To is Any keeps the state. In handover
// the Any rows do not apply: a human is talking.
func Next(s State, ev Event) (Transition, error) {
	for _, t := range transitions {
		if t.From == s && t.On == ev {
			return t, nil
		}
	}
	if s != StateHandover {
		for _, t := range transitions {
			if t.From == Any && t.On == ev {
				if t.To == Any {
					t.To = s
				}
				t.From = s
				return t, nil
			}
		}
	}
	return Transition{}, ErrNoTransition{s, ev}
}

// RenderTable prints the transition table, one row a line, for `pasarbot
// states` and docs/states.md.
func RenderTable() string {
	var b strings.Builder
	rows := append([]Transition(nil), transitions...)
	order := map[State]int{Any: len(States)}
	for i, s := range States {
		order[s] = i
	}
	sort.SliceStable(rows, func(i, j int) bool { return order[rows[i].From] < order[rows[j].From] })
	fmt.Fprintf(&b, "%-9s %-13s %-9s %s\n", "STATE", "EVENT", "NEXT", "ACTION")
	for _, t := range rows {
		to := string(t.To)
		if t.To == Any {
			to = "(same)"
		}
		fmt.Fprintf(&b, "%-9s %-13s %-9s %s\n", t.From, t.On, to, t.Action)
	}
	return b.String()
}
