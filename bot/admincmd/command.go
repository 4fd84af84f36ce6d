// Package admincmd reads the commands admins type into their chat with the
// market number: "BUKA", "JAM SENIN 06:00-11:00", "KURIR TAMBAH 0812…
// Mas Joko KH 1234 AB" and the like. Reading is forgiving (any case, extra
// spaces, 06.00 or 6 for 06:00, several date forms); a command with a
// recognisable keyword but wrong arguments comes back as Invalid with an
// explanation, so the admin learns the form. Who may use them is the
// engine's decision, not this package's.
package admincmd

import (
	"strings"
	"time"
)

// Kind is what a command asks for.
type Kind string

const (
	Invalid        Kind = "invalid"         // a command keyword with wrong arguments: Text explains
	Buka           Kind = "buka"            // open the market now
	Tutup          Kind = "tutup"           // close the market now
	Jam            Kind = "jam"             // hours today (Span) or of a weekday (Weekday, Span)
	Libur          Kind = "libur"           // holiday on Date
	LiburBatal     Kind = "libur_batal"     // take back a holiday on Date
	Info           Kind = "info"            // state, hours, counts
	Laporan        Kind = "laporan"         // today's report now (or Date's)
	Umumkan        Kind = "umumkan"         // Text to every seller group
	UmumkanPembeli Kind = "umumkan_pembeli" // Text to buyers of the last 30 days
	KurirTambah    Kind = "kurir_tambah"    // register courier Phone, Name, Plate
	KurirHapus     Kind = "kurir_hapus"     // remove courier Phone
	Blokir         Kind = "blokir"          // stop serving Phone
	BukaBlokir     Kind = "buka_blokir"     // serve Phone again
	Tugaskan       Kind = "tugaskan"        // give order Code to courier Phone
	Lepas          Kind = "lepas"           // take order Code from its courier and offer it again
	SelesaiCS      Kind = "selesai_cs"      // end the human handover with Phone (empty: the engine picks the only one)
	Bantuan        Kind = "bantuan"         // the admin command list
)

// Command is one read admin command; only the fields its Kind names are set.
type Command struct {
	Kind       Kind
	Span       string       // Jam: "06:00-12:00", or "tutup" with a weekday
	Weekday    time.Weekday // Jam: the weekday when HasWeekday
	HasWeekday bool         //
	Date       string       // Libur, LiburBatal, Laporan: "2026-12-25" ("" for Laporan: today)
	Text       string       // Umumkan*: the message as typed; Invalid: what is wrong and the right form (Indonesian)
	Phone      string       // normalized digits, 62812…
	Name       string       // KurirTambah
	Plate      string       // KurirTambah: "KH 1234 AB"; "" when not given
	Code       string       // Tugaskan: upper-case order code, "A7K2"
	Want       Kind         // Invalid: the command the admin was writing (for Usage in another language)
}

// Parse reads an admin command. ok is false when text is not one (then
// the engine treats it as an ordinary message); words that are also
// everyday buyer words ("selesai", "bantuan", "admin", "batal", "tambah")
// count only in their two-word admin forms.
func Parse(text string) (cmd Command, ok bool) {
	toks := tokenize(text)
	if len(toks) == 0 {
		return Command{}, false
	}
	w0, w1 := keyword(toks, 0), keyword(toks, 1)
	switch w0 {
	case "BUKA":
		if w1 == "BLOKIR" {
			return blockCommand(BukaBlokir, toks[2:]), true
		}
		return bare(Buka, toks), true
	case "TUTUP":
		return bare(Tutup, toks), true
	case "INFO":
		return bare(Info, toks), true
	case "JAM":
		return parseJam(toks[1:]), true
	case "LIBUR":
		if w1 == "BATAL" || w1 == "HAPUS" {
			return dateCommand(LiburBatal, toks[2:]), true
		}
		return dateCommand(Libur, toks[1:]), true
	case "BATAL":
		if w1 == "LIBUR" {
			return dateCommand(LiburBatal, toks[2:]), true
		}
	case "LAPORAN":
		if len(toks) == 1 {
			return Command{Kind: Laporan}, true
		}
		return dateCommand(Laporan, toks[1:]), true
	case "UMUMKAN":
		return parseUmumkan(text, toks), true
	case "KURIR":
		switch w1 {
		case "TAMBAH":
			return parseKurirTambah(toks[2:]), true
		case "HAPUS":
			return phoneCommand(KurirHapus, toks[2:]), true
		}
		return Command{Kind: Invalid, Want: KurirTambah, Text: "Perintah kurir ada dua:\n" + Usage(KurirTambah, "id") + "\n" + Usage(KurirHapus, "id")}, true
	case "TAMBAH":
		if w1 == "KURIR" {
			return parseKurirTambah(toks[2:]), true
		}
	case "HAPUS":
		if w1 == "KURIR" {
			return phoneCommand(KurirHapus, toks[2:]), true
		}
	case "BLOKIR":
		return blockCommand(Blokir, toks[1:]), true
	case "TUGASKAN":
		return parseTugaskan(toks[1:]), true
	case "LEPAS":
		// "LEPAS A7K2" (or "LEPAS TUGAS A7K2"); other sentences are chat.
		rest := toks[1:]
		if w1 == "TUGAS" || w1 == "KURIR" {
			rest = toks[2:]
		}
		if len(rest) == 0 {
			return invalid(Lepas, "Kode pesanannya belum ada."), true
		}
		if code, ok := orderCode(rest[0].s); ok && len(rest) == 1 {
			return Command{Kind: Lepas, Code: code}, true
		}
	case "SELESAI":
		if w1 == "CS" {
			if len(toks) == 2 {
				return Command{Kind: SelesaiCS}, true
			}
			return phoneCommand(SelesaiCS, toks[2:]), true
		}
	case "ADMIN":
		if (w1 == "BANTUAN" || w1 == "HELP") && len(toks) == 2 {
			return Command{Kind: Bantuan}, true
		}
	case "BANTUAN", "HELP":
		if w1 == "ADMIN" && len(toks) == 2 {
			return Command{Kind: Bantuan}, true
		}
	}
	return Command{}, false
}

