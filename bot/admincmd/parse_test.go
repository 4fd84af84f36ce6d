package admincmd_test

import (
	"strings"
	"testing"
	"time"

	"pasarbot/bot/admincmd"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want admincmd.Command
	}{
		{"BUKA", admincmd.Command{Kind: admincmd.Buka}},
		{"  buka  ", admincmd.Command{Kind: admincmd.Buka}},
		{"*Buka*", admincmd.Command{Kind: admincmd.Buka}},
		{"tutup!", admincmd.Command{Kind: admincmd.Tutup}},
		{"/info", admincmd.Command{Kind: admincmd.Info}},
		{"INFO", admincmd.Command{Kind: admincmd.Info}},
		{"laporan", admincmd.Command{Kind: admincmd.Laporan}},
		{"LAPORAN 24/11/2026", admincmd.Command{Kind: admincmd.Laporan, Date: "2026-11-24"}},

		{"JAM 06:00-12:00", admincmd.Command{Kind: admincmd.Jam, Span: "06:00-12:00"}},
		{"jam 06.00-12.00", admincmd.Command{Kind: admincmd.Jam, Span: "06:00-12:00"}},
		{"JAM 6-12", admincmd.Command{Kind: admincmd.Jam, Span: "06:00-12:00"}},
		{"jam   6:30 -  11", admincmd.Command{Kind: admincmd.Jam, Span: "06:30-11:00"}},
		{"jam 6 sampai 12 WIB", admincmd.Command{Kind: admincmd.Jam, Span: "06:00-12:00"}},
		{"jam 06.00 s/d 12.00", admincmd.Command{Kind: admincmd.Jam, Span: "06:00-12:00"}},
		{"jam 18–24", admincmd.Command{Kind: admincmd.Jam, Span: "18:00-24:00"}},
		{"JAM HARI INI 07:00-11:00", admincmd.Command{Kind: admincmd.Jam, Span: "07:00-11:00"}},
		{"JAM SENIN 06:00-11:00", admincmd.Command{Kind: admincmd.Jam, Span: "06:00-11:00", Weekday: time.Monday, HasWeekday: true}},
		{"jam minggu 6-11", admincmd.Command{Kind: admincmd.Jam, Span: "06:00-11:00", Weekday: time.Sunday, HasWeekday: true}},
		{"Jam Jum'at tutup", admincmd.Command{Kind: admincmd.Jam, Span: "tutup", Weekday: time.Friday, HasWeekday: true}},
		{"JAM SABTU LIBUR", admincmd.Command{Kind: admincmd.Jam, Span: "tutup", Weekday: time.Saturday, HasWeekday: true}},

		{"LIBUR 2026-12-25", admincmd.Command{Kind: admincmd.Libur, Date: "2026-12-25"}},
		{"libur 25-12-2026", admincmd.Command{Kind: admincmd.Libur, Date: "2026-12-25"}},
		{"libur 25/12/2026", admincmd.Command{Kind: admincmd.Libur, Date: "2026-12-25"}},
		{"libur 1.1.27", admincmd.Command{Kind: admincmd.Libur, Date: "2027-01-01"}},
		{"LIBUR 17 Agustus 2027", admincmd.Command{Kind: admincmd.Libur, Date: "2027-08-17"}},
		{"libur 25 des 2026", admincmd.Command{Kind: admincmd.Libur, Date: "2026-12-25"}},
		{"LIBUR BATAL 2026-12-25", admincmd.Command{Kind: admincmd.LiburBatal, Date: "2026-12-25"}},
		{"batal libur 25/12/2026", admincmd.Command{Kind: admincmd.LiburBatal, Date: "2026-12-25"}},

		{"UMUMKAN Besok pasar buka jam 7 ya", admincmd.Command{Kind: admincmd.Umumkan, Text: "Besok pasar buka jam 7 ya"}},
		{"umumkan:  Harga cabe naik\n*Mohon cek stok*  ", admincmd.Command{Kind: admincmd.Umumkan, Text: "Harga cabe naik\n*Mohon cek stok*"}},
		{"UMUMKAN PENJUAL rapat jam 13", admincmd.Command{Kind: admincmd.Umumkan, Text: "rapat jam 13"}},
		{"UMUMKAN PEMBELI Besok libur, pesan hari ini ya kak 🙏", admincmd.Command{Kind: admincmd.UmumkanPembeli, Text: "Besok libur, pesan hari ini ya kak 🙏"}},
		{"Umumkan pembeli\nPromo:\n- tomat 10rb/kg", admincmd.Command{Kind: admincmd.UmumkanPembeli, Text: "Promo:\n- tomat 10rb/kg"}},

		{"KURIR TAMBAH 081234567890 Mas Joko B1234XYZ", admincmd.Command{Kind: admincmd.KurirTambah, Phone: "6281234567890", Name: "Mas Joko", Plate: "B 1234 XYZ"}},
		{"kurir tambah 0812-3456-7890 Eko Prasetyo KH 1234 AB", admincmd.Command{Kind: admincmd.KurirTambah, Phone: "6281234567890", Name: "Eko Prasetyo", Plate: "KH 1234 AB"}},
		{"KURIR TAMBAH +62 812 3456 7890 Bang Udin", admincmd.Command{Kind: admincmd.KurirTambah, Phone: "6281234567890", Name: "Bang Udin"}},
		{"kurir tambah 081234567890 Siti Aminah kh-5678-cd", admincmd.Command{Kind: admincmd.KurirTambah, Phone: "6281234567890", Name: "Siti Aminah", Plate: "KH 5678 CD"}},
		{"KURIR TAMBAH 081234567890 Dedi D 1 A", admincmd.Command{Kind: admincmd.KurirTambah, Phone: "6281234567890", Name: "Dedi", Plate: "D 1 A"}},
		{"tambah kurir 081234567890 Yanto", admincmd.Command{Kind: admincmd.KurirTambah, Phone: "6281234567890", Name: "Yanto"}},
		{"KURIR HAPUS 0812 3456 7890", admincmd.Command{Kind: admincmd.KurirHapus, Phone: "6281234567890"}},
		{"hapus kurir 6281234567890", admincmd.Command{Kind: admincmd.KurirHapus, Phone: "6281234567890"}},

		{"BLOKIR 081234567890", admincmd.Command{Kind: admincmd.Blokir, Phone: "6281234567890"}},
		{"blokir +62 812-3456-7890", admincmd.Command{Kind: admincmd.Blokir, Phone: "6281234567890"}},
		{"BUKA BLOKIR 081234567890", admincmd.Command{Kind: admincmd.BukaBlokir, Phone: "6281234567890"}},
		{"buka  blokir   0812.3456.7890", admincmd.Command{Kind: admincmd.BukaBlokir, Phone: "6281234567890"}},

		{"TUGASKAN A7K2 081234567890", admincmd.Command{Kind: admincmd.Tugaskan, Code: "A7K2", Phone: "6281234567890"}},
		{"tugaskan #a7k2 0812 3456 7890", admincmd.Command{Kind: admincmd.Tugaskan, Code: "A7K2", Phone: "6281234567890"}},

		{"SELESAI CS 081234567890", admincmd.Command{Kind: admincmd.SelesaiCS, Phone: "6281234567890"}},
		{"selesai cs", admincmd.Command{Kind: admincmd.SelesaiCS}},

		{"ADMIN BANTUAN", admincmd.Command{Kind: admincmd.Bantuan}},
		{"bantuan admin", admincmd.Command{Kind: admincmd.Bantuan}},
		{"admin help", admincmd.Command{Kind: admincmd.Bantuan}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := admincmd.Parse(tc.in)
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
		"AMBIL A7K2", "status",
	} {
		if got, ok := admincmd.Parse(in); ok {
			t.Errorf("Parse(%q) = %+v, want not a command", in, got)
		}
	}
}

