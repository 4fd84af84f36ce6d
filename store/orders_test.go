package store_test

import (
	"reflect"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/catalog"
	"pasarbot/orders"
	"pasarbot/store"
)

// newOrder builds an order with two sub-orders (sayur, then daging) and
// three lines.
func newOrder(code, chat string, at time.Time) *orders.Order {
	o := orders.New(code, chat, []orders.Line{
		{Group: "sayur", SKU: "tomat", Name: "Tomat", Unit: "kg", Qty: 250, Price: 12000},
		{Group: "daging", SKU: "ayam", Name: "Ayam potong", Unit: "ekor", Qty: catalog.Whole(1), Price: 45000, Note: "potong 8"},
		{Group: "sayur", SKU: "cabe", Name: "Cabe rawit", Unit: "kg", Qty: 100, Price: 60000, Amount: 10000, SoldOut: orders.SoldOutSkip},
	}, at)
	o.BuyerPhone, o.Delivery, o.Name, o.Address, o.Area = "62811", orders.Antar, "Bu Sri", "Jl. Melati 3", "Sukajadi"
	o.Lat, o.Lng, o.HasPin, o.Ongkir, o.MarketDay = -6.9, 107.6, true, 8000, at.Format("2006-01-02")
	return o
}

func loadOrder(tb testing.TB, db *store.DB, code string) *orders.Order {
	tb.Helper()
	var o *orders.Order
	coreView(tb, db, func(tx *store.Tx) (err error) {
		o, err = tx.Order(code)
		return err
	})
	return o
}

func TestOrder(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		o := newOrder("a7k2", "62811@s.whatsapp.net", t0)
		o.NewEvents = []orders.Event{{From: orders.Draft, To: orders.Placed, Actor: "buyer", At: t0}}
		events := o.NewEvents
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.CreateOrder(o) })
		if got, want := o.Code, "A7K2"; got != want {
			t.Fatalf("code = %q, want %q", got, want)
		}
		if got := o.NewEvents; got != nil {
			t.Fatalf("new events not cleared: %+v", got)
		}
		if got := loadOrder(t, db, "a7k2"); !reflect.DeepEqual(got, o) {
			t.Fatalf("created = %+v\nwant %+v", got, o)
		}

		// Sayur confirms, daging proposes a new price; a line is dropped.
		at := t0.Add(3 * time.Minute)
		if err := o.SetSubStatus("sayur", orders.Confirmed, "62822", "", at); err != nil {
			t.Fatal(err)
		}
		d := o.Sub("daging")
		d.Deadline, d.Reminded, d.Rounds, d.Weighed = at.Add(10*time.Minute), true, 2, true
		d.Proposal = &orders.Proposal{Kind: "partial", Total: 40000, Qty: map[int]int64{2: 500}, Lines: map[int]int64{2: 40000}, Reason: "tinggal setengah", By: "62833"}
		if err := o.SetSubStatus("daging", orders.Negotiating, "62833", "proposal", at); err != nil {
			t.Fatal(err)
		}
		o.Lines = o.Lines[:2] // cabe dropped
		o.Recount("sayur")
		o.Courier = "62899"
		events = append(events, o.NewEvents...)
		if got, want := len(events), 5; got != want {
			t.Fatalf("events = %d, want %d: %+v", got, want, events)
		}
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.SaveOrder(o) })
		if got := o.NewEvents; got != nil {
			t.Fatalf("new events not cleared: %+v", got)
		}
		got := loadOrder(t, db, "A7K2")
		if !reflect.DeepEqual(got, o) {
			t.Fatalf("saved = %+v\nwant %+v", got, o)
		}
		if got, want := got.Subs[1].Proposal, d.Proposal; !reflect.DeepEqual(got, want) {
			t.Fatalf("proposal = %+v, want %+v", got, want)
		}
		coreView(t, db, func(tx *store.Tx) error {
			got, err := tx.OrderEvents("a7k2")
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(got, events) {
				t.Fatalf("events = %+v\nwant %+v", got, events)
			}
			return nil
		})
	})
	t.Run("NotFound", func(t *testing.T) {
		db := MustOpen(t)
		if got := loadOrder(t, db, "ZZZZ"); got != nil {
			t.Fatalf("unknown order = %+v, want nil", got)
		}
		coreView(t, db, func(tx *store.Tx) error {
			ok, err := tx.OrderExists("ZZZZ")
			if got, want := ok, false; err != nil || got != want {
				t.Fatalf("exists = %v, %v; want %v", got, err, want)
			}
			return err
		})
		if err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.SaveOrder(newOrder("ZZZZ", "c", t0)) }); err == nil {
			t.Fatal("no error saving an order never created")
		}
	})
	t.Run("ErrDuplicateCode", func(t *testing.T) {
		db := MustOpen(t)
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.CreateOrder(newOrder("A7K2", "c", t0)) })
		if err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.CreateOrder(newOrder("a7k2", "c", t0)) }); err == nil {
			t.Fatal("no error creating a code twice")
		}
	})
}

