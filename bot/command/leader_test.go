package command_test

import (
	"fmt"
	"math"
	"testing"

	"pasarbot/bot/command"
)

func TestParseLeaderPrices(t *testing.T) {
	type item = command.PriceItem
	for _, tt := range []struct {
		in    string
		verb  command.Kind
		items []item
	}{
		{"HARGA cabe rawit 60000/kg", command.PriceSet, []item{{"cabe rawit", 60000, "kg"}}},
		{"harga cabe rawit merah 60.000", command.PriceSet, []item{{"cabe rawit merah", 60000, ""}}},
		{"Harga: tongkol Rp 55.000", command.PriceSet, []item{{"tongkol", 55000, ""}}},
		{"HARGA bawang merah 45rb", command.PriceSet, []item{{"bawang merah", 45000, ""}}},
		{"harga bawang merah 45 ribu", command.PriceSet, []item{{"bawang merah", 45000, ""}}},
		{"harga kemiri 6k/ons", command.PriceSet, []item{{"kemiri", 6000, "ons"}}},
		{"harga tomat Rp12.000 per kg", command.PriceSet, []item{{"tomat", 12000, "kg"}}},
		{"harga tomat 12000 sekilo", command.PriceSet, []item{{"tomat", 12000, "kg"}}},
		{"harga tomat 12000 / kilo", command.PriceSet, []item{{"tomat", 12000, "kg"}}},
		{"harga telur 7,5rb/btr", command.PriceSet, []item{{"telur", 7500, "butir"}}},
		{"HARGA\ncabe rawit 60000\nbawang 45.000/kg", command.PriceSet, []item{{"cabe rawit", 60000, ""}, {"bawang", 45000, "kg"}}},
		{"harga cabe 60rb; tomat 12rb, wortel 14.000", command.PriceSet, []item{{"cabe", 60000, ""}, {"tomat", 12000, ""}, {"wortel", 14000, ""}}},
		{"HABIS tongkol", command.PriceSoldOut, []item{{Words: "tongkol"}}},
		{"habis: tongkol, kembung", command.PriceSoldOut, []item{{Words: "tongkol"}, {Words: "kembung"}}},
		{"habis:tongkol", command.PriceSoldOut, []item{{Words: "tongkol"}}},
		{"Habis tongkol dan kembung", command.PriceSoldOut, []item{{Words: "tongkol"}, {Words: "kembung"}}},
		{"kosong cabe rawit hijau", command.PriceSoldOut, []item{{Words: "cabe rawit hijau"}}},
		{"ADA tongkol", command.PriceBackIn, []item{{Words: "tongkol"}}},
		{"ada lagi: tongkol", command.PriceBackIn, nil}, // "ada lagi" is chat
		{"ready udang, cumi", command.PriceBackIn, []item{{Words: "udang"}, {Words: "cumi"}}},
		// Out-of-range prices are read as written; the engine answers them.
		{"harga cabe 0", command.PriceSet, []item{{"cabe", 0, ""}}},
		{"HARGA cabe -5000/kg", command.PriceSet, []item{{"cabe", -5000, "kg"}}},
		{"harga cabe 99999999999999999999", command.PriceSet, []item{{"cabe", math.MaxInt64, ""}}},
	} {
		got, ok := command.ParseLeader(tt.in)
		if tt.items == nil {
			if ok {
				t.Errorf("ParseLeader(%q) = %+v, want false", tt.in, got)
			}
			continue
		}
		if !ok {
			t.Errorf("ParseLeader(%q) = false", tt.in)
			continue
		}
		if got.Kind != tt.verb || fmt.Sprint(got.Items) != fmt.Sprint(tt.items) {
			t.Errorf("ParseLeader(%q) = %v %v, want %v %v", tt.in, got.Kind, got.Items, tt.verb, tt.items)
		}
	}
	t.Run("ErrNotACatalogCommand", func(t *testing.T) {
		for _, in := range []string{
			"HARGA A7K2 85000",              // an order's price
			"harga a7k2 cabe 70000/kg",      // an order's line
			"HABIS K3P9",                    // an order
			"ADA A7K2 cabe 1/4 saja",        // an order
			"harga cabe rawit",              // no price
			"harga cabe berapa?",            // a question
			"ada ikan apa aja?",             // a buyer's question
			"habis ini saya ke pasar",       // "after this"
			"ada yang mau kopi",             // chat
			"harga cabe 60000/karungan",     // unknown unit
			"harga 60000",                   // no product
			"harga cabe 60000 bawang 45000", // two items, no separator
			"HARGA cabe 15.5",               // not rupiah
			"harga",
			"habis",
			"halo semua",
			"",
			"OK A7K2",
		} {
			if got, ok := command.ParseLeader(in); ok && !got.AboutOrder() {
				t.Errorf("ParseLeader(%q) = %+v, want false", in, got)
			}
		}
	})
}
