package admincmd_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"pasarbot/bot/admincmd"
	"pasarbot/catalog"
)

var (
	spanRE  = regexp.MustCompile(`^(tutup|([01][0-9]|2[0-4]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9])$`)
	codeRE  = regexp.MustCompile(`^[A-Z][0-9][A-Z][0-9]([A-Z][0-9]?)?$`)
	plateRE = regexp.MustCompile(`^[A-Z]{1,2} [0-9]{1,4}( [A-Z]{1,3})?$`)
	digits  = regexp.MustCompile(`^[1-9][0-9]{7,14}$`) // international digits; Indonesian numbers start with 62
)

// FuzzParse: never panics, and whatever it returns is already clean: a
// normalized phone, an upper-case code, a canonical span, a real date.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"BUKA", "TUTUP", "JAM 06:00-12:00", "jam senin 6-11", "JAM MINGGU TUTUP", "LIBUR 25/12/2026",
		"LIBUR 17 Agustus 2027", "UMUMKAN PEMBELI halo\nkak", "KURIR TAMBAH 0812 3456 7890 Mas Joko KH 1234 AB",
		"KURIR HAPUS +62 812-3456-7890", "BUKA BLOKIR 081234567890", "TUGASKAN #a7k2 081234567890",
		"SELESAI CS 0812", "ADMIN BANTUAN", "jam 24-24", "libur 29-02-2028", "KURIR TAMBAH 0812345678 \x00 B1",
		"*buka*", "jam 06.00 s/d 12.00 WIB", "UMUMKAN \u00a0\u2003x", "BLOKIR 123456789012345@lid", "LEPAS a7k2",
		"BUKA BLOKIR 12@lid",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, ok := admincmd.Parse(in)
		if !ok {
			if c != (admincmd.Command{}) {
				t.Fatalf("not a command but %+v", c)
			}
			return
		}
		if c.Kind == admincmd.Invalid {
			if c.Text == "" || c.Want == "" {
				t.Fatalf("Invalid without explanation: %+v", c)
			}
			return
		}
		if lid := strings.TrimSuffix(c.Phone, "@lid"); lid != c.Phone {
			// BLOKIR/BUKA BLOKIR of a hidden id: digits then "@lid".
			if (c.Kind != admincmd.Blokir && c.Kind != admincmd.BukaBlokir) || strings.Trim(lid, "0123456789") != "" || len(lid) < 6 {
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
		case admincmd.Blokir, admincmd.BukaBlokir, admincmd.KurirHapus, admincmd.Tugaskan:
			if c.Phone == "" {
				t.Fatalf("%s without phone", c.Kind)
			}
		case admincmd.KurirTambah:
			if c.Phone == "" || c.Name == "" {
				t.Fatalf("courier without phone or name: %+v", c)
			}
		case admincmd.Jam:
			if c.Span == "" {
				t.Fatal("JAM without span")
			}
		case admincmd.Umumkan, admincmd.UmumkanPembeli:
			if c.Text == "" {
				t.Fatal("empty broadcast")
			}
		}
	})
}
