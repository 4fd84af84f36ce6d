// Package orders is the order lifecycle: orders split per seller group,
// their legal status changes, bargaining rules, courier jobs, fees and
// receipts. It imports only the standard library and pasarbot/catalog.
package orders

import (
	"fmt"
	"sort"
	"strings"
)

// Status is an order's or a sub-order's place in its lifecycle.
type Status string

const (
	Draft           Status = "draft"            // pre-order taken while closed; placed at opening
	AwaitingPayment Status = "awaiting_payment" // QRIS pay-first: sent to the groups once paid
	Placed          Status = "placed"           // sent to seller groups, no answer yet
	PartlyConfirmed Status = "partly_confirmed" // some groups confirmed, others not yet
	Confirmed       Status = "confirmed"        // every group confirmed and the buyer agreed
	Negotiating     Status = "negotiating"      // a change, offer or counter waits for an answer
	AwaitingCourier Status = "awaiting_courier" // job card in the courier group
	PickedUp        Status = "picked_up"        // courier has everything
	Delivered       Status = "delivered"        // handed over, COD collected
	Completed       Status = "completed"        // closed (rated or day ended)
	Cancelled       Status = "cancelled"        // by buyer or admin
	Rejected        Status = "rejected"         // every seller group said no
	Expired         Status = "expired"          // nobody answered in time
)

// orderTransitions is the order lifecycle: every legal move, in one place.
var orderTransitions = map[Status][]Status{
	Draft:           {Placed, Cancelled, Expired},
	AwaitingPayment: {Placed, Cancelled, Expired},
	Placed:          {AwaitingPayment, PartlyConfirmed, Confirmed, Negotiating, Rejected, Cancelled, Expired},
	PartlyConfirmed: {Confirmed, Negotiating, Rejected, Cancelled, Expired},
	Negotiating:     {PartlyConfirmed, Confirmed, Rejected, Cancelled, Expired, Placed},
	Confirmed:       {AwaitingCourier, Delivered, Negotiating, Cancelled},
	AwaitingCourier: {PickedUp, Cancelled, Negotiating},
	PickedUp:        {Delivered},
	Delivered:       {Completed},
	Completed:       {},
	Cancelled:       {},
	Rejected:        {},
	Expired:         {},
}

// subTransitions is the lifecycle of one seller group's part of an order.
var subTransitions = map[Status][]Status{
	Draft:       {Placed, Cancelled, Expired},
	Placed:      {Confirmed, Negotiating, Rejected, Cancelled, Expired},
	Negotiating: {Confirmed, Negotiating, Rejected, Cancelled, Expired, Placed},
	Confirmed:   {Negotiating, PickedUp, Delivered, Cancelled},
	PickedUp:    {Delivered},
	Delivered:   {},
	Cancelled:   {},
	Rejected:    {},
	Expired:     {},
}

// TransitionError is an illegal status change.
type TransitionError struct{ From, To Status }

func (e TransitionError) Error() string {
	return fmt.Sprintf("illegal status change %s → %s", e.From, e.To)
}

func legal(table map[Status][]Status, from, to Status) error {
	for _, s := range table[from] {
		if s == to {
			return nil
		}
	}
	return TransitionError{from, to}
}

// Final reports whether no further change is possible.
func (s Status) Final() bool { return len(orderTransitions[s]) == 0 }

// Open reports whether the order still needs someone to act.
func (s Status) Open() bool {
	return !s.Final() && s != Delivered
}

// Table renders a transition table for `pasarbot states`.
func Table(sub bool) string {
	t := orderTransitions
	if sub {
		t = subTransitions
	}
	var froms []string
	for s := range t {
		froms = append(froms, string(s))
	}
	sort.Strings(froms)
	var b strings.Builder
	for _, f := range froms {
		var tos []string
		for _, s := range t[Status(f)] {
			tos = append(tos, string(s))
		}
		if len(tos) == 0 {
			tos = []string{"(final)"}
		}
		fmt.Fprintf(&b, "%-17s → %s\n", f, strings.Join(tos, ", "))
	}
	return b.String()
}
