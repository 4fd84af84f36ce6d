package catalog_test

import (
	"math"
	"testing"

	"pasarbot/catalog"
)

func TestCostNeverWraps(t *testing.T) {
	// "cabe rawit merah 375000000000 kg" at Rp60.000/kg wrapped negative.
	q := catalog.Whole(375_000_000_000)
	if got, want := catalog.Cost(60000, q), int64(22_500_000_000_000_000); got != want {
		t.Errorf("Cost = %d, want %d", got, want)
	}
	if got := catalog.Cost(math.MaxInt64/2, q); got != math.MaxInt64 {
		t.Errorf("Cost beyond int64 = %d, want saturated", got)
	}
	if _, ok := catalog.CostChecked(math.MaxInt64/2, q); ok {
		t.Error("CostChecked: overflow not reported")
	}
	if got, ok := catalog.CostChecked(42500, 250); !ok || got != 10625 {
		t.Errorf("CostChecked(42500, ¼) = %d, %v", got, ok)
	}
}

func TestMulDiv(t *testing.T) {
	for _, c := range []struct {
		a, b, d int64
		want    int64
		ok      bool
	}{
		{7, 3, 2, 11, true}, // 10,5 rounds up
		{-7, 3, 2, -11, true},
		{math.MaxInt64, 2, 2, math.MaxInt64, true},
		{math.MaxInt64, 3, 2, 0, false},
		{math.MinInt64, 1, 1, math.MinInt64, true},
		{1, 1, 0, 0, false},
	} {
		got, ok := catalog.MulDiv(c.a, c.b, c.d)
		if got != c.want || ok != c.ok {
			t.Errorf("MulDiv(%d,%d,%d) = %d,%v want %d,%v", c.a, c.b, c.d, got, ok, c.want, c.ok)
		}
	}
	if _, ok := catalog.AddChecked(math.MaxInt64, 1); ok {
		t.Error("AddChecked overflow not reported")
	}
}

func TestLimits(t *testing.T) {
	l := catalog.DefaultLimits
	kg, _ := catalog.LookupUnit("kg")
	ons, _ := catalog.LookupUnit("ons")
	papan, _ := catalog.LookupUnit("papan")
	butir, _ := catalog.LookupUnit("butir")
	for _, c := range []struct {
		u    catalog.Unit
		want catalog.Qty
	}{{kg, catalog.Whole(100)}, {ons, catalog.Whole(1000)}, {butir, catalog.Whole(500)}, {papan, 16666}} {
		if got := l.MaxQty(c.u); got != c.want {
			t.Errorf("MaxQty(%s) = %s, want %s", c.u.Code, got, c.want)
		}
	}
	if _, p := l.CheckLine(kg, 60000, catalog.Whole(375_000_000_000), 0, 0); p != catalog.QtyTooLarge {
		t.Errorf("huge qty: %v", p)
	}
	if _, p := l.CheckLine(kg, 9_000_000, catalog.Whole(50), 0, 0); p != catalog.LineTooExpensive {
		t.Errorf("expensive line: %v", p)
	}
	if _, p := l.CheckLine(kg, 60000, catalog.Whole(10), 0, l.MaxOrderTotal); p != catalog.OrderTooExpensive {
		t.Errorf("order total: %v", p)
	}
	if amt, p := l.CheckLine(kg, 60000, 250, 0, 0); p != catalog.WithinLimits || amt != 15000 {
		t.Errorf("¼ kg: %d %v", amt, p)
	}
	for _, price := range []int64{0, -5000, l.MaxPrice + 1} {
		if l.CheckPrice(price) != catalog.PriceOutOfRange {
			t.Errorf("price %d accepted", price)
		}
	}
}
