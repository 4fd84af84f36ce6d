package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"pasarbot/catalog"
	"pasarbot/store"
)

var catalogDay = time.Date(2026, 11, 25, 6, 0, 0, 0, time.UTC)

func catalogGroups() []catalog.SellerGroup {
	return []catalog.SellerGroup{
		{ID: "sayur", Name: "Kelompok Sayur", Category: "sayur", Stall: "Los A", Leaders: []string{"6282200000001"},
			Members: []catalog.Member{{Phone: "6282200000011", Name: "Bu Tini"}}},
		{ID: "ikan", Name: "Kelompok Ikan", Category: "ikan", Stall: "Los C", Leaders: []string{"6282200000003"},
			Members: []catalog.Member{{Phone: "6282200000003", Name: "Bang Udin"}, {Phone: "6282200000013", Name: "Mang Ujang"}}},
	}
}

func catalogProducts() []catalog.Product {
	return []catalog.Product{
		{SKU: "tomat", Name: "Tomat", Aliases: []string{"tomato"}, Category: "sayur", Unit: "kg", Price: 12000, Group: "sayur", Kind: catalog.Goods, MinQty: 250, StepQty: 250, Available: true},
		{SKU: "kangkung", Name: "Kangkung", Category: "sayur", Unit: "ikat", Price: 4000, Group: "sayur", Kind: catalog.Goods, Available: true},
		{SKU: "tongkol", Name: "Ikan Tongkol", Aliases: []string{"tongkol", "tongkol segar"}, Category: "ikan", Unit: "kg", Price: 50000, Group: "ikan", Kind: catalog.Goods, FloorPrice: 45000, Available: false},
	}
}

// mustUpdate runs fn in a write transaction or fails the test.
func mustUpdate(tb testing.TB, db *store.DB, fn func(tx *store.Tx) error) {
	tb.Helper()
	if err := db.Update(context.Background(), fn); err != nil {
		tb.Fatal(err)
	}
}

func mustCatalogProducts(tb testing.TB, db *store.DB) []catalog.Product {
	tb.Helper()
	var ps []catalog.Product
	if err := db.View(context.Background(), func(tx *store.Tx) (err error) {
		ps, err = tx.Products()
		return err
	}); err != nil {
		tb.Fatal(err)
	}
	return ps
}

func mustCatalogGroups(tb testing.TB, db *store.DB) []catalog.SellerGroup {
	tb.Helper()
	var gs []catalog.SellerGroup
	if err := db.View(context.Background(), func(tx *store.Tx) (err error) {
		gs, err = tx.Groups()
		return err
	}); err != nil {
		tb.Fatal(err)
	}
	return gs
}

func mustPriceChanges(tb testing.TB, db *store.DB, from, to time.Time) []store.PriceChange {
	tb.Helper()
	var cs []store.PriceChange
	if err := db.View(context.Background(), func(tx *store.Tx) (err error) {
		cs, err = tx.PriceChanges(from, to)
		return err
	}); err != nil {
		tb.Fatal(err)
	}
	return cs
}

