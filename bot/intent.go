package bot

import (
	"regexp"
	"strconv"
	"strings"

	"pasarbot/orders"
)

// Short answers buyers give, as they type them.
var (
	yesWords = set("ya", "iya", "y", "yes", "yup", "oke", "ok", "okay", "okey", "oce", "betul", "benar", "bener", "siap",
		"setuju", "lanjut", "boleh", "gas", "jadi", "sip", "mau", "nggih", "enggih", "muhun", "iyaa", "yaa", "ok kak", "oke kak", "ya kak")
	noWords = set("tidak", "tdk", "nggak", "ngga", "gak", "ga", "enggak", "engga", "no", "jangan", "bukan", "gajadi",
		"ga jadi", "gak jadi", "nggak jadi", "tidak jadi", "moal", "teu", "ora", "mboten", "salah", "ganti")
	checkoutWords = set("itu aja", "itu saja", "itu aja kak", "udah", "sudah", "udah itu aja", "sudah itu saja", "cukup",
		"checkout", "check out", "selesai", "lanjut bayar", "bayar", "pesan sekarang", "kirim", "proses", "itu dulu",
		"segitu aja", "segitu dulu", "itu aja ya", "udah itu aja ya", "wis", "wis iku wae", "eta weh", "itu aja dulu")
	cartWords   = set("cek", "cek keranjang", "keranjang", "lihat keranjang", "liat keranjang", "cart", "pesanan saya apa aja", "cek pesanan tadi")
	cancelWords = set("batal", "cancel", "batalin", "batalkan", "gak jadi semua", "ga jadi semua", "batal semua", "hapus semua", "kosongkan")
	helpWords   = set("bantuan", "help", "tolong bantu", "cara pesan", "caranya gimana", "gimana caranya", "info", "?", "halo", "hallo", "hai", "hi", "assalamualaikum", "permisi", "p", "pagi", "selamat pagi")
	statusWords = set("status", "cek status", "status pesanan", "pesanan saya", "pesananku", "cek pesanan", "sudah sampai mana", "udah sampai mana", "mana pesanan saya", "lacak")
	menuWords   = set("menu", "daftar harga", "harga", "katalog", "list harga", "pricelist", "price list", "jualan apa aja", "ada apa aja", "daftar", "produk")
	antarWords  = set("antar", "diantar", "dianter", "anter", "kirim", "dikirim", "delivery", "ojol", "kurir", "antar aja", "diantar aja", "dianter aja")
	ambilWords  = set("ambil", "ambil sendiri", "diambil", "saya ambil", "ambil aja", "pickup", "pick up", "jemput sendiri", "ke pasar")
	handoverRe  = regexp.MustCompile(`^(admin|cs|customer service|mau (ngomong|bicara|ngobrol) (sama|dengan) (orang|admin|manusia)|minta (admin|cs)|hubungi admin|panggil admin)\b`)
	reorderRe   = regexp.MustCompile(`^(ulang|ulangi|sama kayak|sama seperti|pesan lagi|order lagi) ?(pesanan|order)? ?(kemarin|kemaren|terakhir|yang (lalu|kemarin))?`)
	removeRe    = regexp.MustCompile(`^(hapus|buang|ga jadi|gak jadi|nggak jadi|tidak jadi|batal|cancel|coret)\s+(.+)$`)
	changeRe    = regexp.MustCompile(`^(kurangi|kurangin|tambahin|tambahi|ubah|ganti|jadikan|jadiin|ubah)\s+(.+?)\s+(jadi|menjadi|ke)\s+(.+)$`)
	addRe       = regexp.MustCompile(`^(tambah|tambahin|tambahan|plus|sama)\s+(.+)$`)
	codeRe      = regexp.MustCompile(`(?i)\b([a-z][0-9][a-z][0-9](?:[a-z][0-9]?)?)\b`)
	offerRe     = regexp.MustCompile(`^(tawar|nawar|bisa|boleh|gimana kalau|gmn kalo|kalau|kalo|kurang|kurangin|kurangi)\b`)
	complaintRe = regexp.MustCompile(`^(komplain|complain|keluhan|protes)\b\s*(.*)$`)
	pesanRe     = regexp.MustCompile(`(?i)^pesan\s+([a-z0-9]{4,6})\s+(.+)$`)
	cancelOrder = regexp.MustCompile(`(?i)^(batal|batalkan|cancel)\s+([a-z0-9]{4,6})\b\s*(.*)$`)
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
	s = strings.Trim(s, ".!?,~ 🙏😊👍")
	return strings.Join(strings.Fields(s), " ")
}

// isPhrase reports whether the normalized text s is one of the phrases in m,
// also after dropping trailing words that carry no meaning for short
// answers ("ya kak!", "oke deh", "itu aja ya kak").
func isPhrase(m map[string]bool, s string) bool {
	fs := strings.Fields(s)
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

var fillerTail = set("kak", "ka", "kakak", "mbak", "mba", "bu", "pak", "mas", "bang", "deh", "dong", "ya", "yah", "yaa", "nih", "sis", "gan", "min", "aja", "saja", "lah", "nggih", "atuh", "mah", "wae")

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
