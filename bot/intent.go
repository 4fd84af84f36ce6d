package bot

import (
	"regexp"
	"strconv"
	"strings"

	"pasarbot/orders"
)

// Short answers buyers give, as they type them, across regions: Javanese
// (nggih, sampun, wis), Sundanese (muhun, tos, parantos, moal), Betawi
// (udeh, kagak), Banjar (inggih, sudah ha, kada), and chat shortenings.
var (
	yesWords = set("ya", "iya", "y", "iy", "iyh", "yy", "iyap", "yap", "okk", "oks", "siip", "siapp", "bnr", "bner", "btul", "ya bener", "iyes", "yes", "yup", "yoi", "oke", "ok", "okay", "okey", "oce", "okee", "okeh", "betul", "benar", "bener",
		"siap", "setuju", "lanjut", "lanjutkan", "boleh", "gas", "ok gas", "gaskeun", "jadi", "sip", "sipp", "mau", "nggih", "enggih", "inggih",
		"muhun", "leres", "iyaa", "yaa", "iye", "iyo", "iih", "ho oh", "he eh", "mantap", "mantab", "mantul", "cocok", "pas", "deal", "proses",
		"gpp lanjut", "lanjut aja", "oke lanjut", "sudah benar", "udah bener", "udah benar", "sudah betul", "iya bener", "iya betul", "ya betul",
		"betul sekali", "oke kirim", "kirim aja", "ok kirim", "sip kirim", "iya kirim", "ya kirim", "ok siap", "siap kak",
		"oke deh", "ok deh", "boleh deh", "iya boleh", "ya boleh", "ok kak", "oke kak", "ya kak", "y kak", "ok lanjut", "iya lanjut", "yuk", "ayo",
		"hayuk", "ayok", "gass", "sudah sesuai", "udah sesuai", "sesuai", "oke sesuai", "benar semua", "bener semua", "pesan", "order",
		"saya setuju", "setuju saja", "silakan dikirim", "silahkan dikirim", "silakan kirim", "silahkan kirim", "yo", "alah bana", "iyo uni", "bana", "yo wis", "yowis", "ya wis", "yo wes", "yawis", "batua", "iyo batua", "bujur", "iih bujur", "sumuhun", "injih", "iyoh", "iyoh bujur")
	noWords = set("tidak", "tdk", "nggak", "ngga", "gak", "ga", "gk", "g", "enggak", "engga", "no", "jangan", "bukan", "kagak", "kaga",
		"moal", "teu", "henteu", "ora", "mboten", "kada", "ndak", "nda", "salah", "bukan itu", "tidak benar", "belum", "belum benar", "ga usah", "gak usah", "nggak usah", "gausah", "gk usah", "tidak usah", "ndak usah", "kada usah", "ga ada lagi", "gak ada lagi", "nggak ada lagi", "tidak ada lagi", "ga ada", "nggak ada", "gak ada")
	finishWords = set("itu aja", "itu saja", "itu aja kak", "udah", "sudah", "udh", "dah", "udah itu aja", "sudah itu saja", "cukup",
		"checkout", "check out", "selesai", "lanjut bayar", "bayar", "pesan sekarang", "proses", "itu dulu", "itu dulu deh",
		"segitu aja", "segitu dulu", "segitu", "cukup segitu", "itu aja ya", "udah itu aja ya", "wis", "wes", "wis cukup", "wes cukup",
		"wis iku wae", "iku wae", "eta weh", "tos", "tos eta", "parantos", "sampun", "sampun cekap", "cekap", "itu aja dulu", "udahan",
		"udah cukup", "dah cukup", "udh cukup", "sudah cukup", "cukup itu", "itu aja cukup", "udeh", "udeh itu aja", "entu aje", "itu aje",
		"sudah ha", "sudah haja", "itu haja", "itu haja pang", "cukup ha", "itu doang", "gitu aja", "gitu dulu", "udah ah", "udah gitu aja",
		"beres", "done", "udah semua", "sudah semua", "itu semua", "segitu saja", "dah itu aja", "dh itu aja", "udh itu aja", "udh itu aj",
		"itu aj", "ok itu aja", "oke itu aja", "ya itu aja", "iya itu aja", "cukup itu aja", "itu thok", "iku thok", "wis iku", "kitu wae", "sakitu wae", "sakitu", "sakitu heula", "sampun niku mawon", "niku mawon", "mpun",
		"wis to", "udah segini", "segini aja", "segini dulu", "cukup segini", "itu ae", "iku ae", "wes iku ae", "dah itu", "udah itu", "sudah itu")
	ackWords         = set("gpp", "gapapa", "ga apa apa", "gak apa apa", "nggak apa apa", "ngga apa apa", "tidak apa apa", "oh gitu", "oh begitu", "oh ok", "oh oke", "oke deh kak", "baik kak", "baiklah", "noted", "sip deh", "oh cuma cod ya gpp", "paham", "oke paham", "siap paham", "mantap makasih")
	sameAddressWords = set("alamat sama", "alamatnya sama", "alamat yang sama", "alamat yg sama", "sama kayak tadi", "seperti tadi", "alamat tadi", "ke alamat tadi", "alamat sama kayak tadi",
		"ke alamat yg tadi", "ke alamat yang tadi", "alamat yg tadi", "alamat yang tadi", "kirim ke alamat tadi", "kirim ke alamat yg tadi", "ke alamat yg sama", "ke alamat yang sama",
		"alamatnya sama kayak tadi", "alamat kayak tadi", "alamat kaya tadi", "ke tempat yg tadi", "ke tempat tadi", "ke rumah yg tadi", "antar ke alamat tadi", "anter ke alamat tadi")
	skipWords        = set("lewati", "lewat", "skip", "lewatin", "gak tau", "ga tau", "nggak tau", "tidak tahu", "gatau", "ga jadi yang itu")
	pickupAlone      = set("ambil", "diambil", "ambil aja", "saya ambil", "aku ambil", "ulun ambil", "jemput", "sy ambil")
	cartWords        = set("cek", "cek keranjang", "keranjang", "lihat keranjang", "liat keranjang", "cart", "pesanan saya apa aja", "cek pesanan tadi", "belanjaan saya", "lihat belanjaan")
	cancelWords      = set("batal", "cancel", "batalin", "batalkan", "gak jadi semua", "ga jadi semua", "batal semua", "hapus semua", "kosongkan", "ga jadi", "gak jadi", "nggak jadi", "ngga jadi", "tidak jadi", "gajadi", "gk jd", "ga jd", "gak jd", "nggak jadi beli", "ga jadi beli", "gak jadi beli", "tidak jadi beli", "gajadi beli", "ndak jadi", "nda jadi", "kada jadi", "kagak jadi", "batal aja", "batalin aja", "cancel aja", "batal pesan", "batal pesanan", "moal jadi", "ora sido", "ra sido", "nggak sido", "gak sido", "ga sido", "ndak sido", "kada jadi ha", "ga jadi deh", "gak jadi deh", "nggak jadi deh", "ga jadi aja", "batal deh", "udah ga jadi", "ga jadi pesan", "gak jadi pesan", "kosongin")
	helpWords        = set("bantuan", "help", "tolong bantu", "cara pesan", "caranya gimana", "gimana caranya", "info", "?", "gimana cara pesannya", "cara order", "bagaimana cara pesan")
	greetWords       = set("halo", "hallo", "hai", "hi", "hello", "helo", "assalamualaikum", "assalamu'alaikum", "assalamu alaikum", "asalamualaikum", "ass", "askum", "permisi", "p", "pagi", "selamat pagi", "siang", "selamat siang", "punten", "sampurasun", "sugeng enjing", "sugeng enjang", "wilujeng enjing", "wilujeng siang", "slamat pagi", "met pagi", "misi", "salam", "makasih", "terima kasih", "terimakasih", "trims", "thanks", "thx", "tq", "makasi", "nuhun", "hatur nuhun", "matur nuwun", "suwun", "mau pesan", "mau order", "mau beli", "mau belanja", "pesan dong", "order dong", "bisa pesan", "bisa order", "mau pesen", "pesen dong", "handak tukar", "ulun handak tukar", "ulun handak pesan", "bisa pesan sekarang", "oke makasih", "ok makasih", "siap makasih", "sama sama", "sama-sama", "wa'alaikumsalam", "waalaikumsalam")
	statusWords      = set("status", "cek status", "status pesanan", "pesanan saya", "pesananku", "cek pesanan", "sudah sampai mana", "udah sampai mana", "mana pesanan saya", "lacak", "udah sampe mana", "sampai mana")
	menuWords        = set("menu", "daftar harga", "harga", "katalog", "list harga", "pricelist", "price list", "jualan apa aja", "ada apa aja", "daftar", "produk", "jual apa aja", "ada apa saja", "list", "harga harga", "harga2")
	handoverEndWords = set("batal", "selesai", "menu", "udah selesai", "sudah selesai", "selesai cs", "stop", "keluar", "kembali", "kembali ke menu", "cancel", "udahan", "sudah", "udah")
	handoverRe       = regexp.MustCompile(`^(admin|cs|customer service|petugas|operator)\b|\b(ada|minta|tanya|hubungi|hubungin|panggil|panggilkan|sambungkan|sambungin|hubungkan|mau|bisa) (sama |ke |dengan |dg )?(admin|petugas|operator|cs|orangnya|orang)\b|\b(minta|bagi|kasih) (nomor|no|kontak|wa|nomer) (orangnya|penjualnya|penjual|pedagangnya|pedagang|admin|pemiliknya|pemilik|yang punya)\b|\b((ngomong|bicara|ngobrol|chat|telpon|telepon|nego|negosiasi) (sama|dengan|dg|dgn|ke) (orang|admin|manusia|petugas|orangnya|cs|penjualnya|pedagangnya|pemiliknya|yang punya)|(minta|hubungi|panggil|panggilkan|sambungkan( ke)?|sambungin( ke)?|mau|pengen|ingin) (admin|cs|petugas|operator|orang asli|manusia))\b`)
	reorderRe        = regexp.MustCompile(`^(ulang|ulangi|sama kayak|sama seperti|pesan lagi|order lagi) ?(pesanan|order)? ?(kemarin|kemaren|terakhir|yang (lalu|kemarin))?|^(?:\S+ )?(pesan|pesen|order|mau)? ?(yang|yg) (kemarin|kemaren|kmrn|kmrin) (lagi|aja|ya)`)
	codeRe           = regexp.MustCompile(`(?i)\b([a-z][0-9][a-z][0-9](?:[a-z][0-9]?)?)\b`)
	offerRe          = regexp.MustCompile(`^(tawar|nawar|bisa|boleh|gimana kalau|gmn kalo|kalau|kalo|kurang|kurangin|kurangi)\b`)
	complaintRe      = regexp.MustCompile(`^(?:\S+\s+){0,4}?(komplain|complain|keluhan|protes|mengeluh|mau lapor)\b\s*(.*)$`)
	pesanRe          = regexp.MustCompile(`(?is)^pesan\s+([a-z0-9]{4,6})\s+(.+)$`)
	cancelOrder      = regexp.MustCompile(`(?i)^(batal|batalkan|cancel)\s+([a-z0-9]{4,6})\b\s*(.*)$`)
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// norm lower-cases, drops punctuation at the ends and squeezes spaces.
func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.Trim(s, ".!?,~ 🙏😊👍🙂😁🤗")
	return strings.Join(strings.Fields(s), " ")
}

