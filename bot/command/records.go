package command

import "strings"

// Party is who may use a command; the engine enforces it.
type Party string

const (
	Admin   Party = "admin"   // the numbers in admins:, in their direct chat with the market number
	Leader  Party = "leader"  // in a bound seller group: its leaders (answers to orders also admins, and members when members_may_answer)
	Courier Party = "courier" // registered couriers, in the courier group (order commands also in their direct chat)
)

// Kind is what a command asks for.
type Kind string

// Spec is one command: the words that call it, who may use it and how it
// is written. The readers find commands through these records, and Help
// prints them, so a command cannot exist without its help line.
type Spec struct {
	Kind    Kind
	Party   Party
	Name    string    // the words as the help writes them: "KURIR TAMBAH"
	Aliases []string  // other words read the same: "TAMBAH KURIR", "OKE"
	Usage   [2]string // Indonesian and English: the form with an example, and what it does; one line per form
	// Marker: a message starting with the name's first word is taken as an
	// attempt at a command even when it does not read as one, so an unbound
	// group is told how to bind itself.
	Marker bool

	args   adminArgs // admins: reads what follows the command's words
	reader reader    // which reader of the party takes it
}

// reader is one of a party's readers: a leader's message is an answer to
// an order or a catalog update.
type reader int

const (
	readArgs    reader = iota // admin commands: words, then arguments
	readOrder                 // VERB CODE …: an answer about an order or a job
	readCatalog               // VERB product …: a leader's price list update
	readHelp                  // the party's command list
)

// specs are every command, in the order each party's help lists them
// (daily first). They are set in init, not in a declaration: the argument
// readers explain mistakes with Usage, which reads specs, and Go refuses
// such a cycle among package-level declarations.
var specs []Spec

func init() {
	specs = allSpecs()
	adminIndex = newIndex(Admin, readArgs)
	orderIndex = newIndex(Leader, readOrder)
	catalogIndex = newIndex(Leader, readCatalog)
	courierIndex = newIndex(Courier, readOrder)
}