func TestSyncGroups(t *testing.T) {
	db := MustOpen(t)
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.SyncGroups(catalogGroups()) })
		gs := mustCatalogGroups(t, db)
		if got, want := len(gs), 2; got != want {
			t.Fatalf("%d groups, want %d", got, want)
		}
		g := gs[1]
		if got, want := g.ID+"|"+g.Name+"|"+g.Category+"|"+g.Stall, "ikan|Kelompok Ikan|ikan|Los C"; got != want {
			t.Errorf("group = %q, want %q", got, want)
		}
		if !g.IsLeader("6282200000003") || g.IsLeader("6282200000013") {
			t.Errorf("leaders = %v", g.Leaders)
		}
		if got, want := g.MemberName("6282200000003"), "Bang Udin"; got != want {
			t.Errorf("leader's member name = %q, want %q", got, want)
		}
		if got, want := g.MemberName("6282200000013"), "Mang Ujang"; got != want {
			t.Errorf("member name = %q, want %q", got, want)
		}
		if got, want := len(gs[0].Members), 1; got != want {
			t.Errorf("sayur has %d members, want %d (an unnamed leader is not a member row)", got, want)
		}
		if !gs[0].IsLeader("6282200000001") || !gs[0].IsMember("6282200000011") {
			t.Errorf("sayur = %+v", gs[0])
		}
	})
	t.Run("OKKeepsChatDropsOldMembers", func(t *testing.T) {
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.BindGroupChat("ikan", "120363000000000001@g.us") })
		gs := catalogGroups()
		gs[1].Name = "Kelompok Ikan Bang Udin"
		gs[1].Members = gs[1].Members[:1] // Mang Ujang left
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.SyncGroups(gs) })
		var g catalog.SellerGroup
		var ok bool
		if err := db.View(ctx, func(tx *store.Tx) (err error) {
			g, ok, err = tx.GroupByChat("120363000000000001@g.us")
			return err
		}); err != nil || !ok {
			t.Fatalf("GroupByChat = %v, %v", ok, err)
		}
		if got, want := g.Name, "Kelompok Ikan Bang Udin"; got != want {
			t.Errorf("name = %q, want %q", got, want)
		}
		if g.IsMember("6282200000013") {
			t.Error("a member no longer configured is still stored")
		}
		if !g.IsLeader("6282200000003") {
			t.Error("leader lost")
		}
	})
	t.Run("OKUnconfiguredGroup", func(t *testing.T) {
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.ReplaceProducts(catalogProducts(), "import", catalogDay) })
		// ikan still sells tongkol: it stays, without members, until the catalog drops it.
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.SyncGroups(catalogGroups()[:1]) })
		gs := mustCatalogGroups(t, db)
		if got, want := len(gs), 2; got != want {
			t.Fatalf("%d groups, want %d", got, want)
		}
		if len(gs[1].Leaders)+len(gs[1].Members) != 0 {
			t.Errorf("unconfigured group keeps people: %+v", gs[1])
		}
		mustUpdate(t, db, func(tx *store.Tx) error {
			if err := tx.ReplaceProducts(catalogProducts()[:2], "import", catalogDay); err != nil {
				return err
			}
			return tx.SyncGroups(catalogGroups()[:1])
		})
		if got, want := len(mustCatalogGroups(t, db)), 1; got != want {
			t.Fatalf("%d groups, want %d", got, want)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		err := db.Update(ctx, func(tx *store.Tx) error {
			return tx.SyncGroups([]catalog.SellerGroup{{ID: "a b", Name: "x"}})
		})
		if err == nil {
			t.Fatal("a group id with a space was accepted")
		}
		err = db.Update(ctx, func(tx *store.Tx) error {
			return tx.SyncGroups([]catalog.SellerGroup{{ID: "a", Name: "x"}, {ID: "a", Name: "y"}})
		})
		if err == nil {
			t.Fatal("a group configured twice was accepted")
		}
	})
}

