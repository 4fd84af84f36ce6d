package bot

import (
	"regexp"
	"strings"
)

// Clauses of a line that are not items: a recipient's name, an address,
// a delivery choice, a finish word. They are cut out before the product
// parser sees the line, so a street ("Gg. Kenanga 2 RT 04") or a
// kelurahan is never read as a product.

// addressWords start or mark an address ("alamat" only introduces one:
// addressPart still wants a street, a number or a zone after it).
var addressWords = set("jl", "jln", "jalan", "gg", "gang", "perum", "perumahan", "komplek", "komp", "kompleks", "blok", "rt", "rw",
	"rt/rw", "km", "kel", "kelurahan", "kec", "kecamatan", "desa", "ds", "dusun", "asrama", "wisma", "griya", "alamat", "alamatnya",
	"kost", "kos", "kontrakan", "ruko", "apartemen", "lorong", "lr", "kav", "kavling", "prm", "prum", "blk", "kmp", "kompl")

// streetWords mark a line that names a street (an address starts over);
// other address pieces ("RT 3 Langkai") add to the address given before.
var streetWords = set("jl", "jln", "jalan", "gg", "gang", "perum", "perumahan", "komplek", "komp", "kompleks", "asrama", "wisma",
	"griya", "kost", "kos", "kontrakan", "ruko", "apartemen", "lorong", "lr", "alamat", "alamatnya")

// deliveryTo introduces an address with the delivery choice: "kirim ke …".
var deliveryTo = regexp.MustCompile(`(?i)\b(tolong\s+)?(di)?(antar|anter|antarkan|anterin|anterkan|antarin|antaan|antakan|kirim|kirimkan|kirimin|krm|kintun)(in|kan)?\s+((aja|saja|ya|yah)\s+)?(ke|kerumah|di|ka)\b\s*`)

// nameRe finds "atas nama Bu Yati", "a.n. Mas Agus", "penerima: Pak Budi",
// "buat Bu Yati", "nama saya Rina".
var nameRe = regexp.MustCompile(`(?i)(?:^|[\s,;(])(?:atas\s+nama|atas\s+name|a\.\s?n\.?|a/n|an\.|nama\s+penerima(?:nya)?\s*:?|penerima(?:nya)?\s*:?|diterima(?:\s+(?:oleh|sama|sm))?|(?:yang|yg)\s+(?:terima|nerima|menerima)(?:nya)?\s*:?|namanya\s*:?|namaku\s*:?|namaq|nm\s*:?|nma\s*:?|jenenge|jenengipun|asmanipun|nama\s+ku|namo\s+ambo|namo|asma\s+kulo|asmane|nama\s+saya|nama\s+sy|nama\s+gue|nama\s+aye|nama\s*:|nama\s+aku|an|ulun\s+nama|ngaran\s+ulun|ngaran|aran\s+ku|aranku|nami\s+abdi|namina|nami|jenengku|jeneng\s+kula|asma\s+kula|nama)\s*:?\s+([^\n,;()]+)`)
var forRe = regexp.MustCompile(`(?i)(?:^|[\s,;(])(?:buat|untuk|utk|u/|gasan|kagem|kanggo|pikeun|keur|an|a\.n|atas)\s*:?\s+((?:bu|ibu|pak|bapak|mas|mbak|mba|kak|bang|abang|dek|om|tante|acil|julak|ading|teh|aa|cik|koh|nyai|mbok|bude|pakde|uwa|mak|umi|abah|amang|busu|angah|bunda|eyang|nenek|kakek|haji|hj|h|mpok|kang|teteh|ceu|neng|mama|mamah|papa|ibuk)\.?\s+[a-z][a-z']*(?:\s+[a-z][a-z']*)?)`)

// fixNameRe finds the name a buyer corrects to ("namanya salah ketik,
// harusnya Rina bukan Rini"): read only in a line about the name.
var fixNameRe = regexp.MustCompile(`(?:^|[\s,])(?i:harusnya|seharusnya|mestinya|yang bener|yg bener|yang benar|yg benar|yang betul)\s*:?\s+([A-Z][a-z']+(?:\s+[A-Z][a-z']+)?)\b`)

// onlyTitles is true for words that are titles or relations with no name
// ("bapak saya", "ibu"): the receiver is named after them, if at all.
func onlyTitles(fs []string) bool {
	for _, w := range fs {
		w = strings.Trim(w, ".,:")
		if !honorifics[w] && !relationWords[w] && w != "saya" && w != "sy" && w != "aku" && w != "ku" && w != "kami" {
			return false
		}
	}
	return true
}

// relationWords say who the receiver is to the buyer, not their name.
var relationWords = set("mertua", "ortu", "orangtua", "anak", "suami", "istri", "adik", "adek", "kakak", "tetangga", "keponakan", "ponakan",
	"pembantu", "art", "sopir", "supir", "teman", "temen", "saudara", "sodara", "cucu", "menantu")