func allSpecs() []Spec {
	return []Spec{
		{Kind: Buka, Party: Admin, Name: "BUKA", args: noArgs, Usage: [2]string{"*BUKA* — buka pasar sekarang, sampai jadwal tutup berikutnya", "*BUKA* — open the market now, until the next scheduled closing"}},
		{Kind: Tutup, Party: Admin, Name: "TUTUP", args: noArgs, Usage: [2]string{"*TUTUP* — tutup pasar sekarang, sampai jadwal buka berikutnya", "*TUTUP* — close the market now, until the next scheduled opening"}},
		{Kind: Jam, Party: Admin, Name: "JAM", args: jamArgs, Usage: [2]string{"*JAM 06:00-12:00* — jam buka hari ini\n*JAM SENIN 06:00-11:00* — jam tiap Senin (atau *JAM SENIN TUTUP*)", "*JAM 06:00-12:00* — today's hours\n*JAM SENIN 06:00-11:00* — every Monday's hours (or *JAM SENIN TUTUP*)"}},
		{Kind: Libur, Party: Admin, Name: "LIBUR", args: dateArgs, Usage: [2]string{"*LIBUR 2026-12-25* — pasar libur tanggal itu (boleh juga 25-12-2026)", "*LIBUR 2026-12-25* — market closed that day (25-12-2026 works too)"}},
		{Kind: LiburBatal, Party: Admin, Name: "LIBUR BATAL", Aliases: []string{"LIBUR HAPUS", "BATAL LIBUR"}, args: dateArgs, Usage: [2]string{"*LIBUR BATAL 2026-12-25* — batalkan libur", "*LIBUR BATAL 2026-12-25* — cancel a holiday"}},
		{Kind: Info, Party: Admin, Name: "INFO", args: noArgs, Usage: [2]string{"*INFO* — status pasar, jam buka, jumlah pesanan", "*INFO* — market state, hours, order counts"}},
		{Kind: Laporan, Party: Admin, Name: "LAPORAN", args: optionalDate, Usage: [2]string{"*LAPORAN* — laporan hari ini sekarang (*LAPORAN 2026-11-24* untuk tanggal lain)", "*LAPORAN* — today's report now (*LAPORAN 2026-11-24* for another day)"}},
		{Kind: Umumkan, Party: Admin, Name: "UMUMKAN", Aliases: []string{"UMUMKAN PENJUAL", "UMUMKAN PEDAGANG", "UMUMKAN GRUP"}, args: umumkanArgs, Usage: [2]string{"*UMUMKAN teks* — kirim ke semua grup penjual", "*UMUMKAN text* — send to every seller group"}},
		{Kind: UmumkanPembeli, Party: Admin, Name: "UMUMKAN PEMBELI", args: umumkanArgs, Usage: [2]string{"*UMUMKAN PEMBELI teks* — kirim ke pembeli 30 hari terakhir", "*UMUMKAN PEMBELI text* — send to buyers of the last 30 days"}},
		{Kind: KurirTambah, Party: Admin, Name: "KURIR TAMBAH", Aliases: []string{"TAMBAH KURIR"}, args: kurirTambahArgs, Usage: [2]string{"*KURIR TAMBAH 0812xxxx Nama KH 1234 AB* — daftar kurir (plat boleh kosong)", "*KURIR TAMBAH 0812xxxx Name KH 1234 AB* — register a courier (plate optional)"}},
		{Kind: KurirHapus, Party: Admin, Name: "KURIR HAPUS", Aliases: []string{"HAPUS KURIR"}, args: phoneArgs, Usage: [2]string{"*KURIR HAPUS 0812xxxx* — hapus kurir", "*KURIR HAPUS 0812xxxx* — remove a courier"}},
		{Kind: Blokir, Party: Admin, Name: "BLOKIR", args: blockArgs, Usage: [2]string{"*BLOKIR 0812xxxx* — berhenti melayani nomor itu", "*BLOKIR 0812xxxx* — stop serving that number"}},
		{Kind: BukaBlokir, Party: Admin, Name: "BUKA BLOKIR", args: blockArgs, Usage: [2]string{"*BUKA BLOKIR 0812xxxx* — layani lagi", "*BUKA BLOKIR 0812xxxx* — serve it again"}},
		{Kind: Tugaskan, Party: Admin, Name: "TUGASKAN", args: tugaskanArgs, Usage: [2]string{"*TUGASKAN A7K2 0812xxxx* — serahkan pesanan ke kurir", "*TUGASKAN A7K2 0812xxxx* — give an order to a courier"}},
		{Kind: Lepas, Party: Admin, Name: "LEPAS", Aliases: []string{"LEPAS TUGAS", "LEPAS KURIR"}, args: lepasArgs, Usage: [2]string{"*LEPAS A7K2* — lepas pesanan dari kurirnya, tawarkan lagi ke grup kurir", "*LEPAS A7K2* — take an order from its courier and offer it again"}},
		{Kind: Balas, Party: Admin, Name: "BALAS", args: balasArgs, Usage: [2]string{"*BALAS 0812xxxx teks* — jawab pembeli lewat nomor pasar (bot diam sampai *SELESAI CS*)", "*BALAS 0812xxxx text* — answer a buyer through the market number (the bot waits until *SELESAI CS*)"}},
		{Kind: SelesaiCS, Party: Admin, Name: "SELESAI CS", args: optionalPhone, Usage: [2]string{"*SELESAI CS 0812xxxx* — akhiri obrolan CS, bot menjawab lagi", "*SELESAI CS 0812xxxx* — end the CS chat, the bot answers again"}},
		{Kind: Bantuan, Party: Admin, Name: "ADMIN BANTUAN", Aliases: []string{"ADMIN HELP", "BANTUAN ADMIN", "HELP ADMIN"}, args: exactlyNoArgs, Usage: [2]string{"*ADMIN BANTUAN* — daftar ini", "*ADMIN BANTUAN* — this list"}},

		{Kind: OrderOK, Party: Leader, reader: readOrder, Name: "OK", Aliases: []string{"OKE", "OKAY", "SIAP", "TERIMA", "KONFIRMASI", "ACC"}, Marker: true, Usage: [2]string{"*OK A7K2* — semua ada (*OK A7K2 tanpa tomat* bila ada yang kosong)", "*OK A7K2* — all available (*OK A7K2 tanpa tomat* when something is missing)"}},
		{Kind: OrderAda, Party: Leader, reader: readOrder, Name: "ADA", Aliases: []string{"SEBAGIAN"}, Marker: true, Usage: [2]string{"*ADA A7K2 cabe 1/4 saja* — hanya sebagian yang ada", "*ADA A7K2 cabe 1/4 saja* — only part is available"}},
		{Kind: OrderTolak, Party: Leader, reader: readOrder, Name: "TOLAK", Aliases: []string{"TIDAK", "GAK", "GA", "KOSONG"}, Marker: true, Usage: [2]string{"*TOLAK A7K2 habis* — tolak pesanan, dengan alasannya", "*TOLAK A7K2 habis* — refuse the order, with the reason"}},
		{Kind: OrderHarga, Party: Leader, reader: readOrder, Name: "HARGA", Aliases: []string{"NEGO"}, Marker: true, Usage: [2]string{"*HARGA A7K2 85000* — harga lain untuk pesanan (atau *HARGA A7K2 cabe 70000/kg*)", "*HARGA A7K2 85000* — another price for the order (or *HARGA A7K2 cabe 70000/kg*)"}},
		{Kind: OrderTimbang, Party: Leader, reader: readOrder, Name: "TIMBANG", Aliases: []string{"BERAT"}, Usage: [2]string{"*TIMBANG A7K2 cabe 0,3* — berat hasil timbang (atau *TIMBANG A7K2 total 23500*)", "*TIMBANG A7K2 cabe 0,3* — the weighed amount (or *TIMBANG A7K2 total 23500*)"}},
		{Kind: OrderDiambil, Party: Leader, reader: readOrder, Name: "DIAMBIL", Usage: [2]string{"*DIAMBIL A7K2* — pesanan ambil sendiri sudah diambil pembeli", "*DIAMBIL A7K2* — a self-pickup order was collected"}},
		{Kind: PriceSet, Party: Leader, reader: readCatalog, Name: "HARGA", Aliases: []string{"HRG"}, Usage: [2]string{"*HARGA cabe rawit 60000/kg* — ubah harga di daftar harga", "*HARGA cabe rawit 60000/kg* — change a price in the price list"}},
		{Kind: PriceSoldOut, Party: Leader, reader: readCatalog, Name: "HABIS", Aliases: []string{"KOSONG", "ABIS"}, Marker: true, Usage: [2]string{"*HABIS tongkol* — tandai habis", "*HABIS tongkol* — mark as sold out"}},
		{Kind: PriceBackIn, Party: Leader, reader: readCatalog, Name: "ADA", Aliases: []string{"TERSEDIA", "READY", "REDI"}, Usage: [2]string{"*ADA tongkol* — tersedia lagi", "*ADA tongkol* — available again"}},
		{Kind: LeaderHelp, Party: Leader, reader: readHelp, Name: "BANTUAN", Aliases: []string{"HELP"}, Usage: [2]string{"*BANTUAN* — daftar ini", "*BANTUAN* — this list"}},

		{Kind: Ambil, Party: Courier, reader: readOrder, Name: "AMBIL", Marker: true, Usage: [2]string{"*AMBIL A7K2* — ambil order (yang pertama dapat)", "*AMBIL A7K2* — claim a job (first one wins)"}},
		{Kind: Jemput, Party: Courier, reader: readOrder, Name: "JEMPUT", Aliases: []string{"DIJEMPUT"}, Usage: [2]string{"*JEMPUT A7K2* — semua barang sudah dijemput", "*JEMPUT A7K2* — every stall picked up"}},
		{Kind: Sampai, Party: Courier, reader: readOrder, Name: "SELESAI", Aliases: []string{"SAMPAI", "TERKIRIM"}, Usage: [2]string{"*SELESAI A7K2* — sudah sampai dan COD diterima", "*SELESAI A7K2* — delivered and paid"}},
		{Kind: BatalAmbil, Party: Courier, reader: readOrder, Name: "BATAL AMBIL", Usage: [2]string{"*BATAL AMBIL A7K2 alasan* — kembalikan order", "*BATAL AMBIL A7K2 reason* — give the job back"}},
		{Kind: Pesan, Party: Courier, reader: readOrder, Name: "PESAN", Usage: [2]string{"*PESAN A7K2 teks* — kirim pesan ke pembeli", "*PESAN A7K2 text* — message the buyer"}},
		{Kind: Rekap, Party: Courier, reader: readOrder, Name: "REKAP", Usage: [2]string{"*REKAP* — antaran saya hari ini", "*REKAP* — my deliveries today"}},
		{Kind: CourierHelp, Party: Courier, reader: readHelp, Name: "BANTUAN", Aliases: []string{"HELP"}, Usage: [2]string{"*BANTUAN* — daftar ini", "*BANTUAN* — this list"}},
	}
}