// isPhrase reports whether the normalized text s is one of the phrases in m,
// also after dropping leading and trailing words that carry no meaning for
// short answers ("ya kak!", "oke deh", "eh udah itu aja ya kak").
func isPhrase(m map[string]bool, s string) bool {
	fs := strings.Fields(phraseWords.Replace(s))
	// Filler is peeled off the end first, then off the front: "udah kak"
	// is "udah" (a finish), not "kak".
	for len(fs) > 0 {
		if tailPhrase(m, fs) {
			return true
		}
		if len(fs) == 1 || !fillerHead[fs[0]] {
			return false
		}
		fs = fs[1:]
	}
	return false
}

// squeezeRepeats writes a letter held for emphasis once: "okeee" →
// "oke", "siiiap" → "siap". Only runs of three or more are squeezed, so
// "sipp" and "iyaa" stay as the yes words list them.
func squeezeRepeats(s string) string {
	held := false
	for i := 2; i < len(s) && !held; i++ {
		held = s[i] == s[i-1] && s[i] == s[i-2] && s[i] >= 'a' && s[i] <= 'z'
	}
	if !held {
		return s // most messages: nothing held, nothing built
	}
	var b strings.Builder
	run := 0
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] && s[i] >= 'a' && s[i] <= 'z' {
			run++
		} else {
			run = 0
		}
		if run >= 1 && i+1 < len(s) && s[i+1] == s[i] || run >= 2 {
			continue // keep one of a run of three or more
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// phraseWords splits a short answer into words: punctuation goes, and the
// glottal stop Bugis and Makassar write ("iye'", "tabe'") is no letter.
var phraseWords = strings.NewReplacer(",", " ", "!", " ", ".", " ", "'", "", "’", "")

// isYes reports whether s says yes: a yes phrase, or yes words one after
// another ("muhun leres", "nggih leres", "ok sip").
func isYes(s string) bool {
	if isPhrase(yesWords, s) {
		return true
	}
	if sq := squeezeRepeats(s); sq != s {
		return isYes(sq) // "okeee", "iyaaa", "siiip"
	}
	fs := strings.Fields(phraseWords.Replace(s))
	if len(fs) < 2 || len(fs) > 6 {
		return false
	}
	yes := false
	for _, f := range fs {
		switch {
		case yesWords[f]:
			yes = true
		case fillerTail[f] || assentWords[f]:
		default:
			return false
		}
	}
	return yes
}

// yesAndDone is a summary confirmed in parts: "udah itu, bener", "sudah
// cukup, ya kirim".
func yesAndDone(s string) bool {
	parts := splitClauses(s)
	if len(parts) < 2 {
		return false
	}
	yes := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case isYes(p):
			yes = true
		case isPhrase(finishWords, p):
		default:
			return false
		}
	}
	return yes
}