// titledRe finds a title before a capitalised name anywhere in a line
// ("rumah bapak saya: Bpk. Suharno, Jl. …"): lower case ("bu tolong") is
// not a name.
var titledRe = regexp.MustCompile(`(?:^|[\s,;:(])(?:(?:dengan|dgn|dg|saya|sy|ini)\s+)?((?:(?:Bpk|Bapak|Pak|Ibu|Bu|Hj|Hajjah|Haji|bpk|bapak|pak|ibu|bu|hj)\.?\s+)+[A-Z][a-z']+(?:\s+[A-Z][a-z']+)?)\b`)

// selfRe finds a buyer introducing themselves by a capitalised name ("mbak
// saya Yuni yang biasa beli telur"); lower case ("saya mau") is not a name.
var selfRe = regexp.MustCompile(`(?:^|[\s,])(?i:saya|sy|aku|ulun|kulo|abdi)\s+([A-Z][a-z']+(?:\s+[A-Z][a-z']+)?)\b`)

// selfLowRe finds a buyer introducing themselves by a lower-case name,
// only where what follows says who they are ("sy dewi warung makan di jl
// …", "saya budi dari toko …", "aku sari, mau pesan"): a word after
// "saya" is mostly something else ("saya tinggal di …").
var selfLowRe = regexp.MustCompile(`(?:^|[\s,])(?:saya|sy|aku)\s+([a-z][a-z']{2,})(?:\s*,|\s+(?:dari|dr|warung|toko|kios|lapak|rumah\s+makan|yang|yg)\b|\s*$)`)

// thisIsRe is the way a caller says who is speaking: "ini dengan ibu
// mariam dari pahandut", in any case ("INI DENGAN IBU MARIAM").
var thisIsRe = regexp.MustCompile(`(?i)(?:^|[\s,.])ini\s+(?:dengan|dgn|dg)\s+((?:(?:bu|ibu|pak|bapak|mas|mbak|mba|kak|haji|hj|hajjah|nenek|kakek|oma|opa|mama|umi)\.?\s+)?[a-z][a-z']{2,}(?:\s+[a-z][a-z']{2,})?)`)

// notSelfName are words after "saya" that say what the buyer does, not
// who they are.
var notSelfName = set("tinggal", "sekarang", "skrg", "lg", "msh", "sedang", "posisi", "otw", "kerja", "lagi", "pelanggan", "langganan", "penjual", "pembeli", "orang", "warga")

// nameIntro words may come before a name said on its own ("dengan Pak
// Syahrani", "saya Bu Tini").
var nameIntro = set("rumah", "rumahnya", "tempat", "kediaman", "aye", "gue", "gua", "ane", "ini", "dengan", "dgn", "dg", "saya", "sy", "aku", "kulo", "ulun", "abdi", "nama", "atas", "oleh")

// honorifics start a name said on its own ("Bu Yati", "mas agus").
var honorifics = set("ustadz", "ustad", "ustaz", "ustadzah", "ustazah", "kyai", "romo", "pendeta", "suster", "dokter", "bpk", "ndi", "andi", "hj", "opa", "oma", "mpok", "engkong", "babe", "kang", "teteh", "ceu", "neng", "ujang", "uda", "uni", "daeng", "cak", "ning", "mbah", "bli", "ibuk", "mama", "mamah", "papa", "mami", "papi", "ayah", "bu", "ibu", "pak", "bapak", "mas", "mbak", "mba", "kak", "bang", "abang", "dek", "om", "tante", "acil", "julak",
	"ading", "teh", "aa", "cik", "koh", "nyai", "mbok", "bude", "pakde", "uwa", "mak", "umi", "abah", "amang", "busu", "angah", "bunda",
	"eyang", "nenek", "nek", "kakek", "kek", "haji", "h", "sdr", "sdri", "ny", "tn")

// senderSelfRe ends the words before "namanya …" that say the name is the
// sender's own: "kalau saya sendiri …", "kalo aku …".
var senderSelfRe = regexp.MustCompile(`(?i)(?:\b(?:saya|sy|aku|gue|gw)\s+sendiri|\b(?:kalau|kalo|klo)\s+(?:saya|sy|aku|gue|gw))[\s,]*$`)

