package command_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"pasarbot/bot/command"
	"pasarbot/catalog"
	"pasarbot/orders"
)

var (
	spanRE  = regexp.MustCompile(`^(tutup|([01][0-9]|2[0-4]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9])$`)
	codeRE  = regexp.MustCompile(`^[A-Z][0-9][A-Z][0-9]([A-Z][0-9]?)?$`)
	plateRE = regexp.MustCompile(`^[A-Z]{1,2} [0-9]{1,4}( [A-Z]{1,3})?$`)
	digits  = regexp.MustCompile(`^[1-9][0-9]{7,14}$`) // international digits; Indonesian numbers start with 62
)

// FuzzParseAdmin: never panics, and whatever it returns is already clean: a
// normalized phone, an upper-case code, a canonical span, a real date.
func FuzzParseAdmin(f *testing.F) {
	for _, s := range []string{
		"BUKA", "TUTUP", "JAM 06:00-12:00", "jam senin 6-11", "JAM MINGGU TUTUP", "LIBUR 25/12/2026",
		"LIBUR 17 Agustus 2027", "UMUMKAN PEMBELI halo\nkak", "KURIR TAMBAH 0812 3456 7890 Mas Joko KH 1234 AB",
		"KURIR HAPUS +62 812-3456-7890", "BUKA BLOKIR 081234567890", "TUGASKAN #a7k2 081234567890",
		"SELESAI CS 0812", "ADMIN BANTUAN", "jam 24-24", "libur 29-02-2028", "KURIR TAMBAH 0812345678 \x00 B1",
		"*buka*", "jam 06.00 s/d 12.00 WIB", "UMUMKAN \u00a0\u2003x", "BLOKIR 123456789012345@lid", "LEPAS a7k2",
		"BUKA BLOKIR 12@lid", "ADMIN BANTUAN sekarang", "BALAS 081234567890 halo\nkak", "balas 0712345678 x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, ok := command.ParseAdmin(in)
		if !ok {
			if c != (command.Command{}) {
				t.Fatalf("not a command but %+v", c)
			}
			return
		}
		if c.Kind == command.Invalid {
			if c.Text == "" || c.Want == "" || c.Problem == "" || c.Explanation("en") == "" {
				t.Fatalf("Invalid without explanation: %+v", c)
			}
			return
		}
		if lid := strings.TrimSuffix(c.Phone, "@lid"); lid != c.Phone {
			// BLOKIR/BUKA BLOKIR of a hidden id: digits then "@lid".
			if (c.Kind != command.Blokir && c.Kind != command.BukaBlokir) || strings.Trim(lid, "0123456789") != "" || len(lid) < 6 {
				t.Fatalf("hidden id %q for %s", c.Phone, c.Kind)
			}
		} else if c.Phone != "" {
			if n, ok := catalog.NormalizePhone(c.Phone); !ok || n != c.Phone || !digits.MatchString(c.Phone) {
				t.Fatalf("phone %q not normalized", c.Phone)
			}
		}
		if c.Code != "" && !codeRE.MatchString(c.Code) {
			t.Fatalf("code %q", c.Code)
		}
		if c.Span != "" && !spanRE.MatchString(c.Span) {
			t.Fatalf("span %q", c.Span)
		}
		if c.Plate != "" && !plateRE.MatchString(c.Plate) {
			t.Fatalf("plate %q", c.Plate)
		}
		if c.Date != "" {
			if _, err := time.Parse("2006-01-02", c.Date); err != nil {
				t.Fatalf("date %q: %v", c.Date, err)
			}
		}
		switch c.Kind {
		case command.Blokir, command.BukaBlokir, command.KurirHapus, command.Tugaskan:
			if c.Phone == "" {
				t.Fatalf("%s without phone", c.Kind)
			}
		case command.KurirTambah:
			if c.Phone == "" || c.Name == "" {
				t.Fatalf("courier without phone or name: %+v", c)
			}
		case command.Jam:
			if c.Span == "" {
				t.Fatal("JAM without span")
			}
		case command.Umumkan, command.UmumkanPembeli:
			if c.Text == "" {
				t.Fatal("empty broadcast")
			}
		}
	})
}

// FuzzParseLeader: never panics; an order answer has an upper-case code
// and no negative amount; a price update has products.
func FuzzParseLeader(f *testing.F) {
	for _, s := range []string{"OK A7K2", "ok a7k2 tanpa tomat", "ADA A7K2 cabe 1/4 saja", "TOLAK A7K2 habis",
		"HARGA A7K2 85000", "HARGA A7K2 cabe 70000/kg", "TIMBANG A7K2 cabe 0,3", "TIMBANG A7K2 total 23500",
		"DIAMBIL A7K2", "harga cabe rawit 60000", "ok", "OK 1234", "nego #A7K2: 80rb",
		"HARGA cabe rawit 60000/kg", "harga cabe rawit merah 60.000", "HABIS tongkol", "ADA tongkol",
		"habis: tongkol, kembung", "harga telur 7,5rb/btr", "harga x Rp/", "harga / /", "habis:",
		"harga rp rb", "harga cabe 1rb rb", "harga a 9999999999999999999", "bantuan", "*HELP*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := command.ParseLeader(s)
		if !ok || c.Kind == command.LeaderHelp {
			return
		}
		if !c.AboutOrder() {
			checkPriceItems(t, s, c)
			return
		}
		if !orders.LooksLikeCode(c.Code) || strings.ToUpper(c.Code) != c.Code {
			t.Fatalf("code %q from %q", c.Code, s)
		}
		if c.Amount < 0 || c.Qty < 0 {
			t.Fatalf("negative amount or qty from %q: %+v", s, c)
		}
	})
}

// FuzzParseCourier: never panics; every command but REKAP and BANTUAN
// names an order.
func FuzzParseCourier(f *testing.F) {
	for _, s := range []string{"AMBIL A7K2", "jemput a7k2", "SELESAI A7K2", "BATAL AMBIL A7K2 ban bocor", "REKAP", "PESAN A7K2 saya di depan", "ambil", "batal ambil a7k2", "bantuan"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := command.ParseCourier(s)
		if !ok || c.Kind == command.Rekap || c.Kind == command.CourierHelp {
			return
		}
		if !orders.LooksLikeCode(c.Code) || strings.ToUpper(c.Code) != c.Code {
			t.Fatalf("code %q from %q", c.Code, s)
		}
	})
}

// checkPriceItems: a price list update has products, each with words and
// a known unit.
func checkPriceItems(t *testing.T, s string, cmd command.LeaderCommand) {
	t.Helper()
	if len(cmd.Items) == 0 {
		t.Fatalf("%q: ok with no items", s)
	}
	for _, it := range cmd.Items {
		if strings.TrimSpace(it.Words) == "" {
			t.Fatalf("%q: empty product words", s)
		}
		if it.Unit != "" {
			if _, ok := catalog.LookupUnit(it.Unit); !ok {
				t.Fatalf("%q: unit %q", s, it.Unit)
			}
		}
	}
}
