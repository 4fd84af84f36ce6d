package parse

import "strings"

// lexFlag says what role a word can play. A word may have several roles
// ("sak" is "one" before a unit and "sack" after a number).
type lexFlag uint32

const (
	lxFiller    lexFlag = 1 << iota // politeness, intent, address: dropped
	lxWeak                          // a filler that is also a product ("teh"): dropped only beside other words
	lxSepWord                       // "sama", "dan", "karo": separates items
	lxNote                          // starts a note anywhere after the product: "yg", "jangan", "dipotong"
	lxNoteAfter                     // starts a note only after the quantity: "seger", "potong", "besar"
	lxAsk                           // price question: "berapa", "sabaraha", "harga"
	lxNum                           // number word (see numKind)
	lxUnit                          // unit word (see unit)
	lxSeUnit                        // "sekilo", "sakilo": one of unit
	lxMoneyMul                      // "rb", "ribu", "k", "ewu", "juta": multiplies a number into rupiah
	lxMoney                         // money slang with its own value: "goceng", "ceban"
	lxRp                            // "rp"
	lxEach                          // "masing": the quantity applies to each item before it
	lxNeedNum                       // as a unit, only right after a number: "l", "g", "on", "sak", "tempat"
	lxApprox                        // "an" and "ribuan": about that amount
	lxTimes                         // "x": "2x", "x2"
	lxTail                          // a filler that ends sentences ("ya", "kak", "makasih"): trimmed off notes
	lxStop                          // delivery, payment or cancelling talk: the rest of the chunk is not an order
	lxAddress                       // an address, pronoun or greeting ("bu", "saya", "maaf"): a name or pleasantry may follow
	lxPurpose                       // cooking or making ("masak", "bikin"): the words after are what the goods are for
	lxAvail                         // "ada", "ready": asking whether goods are in stock
	lxDish                          // a cooked dish ("rendang", "opor"): with a quantity of its own, the dish ordered
	lxLater                         // "nanti", "kagek": goods put off for later (see defers)
)

// numKind is how a number word combines with its neighbours.
type numKind uint8

const (
	nkNone     numKind = iota
	nkDigit            // 1…9: satu, siji, hiji, ciek
	nkValue            // a whole value below 1000: sepuluh, sebelas, rolas, selawe, seratus
	nkBelas            // +10: "dua belas"
	nkPuluh            // ×10: "dua puluh"
	nkRatus            // ×100: "dua ratus"
	nkRibu             // ×1000: "dua ribu"; also a money word
	nkJuta             // ×1 000 000
	nkFrac             // setengah, seperempat: a value below one
	nkPerempat         // "perempat" after a digit: "tiga perempat"
	nkSe               // "se", "sa", "sak": one, only before a unit
	nkThousand         // seribu, sewu, sarebu: 1000 on its own
	nkMillion          // sejuta
)

// lex is everything known about one normalized word.
type lex struct {
	flags lexFlag
	nk    numKind
	num   int64 // nkDigit/nkValue: value; nkFrac: thousandths; lxMoney: rupiah; lxMoneyMul: multiplier
	unit  int   // index into spokenUnits, +1 (0 = none)
	// own is a unit of this catalog's own that the unit table lacks
	// ("jepit", "loyang"; see Parser.ownUnits), when unit is 0.
	own *spokenUnit
}

func (l lex) has(f lexFlag) bool { return l.flags&f != 0 }

// lexicon maps a normalized word to its roles. Built once at init and only
// read afterwards, so it is safe for concurrent use.
var lexicon = map[string]lex{}

func addLex(flags lexFlag, words ...string) {
	for _, w := range words {
		l := lexicon[w]
		l.flags |= flags
		lexicon[w] = l
	}
}

func addNum(nk numKind, v int64, words ...string) {
	for _, w := range words {
		l := lexicon[w]
		l.flags |= lxNum
		l.nk = nk
		l.num = v
		lexicon[w] = l
	}
}

func addMoney(flags lexFlag, v int64, words ...string) {
	for _, w := range words {
		l := lexicon[w]
		l.flags |= flags
		l.num = v
		lexicon[w] = l
	}
}

// lookup returns the roles of w. Words ending in the suffix "-nya"
// ("cabenya", "sekilonya", "harganya") are looked up without it.
func lookup(w string) lex {
	if l, ok := lexicon[w]; ok {
		return l
	}
	if len(w) > 5 && strings.HasSuffix(w, "nya") {
		return lexicon[w[:len(w)-3]]
	}
	if len(w) > 5 && strings.HasSuffix(w, "lah") {
		// Malay -lah on a particle or a word of talk: "ajalah", "sekilolah".
		if l, ok := lexicon[w[:len(w)-3]]; ok && l.flags&(lxFiller|lxSeUnit|lxNum) != 0 && l.flags&lxWeak == 0 {
			return l
		}
	}
	return lex{}
}