// cutName takes a recipient's name out of a line.
func cutName(line string) (rest, name string) {
	if !hasAny(strings.ToLower(line), "nama", "an", "a.", "a/n", "penerima", "terima", "nerima", "ngaran", "aran", "nami", "jeneng", "asma", "atas", "buat", "untuk", "utk",
		"u/", "gasan", "kagem", "kanggo", "pikeun", "keur", "saya", "sy", "aku", "ulun", "kulo", "abdi", "namo", "asma", "bpk", "bapak", "pak", "ibu", "bu ", "hj", "nm", "jeneng", "dengan", "dgn") {
		return line, "" // a cheap test before the two expressions
	}
	for _, re := range []*regexp.Regexp{fixNameRe, nameRe, forRe, titledRe, selfRe, selfLowRe, thisIsRe} {
		if re == fixNameRe && !strings.Contains(strings.ToLower(line), "nama") {
			continue
		}
		m := re.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		if re == nameRe && senderSelfRe.MatchString(line[:m[0]+1]) {
			continue // "kalau saya sendiri namanya Andi, tapi kirimnya ke Nek Sarah": the sender, not the receiver
		}
		if re == nameRe {
			// "nama Mama Fira... eh nama sy aja Wulan": the last one said;
			// the first, corrected, goes with it.
			if later := nameRe.FindStringSubmatchIndex(line[m[2]:]); later != nil {
				if n := cleanName(line[m[2]+later[2] : m[2]+later[3]]); n != "" && !onlyTitles(strings.Fields(strings.ToLower(n))) {
					end := m[2] + later[3]
					if i := strings.Index(line[m[2]+later[2]:], n); i >= 0 {
						end = m[2] + later[2] + i + len(n)
					}
					return strings.TrimSpace(line[:m[0]] + " " + line[end:]), n
				}
			}
		}
		if re == selfLowRe {
			if w := line[m[2]:m[3]]; notNameWords[w] || notSelfName[w] || honorifics[w] || fillerTail[w] || addressWords[w] || relationWords[w] {
				continue
			}
		}
		name = cleanName(line[m[2]:m[3]])
		if name == "" {
			continue
		}
		if fs := strings.Fields(strings.ToLower(name)); relationWords[fs[0]] || onlyTitles(fs) && !((len(fs) >= 2 || re == nameRe) && givenNameTitles[fs[len(fs)-1]]) {
			// "atas nama anak sy aja ya, Salsa": the name after the
			// relation, or none yet.
			after := line[m[3]:]
			for _, part := range splitClauses(after) {
				if p := strings.TrimSpace(part); capitalName(p) {
					at := m[3] + strings.Index(after, p)
					return strings.TrimSpace(line[:m[0]] + " " + line[at+len(p):]), p
				}
			}
			continue
		}
		// Cut only as far as the name went ("buat Ibu Hartini Jl. …"
		// keeps "Jl.").
		end := m[3]
		if i := strings.Index(line[m[2]:], name); i >= 0 {
			end = m[2] + i + len(name)
		}
		return strings.TrimSpace(line[:m[0]] + " " + line[end:]), name
	}
	return line, ""
}

// cleanName ends a name before an address, a delivery word or filler.
func cleanName(s string) string {
	fs := strings.Fields(s)
	for len(fs) > 2 && (nameIntro[strings.ToLower(fs[0])] || toWhomLead[strings.ToLower(fs[0])]) {
		fs = fs[1:]
	}
	for len(fs) > 1 && leadFiller[strings.ToLower(strings.Trim(fs[0], ",."))] {
		fs = fs[1:] // "nama sy aja Wulan"
	}
	var out []string
	for i, w := range fs {
		lw := strings.ToLower(strings.Trim(w, ".:,"))
		if i == 0 && (addressWords[lw] || strings.HasPrefix(lw, "jl.")) {
			return "" // "penerima Jl. Imam Bonjol": an address, not a name
		}
		afterTitle := i > 0 && honorifics[strings.ToLower(strings.Trim(fs[i-1], ".,:"))] && w[0] >= 'A' && w[0] <= 'Z'
		if i > 0 && !afterTitle && (addressWords[lw] || lw == "di" || lw == "ke" || lw == "ya" || lw == "yg" || lw == "yang" || lw == "dan" || lw == "sama" ||
			lw == "kirim" || lw == "antar" || lw == "itu" || lw == "udah" || lw == "hp" || lw == "no" || fillerTail[lw] && !honorifics[lw]) {
			break
		}
		// "a.n. Teh Nining": after a name cue, "teh" is the Sundanese
		// "sister", not tea.
		title := i == 0 && len(fs) > 1 && (honorifics[lw] || lw == "teh")
		if strings.ContainsAny(w, "0123456789") || i >= 4 || notNameWords[lw] && !title {
			break
		}
		out = append(out, strings.Trim(w, ",;:"))
		if strings.HasSuffix(w, ".") && len(lw) > 3 || strings.HasSuffix(w, ":") {
			break // "Galuh. langsung kirim", "a/n Lukas: beras 5 kg": the name ended
		}
	}
	return strings.TrimSpace(strings.Join(out, " "))
}

// capitalName is a line that is only a capitalised name of one or two
// words ("Rudi", "Siti Aminah"): read as the receiver's name when the same
// message gives the address.
func capitalName(s string) bool {
	if placeTypeRe.MatchString(strings.TrimSpace(s)) {
		return false // "Masjid Al-Ikhlas": a place, part of the address
	}
	fs := strings.Fields(strings.Trim(s, " .,;"))
	if len(fs) == 0 || len(fs) > 2 {
		return false
	}
	for _, w := range fs {
		if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' || notNameWords[strings.ToLower(w)] || fillerTail[strings.ToLower(w)] || addressWords[strings.ToLower(w)] {
			return false
		}
		for _, r := range w[1:] {
			if (r < 'a' || r > 'z') && r != '\'' {
				return false
			}
		}
	}
	return true
}

// nameNotGiven reports whether the form's name is only WhatsApp's (or
// empty): the buyer has not said who the order is for.
func nameNotGiven(c *Conversation) bool {
	return c.Name == "" || c.Name == c.PushName
}

