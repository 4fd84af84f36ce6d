package parse_test

import (
	"testing"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

func TestParseMoney(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"80000", 80000, true},
		{"80.000", 80000, true},
		{"80rb", 80000, true},
		{"80 ribu", 80000, true},
		{"80k", 80000, true},
		{"80K", 80000, true},
		{"Rp 80.000", 80000, true},
		{"Rp80.000", 80000, true},
		{"rp. 80.000,-", 80000, true},
		{"Rp5.000,-", 5000, true},
		{"80an", 80000, true},
		{"80rb an", 80000, true},
		{"goceng", 5000, true},
		{"ceban", 10000, true},
		{"gocap", 50000, true},
		{"goban", 50000, true},
		{"seceng", 1000, true},
		{"noceng", 2000, true},
		{"limang ewu", 5000, true},
		{"sewu", 1000, true},
		{"rong ewu", 2000, true},
		{"telung ewu", 3000, true},
		{"rolas ewu", 12000, true},
		{"selawe ewu", 25000, true},
		{"seket ewu", 50000, true},
		{"sarebu", 1000, true},
		{"dua rebu", 2000, true},
		{"dua ribu", 2000, true},
		{"dua ribu lima ratus", 2500, true},
		{"lima belas ribu", 15000, true},
		{"seratus dua puluh lima ribu", 125000, true},
		{"sejuta", 1000000, true},
		{"1,5jt", 1500000, true},
		{"1.5 juta", 1500000, true},
		{"2,5rb", 2500, true},
		{"7.5rb", 7500, true},
		{"15rb aja kak", 15000, true},
		{"500", 500, true},
		{"1.250.000", 1250000, true},
		{"80", 0, false},
		{"1,5", 0, false},
		{"2 kg", 0, false},
		{"sekilo", 0, false},
		{"", 0, false},
		{"gula", 0, false},
		{"5rb 3rb", 0, false},
		{"setengah", 0, false},
	} {
		got, ok := parse.ParseMoney(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseSpokenPrice(t *testing.T) {
	for _, tt := range []struct {
		in        string
		context   int64
		want      int64
		ambiguous bool
		ok        bool
	}{
		{"enam lima", 60000, 65000, false, true},
		{"enam lima", 70000, 65000, false, true},
		{"enam lima", 7000, 6500, false, true},
		{"tujuh lima", 80000, 75000, false, true},
		{"tujuh lima ribu", 80000, 75000, false, true},
		{"lima puluh", 45000, 50000, false, true},
		{"lima puluh", 0, 50000, false, true},
		{"dua belas", 15000, 12000, false, true},
		{"dua belas", 0, 12000, false, true},
		{"80an", 85000, 80000, false, true},
		{"80an", 0, 80000, false, true},
		{"80 ribu", 85000, 80000, false, true},
		{"80rb", 8000, 80000, false, true},
		{"Rp 80.000", 85000, 80000, false, true},
		{"65000", 70000, 65000, false, true},
		{"65", 70000, 65000, false, true},
		{"3,5", 4000, 3500, false, true},
		{"tiga setengah", 4000, 3500, false, true},
		{"8 juta", 8000, 8000, true, true},
		{"8jt", 9000, 8000, true, true},
		{"delapan juta", 8500, 8000, true, true},
		{"2 juta", 2500000, 2000000, false, true},
		{"tiga puluh", 80000, 30000, true, true},
		{"seratus dua puluh", 130000, 120000, false, true},
		{"goceng", 6000, 5000, false, true},
		{"", 5000, 0, false, false},
		{"gula", 5000, 0, false, false},
		{"2 kg", 5000, 0, false, false},
	} {
		got, amb, ok := parse.ParseSpokenPrice(tt.in, tt.context)
		if got != tt.want || amb != tt.ambiguous || ok != tt.ok {
			t.Errorf("ParseSpokenPrice(%q, %d) = %d, %v, %v; want %d, %v, %v", tt.in, tt.context, got, amb, ok, tt.want, tt.ambiguous, tt.ok)
		}
	}
}

func TestParseQuantity(t *testing.T) {
	for _, tt := range []struct {
		in   string
		qty  catalog.Qty
		unit string
		ok   bool
	}{
		{"1/4", 250, "", true},
		{"½", 500, "", true},
		{"¼ kg", 250, "kg", true},
		{"1½kg", 1500, "kg", true},
		{"1 1/2 kg", 1500, "kg", true},
		{"setengah kilo", 500, "kg", true},
		{"stengah kg", 500, "kg", true},
		{"satengah", 500, "", true},
		{"separo", 500, "", true},
		{"seprapat", 250, "", true},
		{"saprapat", 250, "", true},
		{"parapat", 250, "", true},
		{"tiga perempat", 750, "", true},
		{"3/4 kg", 750, "kg", true},
		{"satu setengah kilo", 1500, "kg", true},
		{"sekilo setengah", 1500, "kg", true},
		{"2 kilo setengah", 2500, "kg", true},
		{"dua setengah kilo", 2500, "kg", true},
		{"3 ons", 3000, "ons", true},
		{"3ons", 3000, "ons", true},
		{"3 on", 3000, "ons", true},
		{"seons", 1000, "ons", true},
		{"250 gr", 250000, "gram", true},
		{"250g", 250000, "gram", true},
		{"1 kg 2 ons", 12000, "ons", true},
		{"sepapan", 1000, "papan", true},
		{"1 rak", 1000, "papan", true},
		{"sekilo", 1000, "kg", true},
		{"sakilo", 1000, "kg", true},
		{"sak kilo", 1000, "kg", true},
		{"se kilo", 1000, "kg", true},
		{"1,5 kg", 1500, "kg", true},
		{"1.5kg", 1500, "kg", true},
		{"2 ltr", 2000, "liter", true},
		{"2l", 2000, "liter", true},
		{"dua ikat", 2000, "ikat", true},
		{"2 iket", 2000, "ikat", true},
		{"10 btr", 10000, "butir", true},
		{"10 bj", 10000, "biji", true},
		{"2 ekr", 2000, "ekor", true},
		{"seekor", 1000, "ekor", true},
		{"3 bks", 3000, "bungkus", true},
		{"sebungkus", 1000, "bungkus", true},
		{"5 pcs", 5000, "pcs", true},
		{"1 lusin", 12000, "pcs", true},
		{"sebelah", 500, "ekor", true},
		{"5kg 2 karung", 10000, "kg", true},
		{"2 x 5kg", 10000, "kg", true},
		{"2 buletan", 2000, "buletan", true},
		{"satu tumpuk", 1000, "tumpuk", true},
		{"seonggok", 1000, "tumpuk", true},
		{"satu tempat", 1000, "tumpuk", true},
		{"sebelas", 11000, "", true},
		{"dua belas biji", 12000, "biji", true},
		{"sepuluh", 10000, "", true},
		{"seratus gram", 100000, "gram", true},
		{"1 kilo aja kak", 1000, "kg", true},
		{"5rb", 0, "", false},
		{"gula", 0, "", false},
		{"", 0, "", false},
		{"2 kg gula", 0, "", false},
	} {
		q, u, ok := parse.ParseQuantity(tt.in)
		if q != tt.qty || u != tt.unit || ok != tt.ok {
			t.Errorf("ParseQuantity(%q) = %d, %q, %v; want %d, %q, %v", tt.in, q, u, ok, tt.qty, tt.unit, tt.ok)
		}
	}
}
