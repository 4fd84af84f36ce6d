package parse_test

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

// operatorCSV is a small market catalog written the way an operator fills a
// spreadsheet: ';' separated, prices with dots, min_qty and step_qty left
// empty, tempe and petai per papan, eggs per papan and per butir, fish in
// "Ikan Laut", fruit in "Buah-Buahan", near-duplicates (two kinds of
// kacang panjang, two telur). Nothing in it is from the default catalog.
const operatorCSV = `sku;name;aliases;category;unit;price;group;kind;min_qty;step_qty;floor_price;available
kunyit;Kunyit;kunir;Bumbu;kg;20.000;bumbu;;;;;
lengkuas;Lengkuas;laos;Bumbu;kg;18.000;bumbu;;;;;
cabe-kriting;Cabe Keriting;cabe merah;Bumbu;kg;60.000;bumbu;;;;;
bawang-merah;Bawang Merah;bawang abang;Bumbu;kg;45.000;bumbu;;;;;
kentang;Kentang;;Sayur;kg;16.000;sayur;;;;;
wortel;Wortel;;Sayur;kg;14.000;sayur;;;;;
kangkung;Kangkung;;Sayur;ikat;3.000;sayur;;;;;
kacang-panjang;Kacang Panjang;;Sayur;ikat;4.000;sayur;;;;;
kacang-panjang-ungu;Kacang Panjang Ungu;;Sayur;ikat;5.000;sayur;;;;;
tempe;Tempe Papan;tempe;Lauk;papan;6.000;sayur;;;;;
petai;Petai;pete;Sayur;papan;12.000;sayur;;;;;
telur-papan;Telur Ayam Papan;telur ayam;Sembako;papan;52.000;sembako;;;;;
telur-bebek;Telur Bebek;;Sembako;butir;3.000;sembako;;;;;
ayam;Ayam Potong;ayam;Daging;kg;38.000;daging;;;;;
ikan-nila;Ikan Nila;nila;Ikan Laut;kg;35.000;ikan;;;;;
beras;Beras Lokal;beras;Sembako;kg;13.500;sembako;;;;;
santan;Santan Kelapa;santan;Sembako;ml;40;sembako;;;;;
minyak;Minyak Goreng;minyak;Sembako;liter;19.000;sembako;;;;;
apel;Apel Hijau;apel;Buah-Buahan;kg;35.000;buah;;;;;
pisang;Pisang Kepok;pisang;Buah-Buahan;sisir;20.000;buah;;;;;
`

var operatorParser = csvParser(operatorCSV)

// csvParser builds a parser over a catalog CSV once, on first use.
func csvParser(csv string) func() *parse.Parser {
	return sync.OnceValue(func() *parse.Parser {
		ps, err := catalog.ReadCSV(strings.NewReader(csv), nil)
		if err != nil {
			panic(err)
		}
		return parse.New(catalog.NewIndex(ps))
	})
}

// want is what one message must give: items as "sku qty" or "sku qty
// amount", questions as "kind sku…" (sku optional), unknown phrases.
type want struct {
	items []string
	qs    []string
	unk   []string
}

func (w want) check(t *testing.T, p *parse.Parser, text string) {
	t.Helper()
	r := p.Parse(text)
	var items, qs, unk []string
	for _, it := range r.Items {
		s := it.SKU + " " + it.Qty.String()
		if it.Amount > 0 {
			s += " " + catalog.Rupiah(it.Amount)
		}
		items = append(items, s)
	}
	for _, q := range r.Questions {
		s := string(q.Kind)
		if q.Product != nil {
			s += " " + q.Product.SKU
		}
		for _, c := range q.Choices {
			s += " " + c.SKU
		}
		qs = append(qs, s)
	}
	for _, u := range r.Unknown {
		unk = append(unk, u.Said)
	}
	if !slices.Equal(items, w.items) || !slices.Equal(qs, w.qs) || !slices.Equal(unk, w.unk) {
		t.Errorf("%q:\n\titems %q, want %q\n\tquestions %q, want %q\n\tunknown %q, want %q", text, items, w.items, qs, w.qs, unk, w.unk)
	}
}

func items(s ...string) want { return want{items: s} }
func asks(s ...string) want  { return want{qs: s} }