// loneGivenName is one lower-case word sent alone that can only be a
// name ("fitri" under a summary that has WhatsApp's name on it): letters
// with a vowel, no chat or order word, no letter held three times.
func loneGivenName(s string) bool {
	w := strings.Trim(strings.TrimSpace(s), ".,!")
	if len(w) < 3 || len(w) > 12 || strings.ContainsAny(w, " ") || !bareName(w) || fillerHead[w] || fillerTail[w] || chatWords[w] {
		return false
	}
	vowels := 0
	for i, r := range w {
		if strings.ContainsRune("aiueo", r) {
			vowels++
		}
		if i >= 2 && w[i] == w[i-1] && w[i] == w[i-2] {
			return false // "ppp", "hmmm"
		}
	}
	return vowels > 0 && vowels < len(w)
}

// chatWords are words sent alone under a summary that are not a name.
var chatWords = set("hmm", "hehe", "haha", "wkwk", "wkwkwk", "bentar", "sebentar", "tunggu", "lanjut", "mantap", "mantul", "gas", "gass",
	"siap", "sipp", "oke", "okay", "okey", "okee", "iya", "iyaa", "yaudah", "yauda", "udahan", "sudah", "cukup", "beres", "aman", "bener",
	"betul", "benar", "setuju", "lho", "loh", "kok", "gimana", "gmn", "apa", "apaan", "ngga", "nggak", "enggak", "engga", "tidak", "bukan",
	"salah", "ralat", "batal", "cancel", "stop", "menu", "admin", "status", "halo", "hallo", "hai", "test", "tes", "ping", "woy", "woi",
	"kak", "kakak", "mbak", "bu", "pak", "mas", "bang", "ibu", "bapak", "nggih", "inggih", "muhun", "enggih", "engghi", "leres", "jadi",
	"kirim", "kirimkan", "ambil", "antar", "anter", "pesan", "pesen", "order", "makasih", "trims", "thanks", "thx", "nuhun", "suwun")

// leadFiller goes before a name without being part of it.
var leadFiller = set("aja", "saja", "ya", "yaa", "deh", "dong", "sih", "tuh", "kok", "nih", "tetap", "tetep", "ttp", "aslinya", "lengkapnya", "ditulis", "tulis", "ditulisin", "tulisnya", "dibikin", "diganti", "ganti", "jadi", "harusnya")

// looksLikeName is true for a short line that is a name: an honorific and
// a word or two ("Bu Yati", "mas agus"), no digits.
func looksLikeName(s string) bool {
	fs := strings.Fields(strings.ToLower(s))
	for len(fs) > 2 && (nameIntro[fs[0]] || toWhomLead[fs[0]]) {
		fs = fs[1:] // "kirimnya ke pak hendrik"
	}
	for len(fs) > 2 && (fillerTail[strings.Trim(fs[len(fs)-1], ".,")] || fs[len(fs)-1] == "di" || fs[len(fs)-1] == "yg" || fs[len(fs)-1] == "yang") && !honorifics[fs[len(fs)-1]] {
		fs = fs[:len(fs)-1] // "Bu Lina di", "Pak Budi ya", "bu ani yg di"
	}
	if len(fs) < 2 || len(fs) > 4 || strings.ContainsAny(s, "0123456789") {
		return false
	}
	if !honorifics[strings.Trim(fs[0], ".,")] {
		return false
	}
	named := false
	for _, w := range fs[1:] {
		w = strings.Trim(w, ".,!?")
		if notNameWords[w] {
			return false
		}
		named = named || !honorifics[w] && !relationWords[w]
	}
	return named // "bapak mertua" names nobody yet; "pak sarno" does
}

// givenNameTitles are titles that are also given names: after another
// title they are the name ("pak ujang", "pak andi").
var givenNameTitles = set("ujang", "andi", "ndi", "neng", "ning", "nyai", "teteh", "uda", "uni")

// toWhomLead words send the goods to the person named after them.
var toWhomLead = set("kirim", "kirimnya", "kirimin", "dikirim", "antar", "antarnya", "anter", "anternya", "anterin", "diantar", "dianter", "ke", "buat", "untuk", "utk")

// notNameWords are everyday words that never start or continue a name
// ("kak ternyata …", "bu tolong …").
var notNameWords = set("ternyata", "tolong", "mau", "minta", "maaf", "aja", "saja", "ya", "gimana", "kalau", "kalo", "jadi", "udah", "sudah",
	"bisa", "ini", "itu", "boleh", "nanti", "besok", "saya", "aku", "sy", "kok", "dong", "deh", "sih", "nih", "tadi", "pesan", "pesen",
	"beli", "ambil", "antar", "anter", "kirim", "batal", "ga", "gak", "nggak", "tidak", "ada", "berapa", "brp", "harga", "mohon", "permisi",
	"pagi", "siang", "sore", "malam", "apa", "kapan", "dimana", "di", "ke", "dari", "yang", "yg", "buat", "untuk", "sama", "dan", "terus",
	"lagi", "juga", "masih", "belum", "baru", "cuma", "hanya", "eh", "oh", "ok", "oke", "sip", "makasih", "terima", "kasih", "udh", "dah",
	"handak", "ulun", "kada", "haja", "lah", "bade", "hoyong", "badhe", "kulo", "nggih", "mawon", "wae", "atuh", "teh", "mah", "kah",
	"salah", "ketik", "typo", "keliru", "ralat", "harusnya", "mw", "mo", "mao", "order", "orderan", "psn", "pesenan", "pesanan", "donk",
	"gan", "sis", "kirimin", "tanya", "nanya", "cek", "info", "cpt", "cepat", "cepet", "buruan", "segera", "gajadi", "gjd", "gausah", "gaush", "batalin")

