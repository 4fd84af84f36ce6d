package command_test

import (
	"strings"
	"testing"
	"time"

	"pasarbot/bot/command"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want command.Command
	}{
		{"BUKA", command.Command{Kind: command.Buka}},
		{"  buka  ", command.Command{Kind: command.Buka}},
		{"*Buka*", command.Command{Kind: command.Buka}},
		{"tutup!", command.Command{Kind: command.Tutup}},
		{"/info", command.Command{Kind: command.Info}},
		{"INFO", command.Command{Kind: command.Info}},
		{"laporan", command.Command{Kind: command.Laporan}},
		{"LAPORAN 24/11/2026", command.Command{Kind: command.Laporan, Date: "2026-11-24"}},

		{"JAM 06:00-12:00", command.Command{Kind: command.Jam, Span: "06:00-12:00"}},
		{"jam 06.00-12.00", command.Command{Kind: command.Jam, Span: "06:00-12:00"}},
		{"JAM 6-12", command.Command{Kind: command.Jam, Span: "06:00-12:00"}},
		{"jam   6:30 -  11", command.Command{Kind: command.Jam, Span: "06:30-11:00"}},
		{"jam 6 sampai 12 WIB", command.Command{Kind: command.Jam, Span: "06:00-12:00"}},
		{"jam 06.00 s/d 12.00", command.Command{Kind: command.Jam, Span: "06:00-12:00"}},
		{"jam 18–24", command.Command{Kind: command.Jam, Span: "18:00-24:00"}},
		{"JAM HARI INI 07:00-11:00", command.Command{Kind: command.Jam, Span: "07:00-11:00"}},
		{"JAM SENIN 06:00-11:00", command.Command{Kind: command.Jam, Span: "06:00-11:00", Weekday: time.Monday, HasWeekday: true}},
		{"jam minggu 6-11", command.Command{Kind: command.Jam, Span: "06:00-11:00", Weekday: time.Sunday, HasWeekday: true}},
		{"Jam Jum'at tutup", command.Command{Kind: command.Jam, Span: "tutup", Weekday: time.Friday, HasWeekday: true}},
		{"JAM SABTU LIBUR", command.Command{Kind: command.Jam, Span: "tutup", Weekday: time.Saturday, HasWeekday: true}},

		{"LIBUR 2026-12-25", command.Command{Kind: command.Libur, Date: "2026-12-25"}},
		{"libur 25-12-2026", command.Command{Kind: command.Libur, Date: "2026-12-25"}},
		{"libur 25/12/2026", command.Command{Kind: command.Libur, Date: "2026-12-25"}},
		{"libur 1.1.27", command.Command{Kind: command.Libur, Date: "2027-01-01"}},
		{"LIBUR 17 Agustus 2027", command.Command{Kind: command.Libur, Date: "2027-08-17"}},
		{"libur 25 des 2026", command.Command{Kind: command.Libur, Date: "2026-12-25"}},
		{"LIBUR BATAL 2026-12-25", command.Command{Kind: command.LiburBatal, Date: "2026-12-25"}},
		{"batal libur 25/12/2026", command.Command{Kind: command.LiburBatal, Date: "2026-12-25"}},

		{"UMUMKAN Besok pasar buka jam 7 ya", command.Command{Kind: command.Umumkan, Text: "Besok pasar buka jam 7 ya"}},
		{"umumkan:  Harga cabe naik\n*Mohon cek stok*  ", command.Command{Kind: command.Umumkan, Text: "Harga cabe naik\n*Mohon cek stok*"}},
		{"UMUMKAN PENJUAL rapat jam 13", command.Command{Kind: command.Umumkan, Text: "rapat jam 13"}},
		{"UMUMKAN PEMBELI Besok libur, pesan hari ini ya kak 🙏", command.Command{Kind: command.UmumkanPembeli, Text: "Besok libur, pesan hari ini ya kak 🙏"}},
		{"Umumkan pembeli\nPromo:\n- tomat 10rb/kg", command.Command{Kind: command.UmumkanPembeli, Text: "Promo:\n- tomat 10rb/kg"}},

		{"KURIR TAMBAH 081234567890 Mas Joko B1234XYZ", command.Command{Kind: command.KurirTambah, Phone: "6281234567890", Name: "Mas Joko", Plate: "B 1234 XYZ"}},
		{"kurir tambah 0812-3456-7890 Eko Prasetyo KH 1234 AB", command.Command{Kind: command.KurirTambah, Phone: "6281234567890", Name: "Eko Prasetyo", Plate: "KH 1234 AB"}},
		{"KURIR TAMBAH +62 812 3456 7890 Bang Udin", command.Command{Kind: command.KurirTambah, Phone: "6281234567890", Name: "Bang Udin"}},
		{"kurir tambah 081234567890 Siti Aminah kh-5678-cd", command.Command{Kind: command.KurirTambah, Phone: "6281234567890", Name: "Siti Aminah", Plate: "KH 5678 CD"}},
		{"KURIR TAMBAH 081234567890 Dedi D 1 A", command.Command{Kind: command.KurirTambah, Phone: "6281234567890", Name: "Dedi", Plate: "D 1 A"}},
		{"tambah kurir 081234567890 Yanto", command.Command{Kind: command.KurirTambah, Phone: "6281234567890", Name: "Yanto"}},
		{"KURIR HAPUS 0812 3456 7890", command.Command{Kind: command.KurirHapus, Phone: "6281234567890"}},
		{"hapus kurir 6281234567890", command.Command{Kind: command.KurirHapus, Phone: "6281234567890"}},

		{"BLOKIR 081234567890", command.Command{Kind: command.Blokir, Phone: "6281234567890"}},
		{"blokir +62 812-3456-7890", command.Command{Kind: command.Blokir, Phone: "6281234567890"}},
		{"BUKA BLOKIR 081234567890", command.Command{Kind: command.BukaBlokir, Phone: "6281234567890"}},
		{"buka  blokir   0812.3456.7890", command.Command{Kind: command.BukaBlokir, Phone: "6281234567890"}},

		{"TUGASKAN A7K2 081234567890", command.Command{Kind: command.Tugaskan, Code: "A7K2", Phone: "6281234567890"}},
		{"tugaskan #a7k2 0812 3456 7890", command.Command{Kind: command.Tugaskan, Code: "A7K2", Phone: "6281234567890"}},

		{"SELESAI CS 081234567890", command.Command{Kind: command.SelesaiCS, Phone: "6281234567890"}},
		{"selesai cs", command.Command{Kind: command.SelesaiCS}},

		{"BALAS 0812-3456-7890 Baik kak,\nbesok kami antar", command.Command{Kind: command.Balas, Phone: "6281234567890", PhoneText: "0812-3456-7890", Text: "Baik kak,\nbesok kami antar"}},
		{"balas 0712345678 halo", command.Command{Kind: command.Balas, PhoneText: "0712345678", Text: "halo"}}, // not a number: the engine says so

		{"ADMIN BANTUAN", command.Command{Kind: command.Bantuan}},
		{"bantuan admin", command.Command{Kind: command.Bantuan}},
		{"admin help", command.Command{Kind: command.Bantuan}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := command.ParseAdmin(tc.in)
			if !ok || got != tc.want {
				t.Errorf("Parse(%q) = %+v, %v\nwant %+v", tc.in, got, ok, tc.want)
			}
		})
	}
}