// Specs are the party's commands in help order.
func Specs(p Party) []Spec {
	var out []Spec
	for _, s := range specs {
		if s.Party == p {
			out = append(out, s)
		}
	}
	return out
}

// Usage is one command's form with an example, "en" or Indonesian.
func Usage(k Kind, lang string) string {
	for _, s := range specs {
		if s.Kind == k {
			return s.usage(lang)
		}
	}
	return ""
}

func (s Spec) usage(lang string) string {
	if strings.EqualFold(lang, "en") {
		return s.Usage[1]
	}
	return s.Usage[0]
}

// helpTitle heads each party's list, Indonesian and English.
var helpTitle = map[Party][2]string{
	Admin:   {"*Perintah admin*", "*Admin commands*"},
	Leader:  {"*Perintah grup penjual*", "*Seller group commands*"},
	Courier: {"*Perintah kurir*", "*Courier commands*"},
}

// Help is the party's command list in WhatsApp formatting.
func Help(p Party, lang string) string {
	var b strings.Builder
	title := helpTitle[p]
	if strings.EqualFold(lang, "en") {
		b.WriteString(title[1])
	} else {
		b.WriteString(title[0])
	}
	for _, s := range Specs(p) {
		b.WriteString("\n")
		b.WriteString(s.usage(lang))
	}
	return b.String()
}

