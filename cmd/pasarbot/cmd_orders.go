package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"pasarbot/catalog"
	"pasarbot/orders"
	"pasarbot/store"
)

// orderView is one order as `pasarbot orders --json` prints it.
type orderView struct {
	Code       string      `json:"code"`
	Buyer      string      `json:"buyer"`
	Status     string      `json:"status"`
	Delivery   string      `json:"delivery"`
	Area       string      `json:"area,omitempty"`
	Lines      []lineView  `json:"lines"`
	Groups     []groupView `json:"groups"`
	Ongkir     int64       `json:"ongkir"`
	Total      int64       `json:"total"`
	Courier    string      `json:"courier,omitempty"`
	Payment    string      `json:"payment_method"`
	CreatedAt  time.Time   `json:"created_at"`
	UpdatedAt  time.Time   `json:"updated_at"`
	*auditView             // --json: payment, refunds and the whole trail
}

type lineView struct {
	Group  string  `json:"group"`
	SKU    string  `json:"sku"`
	Name   string  `json:"name"`
	Qty    float64 `json:"qty"`
	Unit   string  `json:"unit"`
	Amount int64   `json:"amount"`
	Note   string  `json:"note,omitempty"`
}

type groupView struct {
	Group       string `json:"group"`
	Status      string `json:"status"`
	ListTotal   int64  `json:"list_total"`
	AgreedTotal int64  `json:"agreed_total"`
	ConfirmedBy string `json:"confirmed_by,omitempty"`
	Trader      string `json:"trader,omitempty"`
}

func viewOf(o *orders.Order) orderView {
	v := orderView{Code: o.Code, Buyer: o.BuyerPhone, Status: string(o.Status), Delivery: string(o.Delivery), Area: o.Area,
		Ongkir: o.Ongkir, Total: o.Total(), Courier: o.Courier, Payment: o.Payment, CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt}
	if v.Buyer == "" {
		v.Buyer = o.BuyerChat
	}
	for _, l := range o.Lines {
		v.Lines = append(v.Lines, lineView{Group: l.Group, SKU: l.SKU, Name: l.Name, Qty: l.Qty.Float(), Unit: l.Unit, Amount: l.Amount, Note: l.Note})
	}
	for _, s := range o.Subs {
		v.Groups = append(v.Groups, groupView{Group: s.Group, Status: string(s.Status), ListTotal: s.ListTotal, AgreedTotal: s.AgreedTotal, ConfirmedBy: s.ConfirmedBy, Trader: s.Trader})
	}
	return v
}

// runOrders lists orders for admins and for checking a replay.
func runOrders(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "orders", "[--config FILE] [--market ID] [--db FILE] [--json] [--limit N]")
	cf := addConfigFlags(fs)
	asJSON := fs.Bool("json", false, "one JSON object per order")
	limit := fs.Int("limit", 100, "newest N orders")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, db, err := cf.openReadOnly(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	var os []*orders.Order
	audits := map[string]*auditView{}
	if err := db.View(ctx, func(tx *store.Tx) error {
		var err error
		if os, err = tx.ListOrders(*limit); err != nil || !*asJSON {
			return err
		}
		for _, o := range os {
			a, err := loadAudit(tx, o.Code)
			if err != nil {
				return err
			}
			audits[o.Code] = &a
		}
		return nil
	}); err != nil {
		return err
	}
	loc := cfg.Location()
	for _, o := range os {
		v := viewOf(o)
		v.auditView = audits[o.Code]
		if *asJSON {
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, string(b))
			continue
		}
		fmt.Fprintf(e.stdout, "%s  %-16s %-5s buyer %s  total %s (ongkir %s)  %s\n", v.Code, v.Status, v.Delivery, v.Buyer,
			catalog.Rupiah(v.Total), catalog.Rupiah(v.Ongkir), o.CreatedAt.In(loc).Format("2006-01-02 15:04"))
		for _, g := range v.Groups {
			fmt.Fprintf(e.stdout, "      %-8s %-16s list %s agreed %s %s\n", g.Group, g.Status, catalog.Rupiah(g.ListTotal), catalog.Rupiah(g.AgreedTotal), strings.TrimSpace(g.Trader))
		}
		for _, l := range o.Lines {
			fmt.Fprintf(e.stdout, "      • %s %s %s — %s\n", l.Name, l.Qty.ID(), l.Unit, catalog.Rupiah(l.Amount))
		}
		if v.Courier != "" {
			fmt.Fprintf(e.stdout, "      courier %s\n", v.Courier)
		}
	}
	return nil
}