// bare is a command without arguments; anything after it is a mistake
// worth pointing out rather than a silent BUKA.
func bare(k Kind, toks []token) Command {
	if len(toks) == 1 {
		return Command{Kind: k}
	}
	return invalid(k, "Perintah ini tanpa tambahan kata.")
}

func invalid(want Kind, why string) Command {
	return Command{Kind: Invalid, Want: want, Text: why + "\n" + Usage(want, "id")}
}

func phoneCommand(k Kind, toks []token) Command {
	if len(toks) == 0 {
		return invalid(k, "Nomor HP-nya belum ada.")
	}
	p, ok := phone(toks)
	if !ok {
		return invalid(k, "Nomor HP tidak dikenali.")
	}
	return Command{Kind: k, Phone: p}
}

// blockCommand is BLOKIR/BUKA BLOKIR: a phone number, or the hidden id of
// a sender WhatsApp shows without a number ("123456789012345@lid", as the
// logs and the orders list show it).
func blockCommand(k Kind, toks []token) Command {
	if len(toks) == 1 {
		if lid, ok := hiddenID(toks[0].s); ok {
			return Command{Kind: k, Phone: lid}
		}
	}
	return phoneCommand(k, toks)
}

// hiddenID reads a WhatsApp hidden id: digits, then "@lid".
func hiddenID(s string) (string, bool) {
	user, ok := strings.CutSuffix(strings.ToLower(strings.TrimSpace(s)), "@lid")
	if !ok || len(user) < 6 || len(user) > 24 {
		return "", false
	}
	for _, r := range user {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return user + "@lid", true
}

func dateCommand(k Kind, toks []token) Command {
	if len(toks) == 0 {
		return invalid(k, "Tanggalnya belum ada.")
	}
	d, err := date(toks)
	if err != "" {
		return invalid(k, err)
	}
	return Command{Kind: k, Date: d}
}

func parseJam(toks []token) Command {
	var c Command
	if len(toks) >= 2 && keyword(toks, 0) == "HARI" && keyword(toks, 1) == "INI" {
		toks = toks[2:]
	} else if len(toks) > 0 {
		if wd, ok := weekday(keyword(toks, 0)); ok {
			c.Weekday, c.HasWeekday = wd, true
			toks = toks[1:]
		}
	}
	if len(toks) == 0 {
		return invalid(Jam, "Jamnya belum ada.")
	}
	if len(toks) == 1 && (keyword(toks, 0) == "TUTUP" || keyword(toks, 0) == "LIBUR") {
		if !c.HasWeekday {
			return invalid(Jam, "Untuk menutup hari ini ketik *TUTUP* (sampai jadwal buka berikutnya) atau *LIBUR* dengan tanggalnya.")
		}
		c.Kind, c.Span = Jam, "tutup"
		return c
	}
	sp, err := hoursSpan(toks)
	if err != "" {
		return invalid(Jam, err)
	}
	c.Kind, c.Span = Jam, sp
	return c
}

func parseUmumkan(text string, toks []token) Command {
	k, rest := Umumkan, 1
	switch keyword(toks, 1) {
	case "PEMBELI":
		k, rest = UmumkanPembeli, 2
	case "PENJUAL", "PEDAGANG", "GRUP":
		rest = 2
	}
	if len(toks) <= rest {
		return invalid(k, "Isi pengumumannya belum ada.")
	}
	// The message keeps the admin's line breaks and formatting.
	return Command{Kind: k, Text: strings.TrimSpace(text[toks[rest].start:])}
}

func parseKurirTambah(toks []token) Command {
	n := 0
	for n < len(toks) && isPhoneToken(toks[n].s) {
		n++
	}
	if n == 0 {
		return invalid(KurirTambah, "Nomor HP kurir ditulis dulu, lalu nama.")
	}
	p, ok := phone(toks[:n])
	if !ok {
		return invalid(KurirTambah, "Nomor HP tidak dikenali.")
	}
	rest := toks[n:]
	plate := ""
	for k := 3; k >= 1; k-- {
		if len(rest) > k {
			if pl, ok := platePattern(rest[len(rest)-k:]); ok {
				plate, rest = pl, rest[:len(rest)-k]
				break
			}
		}
	}
	name, ok := personName(rest)
	if !ok {
		return invalid(KurirTambah, "Nama kurir belum ada atau tidak jelas.")
	}
	return Command{Kind: KurirTambah, Phone: p, Name: name, Plate: plate}
}

func parseTugaskan(toks []token) Command {
	if len(toks) < 2 {
		return invalid(Tugaskan, "Kode pesanan dan nomor HP kurir belum lengkap.")
	}
	code, ok := orderCode(toks[0].s)
	if !ok {
		return invalid(Tugaskan, "Kode pesanan 4 huruf/angka, contoh A7K2.")
	}
	p, ok := phone(toks[1:])
	if !ok {
		return invalid(Tugaskan, "Nomor HP kurir tidak dikenali.")
	}
	return Command{Kind: Tugaskan, Code: code, Phone: p}
}
