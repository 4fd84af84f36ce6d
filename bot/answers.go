package bot

import (
	"regexp"
	"slices"
	"strings"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// Readers for the parts of a buyer message that are not new items:
// questions asked mid-flow, order commands, corrections of cart lines,
// answers to a "which one?" question and quantities for the product just
// asked about.

var (
	ongkirRe  = regexp.MustCompile(`\b(ongkir|ongkos kirim|ongkos antar|biaya antar|biaya kirim|ongkosnya|ongkirnya)\b`)
	paymentRe = regexp.MustCompile(`\b(cod|transfer|tf|qris|pembayaran(nya)?|bayar(nya)? (gimana|bagaimana|pakai apa|pake apa|di ?mana|dimana|ditempat|di tempat)|bisa bayar|bayar di tempat|bisa tunai|tunai|e-?wallet|dana|ovo|gopay|shopeepay)\b`)
	hoursRe   = regexp.MustCompile(`\b(buka (jam|sampai|sampe|ampe|dari|tiap|setiap|hari)|tutup (jam|kapan|hari)|jam (berapa|brp) (buka|tutup)|sampai jam (berapa|brp)\s*(buka|ya|kak|\?|$)|masih buka|sudah buka|udah buka|buka (ga|gak|nggak|tidak|kah|kak|\?)|jam buka|jam operasional|besok buka)`)
	etaRe     = regexp.MustCompile(`\b(nyampe|nyampai|sampainya|sampenya|tiba|datang(nya)?|diantar) (jam|kapan|berapa lama|brp lama)|\b(berapa lama|brp lama|kapan (sampai|sampe|nyampe|datang|diantar|dikirim)|jam berapa (sampai|sampe|nyampe|datang|diantar|dikirim)|lama (ga|gak|nggak|tidak)|estimasi|perkiraan sampai|bisa cepat)\b`)
	soldAsk   = regexp.MustCompile(`^(bisa|boleh|bs|ada|apa ada|masih ada|ready|jual)\b`)
)

// digression recognizes a question asked in the middle of an order.
func (e *Engine) digression(s string, asked bool) (string, bool) {
	if mayNameDelivery(s) && (ambilRe.MatchString(s) || selfPickupAt(s) >= 0) {
		// "ongkirnya 20rb ya, saya ambil aja ke pasar": a choice, not a question.
		return "", false
	}
	head := s
	for {
		// "bu bisa bayar di tempat kan": the question starts after the greeting.
		w, rest := firstWord(head)
		if !fillerHead[w] || rest == "" {
			break
		}
		head = rest
	}
	q := asked || strings.Contains(s, "?") || asksPrice(s) || strings.HasPrefix(head, "bisa ") || strings.HasPrefix(head, "apa ") || strings.HasPrefix(head, "kapan ")
	// Cheap word checks first: most lines ask nothing, and these
	// expressions run on every line.
	switch {
	case hasAny(s, "segar", "seger", "fresh", "layu", "busuk", "baru ") && !strings.ContainsAny(s, "0123456789") && freshAskRe.MatchString(s):
		return "fresh", true // "ikan masnya segar gak kak"
	case q && hasAny(s, "total", "semua", "jumlah", "smua", "jadinya") && totalAskRe.MatchString(s):
		return "total", true // "berapa semuanya dengan ongkos kirim?"
	case hasAny(s, "ongk", "biaya") && ongkirRe.MatchString(s) && (q || strings.Contains(s, " ke ")):
		return "ongkir", true
	case q && hasAny(s, "cod", "transfer", "tf", "qris", "bayar", "tunai", "wallet", "dana", "ovo", "gopay", "shopee") && paymentRe.MatchString(s):
		return "payment", true
	case hasAny(s, "nyamp", "sampai", "sampe", "tiba", "datang", "lama", "kapan", "estimasi", "perkiraan", "cepat", "diantar") && etaRe.MatchString(s):
		return "eta", true
	case hasAny(s, "buka", "tutup", "jam") && hoursRe.MatchString(s):
		return "hours", true
	}
	if _, ok := e.categoryQuestion(s); ok {
		return "category", true
	}
	if mayWait(s) && waitRe.MatchString(s) && !e.mentionsProduct(s) && e.addressStart(s) < 0 && !antarRe.MatchString(s) {
		return "wait", true
	}
	return "", false
}

// freshAskRe asks whether goods are fresh: "ikan masnya segar gak kak",
// "sayurnya fresh kan?", "ga layu kan bu".
var freshAskRe = regexp.MustCompile(`\b(segar|seger|fresh)\b.*\b(gak|ga|nggak|ngga|enggak|tidak|kan|kah|ndak|kada|teu)\b|\b(segar|seger|fresh)\s*\?|\b(ga|gak|nggak|tidak|ndak|bukan)\s+(layu|busuk)\b|\b(masih|baru)\s+(segar|seger|fresh)\b`)

// totalAskRe asks what the whole order comes to.
var totalAskRe = regexp.MustCompile(`\b(total(nya)?|semua(nya)?|smua(nya)?|jumlah(nya)?|jadinya)\b.*\b(berapa|brp|brapa|berapaan)\b|\b(berapa|brp|brapa)\b.*\b(total(nya)?|semua(nya)?|smua(nya)?|jumlah(nya)?|jadinya)\b`)

// waitRe is a buyer asking for a moment ("bentar ya bu tanya suami dulu",
// "tunggu ya kak", "nanti dulu"): answered kindly, nothing else changes.
var waitRe = regexp.MustCompile(`^(?:\w+\s+){0,2}(?:bentar|sebentar|sbntr|bntr|tunggu|tunggu(?:in)?|wait|nanti dulu|ntar dulu|sek|sik|sekedap|antosan|engke heula|mikir dulu|pikir2 dulu|pikir pikir dulu|tanya (?:suami|istri|ibu|bapak|mama|papa|anak|dulu)\w*)\b`)

// codStatementRe is a buyer saying they pay on delivery, not asking:
// "bayarnya pas barang dateng ya", "bayar di tempat aja".
var codStatementRe = regexp.MustCompile(`\bbayar(nya)?\s+(pas|waktu|kalau|kalo|klo|saat|setelah|stlh|habis|abis)\s+(barang(nya)?\s+)?(datang|dateng|sampai|sampe|nyampe|tiba)\b|\bbayar(nya)?\s+(pakai\s+|pake\s+)?(di tempat|ditempat|di rumah|tunai|cash|cod)\b|^cod\b`)

// hasAny reports whether s contains any of the substrings.
func hasAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// orderCommand reads commands about a placed order: "batal A7K2",
// "komplain A7K2 …", "pesan A7K2 …" (to the courier), "tawar 80rb".
func orderCommand(raw, s string) (string, bool) {
	if m := cancelOrder.FindStringSubmatch(raw); m != nil && orders.LooksLikeCode(m[2]) {
		return "cancel", true
	}
	if complaintRe.MatchString(s) {
		return "complaint", true
	}
	if m := pesanRe.FindStringSubmatch(raw); m != nil && orders.LooksLikeCode(m[1]) {
		return "courier", true
	}
	if offerRe.MatchString(s) {
		if _, ok := offerAmount(raw); ok || strings.HasPrefix(s, "tawar") || strings.HasPrefix(s, "nawar") || spokenOffer(raw) != "" && findCode(raw) != "" {
			return "offer", true
		}
	}
	return "", false
}

// onlyCues is true for a part that holds only correction cues and filler
// ("eh keliru", "maaf salah ketik"), which must not reach the product
// parser (it would guess "keliru" is "kemiri").
func onlyCues(s string) bool {
	rest := changeCue.ReplaceAllString(strings.ToLower(s), " ")
	rest = removeCue.ReplaceAllString(rest, " ")
	rest = strings.NewReplacer("ketik", " ", "tulis", " ", "ya", " ").Replace(rest)
	return strings.TrimSpace(s) != "" && onlyFiller(rest) && (changeCue.MatchString(strings.ToLower(s)) || removeCue.MatchString(strings.ToLower(s)))
}

// conditionRe marks a sold-out wish ("kalau habis ga usah"), not a removal.
var conditionRe = regexp.MustCompile(`\b(kalau|kalo|klo|kl|jika|jikalau|misal|seandainya)\b`)

// readSwap reads "yang merah" said about the line just added ("bayam 2
// ikat" → Bayam Hijau, then "yang merah"): the same quantity of the
// product those words pick instead.
func (e *Engine) readSwap(c *Conversation, s string) (act, bool) {
	return e.swapTo(c, len(c.Cart)-1, s)
}

// swapTo reads "yang kuning" said about cart line i: the product of the
// same kind those words pick, same quantity.
func (e *Engine) swapTo(c *Conversation, i int, s string) (act, bool) {
	fs := strings.Fields(strings.Trim(s, " .!?"))
	for len(fs) > 0 && (fs[0] == "eh" || fs[0] == "oh" || fs[0] == "ehh" || fs[0] == "duh") {
		fs = fs[1:] // "eh yg medium aja deh"
	}
	for i, w := range fs {
		if swapReason[w] {
			fs = fs[:i] // "yg medium aja biar hemat": the reason says nothing of the sort
			break
		}
	}
	for len(fs) > 0 && (fs[len(fs)-1] == "aja" || fs[len(fs)-1] == "saja" || fs[len(fs)-1] == "deh" || fs[len(fs)-1] == "ya") {
		fs = fs[:len(fs)-1]
	}
	if len(fs) < 2 || len(fs) > 3 || fs[0] != "yang" && fs[0] != "yg" {
		return act{}, false
	}
	last := c.Cart[i]
	head := strings.Fields(strings.ToLower(last.Name))[0]
	cands := e.index.Match(head + " " + strings.Join(fs[1:], " "))
	best, ok := catalog.Sure(cands)
	if !ok || best.Product.SKU == last.SKU || best.Product.Unit != last.Unit {
		return act{}, false
	}
	return act{ev: EvChange, sku: last.SKU, swap: best.Product.SKU, qty: last.Qty, amount: last.Amount}, true
}

// swapReason words start the reason given for a swap ("biar hemat",
// "soalnya lebih murah").
var swapReason = set("biar", "supaya", "agar", "soalnya", "karena", "krn", "soale", "mumpung")

// saysQty reports whether words hold a quantity anywhere ("pisang raja
// aja 1 sisir"): a swap with one takes it, a swap without keeps the old.
func saysQty(words string) bool {
	fs := strings.Fields(words)
	for i := range fs {
		for j := i + 1; j <= min(i+2, len(fs)); j++ {
			if _, _, ok := parse.ParseQuantity(strings.Join(fs[i:j], " ")); ok {
				return true
			}
		}
	}
	return false
}

// readInstead reads a swap said without naming the old line before a
// swap word: "bayam hijau maksudnya, bukan merah" (the line the words
// after "bukan" pick, of the new product's kind) and "eh ganti ikan kembung
// aja" (the one cart line of the new product's kind).
func (e *Engine) readInstead(c *Conversation, s string) (act, bool) {
	fs := strings.Fields(strings.Trim(s, " .!?"))
	neg, pos := -1, []string{}
	leadingSwap := false
	mistaken := false // "eh salah, sawi hijau maksudnya, 2 ikat": the line just added was the wrong product
	for i, raw := range fs {
		w := strings.Trim(raw, ",")
		if neg >= 0 && i > neg && i > 0 && strings.HasSuffix(fs[i-1], ",") {
			neg = -2 - neg // "bukan bayam merah, bayam hijau": the comma ends what is negated
		}
		switch {
		case w == "bukan" || w == "bkn":
			if neg == -1 {
				neg = i
			}
		case neg >= 0 && i > neg && (w == "tapi" || w == "tp"):
			neg = -2 - neg // the negated words end here
		case len(pos) == 0 && (w == "ganti" || w == "diganti" || w == "gantinya") && neg == -1:
			leadingSwap = true
		case w == "salah" || w == "keliru" || w == "maksudnya" || w == "ralat":
			mistaken = true
		case (neg == -1 || neg < -1) && !changeCue.one[w] && w != "yg" && w != "yang":
			if base, ok := nyaBase(w); ok {
				w = base // "bayamnya yg merah": the bayam, the red one
			}
			pos = append(pos, w)
		}
	}
	// The words around the product say nothing of it ("… aja deh", "kak …");
	// inside it they may ("ikan mas").
	for len(pos) > 0 && (fillerHead[pos[0]] || fillerTail[pos[0]]) {
		pos = pos[1:]
	}
	for len(pos) > 0 && (fillerTail[pos[len(pos)-1]] || pos[len(pos)-1] == "aja" || pos[len(pos)-1] == "saja") {
		pos = pos[:len(pos)-1]
	}
	if len(pos) == 0 || neg == -1 && !leadingSwap && (!mistaken || hasAny(s, "nama", "alamat", "jalan", "jl")) {
		return act{}, false // "namanya ditulis dini ya bukan dina, salah ketik" corrects no goods
	}
	words := strings.Join(pos, " ")
	r := e.parser.Parse(words)
	var p *catalog.Product
	if len(r.Items) == 1 && len(r.Questions) == 0 {
		if found, ok := e.bySKU[r.Items[0].SKU]; ok {
			p = &found
		}
	} else if best, ok := catalog.Sure(e.index.Match(words)); ok && len(r.Items) == 0 && (neg != -1 || leadingSwap) {
		p = best.Product
	}
	if p == nil {
		return act{}, false
	}
	head := strings.Fields(strings.ToLower(p.Name))[0]
	i := -1
	if neg != -1 {
		n := neg
		if n < -1 {
			n = -2 - n
		}
		var negWords []string
		for _, raw := range fs[n+1:] {
			w := strings.Trim(raw, ",")
			if w == "tapi" || w == "tp" {
				break
			}
			negWords = append(negWords, w)
			if strings.HasSuffix(raw, ",") {
				break
			}
		}
		said := strings.Join(negWords, " ")
		if i = e.findCartLine(c, said); i < 0 || !strings.HasPrefix(strings.ToLower(c.Cart[i].Name), head+" ") {
			i = e.findCartLine(c, head+" "+said)
		}
	} else if !leadingSwap {
		// A mistake owned: the product just added, when it is of the same
		// kind and the one meant is not in the cart yet.
		last := c.Cart[len(c.Cart)-1]
		if inCart(c, p.SKU) || !strings.HasPrefix(strings.ToLower(last.Name), head+" ") && e.bySKU[last.SKU].Category != p.Category {
			return act{}, false
		}
		i = len(c.Cart) - 1
	} else {
		for j, l := range c.Cart {
			if l.SKU != p.SKU && (strings.HasPrefix(strings.ToLower(l.Name), head+" ") || e.bySKU[l.SKU].Category == p.Category) {
				if i >= 0 {
					return act{}, false // two lines it could replace: not a swap to guess
				}
				i = j
			}
		}
	}
	newQty := len(r.Items) == 1 && saysQty(words)
	if i < 0 || c.Cart[i].SKU == p.SKU || c.Cart[i].Unit != p.Unit && !newQty {
		return act{}, false // a kilo of one is no amount of another sold by the bunch
	}
	old := c.Cart[i]
	qty, amt := old.Qty, old.Amount
	if newQty {
		qty, amt = r.Items[0].Qty, r.Items[0].Amount
	}
	return act{ev: EvChange, sku: old.SKU, swap: p.SKU, qty: qty, amount: amt, text: s}, true
}

// replaceRe reads "nilanya ganti mujair aja", "tomat diganti kentang",
// "kangkungnya jadi bayam aja" (a product after "jadi": a swap; a
// quantity after it is a change, read elsewhere).
var replaceRe = regexp.MustCompile(`^(?:eh\s+|maaf\s+)?(.+?)\s+(?:ganti|diganti|gantiin|tukar|ditukar|tuker|dituker|jadi|dadi)\s+(?:jadi\s+|ke\s+|dengan\s+|dg\s+|sama\s+|pake\s+|pakai\s+)?(.+)$`)

// readReplace reads a product swapped for another, the quantity kept
// unless a new one is said.
func (e *Engine) readReplace(c *Conversation, s string) (act, bool) {
	m := replaceRe.FindStringSubmatch(strings.Trim(s, " .!"))
	if m == nil {
		return act{}, false
	}
	i := e.findCartLine(c, m[1])
	if i < 0 {
		return act{}, false
	}
	newWords := m[2]
	for _, cut := range []string{"jumlahnya sama", "sama jumlahnya", "yang sama"} {
		newWords = strings.ReplaceAll(newWords, cut, " ")
	}
	newWords = strings.Trim(strings.TrimSpace(newWords), ",. ")
	if a, ok := e.swapTo(c, i, newWords); ok {
		return a, true // "tahunya ganti yg kuning aja"
	}
	r := e.parser.Parse(newWords)
	old := c.Cart[i]
	if len(r.Items) == 0 && (len(r.Questions) == 0 || questionProduct(r.Questions[0]) == nil) {
		// "berasnya ganti medium aja": the kind of the same goods.
		head := strings.Fields(strings.ToLower(old.Name))[0]
		if kind := e.parser.Parse(head + " " + newWords); len(kind.Items)+len(kind.Questions) == 1 {
			r = kind
		}
	}
	if len(r.Items) == 1 && r.Items[0].SKU != old.SKU {
		it := r.Items[0]
		qty, amt := it.Qty, it.Amount
		if !saysQty(newWords) && amt == 0 {
			qty = old.Qty // "jumlahnya sama"
		}
		return act{ev: EvChange, sku: old.SKU, swap: it.SKU, qty: qty, amount: amt, text: s}, true
	}
	if len(r.Questions) == 1 {
		q := r.Questions[0]
		p := q.Product
		sameKind := false // "berasnya ganti medium": the one guess is beras too
		if p == nil && len(q.Choices) > 0 {
			if best, ok := catalog.Sure(e.index.Match(newWords)); ok {
				p = best.Product
			} else if len(q.Choices) == 1 && strings.HasPrefix(strings.ToLower(q.Choices[0].Name), strings.Fields(strings.ToLower(old.Name))[0]+" ") {
				p, sameKind = q.Choices[0], true
			}
		}
		if p != nil && p.SKU != old.SKU && p.Unit == old.Unit && (q.Kind == parse.MissingQty || sameKind) {
			return act{ev: EvChange, sku: old.SKU, swap: p.SKU, qty: old.Qty, amount: old.Amount, text: s}, true
		}
	}
	return act{}, false
}

// Words that turn a line naming a cart product into a removal or a change.
// They are word sets, not regular expressions: read for every line of
// every message, a set lookup per word costs far less than an alternation.
var (
	removeCue = cueWords("hapus", "hapusin", "hapuskan", "dihapus", "buang", "dibuang", "ga usah", "gak usah", "nggak usah", "ngga usah",
		"tidak usah", "ndak usah", "gausah", "gk usah", "g usah", "kada usah", "ga jadi", "gak jadi", "nggak jadi", "ngga jadi", "tidak jadi",
		"gajadi", "gk jadi", "gk jd", "ga jd", "ndak jadi", "kada jadi", "batal", "batalin", "batalkan", "dibatalin", "dibatalkan", "coret",
		"dicoret", "skip", "cancel", "keluarin", "dikeluarin", "jangan",
		// Javanese, Sundanese, Banjar
		"ora sido", "ra sido", "ora usah", "ra usah", "gak sido", "ga sido", "nggak sido", "ndak sido", "mboten sido", "mboten usah",
		"teu jadi", "teu kudu", "henteu jadi")
	changeCue = cueWords("jadi", "jadiin", "jadikan", "menjadi", "diganti", "ganti", "gantiin", "diubah", "ubah", "dikurangi", "kurangi",
		"kurangin", "revisi", "koreksi", "keliru", "salah", "harusnya", "maksudnya", "maksud saya", "eh", "ralat", "sorry", "sori", "maaf", "bukan",
		"dadi", "dados", "didadekke", "diganti wae", "salah ketik", "tetep", "tetap")
	addCue = cueWords("tambah", "tambahin", "tambahkan", "ditambah", "ditambahin", "tambahan", "plus", "lagi")
)

// cues is a set of one- and two-word cues.
type cues struct{ one, two map[string]bool }

func cueWords(ws ...string) cues {
	c := cues{one: map[string]bool{}, two: map[string]bool{}}
	for _, w := range ws {
		if strings.Contains(w, " ") {
			c.two[w] = true
		} else {
			c.one[w] = true
		}
	}
	return c
}

// cueKey is a word as the cue sets hold it: lower case, no punctuation.
func cueKey(w string) string { return strings.ToLower(strings.Trim(w, ".,!?;:()\"'")) }

// MatchString reports whether s holds a cue.
func (c cues) MatchString(s string) bool {
	fs := strings.Fields(s)
	for i, f := range fs {
		k := cueKey(f)
		if c.one[k] || i+1 < len(fs) && c.two[k+" "+cueKey(fs[i+1])] {
			return true
		}
	}
	return false
}

// ReplaceAllString drops the cues from s, leaving repl in their place.
func (c cues) ReplaceAllString(s, repl string) string {
	fs := strings.Fields(s)
	out := make([]string, 0, len(fs))
	for i := 0; i < len(fs); i++ {
		k := cueKey(fs[i])
		switch {
		case i+1 < len(fs) && c.two[k+" "+cueKey(fs[i+1])]:
			out = append(out, strings.TrimSpace(repl))
			i++
		case c.one[k]:
			out = append(out, strings.TrimSpace(repl))
		default:
			out = append(out, fs[i])
		}
	}
	return strings.Join(out, " ")
}

// readCorrection reads "wortelnya dihapus", "kentangnya nggak usah",
// "bawangnya diganti 1 kg aja", "eh keliru, ayamnya 2", "cabenya jadi
// setengah": a change to a line already in the cart, never a new line.
func (e *Engine) readCorrection(c *Conversation, line string) (act, bool) {
	if e.addressStart(line) >= 0 {
		return act{}, false // "eh salah, Jl. Mahoni no 8 maksudnya" corrects the address
	}
	s := strings.ReplaceAll(strings.ToLower(line), " nya ", "nya ") // "melon nya ga usah"
	if strings.HasSuffix(s, " nya") {
		s = s[:len(s)-4] + "nya"
	}
	if removeCue.MatchString(s) && !addCue.MatchString(s) && !conditionRe.MatchString(s) && !isReminder(s) && !ambilRe.MatchString(s) && !antarRe.MatchString(s) {
		words := removeCue.ReplaceAllString(s, " ")
		words = changeCue.ReplaceAllString(words, " ")
		words = strings.Trim(cutGreeting(words), " ,.!?")
		if i := e.findCartLine(c, words); i >= 0 {
			return act{ev: EvRemove, sku: c.Cart[i].SKU, text: words}, true
		}
		for _, part := range strings.FieldsFunc(words, func(r rune) bool { return r == ',' || r == '.' }) {
			if i := e.findCartLine(c, strings.TrimSpace(part)); i >= 0 {
				return act{ev: EvRemove, sku: c.Cart[i].SKU, text: part}, true
			}
		}
		if e.findQuestion(c, words) >= 0 {
			return act{ev: EvRemove, text: words}, true // "gajadi deh ikannya" of the fish still asked about
		}
		// "lengkuasnya gak usah" for a product not in the cart: say so,
		// never ask how much of it.
		if _, _, hasQty := parse.ParseQuantity(words); !hasQty && len(strings.Fields(words)) <= 3 && e.namesProduct(words) {
			return act{ev: EvRemove, text: words}, true
		}
		return act{}, false
	}
	if len(c.Cart) == 0 {
		return act{}, false
	}
	if a, ok := e.readNotButQty(c, s); ok {
		return a, true
	}
	if a, ok := e.readFinalQty(c, s); ok {
		return a, true
	}
	if a, ok := e.readSwap(c, s); ok {
		return a, true
	}
	if a, ok := e.readInstead(c, s); ok {
		return a, true
	}
	if a, ok := e.readReplace(c, s); ok {
		return a, true
	}
	if addCue.MatchString(s) {
		return act{}, false
	}
	cue := changeCue.MatchString(s) || strings.Contains(s, "nya ") || strings.HasSuffix(strings.TrimSpace(s), "nya") ||
		strings.HasSuffix(strings.Trim(s, " .!"), " aja") || strings.HasSuffix(strings.Trim(s, " .!"), " saja") || strings.HasSuffix(strings.Trim(s, " .!"), " doang") ||
		strings.Contains(s, " aja ") || strings.Contains(s, " saja ") // "gurame aja 1 kilo" of gurame in the cart: that much, not more
	if !cue {
		return act{}, false
	}
	text := changeCue.ReplaceAllString(s, " ")
	r := e.parser.Parse(text)
	if len(r.Items) == 1 && len(r.Questions) == 0 && inCart(c, r.Items[0].SKU) {
		it := r.Items[0]
		return act{ev: EvChange, sku: it.SKU, qty: it.Qty, amount: it.Amount, text: text}, true
	}
	noProduct := len(r.Questions) == 0 || len(r.Questions) == 1 && r.Questions[0].Product == nil && len(r.Questions[0].Choices) == 0
	if len(r.Items) == 0 && noProduct && changeCue.MatchString(s) {
		// "eh salah ketik, 2 ons maksudnya": a quantity alone corrects the
		// line just added.
		if qty, unit, ok := parse.ParseQuantity(text); ok {
			last := c.Cart[len(c.Cart)-1]
			if conv, note := e.questionQty(Question{Qty: qty, Unit: unit}, e.bySKU[last.SKU]); note == "" && conv > 0 {
				return act{ev: EvChange, sku: last.SKU, qty: conv, text: text}, true
			}
		}
	}
	if len(r.Items) == 0 && len(r.Questions) == 1 {
		q := r.Questions[0]
		var hit []string
		for _, p := range q.Choices {
			if inCart(c, p.SKU) {
				hit = append(hit, p.SKU)
			}
		}
		if q.Product != nil && inCart(c, q.Product.SKU) {
			hit = append(hit, q.Product.SKU)
		}
		if len(hit) == 1 && q.QtyText != "" {
			qty, unit, ok := parse.ParseQuantity(q.QtyText)
			if ok {
				p := e.bySKU[hit[0]]
				conv, note := e.questionQty(Question{Qty: qty, Unit: unit}, p)
				if note == "" && conv > 0 {
					return act{ev: EvChange, sku: hit[0], qty: conv, text: text}, true
				}
			} else if amt, ok := parse.ParseMoney(q.QtyText); ok {
				return act{ev: EvChange, sku: hit[0], amount: amt, text: text}, true
			}
		}
	}
	return act{}, false
}

// finalQtyRe finds the quantity a line ends up at: "tempe tambah 1 lagi ya
// jadi 3", "berasnya jadi 10 kg aja".
var finalQtyRe = regexp.MustCompile(`\b(?:jadi|jd|dadi|totalnya|total)\s+([^,.;]+?)\s*(?:aja|saja|ya|deh|kak|mbak|bu)?\s*$`)

// notButRe is "bukan satu kilo ikan nilanya tapi satu setengah kilo": the
// amount after "tapi" replaces the one after "bukan".
var notButRe = regexp.MustCompile(`\b(?:bukan|bkn)\b(.*?)\b(?:tapi|tp|tpi|melainkan|namun)\b\s+(.+)$`)

// readNotButQty reads a cart line's amount corrected with "bukan … tapi …".
func (e *Engine) readNotButQty(c *Conversation, s string) (act, bool) {
	m := notButRe.FindStringSubmatchIndex(s)
	if m == nil {
		return act{}, false
	}
	said := strings.Fields(s[m[4]:m[5]])
	for len(said) > 1 && (fillerTail[said[len(said)-1]] || saidFiller[said[len(said)-1]]) {
		said = said[:len(said)-1]
	}
	qty, unit, ok := parse.ParseQuantity(strings.Join(said, " "))
	if !ok {
		return act{}, false
	}
	i := -1
	for _, part := range []string{withoutQtyWords(s[m[2]:m[3]]), withoutQtyWords(s[:m[0]])} {
		if i = e.findCartLine(c, part); i >= 0 || len(c.Cart) == 1 && part == "" {
			break
		}
	}
	if i < 0 && len(c.Cart) == 1 {
		i = 0 // "bukan satu kilo tapi satu setengah": the one line there is
	}
	if i < 0 {
		return act{}, false
	}
	return e.lineBecomes(c.Cart[i], qty, unit, s)
}

// lineBecomes is a cart line set to the amount said, in the product's unit,
// or nothing when the amount does not fit the product.
func (e *Engine) lineBecomes(l CartLine, qty catalog.Qty, unit, said string) (act, bool) {
	p := e.bySKU[l.SKU]
	q, note := e.questionQty(Question{Qty: qty, Unit: unit}, p)
	if note != "" || q <= 0 {
		return act{}, false
	}
	return act{ev: EvChange, sku: p.SKU, qty: q, text: said}, true
}

// withoutQtyWords drops the words of amounts ("satu kilo ikan nilanya" →
// "ikan nilanya").
func withoutQtyWords(s string) string {
	var out []string
	for _, w := range strings.Fields(s) {
		if _, _, ok := parse.ParseQuantity(w); ok {
			continue
		}
		if _, ok := catalog.ParseUnit(w); ok {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// totalFirstRe is "total tomat sekilo ya": the total said before the product.
var totalFirstRe = regexp.MustCompile(`^(?:jadi\s+)?(?:total|totalnya|semuanya|jumlahnya)\s+`)

// readTotalFirst reads "total tomat sekilo ya bu" of a cart line: the
// quantity the line becomes, not more of it.
func (e *Engine) readTotalFirst(c *Conversation, s string) (act, bool) {
	m := totalFirstRe.FindStringIndex(s)
	if m == nil {
		return act{}, false
	}
	r := e.parser.Parse(s[m[1]:])
	if len(r.Items) != 1 || len(r.Questions) > 0 || !inCart(c, r.Items[0].SKU) {
		return act{}, false
	}
	it := r.Items[0]
	return act{ev: EvChange, sku: it.SKU, qty: it.Qty, amount: it.Amount, text: s}, true
}

// readFinalQty reads a line that names a cart product and says what its
// quantity becomes ("jadi 3"), whatever else it says on the way ("tambah 1
// lagi"): the trader writes down the total the buyer counted.
func (e *Engine) readFinalQty(c *Conversation, s string) (act, bool) {
	if a, ok := e.readTotalFirst(c, s); ok {
		return a, true
	}
	s = strings.TrimRight(s, " .!") // "… jadi 4 ya bu."
	m := finalQtyRe.FindStringSubmatchIndex(s)
	if m == nil {
		return act{}, false
	}
	qty, unit, ok := parse.ParseQuantity(s[m[2]:m[3]])
	if !ok || e.namesProduct(s[m[2]:m[3]]) {
		return act{}, false
	}
	head := s[:m[0]]
	var words []string
	for _, w := range strings.Fields(head) {
		if _, _, isQty := parse.ParseQuantity(w); isQty || addCue.MatchString(w) || changeCue.MatchString(w) {
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return act{}, false
	}
	named := strings.Join(words, " ")
	i := e.findCartLine(c, named)
	if i < 0 || !e.namesProduct(named) {
		return act{}, false
	}
	return e.lineBecomes(c.Cart[i], qty, unit, s)
}

var ordinals = map[string]int{"pertama": 1, "kesatu": 1, "satu": 1, "kedua": 2, "dua": 2, "ketiga": 3, "tiga": 3,
	"keempat": 4, "empat": 4, "kelima": 5, "lima": 5, "first": 1, "second": 2}

// matchChoice reads an answer in words to a "which one?" question: an
// ordinal ("yang kedua"), the cheapest or dearest, or words that pick one
// choice ("yang merah", "ijo").
func (e *Engine) matchChoice(q Question, s string) (int, bool) {
	words := strings.Fields(strings.NewReplacer(",", " ", ".", " ", "!", " ", "?", " ").Replace(s))
	// "yg biasa bukan fillet": what follows a "bukan" rules choices out.
	var notWords []string
	for i, w := range words {
		if notChoiceWords[w] {
			notWords, words = words[i+1:], words[:i]
			break
		}
	}
	ruledOut := e.choicesNamed(q, notWords)
	var kept []string
	for _, w := range words {
		switch w {
		case "yang", "yg", "aja", "saja", "deh", "ya", "kak", "mbak", "mba", "bu", "pak", "mas", "nomor", "no", "pilih", "mau", "ambil", "itu", "dong", "sih", "ah", "haja", "wae", "pang", "acil", "pian":
			continue
		}
		kept = append(kept, w)
	}
	if len(kept) == 0 {
		if left := len(q.Choices) - len(ruledOut); len(ruledOut) > 0 && left == 1 {
			for i := range q.Choices {
				if !ruledOut[i] {
					return i + 1, true // "bukan yang fillet" of two
				}
			}
		}
		return 0, false
	}
	joined := strings.Join(kept, " ")
	if n, ok := ordinals[joined]; ok && n <= len(q.Choices) {
		return n, true
	}
	if joined == "terakhir" || joined == "paling akhir" || joined == "paling bawah" {
		return len(q.Choices), true
	}
	cheap := strings.Contains(joined, "murah")
	dear := strings.Contains(joined, "mahal")
	if (cheap || dear) && len(kept) <= 3 {
		best := -1
		for i, sku := range q.Choices {
			p := e.bySKU[sku]
			if best < 0 || cheap && p.Price < e.bySKU[q.Choices[best]].Price || dear && p.Price > e.bySKU[q.Choices[best]].Price {
				best = i
			}
		}
		return best + 1, best >= 0
	}
	if joined == "terserah" || joined == "bebas" || joined == "apa aja" || joined == "mana aja" {
		return 1, true
	}
	// Words that pick one choice: tried with what the buyer first said
	// ("cabe rawit" + "merah"), then alone.
	for _, query := range []string{q.Said + " " + joined, joined} {
		if query != joined && !e.wordsInChoices(q, kept) && !e.answerAddsTo(q, joined) {
			continue // "nm: ibu lusi": what was first said picks alone, not the answer
		}
		cands := e.index.Match(query)
		var hit []int
		for _, cand := range cands {
			if cand.Score < cands[0].Score-0.001 {
				break
			}
			for i, sku := range q.Choices {
				if sku == cand.Product.SKU && !ruledOut[i] {
					hit = append(hit, i+1)
				}
			}
		}
		if len(hit) == 1 {
			return hit[0], true
		}
	}
	return 0, false
}

// wordsInChoices reports whether a word of the answer is in a choice's
// name ("merah" of Cabai Rawit Merah).
func (e *Engine) wordsInChoices(q Question, words []string) bool {
	for _, sku := range q.Choices {
		p, ok := e.bySKU[sku]
		if !ok {
			continue
		}
		name := catalog.Normalize(p.Name + " " + strings.Join(p.Aliases, " "))
		for _, w := range words {
			if w = catalog.Normalize(w); len(w) >= 2 && (containsWord(name, w) || len(w) >= 4 && strings.Contains(name, w)) {
				return true
			}
		}
	}
	return false
}

// answerAddsTo reports whether the answer's words, put after what was first
// said, match a choice better than what was first said alone ("cabe
// rawit" + "ijo"): the answer is about the choices.
func (e *Engine) answerAddsTo(q Question, answer string) bool {
	best := func(query string) float64 {
		top := 0.0
		for _, c := range e.index.Match(query) {
			if slices.Contains(q.Choices, c.Product.SKU) && c.Score > top {
				top = c.Score
			}
		}
		return top
	}
	return best(q.Said+" "+answer) > best(q.Said)+0.01
}

// notChoiceWords turn the words after them into choices ruled out.
var notChoiceWords = set("bukan", "jangan", "selain", "kecuali", "kada", "ojo")

// containsWord reports whether the space-separated s holds w as a word.
func containsWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// choicesNamed returns the choices (by index) whose product name holds one
// of the words.
func (e *Engine) choicesNamed(q Question, words []string) map[int]bool {
	named := map[int]bool{}
	for _, w := range words {
		w = strings.ToLower(w)
		if base, ok := nyaBase(w); ok {
			w = base
		}
		if len(w) < 3 || fillerHead[w] || fillerTail[w] {
			continue
		}
		for i, sku := range q.Choices {
			if p, ok := e.bySKU[sku]; ok && containsWord(strings.ToLower(p.Name), w) {
				named[i] = true
			}
		}
	}
	return named
}

// asksPrice is true for a line that asks a price ("udang barapa sakilo?").
func asksPrice(s string) bool {
	for _, w := range strings.Fields(s) {
		if priceWords[cueKey(w)] {
			return true
		}
	}
	return false
}

// withoutPriceWords drops the words that ask a price, leaving the product.
func withoutPriceWords(s string) string {
	var out []string
	for _, w := range strings.Fields(s) {
		if !priceWords[cueKey(w)] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

var priceWords = set("berapa", "brp", "brapa", "berapaan", "barapa", "brapaan", "harganya", "haraganya", "harga", "rega", "regane",
	"pinten", "sabaraha", "sbrp", "piro", "pira", "berapakah")

// endsAsking reports whether a line ends with a question mark (emoji and
// spaces after it aside): norm drops it, so callers look at the raw text.
func endsAsking(raw string) bool {
	return strings.HasSuffix(strings.TrimRight(raw, " 🙏😊👍🙂😁🤗"), "?")
}

// asksAbout is "kalo iga?", "kalau yang kampung?" after a price: the
// price of another product, said as a condition and a question, with no
// quantity.
func asksAbout(raw string, r parse.Result) bool {
	s := strings.ToLower(strings.TrimSpace(raw))
	// "kalo iga?", and a product named alone with a question mark
	// ("cabe rawit merah?"): its price, not an order.
	short := len(strings.Fields(s)) <= 4
	if !endsAsking(raw) || !conditionRe.MatchString(s) && !short || len(r.Items) > 0 || len(r.Questions) == 0 {
		return false
	}
	for _, q := range r.Questions {
		if q.Kind != parse.MissingQty && q.Kind != parse.Ambiguous || q.QtyText != "" || q.Qty > 0 || q.Amount > 0 {
			return false
		}
	}
	return true
}

// asksIfSold is true for "bisa beli … ?", "ada … ?": a question.
func asksIfSold(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if !strings.HasSuffix(s, "?") {
		return false
	}
	if soldAsk.MatchString(s) {
		return true
	}
	// "kemangi ada kak?", "tongkol masih ready?"
	for _, w := range strings.Fields(s) {
		switch strings.Trim(w, "?.,!") {
		case "ada", "ready", "redi", "tersedia", "masih":
			return true
		}
	}
	return false
}

// bothWords is true for "dua2nya", "keduanya", "semuanya": each of them.
func bothWords(s string) bool {
	for _, w := range strings.Fields(s) {
		switch strings.Trim(w, "?.,!") {
		case "dua2nya", "duanya", "keduanya", "kedua2nya", "semuanya", "semua", "masing2", "masing-masing", "masing", "sama2", "sama-sama":
			return true
		}
	}
	return false
}

// pleaseWords said alone before the quantity mean "please go ahead".
var pleaseWords = set("mangga", "mangga atuh", "monggo", "mangga teh", "sumangga")

// referentWords are said around a quantity for the product just asked
// about: "ok tambah 1 ekor", "ya udah 2 kilo", "ambil satu deh".
var referentWords = set("ok", "oke", "okey", "ya", "iya", "yaudah", "udah", "udh", "tambah", "tambahin", "ambil", "boleh", "mau", "deh",
	"aja", "saja", "dong", "kak", "mbak", "bu", "pak", "mas", "sip", "siap", "pesan", "pesen", "beli", "minta", "jadi", "gpp", "lah",
	"haja", "ja", "ulun", "saya", "sy", "aku", "mangga", "nggih", "muhun", "iih", "inggih", "yo", "itu", "yg", "yang", "nya")

// namesOtherProduct reports whether one of words is exactly the name or
// an alias of a product other than sku ("yowis pelem harum manis sekilo
// wae" after durian: the mango, by its Javanese name, even when the whole
// phrase is not understood).
func (e *Engine) namesOtherProduct(words []string, sku string) bool {
	for _, w := range words {
		if len(w) < 4 {
			continue
		}
		if c, ok := catalog.Sure(e.index.Match(w)); ok && c.Exact && c.Product.SKU != sku {
			return true
		}
	}
	return false
}

// readReferent reads a message about the product(s) just asked about: a
// quantity or money ("ya udah 20rb aja"), with a choice among them when
// the price answer listed several ("yg paling murah 2 liter").
func (e *Engine) readReferent(c *Conversation, s string, asked bool) (act, bool) {
	var sentences []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' || r == '!' }) {
		p := strings.TrimSpace(part)
		if pleaseWords[p] {
			continue // Sundanese "mangga, candak 1 kilo": please, not the fruit
		}
		if p != "" && !isPhrase(ackWords, p) && !isPhrase(yesWords, p) && !onlyFiller(p) && p != "mahal" && p != "mahal ya" && p != "mahal ai" {
			sentences = append(sentences, p)
		}
	}
	if len(sentences) != 1 || len(strings.Fields(sentences[0])) > 7 {
		return act{}, false
	}
	text := sentences[0]
	var qtyWords, other []string
	for _, w := range strings.Fields(text) {
		if referentWords[w] {
			continue
		}
		if _, _, ok := parse.ParseQuantity(w); ok {
			qtyWords = append(qtyWords, w)
			continue
		}
		if _, ok := parse.ParseMoney(w); ok {
			qtyWords = append(qtyWords, w)
			continue
		}
		if unit, ok := catalog.ParseUnit(w); ok && unit.Code != "" {
			qtyWords = append(qtyWords, w)
			continue
		}
		other = append(other, w)
	}
	if len(qtyWords) == 0 {
		return act{}, false
	}
	skus := strings.Split(c.LastAsked, "|")
	sku := skus[0]
	if len(skus) > 1 && bothWords(s) {
		// "dua2nya sekilo": that much of each product asked about.
		qty, unit, ok := parse.ParseQuantity(strings.Join(qtyWords, " "))
		if !ok {
			return act{}, false
		}
		var items []parse.Item
		for _, k := range skus {
			p := e.bySKU[k]
			if conv, note := e.questionQty(Question{Qty: qty, Unit: unit}, p); note == "" && conv > 0 {
				items = append(items, parse.Item{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: conv})
			}
		}
		return act{ev: EvItems, parsed: &parse.Result{Items: items}, text: s}, len(items) > 0
	}
	if len(skus) > 1 {
		if len(other) == 0 {
			return act{}, false
		}
		n, ok := e.matchChoice(Question{Choices: skus}, strings.Join(other, " "))
		if !ok {
			return act{}, false
		}
		sku = skus[n-1]
	} else if len(other) > 0 && (e.mentionsProduct(strings.Join(other, " ")) || e.namesOtherProduct(other, sku)) {
		return act{}, false // another product: an order, not about the one asked
	}
	q := strings.Join(qtyWords, " ")
	if asked || asksPrice(s) {
		// "kalo setengah kilo?", "brp sekilo": the price of that much,
		// not an order yet.
		if qty, unit, ok := parse.ParseQuantity(q); ok {
			return act{ev: EvQuestion, kind: "price_qty", sku: sku, qty: qty, unit: unit}, true
		}
	}
	if amt, ok := parse.ParseMoney(q); ok {
		return act{ev: EvQty, amount: amt, sku: sku}, true
	}
	if qty, unit, ok := parse.ParseQuantity(q); ok {
		return act{ev: EvQty, qty: qty, unit: unit, sku: sku}, true
	}
	return act{}, false
}
