package admincmd

import "strings"

// usage is each command's form and example, Indonesian then English.
var usage = map[Kind][2]string{
	Buka:           {"*BUKA* — buka pasar sekarang, sampai jadwal tutup berikutnya", "*BUKA* — open the market now, until the next scheduled closing"},
	Tutup:          {"*TUTUP* — tutup pasar sekarang, sampai jadwal buka berikutnya", "*TUTUP* — close the market now, until the next scheduled opening"},
	Jam:            {"*JAM 06:00-12:00* — jam buka hari ini\n*JAM SENIN 06:00-11:00* — jam tiap Senin (atau *JAM SENIN TUTUP*)", "*JAM 06:00-12:00* — today's hours\n*JAM SENIN 06:00-11:00* — every Monday's hours (or *JAM SENIN TUTUP*)"},
	Libur:          {"*LIBUR 2026-12-25* — pasar libur tanggal itu (boleh juga 25-12-2026)", "*LIBUR 2026-12-25* — market closed that day (25-12-2026 works too)"},
	LiburBatal:     {"*LIBUR BATAL 2026-12-25* — batalkan libur", "*LIBUR BATAL 2026-12-25* — cancel a holiday"},
	Info:           {"*INFO* — status pasar, jam buka, jumlah pesanan", "*INFO* — market state, hours, order counts"},
	Laporan:        {"*LAPORAN* — laporan hari ini sekarang (*LAPORAN 2026-11-24* untuk tanggal lain)", "*LAPORAN* — today's report now (*LAPORAN 2026-11-24* for another day)"},
	Umumkan:        {"*UMUMKAN teks* — kirim ke semua grup penjual", "*UMUMKAN text* — send to every seller group"},
	UmumkanPembeli: {"*UMUMKAN PEMBELI teks* — kirim ke pembeli 30 hari terakhir", "*UMUMKAN PEMBELI text* — send to buyers of the last 30 days"},
	KurirTambah:    {"*KURIR TAMBAH 0812xxxx Nama KH 1234 AB* — daftar kurir (plat boleh kosong)", "*KURIR TAMBAH 0812xxxx Name KH 1234 AB* — register a courier (plate optional)"},
	KurirHapus:     {"*KURIR HAPUS 0812xxxx* — hapus kurir", "*KURIR HAPUS 0812xxxx* — remove a courier"},
	Blokir:         {"*BLOKIR 0812xxxx* — berhenti melayani nomor itu", "*BLOKIR 0812xxxx* — stop serving that number"},
	BukaBlokir:     {"*BUKA BLOKIR 0812xxxx* — layani lagi", "*BUKA BLOKIR 0812xxxx* — serve it again"},
	Tugaskan:       {"*TUGASKAN A7K2 0812xxxx* — serahkan pesanan ke kurir", "*TUGASKAN A7K2 0812xxxx* — give an order to a courier"},
	Lepas:          {"*LEPAS A7K2* — lepas pesanan dari kurirnya, tawarkan lagi ke grup kurir", "*LEPAS A7K2* — take an order from its courier and offer it again"},
	SelesaiCS:      {"*SELESAI CS 0812xxxx* — akhiri obrolan CS, bot menjawab lagi", "*SELESAI CS 0812xxxx* — end the CS chat, the bot answers again"},
	Bantuan:        {"*ADMIN BANTUAN* — daftar ini", "*ADMIN BANTUAN* — this list"},
}

// helpOrder is the list as admins need it: daily first.
var helpOrder = []Kind{Buka, Tutup, Jam, Libur, LiburBatal, Info, Laporan, Umumkan, UmumkanPembeli, KurirTambah, KurirHapus, Blokir, BukaBlokir, Tugaskan, Lepas, SelesaiCS, Bantuan}

// Usage is one command's form with an example, "en" or Indonesian.
func Usage(k Kind, lang string) string {
	u, ok := usage[k]
	if !ok {
		return Help(lang)
	}
	if strings.EqualFold(lang, "en") {
		return u[1]
	}
	return u[0]
}

// Help is the admin command list in WhatsApp formatting.
func Help(lang string) string {
	var b strings.Builder
	if strings.EqualFold(lang, "en") {
		b.WriteString("*Admin commands*")
	} else {
		b.WriteString("*Perintah admin*")
	}
	for _, k := range helpOrder {
		b.WriteString("\n")
		b.WriteString(Usage(k, lang))
	}
	return b.String()
}