// cutAddressIntro takes an address introduced by a delivery phrase out of
// a line: "kirim ke Gg. Kenanga 2", "anter ke Langkai". intro says the
// line chose delivery ("kirim ke rumah" chooses it with no address).
func (e *Engine) cutAddressIntro(line string) (rest, addr string, intro bool) {
	m := deliveryTo.FindStringIndex(line)
	if m == nil {
		return line, "", false
	}
	after, tail := e.orderAfterColon(strings.TrimSpace(line[m[1]:]))
	before := strings.TrimSpace(line[:m[0]])
	if isHomeWord(strings.ToLower(after)) {
		return strings.TrimSpace(before + " " + tail), "", true
	}
	if at := e.addressStart(after); at > 0 {
		// "anter ke rumah ya mbak. Bu Sri, Jl. Sumatera 12": what comes
		// before the street stays in the line (a name, filler).
		if a := e.addressPart(after[at:]); a != "" {
			return strings.TrimSpace(before + " " + after[:at] + " " + tail), a, true
		}
	}
	if a := e.addressPart(after); a != "" {
		return strings.TrimSpace(before + " " + tail), a, true
	}
	return line, "", false
}

// orderAfterColon splits "Jl. Nusa Indah 2 no 9 Langkai: tempe 3 sama tahu
// kuning 10" at the colon when what follows it is goods: the address, and
// the order said after it.
func (e *Engine) orderAfterColon(s string) (addr, order string) {
	i := strings.LastIndex(s, ":")
	if i <= 0 || !e.ordersProduct(s[i+1:]) {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i+1:])
}

// cutNamePart takes a name said on its own between commas or stops out of
// what is left of a line ("diterke yo, Mbak Sri").
func (e *Engine) cutNamePart(rest string, beside bool) (string, string) {
	var parts []string
	for _, p := range splitAddressParts(rest) {
		// "rumah ibu ya: ibu siti aminah": who, after the colon.
		before, after, ok := strings.Cut(p, ": ")
		if ok && strings.TrimSpace(before) != "" && strings.TrimSpace(after) != "" {
			parts = append(parts, before, after)
			continue
		}
		parts = append(parts, p)
	}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		// Beside an address, a capitalised name alone is the receiver
		// ("Fajar, jl. Kecubung no 15").
		if (looksLikeName(p) || beside && capitalName(p) && !e.namesProduct(p) && !e.isPlace(p)) && !e.ordersProduct(p) {
			parts = append(parts[:i:i], parts[i+1:]...)
			return strings.Join(parts, ", "), cleanName(p)
		}
	}
	return rest, ""
}

// cutAddress takes an address out of a line: from its first address word
// (jl., gg., RT, "Melati no 5", a delivery zone's name) to the end.
func (e *Engine) cutAddress(line string) (rest, addr string) {
	at := e.addressStart(line)
	if at < 0 {
		return line, ""
	}
	head, tail := e.orderAfterColon(line[at:])
	line = line[:at] + head
	if a := e.addressPart(line[at:]); a != "" {
		return strings.TrimSpace(strings.TrimSpace(line[:at]) + " " + tail), a
	}
	return line + tail, ""
}

// addressPart cleans an address cut from a line, or returns "" when it
// is no address ("alamatnya jauh", "rumah").
func (e *Engine) addressPart(addr string) string {
	addr, _ = cutFinish(addr)
	if rest, dlv := cutDelivery(addr); dlv != "" {
		addr, _ = cutFinish(rest) // "…, langsung kirim ya"
	}
	addr = strings.Trim(addr, " ,.;")
	if m := notThatRe.FindStringIndex(addr); m != nil {
		addr = strings.Trim(addr[:m[0]], " ,.;") // "Jl. Cempaka no 16, bukan 10": the old number, said to correct it
	}
	for _, p := range []string{"alamatnya", "alamat"} {
		if len(addr) >= len(p) && strings.EqualFold(addr[:len(p)], p) {
			addr = strings.TrimLeft(addr[len(p):], " :")
		}
	}
	addr = e.withoutChangeLead(addr)
	if isHomeWord(strings.ToLower(addr)) {
		return ""
	}
	// An address names a house number, a delivery zone, or a street with
	// its name: "RT", "blok" or "kel." alone name nothing.
	if strings.ContainsAny(addr, "0123456789") || e.hasZone(addr) {
		return addr
	}
	fs := strings.Fields(strings.ToLower(addr))
	if len(fs) >= 2 && (streetWords[strings.Trim(fs[0], ".:,")] || strings.HasPrefix(fs[0], "jl.") || strings.HasPrefix(fs[0], "gg.")) {
		return addr
	}
	if len(fs) >= 1 && (strings.HasPrefix(fs[0], "jl.") || strings.HasPrefix(fs[0], "gg.")) && len(strings.Trim(fs[0], ".")) > 3 {
		return addr // "Jl.Melati"
	}
	return ""
}