func init() {
	// Intent, politeness and address. Anything that names neither a product
	// nor a quantity and that buyers write around their orders.
	addLex(lxFiller,
		// intent
		"mau", "mao", "mo", "mw", "pengen", "pengin", "pingin", "kepengen", "pgn", "ingin", "arep", "ape",
		"bade", "hoyong", "butuh", "perlu", "pesan", "pesen", "psn", "pesenan", "pesanan", "order", "orderan",
		"beli", "bli", "tuku", "tumbas", "meser", "meuli", "mamili", "mundhut", "ambil", "cari", "nyari", "minta",
		"mintak", "minto", "nitip", "titip", "tolong", "tlg", "tulung", "mohon", "bisa", "bs", "bisakah", "memesan", "hendak",
		// the goods in general, never one product ("barang mohon diantar")
		"barang", "barangnya",
		"boleh", "blh", "ada", "ono", "aya", "ado", "lagi", "juga", "jg", "sekalian", "skalian", "sklian",
		"dulu", "dl", "pesannya", "belinya", "kasih", "kasi", "kirimin", "bungkusin", "siapin", "siapkan",
		"tanya", "nanya", "nanyain", "ready", "stok", "stock", "kalau", "kalo", "klo", "klw", "saiki", "ayeuna", "kiwari",
		"dapet", "dapat", "dpt", "oleh", "nak", "bali", "tak", "tah",
		"pasan", "nio", "mengko", "engke", "kaina", "isuk", "enjing",
		"bentar", "sebentar", "sbntr", "suami", "istri", "mikir", "pikir",
		"sampun", "mpun", "sampon", "parantos", "atos", "candak", "dicandak",
		// who and what for, in an opening line ("mau kirim belanjaan buat
		// mertua", "warung Bu Imah mau order kyk biasa", "kue buat
		// pengajian"): never goods, though "belanjaan" is a letter or two
		// from belacan and "mamaku" from masako
		"belanja", "belanjaan", "blanja", "mertua", "mama", "mamaku", "mamah", "ortu", "orangtua", "rapat", "kantor", "acara",
		"arisan", "pengajian", "hajatan", "syukuran", "sekretaris", "toko", "kios", "kantin", "katering", "catering",
		"usaha", "biasa", "kyk", "kayak", "kaya", "bahan", "mambali", "mambeli", "mamboli", "meuli", "ndi", "pesenin", "pesankan",
		"orderin", "masak", "bikin", "buatin", "acaranya", "tamu", "kos", "kost", "kosan", "dengan", "dgn",
		// dishes the goods are for ("buat masak soto"); a catalog that
		// sells one keeps it as a product word (rendang and pecel are goods here)
		"rawon", "opor", "gulai", "lodeh", "semur", "balado", "tumis", "kolak", "rendang", "randang",
		"pindang", "selamatan", "kenduri", "tahlilan", "harian", "panitia", "masjid", "pengurus",
		// landmarks of an address line ("depan masjid Al-Ikhlas")
		"depan", "belakang", "samping", "seberang", "sebrang", "dekat", "deket", "pojok", "ujung", "gapura", "pagar",
	)
	addLex(lxFiller|lxTail|lxAddress,
		// address
		"kak", "ka", "kk", "kakak", "kaka", "mbak", "mba", "mb", "mbk", "bu", "buk", "ibu", "bun", "bunda",
		"pak", "bpk", "bapak", "mas", "bang", "abang", "bg", "teteh", "aa", "a", "akang", "kang",
		"neng", "cik", "ci", "cici", "koh", "ko", "uda", "uni", "bude", "budhe", "pakde", "mpok", "sis",
		"gan", "om", "tante", "bos", "boss", "juragan", "mbok", "lek", "bi", "bibi", "mang", "emang",
		"ceu", "euceu", "uwak", "wak", "ncang", "encang", "ncing", "encing", "babeh", "nyak", "engkong", "uwa",
		"amang", "mbah", "bulik", "paklik", "haji", "hajah", "mbakyu", "yu", "lik", "cak", "ning", "dik", "dek", "min", "admin", "mimin", "kakk",
	)
	addLex(lxFiller|lxTail|lxAddress,
		// pronouns: a name may follow ("saya Budi, …")
		"saya", "sy", "aku", "aq", "gw", "gue", "gua", "ane", "abdi", "kulo", "kula", "ambo", "awak",
		"kami", "kita",
	)
	addLex(lxFiller|lxTail,
		// particles
		"ya", "yah", "yaa", "yak", "iya", "iy", "y", "yo", "yuk", "ok", "oke", "okay", "okey", "sip",
		"dong", "donk", "deh", "dah", "nih", "ni", "sih", "lah", "loh", "lho", "kok", "kan", "mah",
		"atuh", "tuh", "euy", "wae", "ae", "bae", "weh", "mawon", "saja", "aja", "ajah", "aj", "nggih",
		"ngih", "inggih", "injih", "geh", "gih", "toh", "to", "kah", "pun", "rek", "nya", "ini", "itu",
		"tadi", "nah", "wes", "uwis", "udah", "sudah", "aduh", "eh", "hehe", "wkwk", "oh",
		// corrections and assent around an item ("yaudah deh", "eh salah"):
		// never products, though "salah" is a letter from "salam"
		"yaudah", "yaudh", "yasudah", "yowis", "yauda", "salah", "keliru", "ralat", "bener", "benar", "betul", "harusnya", "seharusnya",
	)
	addLex(lxFiller|lxTail|lxAddress,
		// greetings, thanks and apologies: pleasantries may follow
		// ("maaf mengganggu"), as a name may follow an address
		"assalamualaikum", "assalamu", "alaikum", "aslm", "asw", "wr", "wb", "halo", "hallo", "hai",
		"hi", "permisi", "punten", "pagi", "siang", "sore", "malam", "malem", "selamat", "met",
		"makasih", "terima", "trims", "thanks", "thx", "tq", "tks", "nuhun", "hatur", "matur", "suwun",
		"sembah", "nuwun", "maaf", "mksh", "mkasih", "trimakasih", "terimakasih",
	)
	// "teh" is tea and also the Sundanese particle and address ("teh, cabe
	// sabaraha?"): dropped only when other words remain.
	addLex(lxFiller|lxWeak, "teh")
	// "abang" is a brother to greet and, in Javanese, red ("lombok abang").
	addLex(lxWeak, "abang")
	// Makassar "mi" ("sikilo mi": just that) is also Mi Instan.
	addLex(lxFiller|lxTail|lxWeak, "mi")

	addLex(lxSepWord, "sama", "sm", "dan", "dn", "karo", "jeung", "sareng", "ama", "plus", "tambah",
		"tambahin", "ditambah", "trus", "trs", "terus", "lalu", "serta", "kalih", "jo",
		"tuntang") // tuntang: Dayak Ngaju "and"

	addLex(lxNote, "yg", "yang", "sing", "seng", "nu", "jangan", "jgn", "jngn", "jgan", "ojo",
		"ulah", "tanpa", "tnp", "gak", "ga", "gk", "nggak", "ngga", "nggk", "enggak", "engga", "ndak",
		"tidak", "tdk", "ora", "teu", "henteu", "pake", "pakai", "biar", "agak", "rada", "ukuran", "size",
		"utk", "untuk", "buat", "masih", "kudu", "harus", "hrs", "pilih", "pilihin", "dipilihin", "khusus")

	addLex(lxNoteAfter, "potong", "potongin", "iris", "irisin", "kupas", "kupasin", "giling", "gilingin",
		"fillet", "filet", "bersihin", "bersih", "seger", "segar", "fresh", "mateng", "matang", "muda", "tua",
		"besar", "gede", "gedhe", "kecil", "cilik", "sedang", "manis", "pedas", "pedes", "asam", "hidup",
		"mati", "bagus", "apik", "alus", "halus", "kasar", "utuh", "cincang", "belah", "segini",
		"isi") // "nila sekilo isi 3": three fish to the kilo, a size (a product word where a name says so: "tahu isi")

	addLex(lxAsk, "berapa", "brp", "brapa", "brpa", "berpa", "berapaan", "brapaan", "brpan", "berapakah",
		"sabaraha", "sbrh", "sabrha", "sbraha", "piro", "pira", "pinten", "pintenan", "bara", "harga",
		"hrg", "hrga", "regane", "regi", "rego", "pangaosna", "harganya")

	// Delivery, payment and time talk around an order: never a product, so
	// dropped like filler ("kirim ke rumah jam 8" leaves only a lone number,
	// which names no item).
	addLex(lxFiller, "kirim", "dikirim", "antar", "anter", "dianter", "diantar", "anterin", "alamat",
		"jam", "besok", "nanti", "ntar", "sekarang", "skrg", "hari", "bayar", "transfer", "tf", "cod",
		"ongkir", "ongkos", "rumah", "gang", "gg", "jalan", "jl", "jln", "rt", "rw", "blok", "cepat",
		"cepet", "buru", "tunggu", "ditunggu", "total", "semua", "semuanya", "jadi", "kemarin", "kmrn",
		"sampai", "sampe", "nomor", "no", "wa", "lokasi", "share", "loc", "ke", "dari", "dr", "di")

	// Numbers. Indonesian first, then Javanese (Jv), Sundanese (Su) and
	// Minang (Mi) forms that buyers mix in.
	addNum(nkDigit, 1, "satu", "stu", "siji", "hiji", "ciek", "setunggal", "sitok", "ije")
	addNum(nkDigit, 2, "dua", "loro", "duo", "rong", "kalih", "due") // kalih is "and" too: sepOrNumber; due: Dayak Ngaju
	addNum(nkDigit, 3, "tiga", "telu", "tilu", "tigo", "telung")
	addNum(nkDigit, 4, "empat", "ampat", "papat", "opat", "ampek", "patang", "sekawan")
	addNum(nkDigit, 5, "lima", "limo", "limang", "gangsal")
	addNum(nkDigit, 6, "enam", "enem", "nem", "genep", "anam")
	addNum(nkDigit, 7, "tujuh", "tujuah", "pitu", "pitung")
	addNum(nkDigit, 8, "delapan", "lapan", "wolu", "wolung", "dalapan")
	// "salapan" is 9 in Sundanese but 8 in Minang; Sundanese markets are
	// the larger audience (the price data is from Bandung).
	addNum(nkDigit, 9, "sembilan", "semilan", "songo", "sanga", "sangang", "salapan", "sambilan")
	addNum(nkValue, 10, "sepuluh", "sapuluh", "sapuluah", "sedasa", "sedoso")
	addNum(nkValue, 11, "sebelas", "sabelas", "sewelas", "sabaleh")
	addNum(nkValue, 12, "rolas")
	addNum(nkValue, 13, "telulas")
	addNum(nkValue, 14, "patbelas")
	addNum(nkValue, 15, "limolas")
	addNum(nkValue, 16, "nembelas")
	addNum(nkValue, 17, "pitulas")
	addNum(nkValue, 18, "wolulas")
	addNum(nkValue, 19, "songolas")
	addNum(nkValue, 25, "selawe")
	addNum(nkValue, 50, "seket")
	addNum(nkValue, 60, "sewidak")
	addNum(nkValue, 100, "seratus", "satus", "saratus", "saratuih")
	addNum(nkBelas, 0, "belas", "welas", "baleh", "blas")
	addNum(nkPuluh, 0, "puluh", "puluah", "pulu")
	addNum(nkRatus, 0, "ratus", "atus", "ratuih")
	addNum(nkRibu, 1000, "ribu", "rebu", "ewu", "ribo", "rb", "rbu", "rbe", "k", "ewon")
	addNum(nkJuta, 1_000_000, "juta", "jt", "yuta", "jeti")
	addNum(nkThousand, 1000, "seribu", "sarebu", "sewu", "saribu", "sewon")
	addNum(nkMillion, 1_000_000, "sejuta", "sajuta")
	addNum(nkFrac, 500, "setengah", "stengah", "stgh", "setgh", "setenga", "satengah", "setegah", "satangah", "setengeh",
		"separo", "separuh", "sparo", "separoh", "saparo", "sepruh", "saparuah")
	addNum(nkFrac, 250, "seperempat", "seprapat", "saprapat", "parapat", "sprapat", "seprempat",
		"seperapat", "seperampat", "saparampek", "sprempat", "seprampat")
	addNum(nkPerempat, 250, "perempat", "prapat", "parampek")
	addNum(nkSe, 1, "se", "sa", "sak")
	for _, w := range []string{"ribu", "rebu", "ewu", "ribo", "rb", "rbu", "rbe", "k", "ewon", "juta", "jt", "yuta", "jeti"} {
		l := lexicon[w]
		l.flags |= lxMoneyMul
		lexicon[w] = l
	}
	lexicon["k"] = lex{flags: lexicon["k"].flags | lxNeedNum, nk: nkRibu, num: 1000}
	addLex(lxApprox, "an", "ribuan", "rbuan", "rban", "rebuan", "ewuan")
	for _, w := range []string{"ribuan", "rbuan", "rban", "rebuan", "ewuan"} {
		l := lexicon[w]
		l.flags |= lxMoneyMul | lxNum
		l.nk = nkRibu
		l.num = 1000
		lexicon[w] = l
	}

	// Money slang with a value of its own (Betawi/Hokkien market slang).
	// "gocap" is 50 in the old count but 50.000 in today's markets.
	addMoney(lxMoney, 500, "gopek")
	addMoney(lxMoney, 1000, "seceng", "ceceng")
	addMoney(lxMoney, 2000, "noceng")
	addMoney(lxMoney, 5000, "goceng")
	addMoney(lxMoney, 10000, "ceban")
	addMoney(lxMoney, 20000, "noban")
	addMoney(lxMoney, 50000, "gocap", "goban")
	addMoney(lxMoney, 100000, "cepekceng")
	addLex(lxRp, "rp", "rupiah", "idr")
	addLex(lxEach, "masing")
	addLex(lxTimes, "x")
	// Talk that is not an order line: where to deliver, how to pay, what
	// to cancel. The conversation reads those itself; the parser stops.
	addLex(lxStop, "alamat", "almt", "jl", "jln", "jalan", "gang", "gg", "blok", "rt", "rw", "kirim", "dikirim",
		"kirimin", "antar", "anter", "diantar", "dianter", "anterin", "ongkir", "bayar", "transfer", "tf", "cod",
		"qris", "batal", "batalin", "batalkan", "cancel", "hapus", "hapusin")
	addLex(lxFiller|lxTail, "kayak", "kaya", "seperti", "spt", "biasa", "biasanya", "tapi", "tp", "siap", "mantap",
		"mantul", "baik", "baiklah", "noted", "gimana", "gmn", "bagaimana", "kapan", "dimana", "belum", "blm", "otw")

	// In stock, sold here: "masih ada kangkung?", "ada jual pampers?".
	addLex(lxFiller|lxAvail, "ada", "ono", "aya", "ado", "ready", "stok", "stock", "sedia", "tersedia",
		"jual", "jualan", "dijual", "menjual")
	// Cooking or making something, said around an order ("mau bikin
	// bubur", "masak konro"): the dish after it is what the goods are
	// for. Jv gawe, damel; Su nyieun; Mi mambuek; Bj bawadai (making cakes).
	addLex(lxFiller|lxPurpose, "masak", "bikin", "memasak", "membuat", "masakin", "bikinin", "gawe", "nggawe", "damel",
		"nyieun", "mambuek", "bawadai")
	// or: Jv utawa, Su atawa. "sotong 1 atau 2 kg" leaves two quantities
	// for one line, which is asked about; never goods.
	addLex(lxFiller, "atau", "ato", "atw", "utawa", "atawa")
	// What a buyer thinks of a price: never goods ("berapa sekilo, mahal di'?").
	addLex(lxFiller|lxTail, "mahal", "murah", "mahalnya", "murahnya", "mahale", "murahe")

	// The dishes above, which a quantity right after orders ("rendang
	// 1/2 kg"); not pindang, also the name of fish (Pindang Tongkol).
	addLex(lxDish, "rawon", "opor", "gulai", "lodeh", "semur", "balado", "tumis", "kolak", "rendang", "randang")

	// Chat and everyday talk around an order that names no goods: chat
	// spellings (lg lagi, jd jadi, td tadi, udh, sdh sudah, lom belum, bsk,
	// bsok besok, nnti nanti, bntr sebentar, mnta minta, bsa bisa), assent
	// and laughter, "come on", "like this", "about", "exactly", "enough",
	// time (lusa, minggu), money (uang, duit, kembalian, lunas, nota,
	// struk), less and more (kurang, lebih: "uangnya kurang" is no
	// kerang, "uang pas" no udang), duh. Not "ambil sendiri" (picking
	// up), which the conversation reads.
	addLex(lxFiller|lxTail, "ayo", "btw", "gitu", "gini", "lg", "jd", "td", "nnti", "bsk", "bsok", "udh", "sdh", "lom", "bntr",
		"yoi", "yups", "okeh", "oce", "sipp", "okk", "gpp", "haha", "hihi", "oiya", "oya", "pls", "please", "sabar", "cukup")
	addLex(lxFiller, "mnta", "bsa", "mesti", "wajib", "segera", "lusa", "minggu", "kira", "sekitar", "pas",
		"uang", "duit", "kembalian", "lunas", "nota", "struk", "kurang", "lebih", "duh")
	addLex(lxFiller|lxTail|lxAddress, "bro", "cuy", "say", "sayang")
	addLex(lxNote, "nda") // not (as ndak)

	addRegional()
	addUnits()
}