func TestBindGroupChat(t *testing.T) {
	db := MustOpen(t)
	ctx := context.Background()
	mustUpdate(t, db, func(tx *store.Tx) error { return tx.SyncGroups(catalogGroups()) })
	t.Run("OK", func(t *testing.T) {
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.BindGroupChat("sayur", "g1@g.us") })
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.BindGroupChat("sayur", "g1@g.us") }) // again: fine
		if got, want := mustCatalogGroups(t, db)[0].ChatID, "g1@g.us"; got != want {
			t.Errorf("chat = %q, want %q", got, want)
		}
	})
	t.Run("ErrConflict", func(t *testing.T) {
		err := db.Update(ctx, func(tx *store.Tx) error { return tx.BindGroupChat("ikan", "g1@g.us") })
		if !errors.Is(err, catalog.ErrConflict) {
			t.Fatalf("err = %v, want ErrConflict", err)
		}
	})
	t.Run("ErrUnknownGroup", func(t *testing.T) {
		err := db.Update(ctx, func(tx *store.Tx) error { return tx.BindGroupChat("buah", "g2@g.us") })
		if !errors.Is(err, catalog.ErrUnknownGroup) {
			t.Fatalf("err = %v, want ErrUnknownGroup", err)
		}
	})
	t.Run("OKUnbind", func(t *testing.T) {
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.BindGroupChat("sayur", "") })
		if err := db.View(ctx, func(tx *store.Tx) error {
			_, ok, err := tx.GroupByChat("g1@g.us")
			if ok {
				return errors.New("still bound")
			}
			_, ok, err2 := tx.GroupByChat("")
			if ok {
				return errors.New("empty chat found a group")
			}
			return errors.Join(err, err2)
		}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestReplaceProducts(t *testing.T) {
	db := MustOpen(t)
	ctx := context.Background()
	mustUpdate(t, db, func(tx *store.Tx) error { return tx.SyncGroups(catalogGroups()) })
	t.Run("OK", func(t *testing.T) {
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.ReplaceProducts(catalogProducts(), "import", catalogDay) })
		ps := mustCatalogProducts(t, db)
		want := catalogProducts()
		if got, want := len(ps), len(want); got != want {
			t.Fatalf("%d products, want %d", got, want)
		}
		for i := range want {
			if got, want := ps[i].SKU, want[i].SKU; got != want {
				t.Errorf("position %d: %s, want %s", i, got, want)
			}
		}
		if got, want := ps[2].FloorPrice, int64(45000); got != want {
			t.Errorf("floor = %d, want %d", got, want)
		}
		if got, want := len(ps[2].Aliases), 2; got != want {
			t.Errorf("aliases = %v", ps[2].Aliases)
		}
		if ps[2].Available || !ps[0].Available {
			t.Error("availability not kept")
		}
		if got, want := ps[0].StepQty, catalog.Qty(250); got != want {
			t.Errorf("step = %v, want %v", got, want)
		}
		if got, want := len(mustPriceChanges(t, db, catalogDay, catalogDay.Add(time.Second))), 3; got != want {
			t.Errorf("%d price changes, want %d (one per new product)", got, want)
		}
	})
	t.Run("OKOnlyChangesRecorded", func(t *testing.T) {
		ps := catalogProducts()
		ps[0], ps[1] = ps[1], ps[0] // reorder
		ps[0].Price = 5000          // kangkung up
		ps[2].Name = "Ikan Tongkol Segar"
		later := catalogDay.Add(time.Hour)
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.ReplaceProducts(ps, "import", later) })
		got := mustCatalogProducts(t, db)
		if got[0].SKU != "kangkung" || got[2].Name != "Ikan Tongkol Segar" {
			t.Errorf("products = %v", got)
		}
		cs := mustPriceChanges(t, db, later, later.Add(time.Second))
		if len(cs) != 1 || cs[0].SKU != "kangkung" || cs[0].Price != 5000 || !cs[0].HasPrev || cs[0].PrevPrice != 4000 {
			t.Fatalf("changes = %+v", cs)
		}
	})
	t.Run("OKRemoves", func(t *testing.T) {
		mustUpdate(t, db, func(tx *store.Tx) error {
			return tx.ReplaceProducts(catalogProducts()[:1], "import", catalogDay.Add(2*time.Hour))
		})
		if got, want := len(mustCatalogProducts(t, db)), 1; got != want {
			t.Fatalf("%d products, want %d", got, want)
		}
	})
	t.Run("ErrUnknownGroupWritesNothing", func(t *testing.T) {
		ps := catalogProducts()
		ps[1].Group = "buah"
		err := db.Update(ctx, func(tx *store.Tx) error { return tx.ReplaceProducts(ps, "import", catalogDay) })
		if !errors.Is(err, catalog.ErrUnknownGroup) {
			t.Fatalf("err = %v, want ErrUnknownGroup", err)
		}
		if got, want := len(mustCatalogProducts(t, db)), 1; got != want {
			t.Fatalf("%d products after a failed import, want %d", got, want)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for _, ps := range [][]catalog.Product{
			{{SKU: "x", Name: "X", Unit: "sekarung", Price: 1, Group: "sayur", Kind: catalog.Goods}},
			{{SKU: "x", Name: "X", Unit: "kg", Price: -1, Group: "sayur", Kind: catalog.Goods}},
			{catalogProducts()[0], catalogProducts()[0]},
		} {
			err := db.Update(ctx, func(tx *store.Tx) error { return tx.ReplaceProducts(ps, "import", catalogDay) })
			if !errors.Is(err, catalog.ErrInvalid) {
				t.Errorf("err = %v, want ErrInvalid", err)
			}
		}
	})
	t.Run("OKDefaultCatalog", func(t *testing.T) {
		db := MustOpen(t)
		var gs []catalog.SellerGroup
		for _, id := range catalog.DefaultGroupIDs {
			gs = append(gs, catalog.SellerGroup{ID: id, Name: "Kelompok " + id})
		}
		def, err := catalog.Default()
		if err != nil {
			t.Fatal(err)
		}
		mustUpdate(t, db, func(tx *store.Tx) error {
			if err := tx.SyncGroups(gs); err != nil {
				return err
			}
			return tx.ReplaceProducts(def, "import", catalogDay)
		})
		got := mustCatalogProducts(t, db)
		for i := range def {
			if got[i].SKU != def[i].SKU || got[i].Price != def[i].Price || got[i].MinQty != def[i].MinQty || got[i].Available != def[i].Available {
				t.Fatalf("product %d = %+v, want %+v", i, got[i], def[i])
			}
		}
	})
}