// changeLeadRe is how a new address is introduced: "ganti ke", "pindah
// ke", "jadi ke" say the address changes and are no part of it.
var changeLeadRe = regexp.MustCompile(`(?i)^(?:(?:di)?ganti(?:nya)?|pindah(?:nya)?|dipindah|jadi(?:nya)?|ubah|diubah)(?:\s+(?:ke|jadi|di|aja))*\s+`)

// placeFillerRe is talk between a place and its street: "kantor saya aja
// ya di Jl. …".
var placeFillerRe = regexp.MustCompile(`(?i)(?:\s+(?:saya|sy|aku|ku))?\s+(?:(?:aja|saja|ya|yah|deh|kak|bu|mbak|mas)\s+)*(?:di|yg\s+di|yang\s+di)\s*$`)

// withoutChangeLead drops the words that announce a changed address and
// the talk before its street: "ganti ke kantor saya aja ya di Jl. Imam
// Bonjol no 8" is "kantor saya, Jl. Imam Bonjol no 8".
func (e *Engine) withoutChangeLead(addr string) string {
	if m := changeLeadRe.FindStringIndex(addr); m != nil && m[1] < len(addr) {
		addr = addr[m[1]:]
	}
	if at := e.addressStart(addr); at > 0 {
		if m := placeFillerRe.FindStringIndex(addr[:at]); m != nil && m[0] > 0 {
			addr = strings.TrimRight(addr[:m[0]], " ,") + ", " + addr[at:]
		}
	}
	return addr
}

// notThatRe is the end of an address that corrects an earlier one
// ("…, bukan 10", "… bukan no 4 ya").
var notThatRe = regexp.MustCompile(`(?i)[,\s]+bukan\s+(no\.?\s*|nomor\s+)?[0-9a-z./-]+(\s+(ya|kak|mas|mbak|bu|pak))*\s*$`)

// isHomeWord: "rumah", "rumah saya", "sini" name no address.
func isHomeWord(s string) bool {
	switch strings.Trim(s, " .,!?") {
	case "", "rumah", "rumah saya", "rumah aku", "rmh", "sini", "rumah ya", "rumah aja", "alamat", "alamat saya", "alamatku", "rumah ulun":
		return true
	}
	return false
}

// addressStart is the byte offset where an address begins in line, or -1.
func (e *Engine) addressStart(line string) int {
	lower := asciiLower(line) // same byte offsets as line: the result slices line
	words := wordSpans(lower)
	for i, w := range words {
		tok := strings.Trim(lower[w[0]:w[1]], ".,:;()")
		if addressWords[tok] || strings.HasPrefix(tok, "jl.") || strings.HasPrefix(tok, "gg.") || strings.HasPrefix(tok, "rt.") || strings.HasPrefix(tok, "rt0") || strings.HasPrefix(tok, "rw0") {
			if tok == "km" && (i+1 >= len(words) || !startsDigit(lower[words[i+1][0]:])) {
				continue
			}
			if (tok == "kos" || tok == "kost" || tok == "asrama" || tok == "kontrakan") && (i > 0 && strings.Trim(lower[words[i-1][0]:words[i-1][1]], ".,") == "anak" || !namedAfter(lower, words, i)) {
				continue // "patungan anak kos kak hehe": who, not where
			}
			if (tok == "rt" || tok == "rw") && i+1 < len(words) && !startsDigit(lower[words[i+1][0]:]) && !strings.Contains(lower[words[i+1][0]:words[i+1][1]], "/") {
				continue
			}
			return w[0]
		}
		if (tok == "no" || tok == "no." || tok == "nomor") && i+1 < len(words) && startsDigit(lower[words[i+1][0]:]) {
			if i == 0 {
				return w[0] // "no 12 Palangka": a house number completing an address
			}
			// "Melati no 5": the street name before it is part of the address.
			return words[i-1][0]
		}
		if z := e.zoneAt(lower, words, i); z {
			return w[0]
		}
	}
	return -1
}

// namedAfter reports whether the word after words[i] names something
// (a place's name), not a filler or a laugh.
func namedAfter(lower string, words [][2]int, i int) bool {
	if i+1 >= len(words) {
		return false
	}
	w := strings.Trim(lower[words[i+1][0]:words[i+1][1]], ".,!?")
	return !fillerTail[w] && !fillerHead[w] && !honorifics[w] && !laughWords[w]
}

var laughWords = set("hehe", "hehehe", "haha", "hahaha", "wkwk", "wkwkwk", "xixi", "hihi", "hoho")