// addRegional adds the grammar words of regional speech, so that they join
// items and form quantities in any market's catalog, not only names in the
// default one: the words for "and", the numbers, "half", "a quarter",
// "just", "want", "which", "not", "how much", and the ways of addressing a
// trader. Betawi (Bt), Javanese (Jv), Sundanese (Su), Banjar (Bj), Minang
// (Mi), Bugis (Bg), Makassar (Mk), Balinese (Bl), Palembang (Pl), Batak
// (Bk). Words that are mostly something else stay out: Balinese sia and
// dasa. Makassar se're (tokenized "sere", also lemongrass) is in: where a
// catalog names sere, the word is read as the product (aliasPart).
func addRegional() {
	// and / with: Jv lan, kaliyan; Bj wan, lawan; Mi/Pl samo; Bt ame; Su
	// reujeung, kalawan; Bg sibawa; Mk siagang; Bk dohot.
	addLex(lxSepWord, "lan", "kaliyan", "wan", "lawan", "samo", "ame", "reujeung", "kalawan", "sibawa", "siagang", "dohot",
		"sarato",       // Mi sarato: serta
		"deng", "kong") // Manado, Ambon deng (with); Manado kong (and then)
	// Numbers.
	addNum(nkDigit, 1, "atu", "asa", "seddi", "besik", "sawiji", "sere") // Bt, Bj, Bg, Bl, Jv, Mk (se're; also sere, lemongrass: a product word where the catalog says so)
	addNum(nkDigit, 2, "due", "rua", "duwa")                             // Bt, Mk
	addNum(nkDigit, 3, "tige", "talu", "tellu", "tallu", "tigang")       // Bt, Bj, Bg, Mk, Jv krama before a measure
	addNum(nkDigit, 4, "eppa", "appa")                                   // Bg, Mk (appa')
	addNum(nkDigit, 5, "lime")                                           // Bt
	addNum(nkDigit, 6, "annang", "enneng")                               // Mk, Bg
	addNum(nkDigit, 7, "tuju")                                           // Bt, Mk
	addNum(nkDigit, 8, "walu", "arua", "kutus", "sagantuju")             // Bj, Bg, Bl, Mk
	addNum(nkDigit, 9, "asera", "salapang")                              // Bg, Mk
	addNum(nkValue, 10, "sepulu", "sapulu", "seppulo", "sampulo")        // Bt, Bj, Bg, Mk
	// Palembang sikok (one); Madurese settong, tello', lema', petto',
	// ballu', sapolo (1, 3, 5, 7, 8, 10; dhuwa' and sanga' are above).
	addNum(nkDigit, 1, "sikok", "settong")
	addNum(nkDigit, 3, "tello")
	addNum(nkDigit, 5, "lema")
	addNum(nkDigit, 7, "petto")
	addNum(nkDigit, 8, "ballu")
	addNum(nkValue, 10, "sapolo")
	addNum(nkFrac, 500, "setenge", "satangah", "sapalih", "satengahna")                                  // Bt, Bj/Mi, Su
	addNum(nkFrac, 250, "saparapat", "saperapat", "separapat", "saparampat", "seperampat", "saperempat") // Bj/Su
	// just: Bt doang, aje; Bj haja, ja; Su hungkul, wungkul; Mi sajo; Mk/Bg
	// ji; Jv thok, tok.
	addLex(lxFiller|lxTail, "doang", "doank", "dowang", "aje", "haja", "ja", "hungkul", "wungkul", "sajo", "ji", "thok", "tok",
		// Mi lai (there is, yes: "lai ado?"), bana (truly), iyo (yes), ko
		// (this: "alpukat ko"), kini (now), bisuak (tomorrow), sadonyo (all
		// of it), rancak (fine, good)
		"lai", "bana", "iyo", "kini", "bisuak", "sadonyo", "rancak",
		// particles: Bj pang; Mk/Bg pale, ki', ka', di', kodong; excuse me, yes:
		// Mk/Bg tabe', iye'
		"pang", "pale", "ki", "kodong", "tabe", "iye", "mauka", "maui", "pade",
		// Mk ma' ("ambil ma' 1 kilo"); Dayak Ngaju iyoh (yes)
		"ma", "iyoh",
		// thanks
		"tarima", "tarimo", "makasi",
		// also, now: Bj jua, wayahini; Jv saiki is above
		"jua", "wayahini", "wayah")
	// addressing a trader: Bj acil, paman, julak, ading; Mi etek, amak,
	// apak, ajo, mamak; Mk/Bg daeng, puang; Bl bli; Bk lae, inang, ito; Pl
	// yuk, cek
	addLex(lxFiller|lxTail|lxAddress, "acil", "cil", "paman", "julak", "ading", "etek", "amak", "apak", "ajo", "mamak", "da", // Mi da: uda, as ni is uni
		"daeng", "puang", "bli", "lae", "inang", "ito", "yuk", "cek")
	// I / you: Bj ulun, unda, pian, ikam; Bt aye; Jv nyong, inyong
	addLex(lxFiller|lxTail|lxAddress, "ulun", "unda", "pian", "ikam", "aye", "nyong", "inyong",
		// Manado ngana, torang; Ambon beta, ale, katong; Bl/Ssk tiang; Jv
		// sampeyan, awakmu; Pl kito; Md/Bk kau; Bk opung; Ambon usi, bung;
		// Manado/Ambon nona
		"ngana", "torang", "beta", "ale", "katong", "tiang", "sampeyan", "awakmu", "kito", "kau", "opung", "usi", "bung", "nona")
	// thanks: Manado/Ambon makase, Bl suksma; Pl galo (all), nian (very);
	// Bk horas (greeting)
	// thanks: Bk mauliate, Karo bujur; Karo greeting mejuah-juah
	addLex(lxFiller|lxTail, "mauliate", "bujur", "mejuah", "juah")
	addLex(lxFiller|lxTail, "makase", "suksma", "galo", "nian", "horas",
		"dang", "kwa", "so") // Manado particles: "kase dang", "so itu jo" (so: already)
	addLex(lxFiller, "kase") // Manado/Ambon: give (kasih)
	// want / buy / ask for: Bj handak, hakun, tukar, nukar; Mi nio; Bg/Mk
	// melo; Jv nyuwun.
	// take, give: Mi ambiak, agiah.
	addLex(lxFiller, "handak", "hakun", "tukar", "nukar", "nio", "melo", "nyuwun", "ambiak", "agiah",
		"numbas", "meli") // Bl: buy
	// which (starts a note): Bj nang, Mi nan, Bt nyang; not: Bj kada, Mi
	// indak, Bt kagak, kaga, Jv mboten; for: Bj gasan.
	addLex(lxNote, "nang", "nan", "nyang", "kada", "indak", "kagak", "kaga", "mboten", "gasan", "untuak",
		"nyanda", "sonde", "dak") // not: Manado nyanda, Kupang sonde, Pl dak
	// how much, price: Bj/Mi barapa, Bt berape, Mi barapo, Bg siaga; Bj rega.
	addLex(lxAsk, "barapa", "barapaan", "berape", "barapo", "siaga", "rega", "harago",
		"berapo", "sadia", "arga") // Pl berapo; Bk sadia (how much), arga (price)
	// Sundanese (Su), the polite register and the everyday one: greetings
	// sampurasun (and its answer rampes); yes muhun; particles ceunah (so
	// they say), ding (a correction); more deui; forgot hilap, poho; all
	// sadayana, sadaya; this afternoon sonten; take nyandak. Expensive and
	// cheap: awis, mirah (as mahal, murah never goods).
	addLex(lxFiller|lxTail|lxAddress, "sampurasun", "rampes")
	addLex(lxFiller|lxTail, "muhun", "ceunah", "ding", "deui", "awis", "mirah")
	addLex(lxFiller, "hilap", "poho", "sadayana", "sadaya", "sonten", "nyandak")
	// added, an addition: Su ditambihan, tambihan (as ditambah, tambah).
	addLex(lxSepWord, "tambihan", "ditambihan")
	// for: Su kanggo (as untuk); each: Su sewang ("hiji ikat sewang", as
	// masing-masing).
	addLex(lxNote, "kanggo")
	addLex(lxEach, "sewang")
	// East Javanese (Suroboyoan, Malang) and Madurese (Md): the address sam
	// (Malang walikan for mas); yes Md engghi; already wis ("yo wis": all
	// right then); also pisan; want to kate; take jupuk; later engko; this
	// iki; all kabeh; more maneh; question tags ta; expensive larang.
	addLex(lxFiller|lxTail|lxAddress, "sam")
	addLex(lxFiller|lxTail, "engghi", "wis", "pisan", "maneh", "ta", "larang")
	addLex(lxFiller, "kate", "jupuk", "njupuk", "engko", "iki", "kabeh")
	// there is: Jv onok (Suroboyoan ono), asked like "ada".
	addLex(lxFiller|lxAvail, "onok")
	// and / with: Jv ambek, ambi (Suroboyoan karo).
	addLex(lxSepWord, "ambek", "ambi")
	// Md empa' (4); dhuwa' and tello' are above.
	addNum(nkDigit, 4, "empa")
	// Javanese talk around an order: please monggo; this, that niki,
	// niku, menika; you panjenengan; not yet dereng, durung, rung; first
	// dhisik, disik, ndisik; tomorrow sesuk; yesterday wingi; buy (krama)
	// pundhut; many, a little kathah, akeh, sekedhik, sithik; only mung;
	// particles tho, leh; what, how, where opo, apa, piye, kepiye, endi,
	// ngendi; for ngge, nggo, go; addressing a boy, a girl, a child le,
	// nduk, cah.
	addLex(lxFiller|lxTail, "monggo", "niki", "niku", "menika", "dereng", "durung", "rung", "dhisik", "disik", "ndisik",
		"sesuk", "wingi", "kathah", "akeh", "sekedhik", "sithik", "mung", "tho", "leh", "opo", "apa", "piye", "kepiye",
		"endi", "ngendi")
	addLex(lxFiller, "pundhut", "ngge", "nggo", "go")
	addLex(lxFiller|lxTail|lxAddress, "panjenengan", "le", "nduk", "cah")
	// Sundanese: yes sumuhun; not yet acan, tacan, can; already geus,
	// enggeus; this, that ieu, eta, tea; just we; a little, many sakedik,
	// saeutik, seueur, loba; will arek; must kedah; tomorrow isukan;
	// yesterday kamari; for keur, pikeun; from ti.
	addLex(lxFiller|lxTail, "sumuhun", "acan", "tacan", "can", "geus", "enggeus", "ieu", "eta", "tea", "we",
		"sakedik", "saeutik", "seueur", "loba", "isukan", "kamari")
	addLex(lxFiller, "arek", "kedah", "keur", "pikeun", "ti")
	// Minang: already alah; how baa; that, this tu, iko; at pado; go,
	// come back, go home pai, baliak, pulang; sell manjua; like sarupo;
	// many, a little banyak, saketek; good, tasty elok, lamak; bring,
	// deliver bawok, antaan, kiriman.
	addLex(lxFiller|lxTail, "alah", "baa", "tu", "iko", "pado", "sarupo", "banyak", "saketek", "elok", "lamak")
	addLex(lxFiller, "pai", "baliak", "pulang", "manjua", "bawok", "antaan", "kiriman")
	// "per kilo", "per ikat": one of the unit, as "se kilo" (a price asked
	// or said per unit).
	addNum(nkSe, 1, "per")
	addMalay()
	addManado()
	addPalembang()
	addLex(lxLater, laterWords...)
}

