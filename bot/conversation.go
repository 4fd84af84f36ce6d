package bot

import (
	"time"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// Conversation is one buyer chat's state machine state and the data it
// carries between messages. It is stored as a row (data as JSON), so a
// restart resumes every chat where it was.
type Conversation struct {
	Chat      string    `json:"-"`
	State     State     `json:"-"`
	UpdatedAt time.Time `json:"-"`
	Data
}

// Data is what a conversation remembers.
type Data struct {
	Phone     string     `json:"phone,omitempty"`
	PushName  string     `json:"push_name,omitempty"`
	Questions []Question `json:"questions,omitempty"` // clarifications still to ask, first is current
	OrderForm            // the order being filled (its fields stand in the same JSON object)

	// Ready: the buyer said they are done adding items (a finish word, a
	// delivery choice or an address after items): the form moves on to
	// what is still missing, then the summary.
	Ready bool `json:"ready,omitempty"`
	// LastAsked is the product the buyer just asked about ("ikan mas
	// berapa?"): the referent of a bare quantity that follows.
	LastAsked string `json:"last_asked,omitempty"`
	// LastAskedQty is the quantity that question named ("cabe rawit 1 ons
	// bisa?"): "ok, sama daun jeruk 1 ikat" takes it too.
	LastAskedQty catalog.Qty `json:"last_asked_qty,omitempty"`
	// LastPrompt and Repeats: the question asked last and how often in a
	// row, so no question is asked again without a way out.
	LastPrompt string `json:"last_prompt,omitempty"`
	Repeats    int    `json:"repeats,omitempty"`
	// LastItems and LastItemsAt: the text of the last message that added
	// items, and when, so the same message sent again by a bad signal is
	// not counted twice.
	LastItems   string    `json:"last_items,omitempty"`
	LastItemsAt time.Time `json:"last_items_at,omitempty"`
	SameSkipped bool      `json:"same_skipped,omitempty"` // the last list came twice and was counted once
	// CancelAsked: "batal" came while a question was open; a second
	// "batal" (or "ya") empties the cart.
	CancelAsked bool `json:"cancel_asked,omitempty"`

	// Shelf is the form as it was when a cancel or the idle clock emptied
	// it, kept a while so "eh jadi kok, yang tadi" brings it back.
	Shelf *Shelf `json:"shelf,omitempty"`

	// Remembered from the last order, offered next time.
	LastName    string    `json:"last_name,omitempty"`
	LastAddress string    `json:"last_address,omitempty"`
	LastPin     *Location `json:"last_pin,omitempty"`

	Decisions []Decision `json:"decisions,omitempty"` // orders waiting for the buyer's yes/no, first is current
	RateOrder string     `json:"rate_order,omitempty"`
	Reminded  bool       `json:"reminded,omitempty"` // idle-cart reminder sent
	PreOrder  bool       `json:"pre_order,omitempty"`
	Handover  bool       `json:"handover,omitempty"`

	// ClosedNotice is the opening time the buyer was last told about, so
	// the closed-hours notice comes once per closed period.
	ClosedNotice string `json:"closed_notice,omitempty"`

	// Abuse limits.
	WindowStart time.Time `json:"window_start,omitempty"`
	WindowCount int       `json:"window_count,omitempty"`
	Warned      bool      `json:"warned,omitempty"`
	Ignored     bool      `json:"ignored,omitempty"` // non-text notice sent once
}

// OrderForm is the order being filled: what a cancel or the idle clock empties
// and a shelf keeps.
type OrderForm struct {
	Cart     []CartLine      `json:"cart,omitempty"`
	Delivery orders.Delivery `json:"delivery,omitempty"`
	Name     string          `json:"name,omitempty"`
	Address  string          `json:"address,omitempty"`
	Pin      *Location       `json:"pin,omitempty"`
	Ongkir   int64           `json:"ongkir,omitempty"`
	Area     string          `json:"area,omitempty"`
	Zone     string          `json:"zone,omitempty"`    // the configured delivery zone the address is in
	Payment  string          `json:"payment,omitempty"` // cod | qris, where the buyer chose
	When     string          `json:"when,omitempty"`    // the time the buyer named for pickup or delivery ("jam 9an")
	Contact  string          `json:"contact,omitempty"` // the receiver's phone, given for the courier
}

// Shelf is an emptied order form, kept for shelfKeep.
type Shelf struct {
	Form    OrderForm `json:"form"`
	Expired bool      `json:"expired,omitempty"` // emptied by the clock, not by the buyer
	Summary bool      `json:"summary,omitempty"` // emptied while its summary waited for a yes
	At      time.Time `json:"at"`
}

// CartLine is one item in a cart.
type CartLine struct {
	SKU     string         `json:"sku"`
	Name    string         `json:"name"`
	Unit    string         `json:"unit"`
	Group   string         `json:"group"`
	Qty     catalog.Qty    `json:"qty"`
	Price   int64          `json:"price"`
	Amount  int64          `json:"amount,omitempty"` // ordered by money: this is the line's price
	Note    string         `json:"note,omitempty"`
	SoldOut orders.SoldOut `json:"sold_out,omitempty"`
	From    string         `json:"from,omitempty"` // inbound message id that added it (for edits)
}

// Total is the line's price.
func (l CartLine) Total() int64 {
	if l.Amount > 0 {
		return l.Amount
	}
	return catalog.Cost(l.Price, l.Qty)
}

// Question is a clarification the buyer owes before a line enters the cart.
type Question struct {
	Kind    string      `json:"kind"` // choose, qty
	Said    string      `json:"said"`
	Text    string      `json:"text"`
	Choices []string    `json:"choices,omitempty"` // SKUs
	Qty     catalog.Qty `json:"qty,omitempty"`
	Unit    string      `json:"unit,omitempty"`
	Amount  int64       `json:"amount,omitempty"`
	Note    string      `json:"note,omitempty"`
	Asked   int         `json:"asked,omitempty"` // times asked; the third time unanswered it is dropped
}

// Decision is an order change the buyer must accept or refuse.
type Decision struct {
	Order string `json:"order"`
	Group string `json:"group"`
	Kind  string `json:"kind"` // proposal, timeout
}