// assentWords go with a yes without being one alone: "yo wis, bener",
// "ya udah oke".
var assentWords = set("matur", "nuwun", "hatur", "kasih", "terima", "makasih", "mi", "ji", "mo", "pale", "semuanya", "semua", "begitu", "gitu", "wis", "wes", "udah", "sudah", "dah", "yaudah", "deh", "lah", "yo", "kirim", "gas", "fix", "semua",
	"insyaallah", "insya", "allah", "inshaallah", "alhamdulillah", "bismillah",
	"gpp", "gapapa", "gakpapa", "nggakpapa", "ongkirnya", "segitu", "segini", // "iya gpp ongkirnya segitu"
	"mi") // Makassar "betul mi": kept out of fillerTail, where it would eat Mi Instan

// tailPhrase reports whether fs, less filler words at its end, is in m.
func tailPhrase(m map[string]bool, fs []string) bool {
	for len(fs) > 0 {
		if m[strings.Join(fs, " ")] {
			return true
		}
		if len(fs) == 1 || !fillerTail[fs[len(fs)-1]] {
			return false
		}
		fs = fs[:len(fs)-1]
	}
	return false
}

var (
	fillerTail = set("nak", "kasih", "tarima", "makasih", "nuhun", "suwun", "thanks", "tq", "dulu", "dl", "kak", "ka", "kakak", "mbak", "mba", "bu", "pak", "mas", "bang", "deh", "dong", "ya", "yah", "yaa", "nih", "sis", "gan", "min",
		"aja", "saja", "lah", "nggih", "atuh", "mah", "wae", "ha", "pang", "lo", "loh", "kok", "sih", "bund", "bun", "acil", "cil", "julak", "ading",
		"pian", "teh", "a", "ko", "koh", "cik", "om", "tante", "bos", "juragan", "terima kasih", "ok", "oke", "ye", "yo", "bro", "sist", "say",
		"ji", "ki", "pale", "nah", "di", "ndi", "daeng", "puang", "uni", "uda", "ambo")
	fillerHead = set("maaf", "mohon maaf", "sori", "sorry", "eh", "oh", "ih", "duh", "aduh", "waduh", "oke", "ok", "ya", "iya", "yaudah", "ya udah", "yaudh", "udah", "nah", "hmm", "emm", "wah", "kak", "mbak", "mba", "bu", "pak", "mas", "bang", "acil", "cil", "pian", "sip", "siap", "baik", "kalau", "kalo")
)