// Buyer words that are not admin commands on their own.
func TestNotCommands(t *testing.T) {
	for _, in := range []string{
		"", "   ", "halo", "cabe 1/4", "bantuan", "admin", "cs", "selesai", "SELESAI A7K2",
		"batal A7K2", "tambah cabe 1/2", "hapus tomat", "admin tolong dong", "bantuan admin dong",
		"AMBIL A7K2", "status", "balas", "balas dong kak", "*balas* 081234567890 halo",
	} {
		if got, ok := command.ParseAdmin(in); ok {
			t.Errorf("Parse(%q) = %+v, want not a command", in, got)
		}
	}
}

func TestInvalid(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want command.Kind
		says string // part of the explanation
	}{
		{"BUKA sekarang", command.Buka, "tanpa tambahan"},
		{"tutup jam berapa?", command.Tutup, "*TUTUP*"},
		{"INFO harga", command.Info, "*INFO*"},
		{"JAM", command.Jam, "Jamnya belum ada"},
		{"JAM berapa buka?", command.Jam, "Jam tidak dikenali"},
		{"JAM 12-06", command.Jam, "harus setelah"},
		{"JAM 06:00-25:00", command.Jam, "Jam tidak dikenali"},
		{"JAM 24-24", command.Jam, "Jam tidak dikenali"},
		{"JAM 6:5-12", command.Jam, "Jam tidak dikenali"},
		{"JAM 06:00-12:00-13:00", command.Jam, "Jam tidak dikenali"},
		{"JAM SENIN", command.Jam, "Jamnya belum ada"},
		{"JAM TUTUP", command.Jam, "*TUTUP*"},
		{"LIBUR", command.Libur, "belum ada"},
		{"LIBUR besok", command.Libur, "tidak dikenali"},
		{"LIBUR 25/12", command.Libur, "tahunnya"},
		{"LIBUR 25 Desember", command.Libur, "tahunnya"},
		{"LIBUR 2026-02-30", command.Libur, "kalender"},
		{"LIBUR 32-12-2026", command.Libur, "kalender"},
		{"LIBUR 25/12/202", command.Libur, "tidak dikenali"},
		{"LIBUR BATAL", command.LiburBatal, "belum ada"},
		{"LAPORAN kemarin", command.Laporan, "tidak dikenali"},
		{"UMUMKAN", command.Umumkan, "belum ada"},
		{"UMUMKAN PEMBELI   ", command.UmumkanPembeli, "belum ada"},
		{"KURIR", command.KurirTambah, "KURIR HAPUS"},
		{"KURIR TAMBAH abc", command.KurirTambah, "Nomor HP kurir ditulis dulu"},
		{"KURIR TAMBAH Joko 081234567890", command.KurirTambah, "Nomor HP kurir ditulis dulu"},
		{"KURIR TAMBAH 081234567890", command.KurirTambah, "Nama kurir belum ada"},
		{"KURIR TAMBAH 081234567890 KH 1234 AB", command.KurirTambah, "Nama kurir"},
		{"KURIR TAMBAH 0812 Joko", command.KurirTambah, "Nomor HP tidak dikenali"},
		{"KURIR TAMBAH 081234567890 Joko 2 KH 1234 AB x", command.KurirTambah, "Nama kurir"},
		{"KURIR HAPUS", command.KurirHapus, "belum ada"},
		{"KURIR HAPUS Joko", command.KurirHapus, "tidak dikenali"},
		{"BLOKIR", command.Blokir, "belum ada"},
		{"BLOKIR 123", command.Blokir, "tidak dikenali"},
		{"BLOKIR 0812345678901234567", command.Blokir, "tidak dikenali"},
		{"BUKA BLOKIR pak budi", command.BukaBlokir, "tidak dikenali"},
		{"TUGASKAN A7K2", command.Tugaskan, "belum lengkap"},
		{"TUGASKAN A7K 081234567890", command.Tugaskan, "4 huruf"},
		{"TUGASKAN A7K2! 081234567890", command.Tugaskan, "4 huruf"},
		{"TUGASKAN 081234567890 A7K2", command.Tugaskan, "4 huruf"},
		{"TUGASKAN A7K2 joko", command.Tugaskan, "tidak dikenali"},
		{"SELESAI CS pak budi", command.SelesaiCS, "tidak dikenali"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := command.ParseAdmin(tc.in)
			if !ok || got.Kind != command.Invalid || got.Want != tc.want {
				t.Fatalf("Parse(%q) = %+v, %v; want Invalid for %s", tc.in, got, ok, tc.want)
			}
			if !strings.Contains(got.Text, tc.says) {
				t.Errorf("explanation %q lacks %q", got.Text, tc.says)
			}
			if !strings.Contains(got.Text, command.Usage(tc.want, "id")) {
				t.Errorf("explanation %q lacks the usage", got.Text)
			}
			if got.Problem == "" || got.Text != got.Explanation("id") {
				t.Errorf("Problem %q, Text %q, Explanation(id) %q", got.Problem, got.Text, got.Explanation("id"))
			}
			en := got.Explanation("en")
			if !strings.Contains(en, command.Usage(tc.want, "en")) || en == got.Text {
				t.Errorf("English explanation %q", en)
			}
		})
	}
}
