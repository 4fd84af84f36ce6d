package parse_test

import (
	"testing"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

// tinyParser reads against a handful of products that exercise what the
// default catalog lacks: eggs by the piece, fish by the pile, half
// chickens, rice by the sack, an alias two products share, no price.
func tinyParser(t *testing.T) *parse.Parser {
	t.Helper()
	ps := []catalog.Product{
		{SKU: "telur-butir", Name: "Telur Ayam", Aliases: []string{"telur", "telor", "endog"}, Category: "telur", Unit: "butir", Price: 2000, Group: "g", Kind: catalog.Goods, Available: true},
		{SKU: "tempe", Name: "Tempe", Category: "tahu & tempe", Unit: "biji", Price: 5000, Group: "g", Kind: catalog.Goods, Available: true},
		{SKU: "asin-tumpuk", Name: "Ikan Asin Tumpukan", Aliases: []string{"ikan asin", "asin"}, Category: "ikan", Unit: "tumpuk", Price: 10000, Group: "g", Kind: catalog.Goods, Available: true},
		{SKU: "ayam", Name: "Ayam Potong", Aliases: []string{"ayam"}, Category: "daging", Unit: "ekor", Price: 40000, StepQty: 500, Group: "g", Kind: catalog.Goods, Available: true},
		{SKU: "beras-karung", Name: "Beras Karung 25 kg", Aliases: []string{"beras karung"}, Category: "sembako", Unit: "karung", Price: 300000, Group: "g", Kind: catalog.Goods, Available: true},
		{SKU: "beras", Name: "Beras", Category: "sembako", Unit: "kg", Price: 12000, StepQty: 500, Group: "g", Kind: catalog.Goods, Available: true},
		{SKU: "gula-a", Name: "Gula A", Aliases: []string{"gula"}, Category: "sembako", Unit: "kg", Price: 18000, StepQty: 250, Group: "g", Kind: catalog.Goods, Available: true},
		{SKU: "gula-b", Name: "Gula B", Aliases: []string{"gula"}, Category: "sembako", Unit: "kg", Price: 19000, StepQty: 250, Group: "g", Kind: catalog.Goods, Available: true},
		{SKU: "cabe", Name: "Cabe", Category: "bumbu", Unit: "kg", Price: 0, StepQty: 50, Group: "g", Kind: catalog.Goods, Available: true},
		{SKU: "minyak", Name: "Minyak", Category: "sembako", Unit: "liter", Price: 20000, Group: "g", Kind: catalog.Goods, Available: true},
	}
	return parse.New(catalog.NewIndex(ps))
}

func TestParseTiny(t *testing.T) {
	p := tinyParser(t)
	type item struct {
		sku    string
		qty    catalog.Qty
		amount int64
	}
	for _, tt := range []struct {
		name  string
		text  string
		items []item
		kinds []parse.QuestionKind
	}{
		{"PapanOfEggs", "telur 1 papan", []item{{"telur-butir", 30000, 0}}, nil},
		{"SepapanTelor", "sepapan telor", []item{{"telur-butir", 30000, 0}}, nil},
		{"RakOfEggs", "endog 2 rak", []item{{"telur-butir", 60000, 0}}, nil},
		{"DozenEggs", "telur 1 lusin", []item{{"telur-butir", 12000, 0}}, nil},
		{"EggsByMoney", "telur 10rb", []item{{"telur-butir", 5000, 10000}}, nil},
		{"EggsByOddMoney", "telur 5rb", nil, []parse.QuestionKind{parse.ConfirmAmount}},
		{"EggsByKilo", "telur 1 kg", nil, []parse.QuestionKind{parse.IncompatibleUnit}},
		{"PapanOfTempeIsASlab", "tempe 2 papan", []item{{"tempe", 2000, 0}}, nil},
		{"Pile", "ikan asin satu tumpuk", []item{{"asin-tumpuk", 1000, 0}}, nil},
		{"PileSatuTempat", "asin 2 tempat", []item{{"asin-tumpuk", 2000, 0}}, nil},
		{"Seonggok", "seonggok ikan asin", []item{{"asin-tumpuk", 1000, 0}}, nil},
		{"PileBare", "ikan asin 3", []item{{"asin-tumpuk", 3000, 0}}, nil},
		{"PileByKilo", "ikan asin 1 kg", nil, []parse.QuestionKind{parse.IncompatibleUnit}},
		{"HalfChicken", "ayam sebelah", []item{{"ayam", 500, 0}}, nil},
		{"HalfChickenSetengah", "ayam setengah ekor", []item{{"ayam", 500, 0}}, nil},
		{"SackCounted", "beras karung 2 karung", []item{{"beras-karung", 2000, 0}}, nil},
		{"SackSizeByKilo", "beras 25 kg 2 karung", []item{{"beras", 50000, 0}}, nil},
		{"SackWithoutSize", "beras 2 karung", nil, []parse.QuestionKind{parse.IncompatibleUnit}},
		{"SharedAlias", "gula 1 kg", nil, []parse.QuestionKind{parse.Ambiguous}},
		{"NoPrice", "cabe 5rb", nil, []parse.QuestionKind{parse.ConfirmAmount}},
		{"NoPriceByWeight", "cabe 1 ons", []item{{"cabe", 100, 0}}, nil},
		// An empty step on a measured unit takes any amount (issue 17).
		{"Liters", "minyak 1500 ml", []item{{"minyak", 1500, 0}}, nil},
		{"LitersRound", "minyak 2000 ml", []item{{"minyak", 2000, 0}}, nil},
		{"Unknown", "sabun 2", nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := p.Parse(tt.text)
			if len(r.Items) != len(tt.items) {
				t.Fatalf("%q: %d items, want %d: %+v %+v", tt.text, len(r.Items), len(tt.items), r.Items, r.Questions)
			}
			for i, w := range tt.items {
				if g := r.Items[i]; g.SKU != w.sku || g.Qty != w.qty || g.Amount != w.amount {
					t.Errorf("%q: item %d = %s %d %d, want %s %d %d", tt.text, i, g.SKU, g.Qty, g.Amount, w.sku, w.qty, w.amount)
				}
			}
			if len(r.Questions) != len(tt.kinds) {
				t.Fatalf("%q: questions %+v, want kinds %v", tt.text, r.Questions, tt.kinds)
			}
			for i, k := range tt.kinds {
				if r.Questions[i].Kind != k {
					t.Errorf("%q: question %d = %s, want %s (%s)", tt.text, i, r.Questions[i].Kind, k, r.Questions[i].Text)
				}
			}
		})
	}
}