func TestSetPrice(t *testing.T) {
	db := MustOpen(t)
	ctx := context.Background()
	mustUpdate(t, db, func(tx *store.Tx) error {
		if err := tx.SyncGroups(catalogGroups()); err != nil {
			return err
		}
		return tx.ReplaceProducts(catalogProducts(), "import", catalogDay)
	})
	leader := "6282200000003"
	t.Run("OK", func(t *testing.T) {
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.SetPrice("tongkol", 55000, leader, catalogDay.Add(time.Hour)) })
		if got, want := mustCatalogProducts(t, db)[2].Price, int64(55000); got != want {
			t.Errorf("price = %d, want %d", got, want)
		}
		cs := mustPriceChanges(t, db, catalogDay.Add(time.Hour), catalogDay.Add(2*time.Hour))
		if len(cs) != 1 {
			t.Fatalf("changes = %+v", cs)
		}
		c := cs[0]
		if c.Actor != leader || c.Price != 55000 || c.PrevPrice != 50000 || !c.HasPrev || c.Name != "Ikan Tongkol" || !c.At.Equal(catalogDay.Add(time.Hour)) {
			t.Errorf("change = %+v", c)
		}
	})
	t.Run("OKUnchangedRecordsNothing", func(t *testing.T) {
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.SetPrice("tongkol", 55000, leader, catalogDay.Add(3*time.Hour)) })
		if cs := mustPriceChanges(t, db, catalogDay.Add(3*time.Hour), catalogDay.Add(4*time.Hour)); len(cs) != 0 {
			t.Errorf("changes = %+v", cs)
		}
	})
	t.Run("OKFloorFollowsDown", func(t *testing.T) {
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.SetPrice("tongkol", 40000, leader, catalogDay.Add(4*time.Hour)) })
		p := mustCatalogProducts(t, db)[2]
		if got, want := p.FloorPrice, int64(40000); got != want {
			t.Errorf("floor = %d, want %d", got, want)
		}
		if err := p.Validate(); err != nil {
			t.Error(err)
		}
	})
	t.Run("ErrUnknownProduct", func(t *testing.T) {
		err := db.Update(ctx, func(tx *store.Tx) error { return tx.SetPrice("durian", 1, leader, catalogDay) })
		if !errors.Is(err, catalog.ErrUnknownProduct) {
			t.Fatalf("err = %v, want ErrUnknownProduct", err)
		}
	})
	t.Run("ErrNegative", func(t *testing.T) {
		err := db.Update(ctx, func(tx *store.Tx) error { return tx.SetPrice("tongkol", -1, leader, catalogDay) })
		if !errors.Is(err, catalog.ErrInvalid) {
			t.Fatalf("err = %v, want ErrInvalid", err)
		}
	})
}