// Point 1: an empty step on a weighed or measured product takes any
// amount; on a counted product, whole units.
func TestOperatorCatalogEmptySteps(t *testing.T) {
	p := operatorParser()
	for text, w := range map[string]want{
		"kunyit setengah":       items("kunyit 0.5"),
		"lengkuas 2,5 ons":      items("lengkuas 0.25"),
		"ayam 1200 gr":          items("ayam 1.2"),
		"cabe kriting 75 gram":  items("cabe-kriting 0.075"),
		"santan 500 ml":         items("santan 500"),
		"santan setengah liter": items("santan 500"),
		"minyak 1/3 liter":      items("minyak 0.333"),
		"bawang merah 7rb":      items("bawang-merah 0.155 Rp7.000"),
		"kunyit 2rb":            items("kunyit 0.1 Rp2.000"),
		"kangkung 2 ikat":       items("kangkung 2"),
		"kangkung 1,5 ikat":     asks("confirm_qty kangkung"),
		"kangkung 10rb":         asks("confirm_amount kangkung"),
		"kangkung 6rb":          items("kangkung 2 Rp6.000"),
	} {
		w.check(t, p, text)
	}
}

// Point 2: a product's own unit wins over what the unit word means
// elsewhere (a papan of eggs is 30 pieces).
func TestOperatorCatalogOwnUnit(t *testing.T) {
	p := operatorParser()
	for text, w := range map[string]want{
		"tempe 3 papan":             items("tempe 3"),
		"petai dua papan":           items("petai 2"),
		"sepapan pete":              items("petai 1"),
		"pete 2 ppn":                items("petai 2"),
		"telur ayam sepapan":        items("telur-papan 1"),
		"telur ayam papan 2 papan":  items("telur-papan 2"),
		"telur ayam papan 30 butir": items("telur-papan 1"),
		"telur ayam papan 10 butir": asks("confirm_qty telur-papan"),
		"telur bebek 1 papan":       items("telur-bebek 30"),
		"tempe 2 biji":              asks("incompatible_unit tempe"),
		"petai 1 kg":                asks("incompatible_unit petai"),
		"kangkung 2 iket":           items("kangkung 2"),
		"pisang 2 sisir":            items("pisang 2"),
	} {
		w.check(t, p, text)
	}
}

// Point 3: chat abbreviations, on the default catalog and an operator's.
func TestAbbreviations(t *testing.T) {
	t.Run("Default", func(t *testing.T) {
		p := defaultParser()
		for text, w := range map[string]want{
			"cb kriting 1/4": items("cabai-merah-keriting 0.25"),
			"kntg 1 kg":      items("kentang 1"),
			"wrtel setengah": items("wortel 0.5"),
			"ikn nila 1 kg":  items("ikan-nila 1"),
			"bwg mrh 1/4":    items("bawang-merah 0.25"),
			"dgg sapi 1 kg":  items("daging-sapi 1"),
			"tmt 1 kg":       items("tomat 1"),
			"cb rawit 1 ons": asks("ambiguous cabai-rawit-merah cabai-rawit-hijau"),
			"bwg 1/4":        asks("ambiguous bawang-merah bawang-putih"),
		} {
			w.check(t, p, text)
		}
	})
	t.Run("Operator", func(t *testing.T) {
		p := operatorParser()
		for text, w := range map[string]want{
			"brs 5kg":             items("beras 5"),
			"kntg 2 kg":           items("kentang 2"),
			"cb kriting 1 ons":    items("cabe-kriting 0.1"),
			"ikn nila 1 kg":       items("ikan-nila 1"),
			"kngkng 2 ikat":       items("kangkung 2"),
			"kcg pjg 2 ikat":      items("kacang-panjang 2"),
			"kcg pjg ungu 1 ikat": items("kacang-panjang-ungu 1"),
		} {
			w.check(t, p, text)
		}
	})
}