// asciiLower lower-cases A–Z only, so every byte offset in the result is
// the same in s (strings.ToLower may change the length of other letters).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// zoneAt reports whether a configured delivery zone's keyword starts at
// word i (and is not a product's own name).
func (e *Engine) zoneAt(lower string, words [][2]int, i int) bool {
	for _, k := range e.zoneKeys() {
		if i+k.words > len(words) {
			continue
		}
		if strings.Trim(lower[words[i][0]:words[i+k.words-1][1]], ".,:;()") == k.text {
			return true
		}
	}
	return false
}

// zoneKey is a delivery zone's keyword, lower-cased, with its word count.
type zoneKey struct {
	text  string
	words int
}

// zoneKeys are the configured zones' keywords, prepared once: they are
// looked for at every word of every address-like line.
func (e *Engine) zoneKeys() []zoneKey {
	if e.zoneKeyCache == nil {
		e.zoneKeyCache = []zoneKey{}
		for _, z := range e.set.Fees.Zones {
			for _, k := range z.Keywords {
				k = strings.ToLower(k)
				e.zoneKeyCache = append(e.zoneKeyCache, zoneKey{text: k, words: len(strings.Fields(k))})
			}
		}
	}
	return e.zoneKeyCache
}

// hasZone reports whether text names a configured delivery zone.
func (e *Engine) hasZone(text string) bool {
	lower := strings.ToLower(text)
	words := wordSpans(lower)
	for i := range words {
		if e.zoneAt(lower, words, i) {
			return true
		}
	}
	return false
}

