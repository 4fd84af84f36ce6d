package orders

import (
	"fmt"
	"time"

	"pasarbot/catalog"
)

// Delivery is how the goods reach the buyer.
type Delivery string

const (
	Antar Delivery = "antar" // an ojol courier delivers
	Ambil Delivery = "ambil" // the buyer picks up at the stall
)

// SoldOut says what to do with a line the stall cannot supply.
type SoldOut string

const (
	SoldOutAsk        SoldOut = "ask"        // ask the buyer (default)
	SoldOutSkip       SoldOut = "skip"       // drop the line
	SoldOutSubstitute SoldOut = "substitute" // a similar product is fine
)

// Line is one product in an order.
type Line struct {
	No      int         // 1-based, unique in the order
	Group   string      // seller group id
	SKU     string      //
	Name    string      //
	Unit    string      //
	Qty     catalog.Qty // in Unit
	Price   int64       // rupiah per unit (list, or agreed per-line price)
	Amount  int64       // line total; for orders by money it is the amount said
	Note    string      //
	SoldOut SoldOut     //
}

// ListAmount is the line's total at its per-unit price.
func (l Line) ListAmount() int64 { return catalog.Cost(l.Price, l.Qty) }

// SubOrder is one seller group's part of an order.
type SubOrder struct {
	Group       string
	Status      Status
	ListTotal   int64     // at list prices
	AgreedTotal int64     // what the receipt and COD use
	ConfirmedBy string    // leader who confirmed
	Trader      string    // trader responsible for the goods
	Deadline    time.Time // seller must answer by then
	Proposal    *Proposal // a change from the group waiting for the buyer
	Reminded    bool      // deadline reminder sent
	Rounds      int       // bargaining offers made by the buyer
	Weighed     bool      // weighed total reported
}

// Proposal is a change the seller group asks the buyer to accept: a new
// total, or changed/dropped lines.
type Proposal struct {
	Kind   string        `json:"kind"`  // price, partial, weigh, counter
	Total  int64         `json:"total"` // proposed total for the sub-order
	Lines  map[int]int64 `json:"lines,omitempty"`
	Qty    map[int]int64 `json:"qty,omitempty"` // line no → new qty (thousandths); 0 drops the line
	Reason string        `json:"reason,omitempty"`
	By     string        `json:"by"`
}

// Event is one entry of an order's append-only audit log.
type Event struct {
	Group  string // "" for the whole order
	From   Status
	To     Status
	Actor  string // phone, "buyer", "system", "admin:62…"
	Detail string
	At     time.Time
}

// Order is a buyer's order, split into one sub-order per seller group.
type Order struct {
	Code       string
	BuyerChat  string
	BuyerPhone string
	Status     Status
	Delivery   Delivery
	Name       string
	Address    string
	Area       string // zone or kelurahan; what traders see instead of the address
	Lat, Lng   float64
	HasPin     bool
	Ongkir     int64
	Payment    string // cod (default) or qris
	MarketDay  string
	Lines      []Line
	Subs       []*SubOrder
	Courier    string // courier phone once claimed
	CreatedAt  time.Time
	UpdatedAt  time.Time

	// Events not yet stored; the store appends and clears them.
	NewEvents []Event
}

// Sub returns the sub-order of group g.
func (o *Order) Sub(g string) *SubOrder {
	for _, s := range o.Subs {
		if s.Group == g {
			return s
		}
	}
	return nil
}

// GroupLines returns the lines of group g.
func (o *Order) GroupLines(g string) []Line {
	var ls []Line
	for _, l := range o.Lines {
		if l.Group == g {
			ls = append(ls, l)
		}
	}
	return ls
}

// Line returns a pointer to line no.
func (o *Order) Line(no int) *Line {
	for i := range o.Lines {
		if o.Lines[i].No == no {
			return &o.Lines[i]
		}
	}
	return nil
}

// Goods is the sum of the live sub-orders' agreed totals.
func (o *Order) Goods() int64 {
	var n int64
	for _, s := range o.Subs {
		if s.Status.Live() {
			n += s.AgreedTotal
		}
	}
	return n
}