func TestOrderLists(t *testing.T) {
	db := MustOpen(t)
	day1, day2 := t0, t0.Add(24*time.Hour)
	coreUpdate(t, db, func(tx *store.Tx) error {
		for _, o := range []*orders.Order{
			newOrder("AAA1", "ani", day1),
			newOrder("BBB1", "budi", day1.Add(500*time.Millisecond)),
			newOrder("AAA2", "ani", day1.Add(time.Second)),
			newOrder("AAA3", "ani", day2),
		} {
			if o.Code == "BBB1" {
				o.Status = orders.Confirmed
			}
			if err := tx.CreateOrder(o); err != nil {
				return err
			}
		}
		return nil
	})
	codes := func(os []*orders.Order) string {
		s := ""
		for _, o := range os {
			s += o.Code + " "
			if len(o.Lines) != 3 || len(o.Subs) != 2 {
				t.Fatalf("order %s loaded without its lines or sub-orders", o.Code)
			}
		}
		return s
	}
	coreView(t, db, func(tx *store.Tx) error {
		n, err := tx.OrderCount()
		if got, want := n, 4; err != nil || got != want {
			t.Fatalf("count = %d, %v; want %d", got, err, want)
		}
		os, err := tx.OrdersOf("ani", 2)
		if got, want := codes(os), "AAA3 AAA2 "; err != nil || got != want {
			t.Fatalf("orders of ani = %q, %v; want %q", got, err, want)
		}
		os, err = tx.OrdersIn(orders.Placed, orders.Negotiating)
		if got, want := codes(os), "AAA1 AAA2 AAA3 "; err != nil || got != want {
			t.Fatalf("orders in = %q, %v; want %q", got, err, want)
		}
		os, err = tx.OrdersIn()
		if got, want := len(os), 0; err != nil || got != want {
			t.Fatalf("orders in nothing = %d, %v; want %d", got, err, want)
		}
		os, err = tx.OrdersOfDay("2026-11-25")
		if got, want := codes(os), "AAA1 BBB1 AAA2 "; err != nil || got != want {
			t.Fatalf("orders of day = %q, %v; want %q", got, err, want)
		}
		os, err = tx.ListOrders(0)
		if got, want := codes(os), "AAA3 AAA2 BBB1 AAA1 "; err != nil || got != want {
			t.Fatalf("list = %q, %v; want %q", got, err, want)
		}
		buyers, err := tx.RecentBuyers(day1.Add(500 * time.Millisecond))
		if got, want := buyers, []string{"ani", "budi"}; err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("recent buyers = %v, %v; want %v", got, err, want)
		}
		buyers, err = tx.RecentBuyers(day1.Add(time.Minute))
		if got, want := buyers, []string{"ani"}; err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("recent buyers = %v, %v; want %v", got, err, want)
		}
		return nil
	})
}

func TestOffers(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		want := []bot.Offer{
			{Order: "A7K2", Group: "daging", Side: "buyer", Amount: 40000, Outcome: "countered", Actor: "buyer", At: t0},
			{Order: "A7K2", Group: "daging", Side: "seller", Amount: 43000, Outcome: "accepted", Actor: "62833", At: t0.Add(time.Minute)},
			{Order: "A7K2", Group: "sayur", Side: "buyer", Amount: 10000, Outcome: "open", Actor: "buyer", At: t0.Add(2 * time.Minute)},
		}
		coreUpdate(t, db, func(tx *store.Tx) error {
			if err := tx.CreateOrder(newOrder("A7K2", "ani", t0)); err != nil {
				return err
			}
			for _, o := range want {
				if o.Outcome == "open" {
					o.Outcome = "" // defaults to open
				}
				o.Order = "a7k2"
				if err := tx.AddOffer(o); err != nil {
					return err
				}
			}
			return nil
		})
		coreView(t, db, func(tx *store.Tx) error {
			got, err := tx.Offers("a7k2")
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("offers = %+v\nwant %+v", got, want)
			}
			return nil
		})
	})
	t.Run("ErrUnknownOrder", func(t *testing.T) {
		db := MustOpen(t)
		if err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.AddOffer(bot.Offer{Order: "NOPE", Group: "sayur", Side: "buyer", Amount: 1, Actor: "buyer", At: t0})
		}); err == nil {
			t.Fatal("no error for an offer on an unknown order")
		}
	})
}

func TestRatingsAndComplaints(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t)
		coreUpdate(t, db, func(tx *store.Tx) error {
			if err := tx.CreateOrder(newOrder("A7K2", "ani", t0)); err != nil {
				return err
			}
			if err := tx.AddRating("a7k2", "group:sayur", 3, "", t0); err != nil {
				return err
			}
			if err := tx.AddRating("A7K2", "group:sayur", 5, "segar", t0.Add(time.Minute)); err != nil {
				return err
			}
			return tx.AddComplaint("a7k2", "ani", "tomatnya busuk", t0)
		})
		coreView(t, db, func(tx *store.Tx) error {
			var n, stars int
			var comment, text string
			if err := store.QueryRowForTest(tx, "SELECT COUNT(*), MAX(stars), MAX(comment) FROM ratings").Scan(&n, &stars, &comment); err != nil {
				return err
			}
			if got, want := [3]any{n, stars, comment}, [3]any{1, 5, "segar"}; got != want {
				t.Fatalf("ratings = %v, want %v", got, want)
			}
			if err := store.QueryRowForTest(tx, "SELECT text FROM complaints WHERE order_code = 'A7K2'").Scan(&text); err != nil {
				return err
			}
			if got, want := text, "tomatnya busuk"; got != want {
				t.Fatalf("complaint = %q, want %q", got, want)
			}
			return nil
		})
	})
	t.Run("ErrStars", func(t *testing.T) {
		db := MustOpen(t)
		coreUpdate(t, db, func(tx *store.Tx) error { return tx.CreateOrder(newOrder("A7K2", "ani", t0)) })
		if err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.AddRating("A7K2", "group:sayur", 6, "", t0) }); err == nil {
			t.Fatal("no error for 6 stars")
		}
	})
}
