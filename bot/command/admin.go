package command

import (
	"regexp"
	"strings"
	"time"

	"pasarbot/catalog"
)

// The admins' commands: in their direct chat with the market number.
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
	Balas          Kind = "balas"           // Text to the buyer at Phone, through the market number
	Bantuan        Kind = "bantuan"         // the admin command list
)

// Command is one read admin command; only the fields its Kind names are set.
type Command struct {
	Kind       Kind
	Span       string       // Jam: "06:00-12:00", or "tutup" with a weekday
	Weekday    time.Weekday // Jam: the weekday when HasWeekday
	HasWeekday bool         //
	Date       string       // Libur, LiburBatal, Laporan: "2026-12-25" ("" for Laporan: today)
	Text       string       // Umumkan*, Balas: the message as typed; Invalid: Explanation("id")
	Phone      string       // normalized digits, 62812…
	Name       string       // KurirTambah
	Plate      string       // KurirTambah: "KH 1234 AB"; "" when not given
	Code       string       // Tugaskan: upper-case order code, "A7K2"
	Want       Kind         // Invalid: the command the admin was writing
	Problem    Problem      // Invalid: what is wrong (Explanation words it)
	PhoneText  string       // Balas: the number as typed (Phone is "" when it is not one)
}

// ParseAdmin reads an admin command. ok is false when text is not one
// (then the engine treats it as an ordinary message); words that are also
// everyday buyer words ("selesai", "bantuan", "admin", "batal", "tambah")
// count only in their two-word admin forms. The command is the record
// (records.go) whose name or alias starts the text, the longest first; its
// argument reader decides the rest.
func ParseAdmin(text string) (cmd Command, ok bool) {
	toks := tokenize(text)
	if len(toks) == 0 {
		return Command{}, false
	}
	s, n := adminIndex.match(toks)
	if s == nil {
		if keyword(toks, 0) == "KURIR" {
			return invalid(KurirTambah, CourierForms), true
		}
		return Command{}, false
	}
	c, ok := s.args(s.Kind, text, toks[n:])
	if !ok {
		return Command{}, false // a sentence that starts like the command
	}
	return c, true
}

// adminArgs reads what follows an admin command's words; ok is false when
// the words turn out to be a sentence, not the command.
type adminArgs func(k Kind, text string, args []token) (Command, bool)

// noArgs is a command without arguments; anything after it is a mistake
// worth pointing out rather than a silent BUKA.
func noArgs(k Kind, _ string, args []token) (Command, bool) {
	if len(args) == 0 {
		return Command{Kind: k}, true
	}
	return invalid(k, ExtraWords), true
}

func dateArgs(k Kind, _ string, args []token) (Command, bool) { return dateCommand(k, args), true }

func phoneArgs(k Kind, _ string, args []token) (Command, bool) { return phoneCommand(k, args), true }

func blockArgs(k Kind, _ string, args []token) (Command, bool) { return blockCommand(k, args), true }

// optionalDate is LAPORAN: today without a date.
func optionalDate(k Kind, _ string, args []token) (Command, bool) {
	if len(args) == 0 {
		return Command{Kind: k}, true
	}
	return dateCommand(k, args), true
}

// optionalPhone is SELESAI CS: the only handover without a number.
func optionalPhone(k Kind, _ string, args []token) (Command, bool) {
	if len(args) == 0 {
		return Command{Kind: k}, true
	}
	return phoneCommand(k, args), true
}

// exactlyNoArgs is ADMIN BANTUAN: with more words it is a buyer asking for
// help ("bantuan admin dong"), not the command.
func exactlyNoArgs(k Kind, _ string, args []token) (Command, bool) {
	if len(args) > 0 {
		return Command{}, false
	}
	return Command{Kind: k}, true
}

// lepasArgs is "LEPAS A7K2" (or "LEPAS TUGAS A7K2"); other sentences are chat.
func lepasArgs(k Kind, _ string, args []token) (Command, bool) {
	if len(args) == 0 {
		return invalid(k, NoCode), true
	}
	if code, ok := orderCode(args[0].s); ok && len(args) == 1 {
		return Command{Kind: k, Code: code}, true
	}
	return Command{}, false
}

// umumkanArgs keeps the admin's line breaks and formatting.
func umumkanArgs(k Kind, text string, args []token) (Command, bool) {
	if len(args) == 0 {
		return invalid(k, NoAnnouncement), true
	}
	return Command{Kind: k, Text: strings.TrimSpace(text[args[0].start:])}, true
}

// balasRe is BALAS's number and message, read from the raw text so the
// message keeps its line breaks.
var balasRe = regexp.MustCompile(`(?is)^balas\s+([+0-9][0-9 .\-]{7,18}[0-9])\s+(.+)$`)

// balasArgs reads "BALAS 0812… teks": Phone is "" when the number is not
// one (PhoneText keeps it as typed, for the answer).
func balasArgs(k Kind, text string, _ []token) (Command, bool) {
	m := balasRe.FindStringSubmatch(text)
	if m == nil {
		return Command{}, false
	}
	p, _ := catalog.NormalizePhone(m[1])
	return Command{Kind: k, Phone: p, PhoneText: m[1], Text: m[2]}, true
}

func invalid(want Kind, p Problem) Command {
	c := Command{Kind: Invalid, Want: want, Problem: p}
	c.Text = c.Explanation("id")
	return c
}

func phoneCommand(k Kind, toks []token) Command {
	if len(toks) == 0 {
		return invalid(k, NoPhone)
	}
	p, ok := phone(toks)
	if !ok {
		return invalid(k, BadPhone)
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
		return invalid(k, NoDate)
	}
	d, p := date(toks)
	if p != "" {
		return invalid(k, p)
	}
	return Command{Kind: k, Date: d}
}

func jamArgs(_ Kind, _ string, toks []token) (Command, bool) {
	return parseJam(toks), true
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
		return invalid(Jam, NoHours)
	}
	if len(toks) == 1 && (keyword(toks, 0) == "TUTUP" || keyword(toks, 0) == "LIBUR") {
		if !c.HasWeekday {
			return invalid(Jam, CloseTodayForm)
		}
		c.Kind, c.Span = Jam, "tutup"
		return c
	}
	sp, p := hoursSpan(toks)
	if p != "" {
		return invalid(Jam, p)
	}
	c.Kind, c.Span = Jam, sp
	return c
}

func kurirTambahArgs(_ Kind, _ string, toks []token) (Command, bool) {
	return parseKurirTambah(toks), true
}

func parseKurirTambah(toks []token) Command {
	n := 0
	for n < len(toks) && isPhoneToken(toks[n].s) {
		n++
	}
	if n == 0 {
		return invalid(KurirTambah, CourierPhoneFirst)
	}
	p, ok := phone(toks[:n])
	if !ok {
		return invalid(KurirTambah, BadPhone)
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
		return invalid(KurirTambah, NoCourierName)
	}
	return Command{Kind: KurirTambah, Phone: p, Name: name, Plate: plate}
}

func tugaskanArgs(_ Kind, _ string, toks []token) (Command, bool) {
	return parseTugaskan(toks), true
}

func parseTugaskan(toks []token) Command {
	if len(toks) < 2 {
		return invalid(Tugaskan, NoCodeOrPhone)
	}
	code, ok := orderCode(toks[0].s)
	if !ok {
		return invalid(Tugaskan, BadCode)
	}
	p, ok := phone(toks[1:])
	if !ok {
		return invalid(Tugaskan, BadCourierPhone)
	}
	return Command{Kind: Tugaskan, Code: code, Phone: p}
}
