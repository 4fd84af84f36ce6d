package bot

import (
	"testing"
	"unicode/utf8"

	"pasarbot/orders"
)

func FuzzCleanText(f *testing.F) {
	f.Add("tomat\x00 1\u200b kg\x1b[31m")
	f.Add("cabe\n1/4\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		c := cleanText(s)
		for _, r := range c {
			if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || r == '\u200b') {
				t.Fatalf("control character %U left in %q", r, c)
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(c) {
			t.Fatalf("invalid UTF-8 from valid input %q", s)
		}
	})
}

func FuzzIntent(f *testing.F) {
	for _, s := range []string{"itu aja ya kak", "ya", "nomor 2", "tawar 80rb", "batal A7K2", "komplain A7K2 busuk", "menu 2", "cabe 1/4 antar ke Jl. Melati 5 atas nama Bu Yati, itu aja", "ambil sendiri ke pasar ya"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		norm(s)
		number(s)
		findCode(s)
		offerAmount(s)
		menuPage(norm(s))
		splitNameAddress(s)
		cutFinish(s)
		cutName(s)
		cutDelivery(s)
		wordSpans(s)
		if rest, name := cutName(s); len(rest)+len(name) > len(s)+1 {
			t.Fatalf("cutName grew %q into %q + %q", s, rest, name)
		}
	})
}

// FuzzReadBuyer reads arbitrary text in every state: the reader never
// panics, returns at least one act, and only events of the table.
func FuzzReadBuyer(f *testing.F) {
	for _, s := range []string{"cabe rawit 1/4 sama ayam 1 ekor, antar ke Gg. Kenanga 2 RT 04 Pahandut atas nama Bu Yati",
		"eh keliru, ayamnya 2", "wortelnya dihapus", "kalo setengah kilo?", "Perum Griya\nBlok F no 12\nMenteng",
		"batal, ganti: tomat 1,5 kg", "yang paling murah", "ngaran ulun Galuh. langsung kirim ja lah", "\u2028\u2029\u0085,,..??"} {
		f.Add(s)
	}
	e := defaultCatalogEngine(f, Settings{SelfPickup: true, Fees: orders.FeeTable{Zones: []orders.Zone{{Name: "Dekat", Keywords: []string{"langkai", "jekan raya"}, Fee: 8000}}}})
	known := map[Event]bool{}
	for _, t := range transitions {
		known[t.On] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range States {
			c := &Conversation{State: st}
			c.Cart = []CartLine{{SKU: "tomat", Name: "Tomat", Unit: "kg", Qty: 1000}}
			c.LastAsked = "ikan-mas"
			if st == StateClarify {
				c.Questions = []Question{{Kind: "ambiguous", Said: "cabe", Choices: []string{"cabai-rawit-merah", "cabai-rawit-hijau"}}}
			}
			acts := e.readBuyer(c, Inbound{Kind: KindText, Text: s})
			if len(acts) == 0 {
				t.Fatalf("%s: no act for %q", st, s)
			}
			for _, a := range acts {
				if !known[a.ev] {
					t.Fatalf("%s: event %q is in no row", st, a.ev)
				}
			}
		}
	})
}