// Marked says whether text starts with the first word of a marker
// command ("harga", "ok", "ambil"…): meant for the bot even when it does
// not read as a command.
func Marked(text string) bool {
	fs := strings.Fields(text)
	if len(fs) == 0 {
		return false
	}
	for _, s := range specs {
		if s.Marker && strings.EqualFold(firstWord(s.Name), fs[0]) {
			return true
		}
	}
	return false
}

func firstWord(name string) string {
	w, _, _ := strings.Cut(name, " ")
	return w
}

// index finds a party's commands by their words, longest name first, so
// "BUKA BLOKIR" wins over "BUKA".
type index []named

type named struct {
	name  string // as written in the record
	words []string
	spec  *Spec
}

func newIndex(p Party, r reader) index {
	var ix index
	for i := range specs {
		s := &specs[i]
		if s.Party != p || s.reader != r {
			continue
		}
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			ix = append(ix, named{n, strings.Fields(n), s})
		}
	}
	// A stable insertion sort by word count, longest first.
	for i := 1; i < len(ix); i++ {
		for j := i; j > 0 && len(ix[j].words) > len(ix[j-1].words); j-- {
			ix[j], ix[j-1] = ix[j-1], ix[j]
		}
	}
	return ix
}

// match is the command whose words start toks (compared as keywords) and
// how many tokens they took.
func (ix index) match(toks []token) (*Spec, int) {
	for _, n := range ix {
		if len(n.words) > len(toks) {
			continue
		}
		same := true
		for i, w := range n.words {
			if keyword(toks, i) != w {
				same = false
				break
			}
		}
		if same {
			return n.spec, len(n.words)
		}
	}
	return nil, 0
}

// verb is the command whose name or alias is w (any case, words split by
// one space).
func (ix index) verb(w string) (*Spec, bool) {
	for _, n := range ix {
		if strings.EqualFold(n.name, w) {
			return n.spec, true
		}
	}
	return nil, false
}

var adminIndex, orderIndex, catalogIndex, courierIndex index