// number reads a bare number answer ("2", "no 2", "nomor 2", "yang 2").
func number(s string) (int, bool) {
	s = norm(s)
	if fs := strings.Fields(s); len(fs) > 1 && fillerTail[fs[len(fs)-1]] {
		s = strings.Join(fs[:len(fs)-1], " ")
	}
	for _, p := range []string{"nomor ", "nomer ", "no ", "no. ", "yang ", "yg ", "pilih ", "#"} {
		s = strings.TrimPrefix(s, p)
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 99 {
		return 0, false
	}
	return n, true
}

// findCode returns the first order code in text, upper-cased.
func findCode(s string) string {
	for _, m := range codeRe.FindAllStringSubmatch(s, -1) {
		if orders.LooksLikeCode(m[1]) {
			return strings.ToUpper(m[1])
		}
	}
	return ""
}

// isGreeting is true for a line that only greets, thanks or says "I want
// to order" ("pagi bu", "assalamualaikum mbak", "mau pesan dong kak").
func isGreeting(s string) bool {
	return isPhrase(greetWords, s)
}

// cutGreeting drops greeting words at the start of a line ("halo mbak,
// cabe 1/4") so the product parser sees only the order.
func cutGreeting(s string) string {
	fs := strings.Fields(s)
	i := 0
	for i < len(fs) && i < 4 {
		w := strings.Trim(strings.ToLower(fs[i]), ",.!")
		if greetWords[w] || fillerTail[w] || leadWords[w] {
			i++
			continue
		}
		break
	}
	return strings.Join(fs[i:], " ")
}

var onlyFillerWords = set("murah", "mahal", "lumayan", "waduh", "wah", "okelah", "mertua", "ortu", "saudara", "alamat", "alamatnya", "adek", "adik", "anak", "suami", "istri", "keluarga", "tetangga", "teman", "temen", "tapi", "ding", "deng", "sih", "kok", "lho", "loh", "dan", "sama", "terus", "trus", "juga", "tolong", "langsung", "nanti", "ke", "di", "rumah", "saya", "aku", "sini",
	"minta", "pakai", "pake", "mau", "dong", "ulun", "kami", "kita", "yang", "yg", "hmm", "eh", "nah", "oh", "ini", "itu", "gitu", "begitu", "jadi")

// leadWords open an order in many regions: "bade mesen", "handak tukar",
// "badhe tumbas".
var leadWords = set("selamat", "bade", "mesen", "pesen", "handak", "ulun", "abdi", "kulo", "kula", "badhe", "tumbas", "nyuhunkeun",
	"meli", "tukar", "numpang", "mau", "pesan", "order", "beli", "minta", "tolong", "sy", "saya", "aku", "pengen", "pingin", "ingin")

// onlyFiller is true for leftovers that say nothing ("ya", "kak", "deh ya").
func onlyFiller(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ",.!?-:;")
		if w == "" || fillerTail[w] || fillerHead[w] || greetWords[w] || onlyFillerWords[w] {
			continue
		}
		return false
	}
	return true
}