func TestParseTooLong(t *testing.T) {
	p := tinyParser(t)
	long := make([]byte, parse.MaxBytes+1)
	for i := range long {
		long[i] = 'a'
	}
	if r := p.Parse(string(long)); !r.TooLong || len(r.Items) != 0 {
		t.Errorf("Parse(%d bytes) = %+v, want TooLong", len(long), r)
	}
	if r := p.Parse(string(long[:parse.MaxBytes])); r.TooLong {
		t.Errorf("Parse(%d bytes) is TooLong", parse.MaxBytes)
	}
}

// TestParseSaidAndNote checks the words kept for the trader.
func TestParseSaidAndNote(t *testing.T) {
	p := tinyParser(t)
	r := p.Parse("Mbak, tempe 2 biji yg tipis aja ya kak\nayam sebelah, dipotong 4, dibersihin")
	if len(r.Items) != 2 {
		t.Fatalf("items %+v", r.Items)
	}
	if got, want := r.Items[0].Said, "tempe 2 biji"; got != want {
		t.Errorf("said = %q, want %q", got, want)
	}
	if got, want := r.Items[0].Note, "yg tipis"; got != want {
		t.Errorf("note = %q, want %q", got, want)
	}
	if got, want := r.Items[1].Note, "dipotong 4, dibersihin"; got != want {
		t.Errorf("note = %q, want %q", got, want)
	}
}

// TestParseQuestionTexts pins the wording of the questions buyers see.
func TestParseQuestionTexts(t *testing.T) {
	ps, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := parse.New(catalog.NewIndex(ps))
	for _, tt := range []struct{ text, want string }{
		{"cabe rawit", "Maksudnya yang mana kak? 1. Cabai Rawit Merah 2. Cabai Rawit Hijau (balas angkanya)"},
		{"gula", "Gulanya mau berapa kg, kak?"},
		{"telur 1 papan", "Telur Ayam Ras dijual per kg, kak. 1 papan itu mau berapa kg?"},
		{"2 buletan bawang putih", "Bawang Putih dijual per kg, kak. 2 buletan itu mau berapa kg?"},
		{"beli cabe rawit merah 8 juta", "Maksudnya Rp8.000, kak?"},
		{"Sasa dua ribu", "Rp2.000 belum cukup untuk Penyedap Rasa Sasa, kak (Rp5.000/bungkus, minimal 1 bungkus). Mau 1 bungkus?"},
		{"kol 1 ons", "Minimal 0,5 kg untuk Kol, kak. Mau 0,5 kg?"},
		{"daging sapi sekilo 130", "Maksudnya Daging Sapi 1 kg harga Rp130.000, kak? Harga kami Rp140.000."},
	} {
		r := p.Parse(tt.text)
		if len(r.Questions) != 1 {
			t.Errorf("%q: questions %+v", tt.text, r.Questions)
			continue
		}
		if got := r.Questions[0].Text; got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
