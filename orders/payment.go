package orders

import (
	"fmt"
	"time"
)

// Payment methods an order can be paid by.
const (
	MethodCOD  = "cod"  // cash to the courier, or at the stall for self pickup
	MethodQRIS = "qris" // the market's QRIS, confirmed by a person (or later a gateway)
)

// PaymentState is where a digital payment stands.
type PaymentState string

const (
	PaymentUnpaid  PaymentState = "unpaid"  // the QR was sent; no confirmation yet
	PaymentPaid    PaymentState = "paid"    // confirmed (LUNAS, or a gateway callback)
	PaymentExpired PaymentState = "expired" // not confirmed in time; the order ended
)

// Payment is the digital payment of one order.
type Payment struct {
	Order       string
	Method      string
	Amount      int64  // rupiah asked for
	Payload     string // what the buyer scanned (the dynamic QRIS)
	State       PaymentState
	DueAt       time.Time // unpaid after this: expired
	ConfirmedBy string    // who said LUNAS, or "gateway:<name>"
	Reference   string    // the gateway's transaction id, when one confirmed
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Confirm marks the payment paid by actor.
func (p *Payment) Confirm(actor, reference string, at time.Time) error {
	if p.State != PaymentUnpaid {
		return fmt.Errorf("payment of %s is %s, not unpaid", p.Order, p.State)
	}
	p.State, p.ConfirmedBy, p.Reference, p.UpdatedAt = PaymentPaid, actor, reference, at
	return nil
}

// RefundState is where a refund stands.
type RefundState string

const (
	RefundPending RefundState = "pending" // owed to the buyer
	RefundDone    RefundState = "done"    // returned (how: transfer or cash)
)

// Refund is money owed back to a buyer, with why and, once closed, how.
type Refund struct {
	ID        int64
	Order     string
	Amount    int64
	Reason    string
	State     RefundState
	How       string // transfer | tunai, when done
	CreatedBy string
	ClosedBy  string
	CreatedAt time.Time
	ClosedAt  time.Time
}

// RefundDue is what a paid order still owes its buyer: what was paid,
// less what the order now costs (nothing once it ended without delivery),
// less refunds already made or pending.
func RefundDue(o *Order, paid int64, refunds []Refund) int64 {
	owed := paid
	if o.Status.Live() {
		owed -= min(o.Total(), paid)
	}
	for _, r := range refunds {
		owed -= r.Amount
	}
	return max(owed, 0)
}
