package catalog_test

import (
	"errors"
	"testing"

	"pasarbot/catalog"
)

func unit(t *testing.T, code string) catalog.Unit {
	t.Helper()
	u, ok := catalog.LookupUnit(code)
	if !ok {
		t.Fatalf("unit %q missing", code)
	}
	return u
}

func TestConvert(t *testing.T) {
	for _, tt := range []struct {
		q        string
		from, to string
		want     string
	}{
		{"1", "kg", "ons", "10"},
		{"2,5", "ons", "kg", "0.25"},
		{"250", "gram", "kg", "0.25"},
		{"1", "kwintal", "kg", "100"},
		{"1", "papan", "butir", "30"},
		{"15", "butir", "papan", "0.5"},
		{"1,5", "liter", "ml", "1500"},
		{"1", "gram", "kg", "0.001"},
		{"1", "biji", "butir", "1"},
	} {
		q, err := catalog.ParseQty(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := catalog.Convert(q, unit(t, tt.from), unit(t, tt.to))
		if err != nil {
			t.Errorf("Convert(%s %s → %s): %v", tt.q, tt.from, tt.to, err)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("Convert(%s %s → %s) = %s, want %s", tt.q, tt.from, tt.to, got, tt.want)
		}
	}
	t.Run("ErrAcrossDimensions", func(t *testing.T) {
		for _, pair := range [][2]string{{"butir", "kg"}, {"kg", "butir"}, {"liter", "kg"}, {"ekor", "kg"}, {"ikat", "biji"}, {"papan", "gram"}, {"porsi", "kg"}} {
			_, err := catalog.Convert(catalog.Whole(1), unit(t, pair[0]), unit(t, pair[1]))
			var inc catalog.IncompatibleUnitsError
			if !errors.As(err, &inc) {
				t.Errorf("Convert %s → %s: err = %v, want IncompatibleUnitsError", pair[0], pair[1], err)
			}
		}
	})
}

func TestParseUnit(t *testing.T) {
	for word, want := range map[string]string{
		"kg": "kg", "Kg": "kg", "kilo": "kg", "KILO": "kg", "ons": "ons", "gr": "gram", "g": "gram",
		"ltr": "liter", "L": "liter", "btr": "butir", "bj": "biji", "ekor": "ekor", "iket": "ikat",
		"bks": "bungkus", "sisir": "sisir", "renteng": "renteng", "papan": "papan", "porsi": "porsi",
		"onggok": "tumpuk", "kg.": "kg",
	} {
		u, ok := catalog.ParseUnit(word)
		if !ok || u.Code != want {
			t.Errorf("ParseUnit(%q) = %q, %v; want %q", word, u.Code, ok, want)
		}
	}
	for _, word := range []string{"", "sak", "pak", "potong", "karungan2"} {
		if u, ok := catalog.ParseUnit(word); ok {
			t.Errorf("ParseUnit(%q) = %q, want none", word, u.Code)
		}
	}
	for code := range catalog.Units {
		if u, ok := catalog.ParseUnit(code); !ok || u.Code != code {
			t.Errorf("ParseUnit(%q) does not find its own code", code)
		}
	}
}

func TestRupiah(t *testing.T) {
	for n, want := range map[int64]string{
		0: "Rp0", 5: "Rp5", 999: "Rp999", 1000: "Rp1.000", 15000: "Rp15.000", 1250000: "Rp1.250.000",
		-5000: "-Rp5.000", 100000000: "Rp100.000.000",
		-9223372036854775808: "-Rp9.223.372.036.854.775.808",
	} {
		if got := catalog.Rupiah(n); got != want {
			t.Errorf("Rupiah(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseRupiah(t *testing.T) {
	for s, want := range map[string]int64{
		"15000": 15000, "15.000": 15000, "Rp15.000": 15000, "Rp 15.000": 15000, "rp. 15.000": 15000,
		"Rp15.000,-": 15000, "15.000,00": 15000, "1.250.000": 1250000, "60rb": 60000, "60 ribu": 60000,
		"60k": 60000, "60K": 60000, "7,5rb": 7500, "7.5rb": 7500, "-5.000": -5000, "0": 0, " 42 ": 42,
	} {
		got, err := catalog.ParseRupiah(s)
		if err != nil || got != want {
			t.Errorf("ParseRupiah(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for _, s := range []string{"", "Rp", "15.5", "15.0000", "1.2.3", "abc", "15,50", "rb", "12a", ".000", "1234567890123456"} {
		if got, err := catalog.ParseRupiah(s); err == nil {
			t.Errorf("ParseRupiah(%q) = %d, want an error", s, got)
		}
	}
}

func TestRoundToStep(t *testing.T) {
	p := catalog.Product{StepQty: 50, MinQty: 100}
	for q, want := range map[catalog.Qty]catalog.Qty{250: 250, 260: 250, 49: 0, 0: 0, 1000: 1000} {
		if got := p.RoundToStep(q); got != want {
			t.Errorf("RoundToStep(%v) = %v, want %v", q, got, want)
		}
	}
	if got, want := (catalog.Product{}).Min(), catalog.Whole(1); got != want {
		t.Errorf("default Min = %v, want %v", got, want)
	}
}

// An empty step_qty: any weighable amount for measured units, whole units
// for counted ones (issue 17).
func TestDefaultStep(t *testing.T) {
	for _, tt := range []struct {
		unit      string
		step, min string
	}{
		{"kg", "0.001", "0.001"},
		{"ons", "0.01", "0.01"},
		{"gram", "1", "1"},
		{"kwintal", "0.001", "0.001"},
		{"liter", "0.001", "0.001"},
		{"ml", "1", "1"},
		{"ikat", "1", "1"},
		{"biji", "1", "1"},
		{"papan", "1", "1"},
		{"ekor", "1", "1"},
		{"bungkus", "1", "1"},
		{"sisir", "1", "1"},
	} {
		p := catalog.Product{Unit: tt.unit}
		if got := p.Step().String(); got != tt.step {
			t.Errorf("%s: Step() = %s, want %s", tt.unit, got, tt.step)
		}
		if got := p.Min().String(); got != tt.min {
			t.Errorf("%s: Min() = %s, want %s", tt.unit, got, tt.min)
		}
	}
	t.Run("SetStepWins", func(t *testing.T) {
		p := catalog.Product{Unit: "kg", StepQty: 250}
		if got, want := p.Step(), catalog.Qty(250); got != want {
			t.Errorf("Step() = %v, want %v", got, want)
		}
		if got, want := p.RoundToStep(catalog.Qty(600)), catalog.Qty(500); got != want {
			t.Errorf("RoundToStep(0.6) = %v, want %v", got, want)
		}
	})
	t.Run("MoneyBuysGrams", func(t *testing.T) {
		// Rp7.000 of bawang at Rp45.000/kg is 155 grams, not "whole kilos only".
		p := catalog.Product{Unit: "kg", Price: 45000}
		if got, want := p.RoundToStep(catalog.Qty(7000*catalog.QtyScale/p.Price)), catalog.Qty(155); got != want {
			t.Errorf("RoundToStep = %v, want %v", got, want)
		}
	})
}