// isPlace is true when text reads as an address or a place, not an order.
func (e *Engine) isPlace(text string) bool {
	return e.addressStart(text) >= 0
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// wordSpans are the [start, end) offsets of the space-separated words.
func wordSpans(s string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\t' || s[i] == ',' {
			if start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

// Delivery choices said in words inside a line.
var (
	antarRe = regexp.MustCompile(`(?i)\b(tolong\s+|minta\s+|langsung\s+|mau\s+|pakai\s+|pake\s+)?((di)?h?(antar|anter)(kan|in|akan)?|(di)?kirim(kan|in)?|(di)?kintun|(di)?terke|diteraken|antaan|antakan|antaran|delivery|pakai ojol|pake ojol|via ojol|ojol|kurir|cod ke rumah)\b(\s+(aja|saja|ya|ke rumah( saya)?|kerumah))?`)
	ambilRe = regexp.MustCompile(`(?i)\b((saya|aku|sy|ulun|kami|abdi|kula|kulo)\s+)?((di)?ambil|jemput|ambil|ke pasar|(di)?candak|nyandak|(di)?pendh?et|mendh?et|(di)?jupuk|njupuk|(di)?jukut)\s+((aja|saja|ae|wae|haja|ku abdi|ku urang|ku simkuring|sama saya|oleh saya|dening kula|kula|kulo|ulun)\s+)?(sendiri|sndiri|sendri|sndri|sdiri|ndiri|dewek|sorang|nyalira|sorangan|piyambak|dhewe|dewe|saurang|surang|ke pasar|di pasar|dipasar|dipsar|ke psr|di psr|di lapak|ke lapak|nanti( siang| pagi)?|nnti|langsung)\b(\s+(aja|saja|ya|ke pasar|ka pasar|di pasar|nanti))*|\b(pick\s?up|self pickup|ambil di tempat|saya ke pasar|aku ke pasar|saya yang ambil|saya yg ambil|aku yang ambil|tidak usah diantar|ga usah diantar|gak usah diantar|nggak usah diantar|ga usah dianter|gak usah dianter|nggak usah dianter|ga usah dikirim|gak usah dikirim)\b|\b(nanti|ntar|nnti|entar)\s+((saya|sy|aku|ulun|kami)\s+)?(ambil|jemput|ke pasar|ke sana|kesana|kesitu|ke situ|mampir)\b(\s+(sendiri|sndiri|ndiri|sorang|dewek|piyambak|dhewe|dewe)\b)?|\bambil\s+(jam|jm|pas|nanti|siang|pagi)\b|\bdiambil\s+(aja|saja|ae|wae|haja)\b|\b(saya|sy|aku|ulun)\s+(mau\s+|yang\s+|yg\s+)?(ke pasar|ke sana|kesana)(\s+sendiri)?\b|\b(ga|gak|nggak|ngga|enggak|engga|kagak|kaga|tak|tidak|tdk|gk|ndak|kada|teu|henteu|mboten|ora|ulah)\s+(usah|perlu|kedah|sah|butuh)\s+(kurir|ojol|diantar|dianter|dikirim|antar|anter|kirim|dikintun|dianteurkeun)\b`)
)

// whenRe finds the time a buyer names for pickup or delivery: "jam 9an",
// "jam 10 pagi", "pukul 08.30", "jam sapuluh", "besok pagi", "nanti sore".
var whenRe = regexp.MustCompile(`(?i)\b(?:(?:ke|di)\s+pasar\s+)?(?:(?:nanti|ntar|besok|sekitar|kira2|kira-kira|sebelum|habis|abis|mengko|engke|kaina|sesuk)\s+)?(?:(?:jam|jm|pukul|pkl)\s*(?:\d{1,2}(?:[.:]\d{2})?|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|sapuluh|sabelas|siji|loro|telu|papat|limo|wolu|songo|sanga)(?:\s*-?an)?(?:\s+(?:pagi|siang|sore|wib))?|besok\s+(?:pagi|siang|sore)|nanti\s+(?:pagi|siang|sore))\b`)

// cutWhen takes a pickup or delivery time out of a line.
func cutWhen(line string) (rest, when string) {
	if !hasAny(strings.ToLower(line), "jam", "jm ", "pukul", "pkl", "besok", "nanti") {
		return line, ""
	}
	m := whenRe.FindStringIndex(line)
	if m == nil {
		return line, ""
	}
	when = strings.TrimSpace(line[m[0]:m[1]])
	for _, p := range []string{"ke pasar ", "di pasar ", "Ke pasar ", "Di pasar "} {
		when = strings.TrimPrefix(when, p)
	}
	return strings.TrimSpace(line[:m[0]] + " " + line[m[1]:]), when
}

// cutDelivery takes a delivery choice out of a line; the later of the two
// wins when a line says both ("antar aja, eh ambil sendiri deh").
func cutDelivery(line string) (string, Event) {
	if !mayNameDelivery(line) {
		return line, ""
	}
	am := ambilRe.FindAllStringIndex(line, -1)
	if at := selfPickupAt(line); at >= 0 && (len(am) == 0 || am[len(am)-1][1] <= at) {
		am = append(am, []int{at, len(line)})
	}
	// The "antar" inside "ga usah diantar" belongs to the pickup phrase:
	// antar words are looked for with the pickup phrases blanked out.
	blanked := []byte(line)
	for _, m := range am {
		for i := m[0]; i < m[1]; i++ {
			blanked[i] = ' '
		}
	}
	an := antarRe.FindAllStringIndex(string(blanked), -1)
	kept := an[:0]
	for _, m := range an {
		if w, _ := firstWord(strings.ToLower(string(blanked[m[1]:]))); !takenPeople[w] {
			kept = append(kept, m)
		}
	}
	an = kept // "sekalian antar anak sekolah": the buyer's own errand
	if len(am) == 0 && len(an) == 0 {
		return line, ""
	}
	ev := EvAntar
	if len(am) > 0 && (len(an) == 0 || am[len(am)-1][0] > an[len(an)-1][0]) {
		ev = EvAmbil
	}
	out := antarRe.ReplaceAllString(string(blanked), " ")
	return strings.TrimSpace(strings.Join(strings.Fields(out), " ")), ev
}

// takenPeople after "antar" make it the buyer's own errand, not delivery.
var takenPeople = set("anak", "anakku", "adik", "adek", "istri", "suami", "mama", "papa", "nenek", "kakek", "ortu", "bocah", "cucu", "sekolah")

// selfPickupAt finds "… saya ambil" ending a line ("nanti jam 11 saya
// ambil", "sy yg jemput ya"): where that tail starts, or -1. Plain code,
// not a branch of ambilRe: an expression anchored at the end is tried at
// every word of every line and cost a third of the reading.
func selfPickupAt(line string) int {
	spans := wordSpans(line)
	n := len(spans)
	for n > 0 && trailingPickupWords[strings.ToLower(strings.Trim(line[spans[n-1][0]:spans[n-1][1]], ".!,"))] {
		n--
	}
	if n < 2 {
		return -1
	}
	if w := strings.ToLower(strings.Trim(line[spans[n-1][0]:spans[n-1][1]], ".!,")); w != "ambil" && w != "jemput" {
		return -1
	}
	i := n - 2
	if w := strings.ToLower(line[spans[i][0]:spans[i][1]]); (w == "yang" || w == "yg") && i > 0 {
		i--
	}
	switch strings.ToLower(line[spans[i][0]:spans[i][1]]) {
	case "saya", "sy", "aku", "ulun", "kami":
		return spans[i][0]
	}
	return -1
}

// trailingPickupWords may follow "saya ambil" at the end of a line.
var trailingPickupWords = set("ya", "aja", "nanti", "kesana", "sana", "ke")

// cutFinish takes a finish phrase off the end of a line ("…, itu aja ya").
func cutFinish(line string) (string, bool) {
	fs := strings.Fields(line)
	for k := min(len(fs), 5); k >= 1; k-- {
		tail := strings.Trim(strings.ToLower(strings.Join(fs[len(fs)-k:], " ")), " ,.!?")
		if isPhrase(finishWords, tail) && (k < len(fs) || true) {
			head := strings.Join(fs[:len(fs)-k], " ")
			if k == 1 && len(fs) > 1 && (tail == "udah" || tail == "sudah" || tail == "dah" || tail == "cukup" || tail == "segitu") && !strings.HasSuffix(strings.TrimSpace(head), ",") {
				// "cabenya udah" or "2 kilo cukup" mid-sentence: not a finish.
				continue
			}
			return strings.TrimRight(strings.TrimSpace(head), ","), true
		}
	}
	return line, false
}