// Total is what the buyer pays: goods plus ongkir.
func (o *Order) Total() int64 {
	if o.Delivery == Ambil {
		return o.Goods()
	}
	return o.Goods() + o.Ongkir
}

// Live reports whether a sub-order in this status still delivers goods.
func (s Status) Live() bool {
	switch s {
	case Cancelled, Rejected, Expired:
		return false
	}
	return true
}

// New builds an order from cart lines, one sub-order per seller group in
// first-seen order. Totals are at list price (or the amount said).
func New(code, buyerChat string, lines []Line, at time.Time) *Order {
	o := &Order{Code: code, BuyerChat: buyerChat, Status: Placed, Payment: "cod", CreatedAt: at, UpdatedAt: at}
	for i, l := range lines {
		l.No = i + 1
		if l.Amount == 0 {
			l.Amount = l.ListAmount()
		}
		if l.SoldOut == "" {
			l.SoldOut = SoldOutAsk
		}
		o.Lines = append(o.Lines, l)
		s := o.Sub(l.Group)
		if s == nil {
			s = &SubOrder{Group: l.Group, Status: Placed}
			o.Subs = append(o.Subs, s)
		}
		s.ListTotal += l.Amount
		s.AgreedTotal += l.Amount
	}
	return o
}

// SetStatus moves the whole order, enforcing the lifecycle table and logging.
func (o *Order) SetStatus(to Status, actor, detail string, at time.Time) error {
	if o.Status == to {
		return nil
	}
	if err := legal(orderTransitions, o.Status, to); err != nil {
		return fmt.Errorf("order %s: %w", o.Code, err)
	}
	o.NewEvents = append(o.NewEvents, Event{From: o.Status, To: to, Actor: actor, Detail: detail, At: at})
	o.Status = to
	o.UpdatedAt = at
	return nil
}

// SetSubStatus moves one sub-order, then derives the order's status from
// its sub-orders while it is in the seller phase.
func (o *Order) SetSubStatus(g string, to Status, actor, detail string, at time.Time) error {
	s := o.Sub(g)
	if s == nil {
		return fmt.Errorf("order %s has no part for group %s", o.Code, g)
	}
	if s.Status != to || to == Negotiating {
		if err := legal(subTransitions, s.Status, to); err != nil {
			return fmt.Errorf("order %s/%s: %w", o.Code, g, err)
		}
		o.NewEvents = append(o.NewEvents, Event{Group: g, From: s.Status, To: to, Actor: actor, Detail: detail, At: at})
		s.Status = to
		o.UpdatedAt = at
	}
	return o.derive(actor, at)
}

// derive sets the order status from its sub-orders during the seller phase.
func (o *Order) derive(actor string, at time.Time) error {
	switch o.Status {
	case Placed, PartlyConfirmed, Negotiating, Confirmed, AwaitingCourier:
	default:
		return nil
	}
	var live, confirmed, negotiating, placed, rejected, expired, pickedUp int
	for _, s := range o.Subs {
		switch s.Status {
		case Confirmed:
			confirmed++
		case Negotiating:
			negotiating++
		case Placed:
			placed++
		case Rejected:
			rejected++
		case Expired:
			expired++
		case PickedUp, Delivered:
			pickedUp++
		}
		if s.Status.Live() {
			live++
		}
	}
	var to Status
	switch {
	case live == 0 && expired > 0 && rejected == 0:
		to = Expired
	case live == 0 && rejected > 0:
		to = Rejected
	case live == 0:
		to = Cancelled
	case negotiating > 0:
		to = Negotiating
	case placed > 0 && confirmed > 0:
		to = PartlyConfirmed
	case placed > 0:
		to = Placed
	case confirmed == live && (o.Status == AwaitingCourier):
		return nil
	case confirmed == live:
		to = Confirmed
	default:
		return nil
	}
	if to == o.Status {
		return nil
	}
	return o.SetStatus(to, actor, "", at)
}

// Recount recomputes a sub-order's list total from its lines.
func (o *Order) Recount(g string) {
	s := o.Sub(g)
	if s == nil {
		return
	}
	var n int64
	for _, l := range o.GroupLines(g) {
		n += l.Amount
	}
	s.ListTotal = n
}
