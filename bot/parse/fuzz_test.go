package parse_test

import (
	"strings"
	"testing"
	"time"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

// maxParseTime bounds one Parse call on any input, generously enough for
// the race detector on a busy two-core machine.
const maxParseTime = 500 * time.Millisecond

func FuzzParse(f *testing.F) {
	for _, c := range loadCases(f) {
		f.Add(c.text)
	}
	f.Add(strings.Repeat("cabe rawit 1/2 kg yg seger ", 200))
	f.Add(strings.Repeat("1 ", 3000))
	// Issue 17: regional grammar, abbreviations, own units, bare quantities.
	for _, s := range []string{
		"ulun handak tukar kentang sakilo wan wortel satangah haja pang acil",
		"kentang tallu kilo siagang wortel rua kilo ji",
		"cb kriting saparapat, kntg 1200 gr, brs 5kg",
		"seperempat aja", "gas elpiji 1 tabung", "tahu sabuting lawan tempe 3 papan",
		"kecap 2 btl 600 ml", "sapalih setenge aje doang",
	} {
		f.Add(s)
	}
	p := defaultParser()
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 10<<10 {
			s = s[:10<<10]
		}
		r, d := timedParse(p, s)
		// A loaded machine can stall any call; a slow input is slow every
		// time, so only three slow runs in a row fail.
		for try := 0; d > maxParseTime && try < 2; try++ {
			_, d = timedParse(p, s)
		}
		if d > maxParseTime {
			t.Fatalf("Parse took %v on %d bytes", d, len(s))
		}
		if r.TooLong != (len(s) > parse.MaxBytes) {
			t.Fatalf("TooLong = %v for %d bytes", r.TooLong, len(s))
		}
		checkResult(t, s, r)
	})
}

func timedParse(p *parse.Parser, s string) (parse.Result, time.Duration) {
	start := time.Now()
	r := p.Parse(s)
	return r, time.Since(start)
}

// checkResult asserts what every result must satisfy.
func checkResult(t *testing.T, s string, r parse.Result) {
	t.Helper()
	for _, it := range r.Items {
		if it.SKU == "" || it.Unit == "" || it.Qty <= 0 {
			t.Fatalf("bad item %+v from %q", it, s)
		}
		if !strings.Contains(s, it.Said) || it.Said == "" {
			t.Fatalf("item said %q is not from the text %q", it.Said, s)
		}
		if it.Amount < 0 {
			t.Fatalf("negative amount in %+v", it)
		}
	}
	for _, q := range r.Questions {
		if q.Text == "" || q.Kind == "" {
			t.Fatalf("empty question %+v from %q", q, s)
		}
		if q.Kind == parse.Ambiguous && len(q.Choices) == 0 {
			t.Fatalf("ambiguous without choices from %q", s)
		}
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"80000", "80.000", "80rb", "80 ribu", "80k", "Rp 80.000", "80an", "goceng", "ceban",
		"gocap", "seceng", "limang ewu", "sewu", "rong ewu", "dua ribu", "1,5jt", "Rp5.000,-", "9999999999999999999rb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parse.ParseMoney(s)
		if ok && v <= 0 {
			t.Fatalf("ParseMoney(%q) = %d, true", s, v)
		}
		if ok && v < 1e12 {
			// Whatever reads as money must read back from its written form.
			if back, ok := parse.ParseMoney(catalog.Rupiah(v)); !ok || back != v {
				t.Fatalf("ParseMoney(Rupiah(%d)) = %d, %v", v, back, ok)
			}
		}
	})
}

func FuzzParseSpokenPrice(f *testing.F) {
	for _, s := range []string{"enam lima", "tujuh lima", "lima puluh", "dua belas", "80an", "8 juta", "65", "3,5"} {
		f.Add(s, int64(60000))
		f.Add(s, int64(0))
	}
	f.Add("sembilan sembilan", int64(-5))
	f.Add("1", int64(1<<62))
	f.Fuzz(func(t *testing.T, s string, context int64) {
		v, _, ok := parse.ParseSpokenPrice(s, context)
		if ok && v <= 0 {
			t.Fatalf("ParseSpokenPrice(%q, %d) = %d, ok", s, context, v)
		}
		if !ok && v != 0 {
			t.Fatalf("ParseSpokenPrice(%q, %d) = %d, not ok", s, context, v)
		}
	})
}

func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"1/4", "setengah kilo", "3 ons", "sepapan", "1 1/2 kg", "sak kilo", "sebelah",
		"5kg 2 karung", "2 x 5kg", "1 lusin", "1/0", "99999999999999999999 kg", "½¼"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, unit, ok := parse.ParseQuantity(s)
		if !ok {
			if q != 0 || unit != "" {
				t.Fatalf("ParseQuantity(%q) = %d, %q, not ok", s, q, unit)
			}
			return
		}
		if q <= 0 {
			t.Fatalf("ParseQuantity(%q) = %d", s, q)
		}
		if unit != "" && strings.ContainsAny(unit, " \t") {
			t.Fatalf("ParseQuantity(%q) unit %q", s, unit)
		}
	})
}

// TestParseWorstCase feeds inputs at the size cap built to make the parser
// work hardest: every word unknown (fuzzy matching), every token a
// quantity, no separators.
func TestParseWorstCase(t *testing.T) {
	p := defaultParser()
	for name, unit := range map[string]string{
		"unknown words":  "xqzv brkl mnop ",
		"near misses":    "bawnag merh cbae rwit ",
		"numbers":        "1 ",
		"fractions":      "1 1/2 kg setengah ",
		"separators":     ",",
		"lines":          "gula 1 kg yg seger dipotong 8\n",
		"spelled":        "seratus dua puluh lima ribu ",
		"alias words":    "teh ikan mas limo ",
		"money and qty":  "sekilo 30rb 2 x 5kg ",
		"unseparated":    "gula 1 kg telur 2 kg cabe rawit ",
		"trailing words": "gula 1 kg merah besar seger ",
	} {
		s := strings.Repeat(unit, parse.MaxBytes/len(unit))
		r, d := timedParse(p, s)
		for try := 0; try < 2; try++ { // the best of three: the machine may be busy
			if _, d2 := timedParse(p, s); d2 < d {
				d = d2
			}
		}
		checkResult(t, s, r)
		t.Logf("%-15s %4d bytes: %v (%d items, %d unknown, %d questions)", name, len(s), d, len(r.Items), len(r.Unknown), len(r.Questions))
		if d > 100*time.Millisecond {
			t.Errorf("%s: Parse took %v", name, d)
		}
	}
}