// A catalog may sell by bottle, can or bunch: the unit word is then the
// product's own, while for others it stays a question: one of a unit that
// does not fit them (incompatible_unit, as the market sells by it), and
// of a container nothing here is sold by, one of an unknown unit.
func TestOwnContainerUnits(t *testing.T) {
	ps, err := catalog.ReadCSV(strings.NewReader(`sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available
kecap,Kecap Manis,kecap,Sembako,botol,15.000,sembako,,,,,
pisang,Pisang Talas,pisang,Buah,Tandan,90.000,buah,,,,,
minyak,Minyak Goreng,minyak,Sembako,Liter,19.000,sembako,,,,,
tahu,Tahu Putih,tahu,Lauk,biji,1.000,sayur,,,,,
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := parse.New(catalog.NewIndex(ps))
	for text, w := range map[string]want{
		"kecap 2 botol":      items("kecap 2"),
		"sebotol kecap":      items("kecap 1"),
		"kecap 2 btl 600 ml": items("kecap 2"),
		"pisang setandan":    items("pisang 1"),
		"minyak sebotol":     asks("incompatible_unit minyak"),
		"minyak 2 ember":     asks("unknown_unit minyak"),
		"tahu sabuting":      items("tahu 1"),
		"tahu lima bigi":     items("tahu 5"),
		"tahu telung iji":    items("tahu 3"),
	} {
		w.check(t, p, text)
	}
}

// Point 4: regional words for "and", numbers, "half", "a quarter" and
// "just" join items and form quantities in any catalog.
func TestRegionalGrammar(t *testing.T) {
	for name, p := range map[string]*parse.Parser{"Default": defaultParser(), "Operator": operatorParser()} {
		t.Run(name, func(t *testing.T) {
			for text, w := range map[string]want{
				"kentang sakilo wan wortel satangah kilo haja":        items("kentang 1", "wortel 0.5"),  // Banjar
				"kentang sekilo lawan wortel saparapat":               items("kentang 1", "wortel 0.25"), // Banjar
				"kentang atu kilo ame wortel setenge kilo aje":        items("kentang 1", "wortel 0.5"),  // Betawi
				"kentang sakilo lan wortel seprapat thok":             items("kentang 1", "wortel 0.25"), // Javanese
				"kentang sakilo reujeung wortel sapalih kilo hungkul": items("kentang 1", "wortel 0.5"),  // Sundanese
				"kentang ciek kilo samo wortel satangah sajo":         items("kentang 1", "wortel 0.5"),  // Minang
				"kentang seddi kilo sibawa wortel dua kilo ji":        items("kentang 1", "wortel 2"),    // Bugis
				"kentang tallu kilo siagang wortel rua kilo":          items("kentang 3", "wortel 2"),    // Makassar
				"kentang talu kilo doang":                             items("kentang 3"),
				"tabe' daeng, kentang sikilo setengah mi":             items("kentang 1.5"), // Makassar: si-, tabe', mi
				"iye', kentang appa' kilo sama wortel se're kilo ji":  items("kentang 4", "wortel 1"),
				"kentang kalih kilo kalih wortel sedoso ons":          items("kentang 2", "wortel 1"), // Javanese krama: kalih is "two" and "with"
				"kentang sekawan kilo, wortel kalih kg":               items("kentang 4", "wortel 2"),
				"ulun handak tukar kentang sakilo pang acil":          items("kentang 1"),
				"kentang sakilo nang ganal":                           {items: []string{"kentang 1"}},
			} {
				w.check(t, p, text)
			}
		})
	}
}

// Point 5: ask exactly when a trader would. A quantity with no product is
// a missing_qty question without a product; goods the market does not sell
// are Unknown; a count of a per-kg fruit asks.
func TestAskLikeATrader(t *testing.T) {
	for name, p := range map[string]*parse.Parser{"Default": defaultParser(), "Operator": operatorParser()} {
		t.Run(name, func(t *testing.T) {
			for text, w := range map[string]want{
				"seperempat aja":       asks("missing_qty"),
				"setengah kilo ya":     asks("missing_qty"),
				"2 ons":                asks("missing_qty"),
				"gas elpiji 1 tabung":  {unk: []string{"gas elpiji 1 tabung"}},
				"sabun cuci 2 bungkus": {unk: []string{"sabun cuci 2 bungkus"}},
				// Not questions: a time, a bargain, an answer to a numbered question.
				"jam 8 ya":               {},
				"80rb aja":               {},
				"2":                      {},
				"kentang 1 kg, setengah": {items: []string{"kentang 1"}, qs: []string{"missing_qty"}},
			} {
				w.check(t, p, text)
			}
		})
	}
	t.Run("QuestionCarriesTheQuantity", func(t *testing.T) {
		r := operatorParser().Parse("seperempat aja kak")
		if len(r.Questions) != 1 {
			t.Fatalf("questions: %+v", r.Questions)
		}
		q := r.Questions[0]
		if q.Product != nil || len(q.Choices) != 0 || q.QtyText != "seperempat" || q.Text != "Seperempat itu mau beli apa, kak?" {
			t.Errorf("question %+v", q)
		}
	})
	t.Run("CountOfFruitByTheKilo", func(t *testing.T) {
		asks("confirm_qty apel").check(t, operatorParser(), "apel 3")
		asks("confirm_qty ikan-nila").check(t, operatorParser(), "nila 2")
		asks("confirm_qty kentang").check(t, operatorParser(), "kentang 3")
		items("beras 2").check(t, operatorParser(), "beras 2")
		items("apel 3").check(t, operatorParser(), "apel 3 kg")
		asks("ambiguous apel-fuji apel-malang").check(t, defaultParser(), "apel 3")
	})
}

// General causes the held-out Banjar set revealed, on synthetic catalogs.
func TestHeldOutCauses(t *testing.T) {
	ps, err := catalog.ReadCSV(strings.NewReader(`sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available
telur-ras,Telur Ras,,Telur,kg,29000,g,,,,,
telur-itik,Telur Itik,,Telur,butir,3500,g,,,,,
telur-kampung,Telur Kampung,,Telur,butir,2500,g,,,,,
kol,Kol,,Sayur,kg,12000,g,,,,,
wortel,Wortel,,Sayur,kg,16000,g,,,,,
itik,Itik,,Unggas,ekor,90000,g,,,,,
gula,Gula Pasir,gula,Sembako,kg,18000,g,,,,,
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := parse.New(catalog.NewIndex(ps))
	for text, w := range map[string]want{
		// A heading before a colon names nothing; a quantity after it joins it.
		"bahan sop: kol 1/2, wortel 1/2": items("kol 0.5", "wortel 0.5"),
		"sayur:\nkol 1 kg":               items("kol 1"),
		"gula: 2 kg":                     items("gula 2"),
		// A weight picks the one sort of a family sold by weight; a count does not.
		"telur 1 kg":     items("telur-ras 1"),
		"telur 10 butir": asks("ambiguous telur-ras telur-itik telur-kampung"),
		// Large orders are confirmed.
		"gula 2 juta":   asks("confirm_amount gula"),
		"kol 300 kg":    asks("confirm_qty kol"),
		"itik 100 ekor": asks("confirm_qty itik"),
		"itik 2 ekor":   items("itik 2"),
		// A count of vegetables sold by weight: "3 kg?"
		"kol 3": asks("confirm_qty kol"),
		// A classifier counts in the product's own counted unit.
		"itik sabuting": items("itik 1"),
		// A misspelt product word is not left out: "tlor" is telur, a vowel
		// changed and one dropped (not Itik with a note "tlor").
		"tlor itik 2 butir": items("telur-itik 2"),
	} {
		w.check(t, p, text)
	}
}

// A chat abbreviation of the start of only one product's name is that
// product ("gla mrh 1 kg"); whole words that may name a kind still ask.
func TestAbbreviatedName(t *testing.T) {
	ix := catalog.NewIndex([]catalog.Product{
		{SKU: "gula-merah", Name: "Gula Merah", Unit: "kg", Price: 20000, Available: true},
		{SKU: "gula-pasir", Name: "Gula Pasir", Unit: "kg", Price: 18000, Available: true},
		{SKU: "kunyit", Name: "Kunyit", Category: "bumbu", Unit: "kg", Price: 20000, Available: true},
	})
	p := parse.New(ix)
	if r := p.Parse("gla mrh 1 kg"); len(r.Items) != 1 || r.Items[0].SKU != "gula-merah" {
		t.Errorf("gla mrh 1 kg: %+v", r)
	}
	// A bare count of a spice sold by the kilo is confirmed, as for
	// vegetables: "kunyit 2" may be two roots.
	if r := p.Parse("kunyit 2"); len(r.Items) != 0 || len(r.Questions) != 1 || r.Questions[0].Kind != parse.ConfirmQty {
		t.Errorf("kunyit 2: %+v", r)
	}
}

// What the order is for, said first, is no note of nothing: "buat masak
// soto, itu ayam kampung satu ekor" orders the chicken.
func TestPurposeBeforeTheOrder(t *testing.T) {
	p := defaultParser()
	r := p.Parse("buat masak soto nanti siang itu ayam kampung satu ekor")
	if len(r.Items) != 1 || r.Items[0].SKU != "ayam-kampung" {
		t.Errorf("items = %+v", r.Items)
	}
	// A passive verb still starts a note: "dipotong 4" is how to cut it.
	r = p.Parse("ayam kampung 1 ekor, dipotong 4, dibersihin")
	if len(r.Items) != 1 || r.Items[0].Note == "" {
		t.Errorf("items = %+v", r.Items)
	}
}