// addMalay adds the grammar words of Malay as spoken in the markets of
// North Sumatra and Riau (Medan, Deli, Pekanbaru; Md below), with the
// Hokkien of Medan's traders (Hk).
func addMalay() {
	// and, with: Md kek ("cabe kek bawang"), ngan (dengan).
	addLex(lxSepWord, "kek", "ngan")
	// a quarter: Md suku ("suku kilo"), sesuku.
	addNum(nkFrac, 250, "suku", "sesuku", "sasuku")
	// just, a little: Md je, sikit; particles pulak, bah.
	addLex(lxFiller|lxTail, "je", "sikit", "pulak", "bah")
	// give, take: Md bagi ("bagi sekilo"), ambik; the market, the shop:
	// Md pajak, kede; look: tengok; how: cemana, camana.
	addLex(lxFiller, "bagi", "ambik", "pajak", "kede", "tengok", "cemana", "camana")
	// you all: Md kelen; thanks: Hk kamsia, gamsia.
	addLex(lxFiller|lxTail|lxAddress, "kelen")
	// Addressing the trader: Md mak, makcik, pakcik, atok, bibik (not adek,
	// a younger sibling in talk: "nanti adek saya yang ambil");
	// the Hokkien of Chinese-Indonesian traders amoi, ahia, acek, apek,
	// cece, koko; Batak namboru, ompung, inanguda, amanguda, bapauda; Karo
	// nande; chat abg (abang).
	addLex(lxFiller|lxTail|lxAddress, "mak", "makcik", "pakcik", "atok", "bibik",
		"amoi", "ahia", "acek", "apek", "cece", "koko", "namboru", "ompung", "inanguda", "amanguda", "bapauda", "nande", "abg")
	addLex(lxFiller|lxTail, "kamsia", "gamsia")
	// Medan talk around an order: Bk olo (yes); Hk ce (cece, addressing
	// a woman trader); rupanya (it seems), kali (very: "mahal kali"),
	// simpan (keep aside), keras (hard), buka (open), naik, turun (prices
	// rising, falling), sehat (well: "sehat kan?").
	addLex(lxFiller|lxTail, "olo", "rupanya", "kali", "sehat", "keras", "naik", "turun")
	addLex(lxFiller|lxTail|lxAddress, "ce")
	addLex(lxFiller, "simpan", "simpankan", "buka")
	// Batak tulang (a mother's brother), said to a male trader ("horas
	// tulang", "tulang, …"); also bones, goods where a catalog sells them:
	// dropped only beside other words, as "teh".
	addLex(lxFiller|lxTail|lxAddress|lxWeak, "tulang")
	// Batak Toba numbers, spoken in Medan's markets too: sada (1), tolu
	// (3), onom (6), ualu (8), sampulu (10); satonga (a half). Not sia (9),
	// "you" in Sundanese.
	addNum(nkDigit, 1, "sada")
	addNum(nkDigit, 3, "tolu")
	addNum(nkDigit, 6, "onom")
	addNum(nkDigit, 8, "ualu")
	addNum(nkValue, 10, "sampulu")
	addNum(nkFrac, 500, "satonga")
}