func TestSetAvailable(t *testing.T) {
	db := MustOpen(t)
	ctx := context.Background()
	mustUpdate(t, db, func(tx *store.Tx) error {
		if err := tx.SyncGroups(catalogGroups()); err != nil {
			return err
		}
		return tx.ReplaceProducts(catalogProducts(), "import", catalogDay)
	})
	t.Run("OK", func(t *testing.T) {
		at := catalogDay.Add(time.Hour)
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.SetAvailable("tongkol", true, "6282200000003", at) })
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.SetAvailable("tongkol", true, "6282200000003", at) })
		mustUpdate(t, db, func(tx *store.Tx) error { return tx.SetAvailable("tomat", false, "6282200000001", at.Add(time.Minute)) })
		ps := mustCatalogProducts(t, db)
		if !ps[2].Available || ps[0].Available {
			t.Errorf("availability = %v %v", ps[0].Available, ps[2].Available)
		}
		cs := mustPriceChanges(t, db, at, at.Add(time.Hour))
		if got, want := len(cs), 2; got != want {
			t.Fatalf("%d changes, want %d: %+v", got, want, cs)
		}
		if c := cs[0]; c.SKU != "tongkol" || !c.Available || c.PrevAvailable || c.Price != 50000 {
			t.Errorf("change = %+v", c)
		}
		if c := cs[1]; c.SKU != "tomat" || c.Available || !c.PrevAvailable {
			t.Errorf("change = %+v", c)
		}
	})
	t.Run("ErrUnknownProduct", func(t *testing.T) {
		err := db.Update(ctx, func(tx *store.Tx) error { return tx.SetAvailable("durian", true, "x", catalogDay) })
		if !errors.Is(err, catalog.ErrUnknownProduct) {
			t.Fatalf("err = %v, want ErrUnknownProduct", err)
		}
	})
}

func TestPriceChangesWindow(t *testing.T) {
	db := MustOpen(t)
	mustUpdate(t, db, func(tx *store.Tx) error {
		if err := tx.SyncGroups(catalogGroups()); err != nil {
			return err
		}
		if err := tx.ReplaceProducts(catalogProducts(), "import", catalogDay.Add(-24*time.Hour)); err != nil {
			return err
		}
		for i, p := range []int64{13000, 14000, 15000} {
			if err := tx.SetPrice("tomat", p, "6282200000001", catalogDay.Add(time.Duration(i)*time.Hour)); err != nil {
				return err
			}
		}
		return nil
	})
	t.Run("OK", func(t *testing.T) {
		cs := mustPriceChanges(t, db, catalogDay, catalogDay.Add(2*time.Hour)) // [06:00, 08:00): 13000 and 14000
		if got, want := len(cs), 2; got != want {
			t.Fatalf("%d changes, want %d", got, want)
		}
		if cs[0].PrevPrice != 12000 || cs[1].PrevPrice != 13000 || cs[1].Price != 14000 {
			t.Errorf("changes = %+v", cs)
		}
	})
	t.Run("OKEmpty", func(t *testing.T) {
		if cs := mustPriceChanges(t, db, catalogDay.Add(48*time.Hour), catalogDay.Add(72*time.Hour)); len(cs) != 0 {
			t.Errorf("changes = %+v", cs)
		}
	})
	t.Run("OKFirstHasNoPrev", func(t *testing.T) {
		cs := mustPriceChanges(t, db, catalogDay.Add(-25*time.Hour), catalogDay)
		if len(cs) != 3 || cs[0].HasPrev {
			t.Errorf("changes = %+v", cs)
		}
	})
}

// BenchmarkReplaceProducts imports a 500-product catalog into a database
// that already holds it with every price changed: the morning re-import.
func BenchmarkReplaceProducts(b *testing.B) {
	def, err := catalog.Default()
	if err != nil {
		b.Fatal(err)
	}
	var ps []catalog.Product
	for i := 0; len(ps) < 500; i++ {
		p := def[i%len(def)]
		p.SKU = fmt.Sprintf("%s-%d", p.SKU, i)
		ps = append(ps, p)
	}
	var gs []catalog.SellerGroup
	for _, id := range catalog.DefaultGroupIDs {
		gs = append(gs, catalog.SellerGroup{ID: id, Name: id})
	}
	db := MustOpen(b)
	mustUpdate(b, db, func(tx *store.Tx) error {
		if err := tx.SyncGroups(gs); err != nil {
			return err
		}
		return tx.ReplaceProducts(ps, "import", catalogDay)
	})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		for j := range ps {
			ps[j].Price += 500
		}
		mustUpdate(b, db, func(tx *store.Tx) error {
			return tx.ReplaceProducts(ps, "import", catalogDay.Add(time.Duration(i)*time.Minute))
		})
	}
}
