package orders_test

import (
	"testing"
	"time"

	"pasarbot/orders"
)

func TestRefundDue(t *testing.T) {
	at := time.Date(2026, 11, 25, 7, 0, 0, 0, time.UTC)
	o := orders.New("A7K2", "buyer", []orders.Line{
		{Group: "sayur", Name: "Cabe", Price: 50000, Amount: 20000},
		{Group: "ikan", Name: "Tongkol", Price: 40000, Amount: 30000},
	}, at)
	o.Delivery, o.Ongkir = orders.Antar, 8000
	paid := o.Total() // 58 000
	if got := orders.RefundDue(o, paid, nil); got != 0 {
		t.Errorf("nothing changed: due %d", got)
	}
	if err := o.SetSubStatus("ikan", orders.Rejected, "62822", "habis", at); err != nil {
		t.Fatal(err)
	}
	if got, want := orders.RefundDue(o, paid, nil), int64(30000); got != want {
		t.Errorf("after the fish was rejected: due %d, want %d", got, want)
	}
	if got := orders.RefundDue(o, paid, []orders.Refund{{Amount: 30000}}); got != 0 {
		t.Errorf("refund already made: due %d", got)
	}
	o.Sub("sayur").AgreedTotal = 17000 // weighed lighter
	if got, want := orders.RefundDue(o, paid, []orders.Refund{{Amount: 30000}}), int64(3000); got != want {
		t.Errorf("weighed lighter: due %d, want %d", got, want)
	}
	if err := o.SetStatus(orders.Cancelled, "buyer", "", at); err != nil {
		t.Fatal(err)
	}
	if got, want := orders.RefundDue(o, paid, []orders.Refund{{Amount: 30000}, {Amount: 3000}}), int64(25000); got != want {
		t.Errorf("cancelled: due %d, want %d", got, want)
	}
	p := orders.Payment{Order: "A7K2", State: orders.PaymentUnpaid}
	if err := p.Confirm("6281", "", at); err != nil || p.State != orders.PaymentPaid {
		t.Fatalf("confirm: %v %s", err, p.State)
	}
	if err := p.Confirm("6281", "", at); err == nil {
		t.Error("confirmed twice")
	}
}
