package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"pasarbot/catalog"
	"pasarbot/orders"
	"pasarbot/store"
)

// auditView is one order's money and trail.
type auditView struct {
	Payment *paymentView        `json:"payment,omitempty"`
	Refunds []refundView        `json:"refunds,omitempty"`
	Trail   []orders.TrailEntry `json:"trail"`
}

type paymentView struct {
	Method      string `json:"method"`
	Amount      int64  `json:"amount"`
	State       string `json:"state"`
	ConfirmedBy string `json:"confirmed_by,omitempty"`
	Reference   string `json:"reference,omitempty"`
}

type refundView struct {
	ID     int64  `json:"id"`
	Amount int64  `json:"amount"`
	Reason string `json:"reason"`
	State  string `json:"state"`
	How    string `json:"how,omitempty"`
}

// loadAudit reads an order's payment, refunds and trail.
func loadAudit(tx *store.Tx, code string) (auditView, error) {
	var v auditView
	p, err := tx.Payment(code)
	if err != nil {
		return v, err
	}
	if p != nil {
		v.Payment = &paymentView{Method: p.Method, Amount: p.Amount, State: string(p.State), ConfirmedBy: p.ConfirmedBy, Reference: p.Reference}
	}
	rs, err := tx.Refunds(code)
	if err != nil {
		return v, err
	}
	for _, r := range rs {
		v.Refunds = append(v.Refunds, refundView{ID: r.ID, Amount: r.Amount, Reason: r.Reason, State: string(r.State), How: r.How})
	}
	v.Trail, err = tx.Trail(code)
	return v, err
}

// runAudit prints every event of one order with actor and time.
func runAudit(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "audit", "[--config FILE] [--market ID] [--db FILE] [--json] CODE")
	cf := addConfigFlags(fs)
	asJSON := fs.Bool("json", false, "print the order and its trail as JSON")
	if err := parseArgs(fs, args, 1); err != nil {
		return err
	}
	code := strings.ToUpper(fs.Arg(0))
	cfg, db, err := cf.openReadOnly(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	var o *orders.Order
	var a auditView
	if err := db.View(ctx, func(tx *store.Tx) error {
		if o, err = tx.Order(code); err != nil || o == nil {
			return err
		}
		a, err = loadAudit(tx, code)
		return err
	}); err != nil {
		return err
	}
	if o == nil {
		return fmt.Errorf("no order %s", code)
	}
	if *asJSON {
		v := viewOf(o)
		v.auditView = &a
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, string(b))
		return nil
	}
	loc := cfg.Location()
	fmt.Fprintf(e.stdout, "%s  %s  %s  buyer %s  total %s\n", o.Code, o.Status, o.Delivery, o.BuyerPhone, catalog.Rupiah(o.Total()))
	if p := a.Payment; p != nil {
		fmt.Fprintf(e.stdout, "payment  %s %s %s %s\n", p.Method, catalog.Rupiah(p.Amount), p.State, p.ConfirmedBy)
	} else {
		fmt.Fprintf(e.stdout, "payment  %s\n", o.Payment)
	}
	for _, r := range a.Refunds {
		fmt.Fprintf(e.stdout, "refund   #%d %s %s %s (%s)\n", r.ID, catalog.Rupiah(r.Amount), r.State, r.How, r.Reason)
	}
	for _, t := range a.Trail {
		who := t.Actor
		if t.Group != "" {
			who = t.Group + "/" + who
		}
		fmt.Fprintf(e.stdout, "%s  %-9s %-22s %s\n", t.At.In(loc).Format("2006-01-02 15:04:05"), t.Kind, who, t.Text)
	}
	return nil
}