func TestInvalid(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want admincmd.Kind
		says string // part of the explanation
	}{
		{"BUKA sekarang", admincmd.Buka, "tanpa tambahan"},
		{"tutup jam berapa?", admincmd.Tutup, "*TUTUP*"},
		{"INFO harga", admincmd.Info, "*INFO*"},
		{"JAM", admincmd.Jam, "Jamnya belum ada"},
		{"JAM berapa buka?", admincmd.Jam, "Jam tidak dikenali"},
		{"JAM 12-06", admincmd.Jam, "harus setelah"},
		{"JAM 06:00-25:00", admincmd.Jam, "Jam tidak dikenali"},
		{"JAM 24-24", admincmd.Jam, "Jam tidak dikenali"},
		{"JAM 6:5-12", admincmd.Jam, "Jam tidak dikenali"},
		{"JAM 06:00-12:00-13:00", admincmd.Jam, "Jam tidak dikenali"},
		{"JAM SENIN", admincmd.Jam, "Jamnya belum ada"},
		{"JAM TUTUP", admincmd.Jam, "*TUTUP*"},
		{"LIBUR", admincmd.Libur, "belum ada"},
		{"LIBUR besok", admincmd.Libur, "tidak dikenali"},
		{"LIBUR 25/12", admincmd.Libur, "tahunnya"},
		{"LIBUR 25 Desember", admincmd.Libur, "tahunnya"},
		{"LIBUR 2026-02-30", admincmd.Libur, "kalender"},
		{"LIBUR 32-12-2026", admincmd.Libur, "kalender"},
		{"LIBUR 25/12/202", admincmd.Libur, "tidak dikenali"},
		{"LIBUR BATAL", admincmd.LiburBatal, "belum ada"},
		{"LAPORAN kemarin", admincmd.Laporan, "tidak dikenali"},
		{"UMUMKAN", admincmd.Umumkan, "belum ada"},
		{"UMUMKAN PEMBELI   ", admincmd.UmumkanPembeli, "belum ada"},
		{"KURIR", admincmd.KurirTambah, "KURIR HAPUS"},
		{"KURIR TAMBAH abc", admincmd.KurirTambah, "Nomor HP kurir ditulis dulu"},
		{"KURIR TAMBAH Joko 081234567890", admincmd.KurirTambah, "Nomor HP kurir ditulis dulu"},
		{"KURIR TAMBAH 081234567890", admincmd.KurirTambah, "Nama kurir belum ada"},
		{"KURIR TAMBAH 081234567890 KH 1234 AB", admincmd.KurirTambah, "Nama kurir"},
		{"KURIR TAMBAH 0812 Joko", admincmd.KurirTambah, "Nomor HP tidak dikenali"},
		{"KURIR TAMBAH 081234567890 Joko 2 KH 1234 AB x", admincmd.KurirTambah, "Nama kurir"},
		{"KURIR HAPUS", admincmd.KurirHapus, "belum ada"},
		{"KURIR HAPUS Joko", admincmd.KurirHapus, "tidak dikenali"},
		{"BLOKIR", admincmd.Blokir, "belum ada"},
		{"BLOKIR 123", admincmd.Blokir, "tidak dikenali"},
		{"BLOKIR 0812345678901234567", admincmd.Blokir, "tidak dikenali"},
		{"BUKA BLOKIR pak budi", admincmd.BukaBlokir, "tidak dikenali"},
		{"TUGASKAN A7K2", admincmd.Tugaskan, "belum lengkap"},
		{"TUGASKAN A7K 081234567890", admincmd.Tugaskan, "4 huruf"},
		{"TUGASKAN A7K2! 081234567890", admincmd.Tugaskan, "4 huruf"},
		{"TUGASKAN 081234567890 A7K2", admincmd.Tugaskan, "4 huruf"},
		{"TUGASKAN A7K2 joko", admincmd.Tugaskan, "tidak dikenali"},
		{"SELESAI CS pak budi", admincmd.SelesaiCS, "tidak dikenali"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := admincmd.Parse(tc.in)
			if !ok || got.Kind != admincmd.Invalid || got.Want != tc.want {
				t.Fatalf("Parse(%q) = %+v, %v; want Invalid for %s", tc.in, got, ok, tc.want)
			}
			if !strings.Contains(got.Text, tc.says) {
				t.Errorf("explanation %q lacks %q", got.Text, tc.says)
			}
			if !strings.Contains(got.Text, admincmd.Usage(tc.want, "id")) {
				t.Errorf("explanation %q lacks the usage", got.Text)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	id, en := admincmd.Help("id"), admincmd.Help("en")
	for _, want := range []string{"*Perintah admin*", "*BUKA*", "*JAM SENIN 06:00-11:00*", "*LIBUR 2026-12-25*", "*UMUMKAN PEMBELI teks*", "*KURIR TAMBAH", "*BUKA BLOKIR", "*TUGASKAN A7K2", "*SELESAI CS", "*ADMIN BANTUAN*"} {
		if !strings.Contains(id, want) {
			t.Errorf("Help(id) lacks %q", want)
		}
	}
	if !strings.HasPrefix(en, "*Admin commands*") || !strings.Contains(en, "open the market now") {
		t.Errorf("Help(en) = %q", en)
	}
	// Every example in the help is itself a valid command.
	for _, line := range strings.Split(id, "\n")[1:] {
		ex := strings.Trim(strings.SplitN(line, "* —", 2)[0], "*")
		ex = strings.ReplaceAll(strings.ReplaceAll(ex, "0812xxxx", "081234567890"), " teks", " halo semua")
		if c, ok := admincmd.Parse(ex); !ok || c.Kind == admincmd.Invalid {
			t.Errorf("help example %q does not parse: %+v", ex, c)
		}
	}
}
