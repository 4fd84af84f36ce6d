package store_test

import (
	"testing"
	"time"

	"pasarbot/orders"
	"pasarbot/store"
)

func TestPayments(t *testing.T) {
	db := MustOpen(t)
	o := newOrder("A7K2", "62811@s.whatsapp.net", t0)
	p := &orders.Payment{Order: "A7K2", Method: orders.MethodQRIS, Amount: 58000, Payload: "000201…6304ABCD",
		State: orders.PaymentUnpaid, DueAt: t0.Add(30 * time.Minute), CreatedAt: t0, UpdatedAt: t0}
	coreUpdate(t, db, func(tx *store.Tx) error {
		if err := tx.CreateOrder(o); err != nil {
			return err
		}
		if none, err := tx.Payment("A7K2"); err != nil || none != nil {
			t.Errorf("payment before any: %v %v", none, err)
		}
		if err := tx.SavePayment(p); err != nil {
			return err
		}
		if err := p.Confirm("62822", "", t0.Add(time.Minute)); err != nil {
			return err
		}
		return tx.SavePayment(p)
	})
	coreView(t, db, func(tx *store.Tx) error {
		got, err := tx.Payment("a7k2")
		if err != nil {
			return err
		}
		if got == nil || *got != *p {
			t.Errorf("payment %+v, want %+v", got, p)
		}
		day, err := tx.PaymentsOfDay(o.MarketDay)
		if err != nil || len(day) != 1 || day[0].State != orders.PaymentPaid {
			t.Errorf("payments of day: %v %v", day, err)
		}
		return nil
	})

	r := &orders.Refund{Order: "A7K2", Amount: 30000, Reason: "ikan: habis", CreatedBy: "system", CreatedAt: t0.Add(2 * time.Minute)}
	coreUpdate(t, db, func(tx *store.Tx) error {
		if err := tx.AddRefund(r); err != nil {
			return err
		}
		r.How, r.ClosedBy, r.ClosedAt = "transfer", "62899", t0.Add(time.Hour)
		if err := tx.CloseRefund(r); err != nil {
			return err
		}
		if err := tx.CloseRefund(r); err == nil {
			t.Error("a refund was closed twice")
		}
		return nil
	})
	coreView(t, db, func(tx *store.Tx) error {
		rs, err := tx.Refunds("A7K2")
		if err != nil {
			return err
		}
		if len(rs) != 1 || rs[0] != *r {
			t.Errorf("refunds %+v, want %+v", rs, *r)
		}
		day, err := tx.RefundsOfDay(o.MarketDay)
		if err != nil || len(day) != 1 {
			t.Errorf("refunds of day %v %v", day, err)
		}
		return nil
	})
}
