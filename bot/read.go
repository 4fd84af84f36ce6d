package bot

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// act is one thing a buyer message says, with what the action needs.
type act struct {
	ev       Event
	text     string        // the words it came from: an address, a name, a line to remove, a question
	num      int           // EvNumber, EvChoice
	parsed   *parse.Result // EvItems
	qty      catalog.Qty   // EvQty, EvChange
	unit     string        // EvQty: the unit said, "" for none
	amount   int64         // EvQty, EvChange by money
	sku      string        // EvChange, EvQty: the product meant
	swap     string        // EvChange: the product that replaces sku ("yang merah")
	question int           // EvChoice: which pending question it answers (0: the one asked)
	kind     string        // EvQuestion: price, ongkir, payment, hours, eta, category; EvOrderCmd: cancel, complaint, courier, offer
	when     string        // a time the line named for pickup or delivery ("jam 9an"), kept with the form
	phone    string        // the receiver's phone number, for the courier
}

// readBuyer reads everything a buyer message says, in order. A message is
// read in full in every state: an address, a name, a delivery choice or a
// finish word typed together with items is taken, not fed to the product
// parser; what a pending question asked for is only a hint to how a short
// answer is read.
func (e *Engine) readBuyer(c *Conversation, in Inbound) []act {
	acts := e.readMessage(c, in)
	if c.State == StateConfirm && e.yesWithFormChange(in.Text, acts) {
		acts = append(acts, act{ev: EvYes, kind: yesWithChange})
	}
	if c.State == StateIdle && e.readShelf(c, norm(in.Text), acts, in.At) {
		// The emptied form comes back first; the rest of the message goes
		// on with it.
		rest := []act{{ev: EvRestore}}
		for _, a := range acts {
			if a.ev != EvText && a.ev != EvGreeting && a.ev != EvCancel {
				rest = append(rest, a)
			}
		}
		return rest
	}
	return acts
}

// readMessage reads a message in the conversation's state.
func (e *Engine) readMessage(c *Conversation, in Inbound) []act {
	if in.Kind == KindLocation && in.Location != nil {
		return []act{{ev: EvLocation}}
	}
	// Unicode line and paragraph separators end a line like a newline.
	raw := strings.TrimSpace(lineBreaks.Replace(in.Text))
	s := norm(raw)
	switch c.State {
	case StateHandover:
		if isPhrase(handoverEndWords, s) {
			return []act{{ev: EvHandoverEnd}}
		}
		return []act{{ev: EvText, text: raw}} // relayed to a person as written
	case StateRating:
		if n, ok := number(s); ok {
			return []act{{ev: EvNumber, num: n}}
		}
		return []act{{ev: EvText, text: raw}}
	}
	if sq := squeezeRepeats(raw); sq != raw {
		raw, s = sq, norm(sq) // "ambil sendiriii, nama citraaa"
	}
	if sp := withoutSpeechFillers(raw); sp != raw {
		raw, s = sp, norm(sp) // "… terus eh apa namanya hati ampela setengah kilo"
	}
	if br := emojiBreaks(raw); br != raw {
		raw, s = br, norm(br) // "buah buat healthy lifestyle 😂 apel fuji 1kg": the emoji ends a clause
	}
	if t := trimEmoji(raw); t != raw && t != "" {
		raw, s = t, norm(t) // "✅✅ bener kak", "siapp kak 👍": the words say it
	}
	if m := declinedIfRe.FindStringIndex(raw); hasAny(s, "bisa", "bs", "boleh", "dapat", "dpt") && m != nil && m[0] > 0 {
		raw = strings.TrimSpace(raw[:m[0]]) // "jahenya 1 ons aja bu kalo 50 gr ga bisa"
		s = norm(raw)
	}
	if talk := withoutTalk(raw); talk != raw {
		raw, s = talk, norm(talk)
	}
	if rest, ok := e.afterApology(raw); ok {
		raw, s = rest, norm(rest) // "maaf itu anak sy. iya bu udh bener semua": the yes
	}
	if agreeingEmoji(raw) {
		return []act{{ev: EvYes}} // "👍", "👌🏻": a yes without words
	}
	if s == "" {
		return []act{{ev: EvText}}
	}
	if more, ok := takesAskedToo(c, raw); ok {
		// "ok sama daun jeruk 1 ikat" after "cabe rawit 1 ons bisa?": the
		// amount asked about, and what follows.
		in.Text = more
		return append([]act{{ev: EvQty, sku: c.LastAsked, qty: c.LastAskedQty}}, e.readMessage(&Conversation{State: c.State, Data: c.Data}, in)...)
	}
	if acts, ok := e.yesThenAnotherOrder(c, in, raw); ok {
		return acts
	}
	if a, ok := e.readWhole(c, raw, s); ok {
		return []act{a}
	}
	if w := strings.TrimPrefix(strings.Trim(s, " .!?"), "per "); !strings.Contains(w, " ") {
		if _, ok := catalog.ParseUnit(w); ok {
			// "kg" sent after "udang 1/2, cumi 1/2": the unit of what was
			// just said, never a product to guess.
			return []act{{ev: EvQuestion, kind: "unit_alone", text: raw}}
		}
	}
	if len(c.Cart) > 0 && hasAny(s, "kirim", "kirm", "send", "pencet", "dobel", "double") && doubledRe.MatchString(s) && !e.ordersProduct(s) {
		return []act{{ev: EvQuestion, kind: "doubled_said", text: raw}} // "maaf kekirim 2x bu, maksudnya satu aja"
	}
	if acts, ok := e.readAnswers(c, raw); ok {
		return acts
	}
	var acts []act
	lines := splitSentences(splitLines(raw))
	for li, ln := range lines {
		if e.nameBesideAddress(lines, li) {
			// "Sari. Jl. Diponegoro 22": a name said in its own sentence
			// next to the address is the receiver, whatever goods it sounds like.
			acts = append(acts, act{ev: EvName, text: strings.Trim(ln, " .,")})
			continue
		}
		read := e.readLine(c, ln)
		if li == 0 && len(lines) >= 3 && e.introLine(read, lines[1:]) {
			continue // "mau ambil bahan bakso" above the list of what
		}
		for _, a := range read {
			// An address written over several lines of one message is one
			// address ("Perum Griya Permai" / "Blok F no 12" / "Menteng").
			if n := len(acts); a.ev == EvAddress && n > 0 && acts[n-1].ev == EvAddress {
				acts[n-1].text += ", " + a.text
				continue
			}
			if n := len(acts); a.ev == EvCancel && n > 0 && acts[n-1].ev == EvCancel {
				continue // "ga jadi deh, batal ya" is one cancel
			}
			acts = append(acts, a)
		}
	}
	if len(acts) == 0 {
		return []act{{ev: EvText, text: raw}}
	}
	e.nameLines(acts)
	return orderActs(withoutStrayText(e.priceOfNamed(e.amountOfAsked(amountOfUnsold(acts)))))
}

// nameBesideAddress reports whether sentence li of a message is a
// capitalised name alone right before or after a sentence that is an
// address.
func (e *Engine) nameBesideAddress(lines []string, li int) bool {
	ln := strings.Trim(lines[li], " .,")
	if len(lines) < 2 || !capitalName(ln) || e.ordersProduct(ln) || e.isPlace(ln) {
		return false
	}
	return li+1 < len(lines) && e.addressStart(lines[li+1]) == 0 || li > 0 && e.addressStart(lines[li-1]) == 0
}

// speechFillerRe is what a buyer says while finding a word, in dictated
// or spoken-style text: "eh apa namanya", "apa ya namanya", "anu".
var speechFillerRe = regexp.MustCompile(`(?i)\b(?:eh\s+)?(?:apa\s+(?:ya\s+|itu\s+)?namanya|apa\s+sih\s+namanya|anu)\b(?:\s*(?:itu|tuh))?`)

// saidTwiceWords are words a speaker repeats while thinking ("eh bukan
// bukan setengah kilo aja").
var saidTwiceWords = set("bukan", "eh", "terus", "trus", "itu", "yang", "yg")

// withoutSpeechFillers drops the fillers of speech and a word said twice
// in a row, so the order around them reads as written.
func withoutSpeechFillers(raw string) string {
	if !hasAny(strings.ToLower(raw), "namanya", "anu", "bukan bukan", "eh eh", "terus terus", "itu itu", "yang yang", "yg yg", "trus trus") {
		return raw
	}
	out := speechFillerRe.ReplaceAllStringFunc(raw, func(m string) string {
		if strings.Contains(strings.ToLower(m), "namanya") || strings.EqualFold(strings.TrimSpace(m), "anu") {
			return " "
		}
		return m
	})
	fs := strings.Fields(out)
	keep := fs[:0]
	for i, f := range fs {
		if i > 0 && strings.EqualFold(f, fs[i-1]) && saidTwiceWords[strings.ToLower(f)] {
			continue
		}
		keep = append(keep, f)
	}
	return strings.Join(keep, " ")
}

// emojiBreaks writes an emoji between words of a line as a comma: buyers
// end a clause with one the way others use a full stop.
func emojiBreaks(raw string) string {
	if isASCII(raw) {
		return raw
	}
	rs := []rune(raw)
	var b strings.Builder
	changed := false
	for i := 0; i < len(rs); i++ {
		if !isEmoji(rs[i]) {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && (isEmoji(rs[j]) || rs[j] == ' ' || rs[j] == '\u200d' || rs[j] == '\ufe0f') {
			j++
		}
		before := strings.TrimRight(b.String(), " ")
		if before != "" && j < len(rs) && rs[j] != '\n' && !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, ".") {
			b.Reset()
			b.WriteString(before + ", ")
			changed = true
			i = j - 1
			continue
		}
		b.WriteRune(rs[i])
	}
	if !changed {
		return raw
	}
	return b.String()
}

// trimEmoji drops the emoji that open or close a message.
func trimEmoji(raw string) string {
	if isASCII(raw) {
		return raw
	}
	return strings.TrimFunc(raw, func(r rune) bool { return isEmoji(r) || r == ' ' || r == '\u200d' || r == '\ufe0f' })
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isEmoji: a pictograph or symbol (So), the ranges chat emoji live in.
func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || unicode.Is(unicode.So, r)
}

// declinedIfRe closes a line with the case it replaces: "…, kalo 50 gr
// ga bisa" says why, and orders nothing.
var declinedIfRe = regexp.MustCompile(`(?i)[\s,]+(?:kalo|kalau|klo|kl|kalu|lamun|yen)\s+[^,.]{1,30}?\s(?:ga|gak|nggak|ngga|tidak|tdk|gk|ndak|kada|ora)\s+(?:bisa|bs|boleh|dapat|dpt)(?:\s+(?:ya|yah|bu|kak|mbak|pak|deh|sih))*\s*[.!]?$`)

// apologyRe opens a sentence that only excuses the buyer ("maaf bu baru
// pegang hp", "maaf itu anak sy"), before what they came to say.
var apologyRe = regexp.MustCompile(`^(maaf|maap|mohon maaf|sorry|sori|sory|afwan|punten|nyuwun sewu)\b`)

// afterApology returns what follows an excuse sentence, when the excuse
// says nothing of the order: no product, no place, no doubled message.
func (e *Engine) afterApology(raw string) (string, bool) {
	if !hasAny(strings.ToLower(raw), "maaf", "maap", "sorry", "sori", "sory", "afwan", "punten", "nyuwun") {
		return "", false // most messages: no excuse, nothing split
	}
	parts := splitSentences(splitLines(raw))
	if len(parts) < 2 {
		return "", false
	}
	first := strings.ToLower(parts[0])
	if !apologyRe.MatchString(first) || doubledRe.MatchString(first) || e.addressStart(parts[0]) >= 0 || e.mentionsProduct(strings.TrimLeft(apologyRe.ReplaceAllString(first, ""), " ,")) {
		return "", false
	}
	return strings.Join(parts[1:], " "), true
}

// prepRe is a request about how a cart line is prepared: "iganya bisa
// dipotong kecil2 kan bu?", "ayamnya tolong dipotong 12".
var prepRe = regexp.MustCompile(`^(\S+?)\s+(?:bisa\s+|tolong\s+|minta\s+|mohon\s+|sekalian\s+|sama\s+)?(di[a-z]{3,}(?:in|kan)?)\b([^?]*)`)

// readPrepRequest reads a preparation asked of a cart line as a note for
// its trader, never as a new line to ask the quantity of.
func (e *Engine) readPrepRequest(c *Conversation, s string) (act, bool) {
	if len(c.Cart) == 0 || !strings.Contains(s, " di") {
		return act{}, false
	}
	m := prepRe.FindStringSubmatch(s)
	if m == nil || removeCue.MatchString(m[2]) || changeCue.MatchString(m[2]) || antarRe.MatchString(m[2]) || addCue.MatchString(m[2]) {
		return act{}, false
	}
	if _, ok := nyaBase(m[1]); !ok {
		return act{}, false // "iganya": the line is named with -nya
	}
	i := e.findCartLine(c, m[1])
	if i < 0 {
		return act{}, false
	}
	how := m[2]
	for _, w := range strings.Fields(m[3]) {
		if fillerTail[w] || saidFiller[w] || w == "kan" || w == "ya" || w == "ga" || w == "gak" || w == "nggak" || w == "bisa" {
			break
		}
		how += " " + w
	}
	return act{ev: EvQuestion, kind: "prep", sku: c.Cart[i].SKU, text: how}, true
}

// landmarkRe opens a line that tells the courier how to find the house:
// a direction from a landmark, or how the house looks.
var landmarkRe = regexp.MustCompile(`^(?:(?:patokan(?:nya)?|ciri(?:2|-ciri)?(?:nya)?|rumah(?:nya)?|rmh(?:nya)?)\s*:?\s*)?(?:(?:di\s*)?(?:depan|samping|sebelah|belakang|seberang|sebrang|dekat|deket|pojok|ujung)\s+\S|(?:(?:yg|yang)\s+)?(?:cat|warna|pagar|pager|tingkat|lantai|pintu)\s+\S)`)

// amountOfUnsold drops a sentence that is only an amount when the one
// before it asked for goods not sold here ("kacang tanah ada gak? 1/2
// kilo"): the amount was of those goods.
func amountOfUnsold(acts []act) []act {
	for i := 1; i < len(acts); i++ {
		prev, a := acts[i-1], acts[i]
		if prev.ev != EvItems || prev.parsed == nil || len(prev.parsed.Unknown) == 0 || len(prev.parsed.Items) > 0 || len(prev.parsed.Questions) > 0 {
			continue
		}
		if _, bare := onlyBareQty(a.parsed); a.ev == EvItems && bare {
			return append(acts[:i:i], acts[i+1:]...)
		}
	}
	return acts
}

// withoutReasons drops the clauses that give a reason ("soalnya saya lg
// kerja", "karena buat arisan"): said to explain, ordering nothing.
func withoutReasons(rest string) string {
	if !hasAny(rest, "soal", "karena", "krn", "karna", "sebab", "biar", "supaya", "soale") {
		return rest
	}
	parts := splitClauses(rest)
	keep := parts[:0]
	for _, p := range parts {
		w, _ := firstWord(p)
		if reasonWords[w] && !strings.ContainsAny(p, "0123456789") {
			continue
		}
		keep = append(keep, p)
	}
	return strings.Join(keep, ",")
}

var reasonWords = set("soalnya", "soale", "karena", "krn", "karna", "sebab", "biar", "supaya", "soalny")

// withoutNameWords drops the words that introduce a name from what is left
// of a line whose name was read.
func withoutNameWords(rest string) string {
	fs := strings.Fields(rest)
	keep := fs[:0]
	for _, f := range fs {
		if w := strings.ToLower(strings.Trim(f, ",.:")); w == "nama" || w == "namanya" || w == "namane" || w == "ngaranna" {
			continue
		}
		keep = append(keep, f)
	}
	return strings.Join(keep, " ")
}

// anotherOrderRe says a message carries an order for someone else, kept
// apart ("tetangga saya juga nitip", "pesanannya dipisah").
var anotherOrderRe = regexp.MustCompile(`\b(nitip|titip|dititipin|dipisah|pisah aja|pesanan lain|order lain|pesenan lain)\b`)

// yesThenAnotherOrder reads "iya bu betul. oh iya, tetangga saya Bu Nani
// juga nitip, …" under a summary: the yes places the order shown, and the
// rest starts the neighbour's order on an empty form.
func (e *Engine) yesThenAnotherOrder(c *Conversation, in Inbound, raw string) ([]act, bool) {
	if c.State != StateConfirm || !anotherOrderRe.MatchString(strings.ToLower(raw)) {
		return nil, false
	}
	parts := splitSentences(splitLines(raw))
	if len(parts) < 2 || !isYes(norm(parts[0])) {
		return nil, false
	}
	in.Text = strings.Join(parts[1:], " ")
	after := &Conversation{State: StateIdle}
	after.Phone, after.PushName = c.Phone, c.PushName
	return append([]act{{ev: EvYes}}, e.readMessage(after, in)...), true
}

// yesBut reports whether what follows a yes word changes the order ("iya
// betul, tapi alamatnya ganti ke … Jl. Imam Bonjol no 8"): then the
// message is read in full, and the changed summary is shown again.
func (e *Engine) yesBut(more string) bool {
	if more == "" {
		return false
	}
	for _, w := range strings.Fields(more) {
		switch strings.Trim(w, ",.!?") {
		case "tapi", "tp", "tpi", "namun", "cuma", "kecuali", "ganti", "diganti", "ubah", "diubah", "tambah", "ditambah", "kurangi", "hapus", "batal", "pindah", "jadinya":
			return true
		}
	}
	return e.addressStart(more) >= 0 || e.namesProduct(more) // not "besok jam 7 ya", "ongkir 20 gpp", "sudah lengkap"
}

// yesWithChange marks the yes of a message that agreed and changed the
// delivery in one breath: it places the changed order.
const yesWithChange = "with_change"

// yesWithFormChange reports whether a message under the summary agrees
// first and then changes only how the order reaches the buyer: "iya
// betul, tapi alamatnya ganti ke …", "iya bu benar, eh tapi saya ambil
// sendiri aja jam 9". A trader takes the order with the change; a change
// to the goods shows the summary again instead.
func (e *Engine) yesWithFormChange(raw string, acts []act) bool {
	first, _, _ := strings.Cut(norm(raw), ",")
	w, _ := firstWord(first)
	if !isYes(first) && !yesWords[strings.Trim(w, ",.!")] {
		return false
	}
	changed := false
	for _, a := range acts {
		switch a.ev {
		case EvAddress, EvName, EvAntar, EvAmbil, EvLocation:
			changed = true
		case EvGreeting:
		default:
			return false
		}
	}
	return changed
}

// withoutStrayText drops the lines nothing was read in when the rest of
// the message was understood ("namanya kak yuli, lengkapnya yulianti"):
// what was read is answered, not buried under "kurang paham".
func withoutStrayText(acts []act) []act {
	understood := false
	for _, a := range acts {
		if a.ev != EvText && a.ev != EvGreeting {
			understood = true
		}
	}
	if !understood {
		return acts
	}
	keep := acts[:0]
	for _, a := range acts {
		if a.ev != EvText {
			keep = append(keep, a)
		}
	}
	return keep
}

// nameLines reads a line that is only a capitalised name ("Rudi") as the
// receiver's name when the same message gives an address and no name.
func (e *Engine) nameLines(acts []act) {
	hasAddr := false
	for _, a := range acts {
		switch a.ev {
		case EvName:
			return
		case EvAddress:
			hasAddr = true
		}
	}
	if !hasAddr {
		return
	}
	for i, a := range acts {
		if a.ev == EvText && (capitalName(a.text) || loneGivenName(a.text)) && !e.mentionsProduct(a.text) && !e.isPlace(a.text) {
			acts[i] = act{ev: EvName, text: strings.Trim(a.text, " .,;")}
			return
		}
	}
}

// payWordsRe is a message about how to pay.
var payWordsRe = regexp.MustCompile(`^((bayar|pakai|pake|via|lewat|mau)\s+)?(qris|qr|cod|tunai|cash|transfer|tf|gopay|ovo|dana|shopeepay)\b`)

// payInLineRe finds the payment method said inside a longer line.
var payInLineRe = regexp.MustCompile(`\b(bayar(nya)?|pakai|pake|via|lewat)\s+(pakai\s+|pake\s+|pake |via\s+)?(qris|qr|cod|tunai|cash|transfer|tf|gopay|ovo|dana|shopeepay)\b`)

var senderRe = regexp.MustCompile(`^(pengirim|dari|sender|kiriman dari)\s*:`)

// orderActs applies what a message says about the items before what it
// says about delivery, address, name and finishing ("kirim ke Jl. …" on
// the first line, the list below it): the form moves on with the items
// in. Anything else keeps its place.
func orderActs(acts []act) []act {
	rank := func(ev Event) int {
		switch ev {
		case EvItems, EvQty, EvChange, EvRemove, EvChoice, EvCancel:
			return 1 // in the order said: "tomat 1 kg. eh batal deh" ends empty
		case EvAntar, EvAmbil, EvAddress, EvName, EvLocation:
			return 2
		case EvFinish, EvYes:
			return 3
		}
		return 0
	}
	sort.SliceStable(acts, func(i, j int) bool { return rank(acts[i].ev) < rank(acts[j].ev) })
	return acts
}

// readWhole reads messages whose whole text is one intent: short answers,
// commands and any-time requests.
func (e *Engine) readWhole(c *Conversation, raw, s string) (act, bool) {
	st := c.State
	switch {
	case isPhrase(cancelWords, s):
		return act{ev: EvCancel}, true
	case hasAny(s, "admin", "cs", "customer", "petugas", "operator", "orang", "manusia", "nomor", "nomer", "kontak", "wa ", "no ") && handoverRe.MatchString(s):
		if len(e.set.Admins) == 0 {
			return act{ev: EvQuestion, kind: "no_human"}, true
		}
		return act{ev: EvHandover}, true
	case isPhrase(statusWords, s):
		return act{ev: EvStatus}, true
	case isPhrase(cartWords, s):
		return act{ev: EvShowCart}, true
	case isPhrase(helpWords, s):
		return act{ev: EvHelp}, true
	case reorderRe.MatchString(s) && !strings.ContainsAny(s, "0123456789"):
		return act{ev: EvReorder}, true
	}
	if _, ok := menuPage(s); ok {
		return act{ev: EvMenu, text: s}, true
	}
	if kind, ok := orderCommand(raw, s); ok {
		return act{ev: EvOrderCmd, kind: kind, text: raw}, true
	}
	if n, ok := number(s); ok {
		switch {
		case st == StateClarify && len(c.Questions) > 0 && (len(c.Questions[0].Choices) > 1 || c.Questions[0].Kind == string(parse.Ambiguous)):
			return act{ev: EvChoice, num: n}, true
		case st == StateClarify:
			return act{ev: EvQty, qty: catalog.Whole(int64(n))}, true
		case st == StateDelivery || st == StateDecide:
			return act{ev: EvNumber, num: n}, true
		case st == StatePayment:
			if m, ok := e.readPaymentChoice(s); ok {
				return act{ev: EvPayment, text: m}, true
			}
		case c.LastAsked != "" && !strings.Contains(c.LastAsked, "|") && n > 0:
			return act{ev: EvQty, qty: catalog.Whole(int64(n)), sku: c.LastAsked}, true
		}
		return act{ev: EvNumber, num: n}, true
	}
	if len(e.PaymentOptions()) > 1 {
		// "bayar qris", "cod aja", or "2" when asked how to pay.
		if st == StatePayment || payWordsRe.MatchString(s) {
			if m, ok := e.readPaymentChoice(s); ok {
				return act{ev: EvPayment, text: m}, true
			}
		}
	}
	// Short answers mean what the question asked.
	switch st {
	case StateDecide, StateConfirm:
		w, more := firstWord(s)
		w = strings.Trim(w, ",.!")
		if (isYes(s) || yesWords[w] && !e.yesBut(more) || yesAndDone(s)) && !offerRe.MatchString(s) {
			return act{ev: EvYes}, true
		}
		if isPhrase(noWords, s) || noWords[w] && st == StateDecide {
			return act{ev: EvNo}, true
		}
	case StateClarify:
		if a, ok := e.readAnswer(c, s); ok {
			return a, true
		}
	}
	if isYes(s) {
		return act{ev: EvYes}, true
	}
	if isPhrase(noWords, s) {
		return act{ev: EvNo}, true
	}
	if isPhrase(skipWords, s) {
		return act{ev: EvSkip}, true
	}
	if (st == StateDelivery || st == StateCart && len(c.Cart) > 0 && len(c.Questions) == 0 && c.LastAsked == "") && isPhrase(pickupAlone, s) {
		return act{ev: EvAmbil}, true // "ambil" under the cart: picked up, as "antar" is delivered
	}
	if c.LastAsked != "" {
		if a, ok := e.readReferent(c, s, endsAsking(raw)); ok {
			return a, true
		}
	}
	return act{}, false
}

// readAnswer reads a short answer to the pending line question: a choice
// in words ("yang merah", "yang kedua", "yang paling murah") or a
// quantity ("3 ikat", "setengah", "dua").
func (e *Engine) readAnswer(c *Conversation, s string) (act, bool) {
	q := c.Questions[0]
	if len(q.Choices) > 1 && len(e.parser.Parse(s).Items) == 0 { // "kue lapis 20 sama klepon 40", "sayur asem paket 10": an order, not a bare choice
		if n, ok := e.matchChoice(q, s); ok {
			return act{ev: EvChoice, num: n, text: s}, true
		}
		// The answer to a question queued behind ("yang premium" while
		// the oil question is first): that question comes first now.
		for i := 1; i < len(c.Questions); i++ {
			if len(c.Questions[i].Choices) < 2 {
				continue
			}
			if n, ok := e.matchChoice(c.Questions[i], s); ok {
				return act{ev: EvChoice, num: n, text: s, question: i}, true
			}
		}
		return act{}, false
	}
	if a, ok := e.readOtherSort(q, s); ok {
		return a, true
	}
	if qty, unit, ok := parse.ParseQuantity(s); ok && !e.namesProduct(s) {
		return act{ev: EvQty, qty: qty, unit: unit}, true
	}
	if amt, ok := parse.ParseMoney(s); ok {
		return act{ev: EvQty, amount: amt}, true
	}
	return act{}, false
}

// readOtherSort reads an answer naming another sort of what was asked
// about ("Telur Ayam Ras is sold per kg: 15 butir is how many kg?" —
// "telur ayam kampung bu"): that product, with the quantity first said,
// when it is sold in that unit.
func (e *Engine) readOtherSort(q Question, s string) (act, bool) {
	if len(q.Choices) != 1 || q.Qty <= 0 && q.Amount <= 0 {
		return act{}, false
	}
	best, ok := catalog.Sure(e.index.Match(s))
	if !ok || best.Product.SKU == q.Choices[0] || !sharesWord(q.Said, best.Product.Name) {
		return act{}, false
	}
	if qty, note := e.questionQty(q, e.bySKU[best.Product.SKU]); note != "" || qty <= 0 {
		return act{}, false
	}
	return act{ev: EvChoice, num: 1, swap: best.Product.SKU, text: s}, true
}

// sharesWord reports whether two names have a word of three letters or
// more in common ("telur 15 butir" and "Telur Ayam Kampung").
func sharesWord(a, b string) bool {
	words := strings.Fields(catalog.Normalize(b))
	for _, w := range strings.Fields(catalog.Normalize(a)) {
		if len(w) >= 3 && slices.Contains(words, w) {
			return true
		}
	}
	return false
}

// readLine reads one line of a message: its clauses (a name, an address,
// a delivery choice, a finish word, a correction, a question) and the
// items in what is left.
func (e *Engine) readLine(c *Conversation, line string) []act {
	s := norm(line)
	if s == "" {
		return nil
	}
	if hasAny(s, " ada", "jual") && notSoldAckRe.MatchString(s) && !strings.Contains(line, "?") {
		// "oh roti sama gas ga ada ya": the buyer took in the "not sold
		// here", not asking and not ordering.
		return []act{{ev: EvGreeting, text: s}}
	}
	if first, rest, ok := strings.Cut(line, ","); ok && pleaseWords[norm(first)] && strings.TrimSpace(rest) != "" {
		// Sundanese "mangga, candak 1 kilo": please, not the fruit.
		line, s = rest, norm(rest)
	}
	if first, rest, ok := strings.Cut(line, ","); ok && strings.Contains(first, "g") && isPhrase(insteadWords, norm(first)) && strings.TrimSpace(rest) != "" {
		// "ganti aja, ikan nila 1 kg, …": what comes instead, after a cancel.
		line, s = rest, norm(rest)
	}
	if first, rest, ok := strings.Cut(s, ","); ok && (onlyFiller(first) || mayWait(first) && waitRe.MatchString(first)) && !isPhrase(cancelWords, first) {
		if second, after, _ := strings.Cut(rest, ","); isPhrase(cancelWords, second) {
			s = second + "," + after // "eh bentar, batal dulu": the cancel is what it says
			if strings.TrimSpace(after) == "" {
				return []act{{ev: EvCancel}}
			}
		}
	}
	if first, rest, ok := strings.Cut(s, ","); ok && isPhrase(cancelWords, first) {
		// "eh batal kak, ganti aja": the cancel, then whatever follows.
		more := e.readLine(c, rest)
		if len(more) > 0 && more[0].ev == EvCancel {
			more = more[1:] // "ga jadi deh, batal ya" is one cancel
		}
		return append([]act{{ev: EvCancel}}, more...)
	}
	switch {
	case senderRe.MatchString(s):
		// "pengirim: Bu Dian": who sends a gift, not who receives it.
		return []act{{ev: EvGreeting, text: s}}
	case isGreeting(s) || isPhrase(ackWords, s):
		return []act{{ev: EvGreeting, text: s}}
	case isPhrase(cancelWords, s):
		return []act{{ev: EvCancel}}
	case isPhrase(sameAddressWords, s):
		return []act{{ev: EvAntar, kind: "same_address"}}
	case isPhrase(finishWords, s):
		return []act{{ev: EvFinish}}
	case isYes(s):
		return []act{{ev: EvYes}}
	case isPhrase(noWords, s):
		return []act{{ev: EvNo}}
	}
	if c.LastAsked != "" {
		// "ok 2 ikat. sama ikan mas 1 kg" after "kemangi ada?".
		if a, ok := e.readReferent(c, s, endsAsking(line)); ok {
			return []act{a}
		}
	}
	if c.State == StateClarify && len(c.Questions) > 0 {
		// "ok 2 ikat. sama ikan mas 1 kg": the first sentence answers.
		if a, ok := e.readAnswer(c, s); ok {
			return []act{a}
		}
	}
	if looksLikeName(s) && !e.ordersProduct(s) && !e.namesProduct(s) {
		return []act{{ev: EvName, text: strings.TrimSpace(line)}} // not "kak ad jengkol gk"
	}
	if onlyCues(s) {
		return nil // "eh keliru", "maaf": nothing to read on its own
	}
	if m := fullNameRe.FindStringSubmatch(line); m != nil {
		// "Kurnia Sari lengkapnya": the full name of the receiver.
		return []act{{ev: EvName, text: strings.TrimSpace(m[1] + m[2])}}
	}
	if codStatementRe.MatchString(s) && !endsAsking(line) && !strings.HasPrefix(s, "bisa") && !e.mentionsProduct(s) {
		// "bayarnya pas barang dateng ya bu": cash on delivery chosen.
		if m, ok := e.readPaymentChoice("cod"); ok && len(e.PaymentOptions()) > 1 {
			return []act{{ev: EvPayment, text: m}}
		}
		return []act{{ev: EvGreeting, text: s}} // COD is the only way: nothing to change
	}
	if a, ok := e.readExtremeAsk(line, s); ok {
		return []act{a}
	}
	if kind, ok := e.digression(s, endsAsking(line)); ok {
		if (kind == "hours" || kind == "eta" || kind == "payment") && asksPrice(s) {
			// "ini masih buka ya … udang vaname harganya berapa sekilo": both.
			if a, ok := e.readItems(c, line, false); ok && a.ev == EvQuestion && a.kind == "price" {
				return []act{{ev: EvQuestion, kind: kind, text: line}, a}
			}
		}
		return []act{{ev: EvQuestion, kind: kind, text: line}}
	}
	if acts, ok := e.readCorrections(c, line); ok {
		return acts
	}
	if e.keepsCartLine(c, s) || e.keepsAfterNotSold(c, line) {
		return []act{{ev: EvGreeting, text: s}} // "yaudah berasnya aja": the line as it is
	}
	if it, ok := e.serviceLine(c, line); ok && len(e.parser.Parse(line).Items) == 0 {
		if inCart(c, it.SKU) {
			return []act{{ev: EvGreeting, text: s}} // "ok bersihin ya": already in the cart
		}
		return []act{{ev: EvItems, parsed: &parse.Result{Items: []parse.Item{it}}, text: line}}
	}
	if a, ok := e.readPrepRequest(c, s); ok {
		return []act{a} // "iganya bisa dipotong kecil2 kan bu?"
	}
	if c.Address != "" && c.Delivery != orders.Ambil && landmarkRe.MatchString(s) && !e.ordersProduct(s) {
		// "rumah cat hijau pagar hitam", "depan masjid al ikhlas": how the
		// courier finds the house, part of the address given.
		return []act{{ev: EvAddress, text: strings.Trim(line, " .,")}}
	}
	if body, fin := cutFinish(line); true {
		if a, ok := e.readCorrection(c, body); ok {
			if fin {
				return []act{a, {ev: EvFinish}}
			}
			return []act{a}
		}
	}
	rest := line
	var acts, tail []act
	// "…, alamat sama": delivery to the address already given.
	if parts := splitClauses(line); len(parts) > 1 {
		var keep []string
		for _, p := range parts {
			if isPhrase(sameAddressWords, norm(p)) {
				tail = append(tail, act{ev: EvAntar, kind: "same_address"})
				continue
			}
			keep = append(keep, p)
		}
		rest = strings.Join(keep, ",")
	}
	// Clauses are cut from the line before the product parser sees it.
	rest, name := cutName(rest)
	// The phone before the address: "…no 7 Menteng, hp 0812…" is a
	// number for the courier, not the end of the address.
	rest, phone := cutPhone(rest)
	if m := namePhoneRe.FindStringSubmatch(strings.TrimSpace(rest)); name == "" && phone == "" && m != nil && capitalName(m[1]) && !e.namesProduct(m[1]) {
		name, phone, rest = m[1], m[2], "" // "Andi 0813-4921-5566": who answers that phone
	}
	rest, addr, intro := e.cutAddressIntro(rest)
	rest, dlv := cutDelivery(rest)
	if dlv == "" && hasAny(rest, "ambil", "jemput", "sana") {
		if m := selfTakeRe.FindStringIndex(rest); m != nil && !e.mentionsProduct(rest[m[1]:]) {
			// "eh gausah deh sy ambil aja pas jam istirahat": the buyer
			// comes for it; no goods follow the verb.
			rest, dlv = strings.TrimSpace(rest[:m[0]]+" "+rest[m[1]:]), EvAmbil
		}
	}
	rest, when := cutWhen(rest)
	if addr == "" {
		rest, addr = e.cutAddress(rest)
	}
	rest, finish := cutFinish(rest)
	if m := payInLineRe.FindStringIndex(asciiLower(rest)); m != nil && len(e.PaymentOptions()) > 1 {
		if method, ok := e.readPaymentChoice(rest[m[0]:m[1]]); ok {
			tail = append(tail, act{ev: EvPayment, text: method})
			rest = strings.TrimSpace(rest[:m[0]] + " " + rest[m[1]:])
		}
	}
	if name == "" {
		rest, name = e.cutNamePart(rest, addr != "" || dlv != "")
	}
	if name == "" && addr != "" {
		addr, name = e.nameAfterAddress(addr) // "Jl. Bangaris no 2 Langkai ya, Nurul"
	}
	if addr != "" {
		r := strings.Trim(rest, " ,.")
		for {
			// "kirim: toko bu ani, jl. …", "ke rsud …": the place after the
			// words that send the goods there.
			w, more := firstWord(strings.ToLower(r))
			if !toWhomLead[strings.TrimSuffix(w, ":")] && w != "di" || more == "" {
				break
			}
			r = strings.TrimSpace(r[len(w):])
		}
		before := ""
		if !placeTypeRe.MatchString(r) {
			// "beras 10kg / gula 2kg / kirim: toko bu ani, jl. …": the place
			// is the last piece before the street.
			if i := strings.LastIndexAny(r, "/:;,"); i >= 0 && placeTypeRe.MatchString(strings.TrimSpace(r[i+1:])) {
				before, r = strings.TrimSpace(r[:i]), strings.TrimSpace(r[i+1:])
			}
		}
		if placeTypeRe.MatchString(r) && !e.ordersProduct(r) {
			// "Warung Bakso Pak Min, Jl. Mahir Mahar km 1": the place the
			// courier looks for, part of the address.
			addr, rest = r+" "+addr, before // no comma: the address action would take "Masjid Al-Ikhlas," for a name
			if m := titledRe.FindStringSubmatch(r); m != nil && name == "" {
				name = m[1] // "Warung Bakso Pak Min": Pak Min is who the courier asks for
			}
		}
	}
	if name == "" && placeTypeRe.MatchString(addr) {
		name = placeOwner(addr) // "kirim ke warung bu endang jl tingang …"
	}
	if name == "" {
		name = trailingOwner(addr) // "jl. … no 5 langkai, nasi kuning bu atik"
	}
	rest = withoutReasons(cutGreeting(rest))
	if name != "" {
		rest = withoutNameWords(rest) // "namanya ibu saya aja, ibu marta": the name was read
	}
	if intro || dlv == EvAntar {
		tail = append(tail, act{ev: EvAntar})
	} else if dlv == EvAmbil {
		tail = append(tail, act{ev: EvAmbil})
	}
	if addr != "" {
		tail = append(tail, act{ev: EvAddress, text: addr})
	}
	if name != "" {
		tail = append(tail, act{ev: EvName, text: name})
	}
	if finish {
		tail = append(tail, act{ev: EvFinish})
	}
	if when != "" || phone != "" {
		if len(tail) == 0 {
			tail = append(tail, act{ev: EvGreeting, text: when + phone}) // nothing else to carry them
		}
		tail[0].when, tail[0].phone = when, phone
	}
	if name != "" {
		// "namanya dini ya bukan dina, salah ketik": what is left says
		// only which name was wrong.
		rest = notNameRe.ReplaceAllString(rest, " ")
		if onlyCues(rest) {
			rest = ""
		}
	}
	if r := strings.TrimSpace(rest); r != "" && !onlyFiller(r) {
		// Asked for the name, or shown a summary with WhatsApp's name on it:
		// a capitalised name alone ("Sri") is the receiver's.
		if (c.State == StateName && askedName(r) || c.State == StateConfirm && (capitalName(r) || titledLine(r) || nameNotGiven(c) && loneGivenName(r))) && len(tail) == 0 &&
			!e.ordersProduct(r) && !e.isPlace(r) {
			// Asked for the name: "Sri", "Bakso Mas Joko" is the answer,
			// whatever product it sounds like.
			return []act{{ev: EvName, text: strings.Trim(r, " .,")}}
		}
		if c.State == StateAddress && addr != "" && !intro && dlv == "" {
			if _, ok := e.readItems(c, r, true); !ok {
				// "tjilik riwut km 8": the street before the marker is
				// part of the address asked for.
				for i := range tail {
					if tail[i].ev == EvAddress {
						tail[i].text = strings.TrimSpace(r + " " + addr)
					}
				}
				return tail
			}
		}
		switch a, ok := e.readItems(c, r, len(tail) > 0); {
		case ok:
			acts = append(acts, a)
		case len(tail) == 0 && c.State == StateAddress:
			// Asked for the address: a line that says nothing else is it;
			// a capitalised name alone ("Wawan") is who receives it.
			if looksLikeName(r) || capitalName(r) && !strings.ContainsAny(r, "0123456789") && !e.hasZone(r) {
				return []act{{ev: EvName, text: r}}
			}
			return []act{{ev: EvAddress, text: strings.TrimSpace(line)}}
		case len(tail) == 0 && c.State == StateName:
			return []act{{ev: EvName, text: r}}
		case len(tail) == 0:
			return []act{{ev: EvText, text: line}}
		}
	}
	return append(acts, tail...)
}

// reportedRe is "kata nenek" around a message typed for someone else:
// "kata nenek: ikan peda 1/4", "tomat 1/4 kata ibu", "kata nenek iya
// bener". Who said it changes nothing of what was said.
var reportedRe = regexp.MustCompile(`(?i)(?:^|\s)(?:kata|kt)\s+(?:nenek|nenekku|nenek saya|ibu|ibuk|ibu saya|mama|mamah|mamaku|mama saya|bapak|bapak saya|ayah|papa|suami|suami saya|istri|istri saya|oma|opa|eyang|mbah|kakek|umi|abah|bos|majikan)\b\s*[:,]?`)

// courtesyRe is politeness and small talk around an order that holds
// words the product parser would take for goods or amounts: "maaf ganggu
// pagi2", "makasih banyak", "semoga laris ya bu", "umur saya sudah tujuh
// puluh tahun".
var courtesyRe = regexp.MustCompile(`(?i)\b(?:(?:umur|usia)\s+(?:saya\s+|sy\s+|nenek\s+|ibu\s+)?(?:sudah\s+|udah\s+|sdh\s+)?(?:[a-z0-9]+\s+){1,3}tahun|(?:maaf\s+)?(?:ganggu|mengganggu|merepotkan|ngerepotin)(?:\s+(?:pagi2|pagi-pagi|pagi))?|(?:makasih|terima\s+kasih|trims|tq|thx|matur\s+nuwun|hatur\s+nuhun)\s+(?:banyak|byk|bnyk|sekali|bgt|banget)|semoga\s+(?:laris|lancar|berkah|sehat)(?:\s+(?:manis|selalu|terus))?)\b`)

// speakerRe is a buyer naming themselves by their family role before a
// verb, as grandmothers and mothers write: "ya nenek ambil sepuluh biji",
// "mama mau tomat 1 kg".
var speakerRe = regexp.MustCompile(`(?i)(^|[\s,.]|^(?:ya|iya|iye|nggih)\s+)(nenek|mama|mamah|ibu|bapak|oma|opa|kakek|eyang|mbah|ayah|bunda|umi|abah)\s+((?:mau|ambil|pesan|pesen|minta|beli)\b)`)

// withoutTalk takes out of a message what is said around the order and
// would otherwise be read as goods or amounts: who said it ("kata
// nenek"), the speaker's family role before a verb ("nenek ambil …") and
// politeness or small talk ("makasih banyak", "umur saya … tahun"). A
// word test on the message once guards each expression.
func withoutTalk(raw string) string {
	lower := strings.ToLower(raw)
	if hasAny(lower, "kata", "kt ") {
		if out := strings.TrimSpace(reportedRe.ReplaceAllString(raw, " ")); out != "" {
			raw = out
		}
	}
	if hasAny(lower, "nenek", "mama", "ibu", "bapak", "oma", "opa", "kakek", "eyang", "mbah", "ayah", "bunda", "umi", "abah") {
		raw = speakerRe.ReplaceAllString(raw, "$1$3")
	}
	if hasAny(lower, "ganggu", "repot", "banyak", "byk", "bnyk", "sekali", "bgt", "banget", "semoga", "tahun") && courtesyRe.MatchString(raw) {
		if out := strings.TrimSpace(courtesyRe.ReplaceAllString(raw, " ")); out != "" {
			raw = out
		}
	}
	return raw
}

// notSoldAckRe is a buyer repeating that something is not sold: "oh
// roti sama gas ga ada ya", "yah kepiting gak ada".
var notSoldAckRe = regexp.MustCompile(`^(?:oh+|o|yah+|wah|owh|ooh)\s+(?:[a-z]+\s+){0,4}(?:ga|gak|nggak|ngga|gk|tidak|tdk|ndak|kada)\s+(?:ada|jual|dijual)\s*(?:ya+|yah|deh|toh|kak|bu|mbak)?\s*[.!]*$`)

// titledLine is a line of at most four capitalised words holding a title
// and a name: "Bakso Mas Joko", "Warung Bu Tini" — who the courier asks
// for, and where.
func titledLine(s string) bool {
	fs := strings.Fields(strings.Trim(s, " .,;"))
	if len(fs) < 2 || len(fs) > 4 {
		return false
	}
	for _, w := range fs {
		if w[0] < 'A' || w[0] > 'Z' || strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return placeOwnerRe.MatchString(s)
}

// selfTakeRe is "sy ambil aja": the buyer takes it themselves — a pickup
// when no goods follow (else "saya ambil aja tomatnya" orders tomatoes).
var selfTakeRe = regexp.MustCompile(`(?i)\b(?:saya|sy|aku|aq)\s+(?:ambil|jemput|ke\s+sana)\s+(?:aja|saja|sendiri|ndiri)\b`)

// notNameRe is the name a correction says was wrong: "bukan Dina".
var notNameRe = regexp.MustCompile(`(?i)\b(?:bukan|bkn)\s+[a-z']+\b`)

// keepsCartLine is "berasnya aja", "yaudah tomatnya aja": a cart line
// named with "only", no quantity — the buyer keeps it as it is.
func (e *Engine) keepsCartLine(c *Conversation, s string) bool {
	if len(c.Cart) == 0 || !strings.Contains(s, "nya") {
		return false
	}
	fs := strings.Fields(s)
	for len(fs) > 1 && fillerTail[fs[len(fs)-1]] && fs[len(fs)-1] != "aja" {
		fs = fs[:len(fs)-1] // "telurnya aja bu"
	}
	if len(fs) == 0 || len(fs) > 4 {
		return false
	}
	if last := fs[len(fs)-1]; last != "aja" && last != "saja" && last != "doang" && last != "aje" && last != "wae" {
		return false
	}
	return e.namedCartLine(c, strings.Join(fs[:len(fs)-1], " ")) >= 0
}

// fullNameRe is a name given in full: "Kurnia Sari lengkapnya", "nama
// lengkapnya Kurnia Sari".
var fullNameRe = regexp.MustCompile(`^\s*(?:(?i:nama\s+)?(?i:lengkapnya)\s*:?\s+([A-Za-z][A-Za-z' ]{1,40}?)|([A-Z][A-Za-z' ]{1,40}?)\s+(?i:lengkapnya))\s*[.!]?\s*$`)

// nameAfterAddress splits a capitalised name off the end of an address
// ("Jl. Bangaris no 2 Langkai ya, Nurul").
func (e *Engine) nameAfterAddress(addr string) (string, string) {
	i := strings.LastIndex(addr, ",")
	if i < 0 {
		return addr, ""
	}
	last, before := strings.TrimSpace(addr[i+1:]), strings.TrimSpace(addr[:i])
	if !capitalName(last) || e.isPlace(last) || e.namesProduct(last) || e.hasZone(last) {
		return addr, ""
	}
	// Only once the address is whole: its area named before ("…
	// Langkai ya, Nurul"), or a word that closes it ("ya"). Else the last
	// part is likely the area itself ("…, Palangka").
	fs := strings.Fields(strings.ToLower(before))
	if !e.hasZone(before) && (len(fs) == 0 || !fillerTail[fs[len(fs)-1]]) {
		return addr, ""
	}
	return strings.TrimSpace(strings.TrimRight(before, " ,")), last
}

// placeOwnerRe finds the titled name in a place's name, written in any
// case: "warung bu endang", "Toko Koh Ahong".
var placeOwnerRe = regexp.MustCompile(`(?i)\b((?:(?:bu|ibu|pak|bapak|mas|mbak|mba|koh|cik|om|tante|acil|mak|uni|uda|bang|haji|hj)\.?\s+)+[a-z][a-z']+)\b`)

// placeOwner is the person a place before the street is named after — who
// the courier asks for there — or "".
func placeOwner(addr string) string {
	place := addr
	for i, w := range strings.Fields(addr) {
		if lw := strings.ToLower(strings.Trim(w, ".,")); i > 0 && (addressWords[lw] || strings.HasPrefix(lw, "jl")) {
			place = strings.Join(strings.Fields(addr)[:i], " ")
			break
		}
	}
	m := placeOwnerRe.FindStringSubmatch(place)
	if m == nil {
		return ""
	}
	if fs := strings.Fields(m[1]); addressWords[strings.ToLower(fs[len(fs)-1])] || notNameWords[strings.ToLower(fs[len(fs)-1])] {
		return ""
	}
	return m[1]
}

// trailingOwner is the titled person an address ends with, after its last
// comma ("…, nasi kuning bu atik", "…, rumah pak rudi"): who the courier
// asks for there — or "".
func trailingOwner(addr string) string {
	i := strings.LastIndex(addr, ",")
	if i < 0 {
		return ""
	}
	last := strings.TrimSpace(addr[i+1:])
	if strings.ContainsAny(last, "0123456789") {
		return ""
	}
	loc := placeOwnerRe.FindStringSubmatchIndex(last)
	if loc == nil || strings.TrimRight(last[loc[1]:], " .!") != "" {
		return ""
	}
	return placeOwner(last)
}

// placeTypeRe starts the name of a place that is part of an address: a
// shop, a school, a mosque ("Warung Bakso Pak Min", "SDN 4 Langkai").
var placeTypeRe = regexp.MustCompile(`(?i)^(warung|toko|kios|kantin|masjid|musholla|mushola|langgar|sekolah|sdn?|smpn?|sman?|smkn?|kantor|klinik|puskesmas|rs|rsud|rsu|rsia|rumah sakit|kampus|universitas|hotel|wisma|losmen|kost?|rumah makan|rm|depot|kedai|salon|bengkel|apotek|apotik|pondok|ponpes|asrama|gereja|balai|posyandu)\b`)

// keepsAfterNotSold is "oh anggur ga ada ya, yaudah apelnya aja": the
// buyer takes the not-sold news and keeps the cart line named last.
func (e *Engine) keepsAfterNotSold(c *Conversation, line string) bool {
	if len(c.Cart) == 0 || !strings.Contains(line, "nya") || !strings.ContainsAny(line, ",;") {
		return false // every line reaches here: no split unless it can be one
	}
	parts := splitClauses(line)
	if len(parts) < 2 || !e.keepsCartLine(c, norm(parts[len(parts)-1])) {
		return false
	}
	for _, p := range parts[:len(parts)-1] {
		if _, _, ok := parse.ParseQuantity(p); ok || strings.ContainsAny(p, "0123456789") || len(e.parser.Parse(p).Items) > 0 {
			return false
		}
	}
	return true
}

// askedName is what a buyer answers when asked for the receiver's name:
// a short line that starts with a capital, with no digits.
func askedName(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && s[0] >= 'A' && s[0] <= 'Z' && len(strings.Fields(s)) <= 4 && !strings.ContainsAny(s, "0123456789")
}

// receiverPhoneRe is a phone number given for the receiver ("hp mama
// 0821-5512-3344", "no wa 081234567890").
var receiverPhoneRe = regexp.MustCompile(`(?i)\b(?:hp|no\.?\s*hp|nomor|nomer|no\.?\s*wa|wa|telp|tlp|telepon|kontak)\b[^0-9+]{0,20}((?:\+?62|0)8[0-9][0-9 .-]{6,14}[0-9])`)

// takesAskedToo reads a yes joined to more items ("ok sama …", "iya,
// tambah …") right after a price question that named a quantity: the
// buyer takes that amount too. It returns the words after the joiner.
func takesAskedToo(c *Conversation, raw string) (string, bool) {
	if c.LastAsked == "" || c.LastAskedQty <= 0 || strings.Contains(c.LastAsked, "|") {
		return "", false
	}
	fs := strings.Fields(raw)
	i := 0
	for i < len(fs) && (yesWords[norm(fs[i])] || fillerTail[norm(fs[i])]) {
		i++
	}
	if i == 0 || i+1 >= len(fs) {
		return "", false
	}
	switch norm(fs[i]) {
	case "sama", "sm", "plus", "tambah", "sekalian", "terus", "trus":
		rest := strings.Join(fs[i+1:], " ")
		if _, _, bare := parse.ParseQuantity(rest); bare {
			return "", false // "ok tambah 1 ekor": the amount of the one asked about
		}
		return rest, true
	}
	return "", false
}

// agreeingEmoji reports whether a message is only thumbs-up, OK-hand or
// check-mark emoji (with skin tones and variation selectors).
func agreeingEmoji(raw string) bool {
	seen := false
	for _, r := range raw {
		switch {
		case r == '👍' || r == '👌' || r == '✅' || r == '🆗' || r == '✔':
			seen = true
		case r >= 0x1F3FB && r <= 0x1F3FF, r == 0xFE0F, r == ' ', r == 0x200D:
		default:
			return false
		}
	}
	return seen
}

// mayWait is a cheap test before waitRe: false means it cannot match.
func mayWait(s string) bool {
	return hasAny(s, "bentar", "tunggu", "bntr", "sbntr", "wait", "dulu", "sek", "sik", "sekedap", "antosan", "heula", "tanya")
}

// insteadWords open a list that replaces what was there ("ganti aja, …").
var insteadWords = set("ganti", "gantinya", "diganti", "ganti aja", "ganti deh", "ganti aja deh", "ganti ya", "gini aja", "gini deh")

// namePhoneRe is a line of a capitalised name and a phone number only.
var namePhoneRe = regexp.MustCompile(`^([A-Z][a-z']+(?:\s+[A-Z][a-z']+)?)\s*[,:-]?\s*((?:\+?62|0)8[0-9][0-9 .-]{6,14}[0-9])\s*$`)

// cutPhone takes the receiver's phone number out of a line ("hp mama
// 0821-5512-3344": "hp mama" goes with it).
func cutPhone(line string) (rest, phone string) {
	if !strings.ContainsAny(line, "0123456789") {
		return line, ""
	}
	m := receiverPhoneRe.FindStringSubmatchIndex(line)
	if m == nil {
		return line, ""
	}
	return strings.TrimSpace(line[:m[0]] + " " + line[m[1]:]), line[m[2]:m[3]]
}

// introLine reports whether the first line of a message of several only
// opens the list below it ("mau ambil bahan bakso" / "daging giling 5 kg"
// / …): it names a kind with no quantity, and the lines below order.
func (e *Engine) introLine(read []act, below []string) bool {
	if len(read) != 1 || read[0].ev != EvItems || read[0].parsed == nil {
		return false
	}
	r := read[0].parsed
	if len(r.Items) > 0 || len(r.Questions) == 0 {
		return false
	}
	for _, q := range r.Questions {
		bare := q.Product == nil && len(q.Choices) == 0 // "arisan 40 orang": no goods at all
		if !bare && (q.Kind != parse.MissingQty && q.Kind != parse.Ambiguous || q.QtyText != "" || q.Qty > 0 || q.Amount > 0) {
			return false
		}
	}
	ordered := 0
	for _, ln := range below {
		if len(e.parser.Parse(ln).Items) > 0 {
			ordered++
		}
	}
	return ordered >= 2
}

// readCorrections reads a line of several comma-separated corrections
// ("eh berasnya 10 kg aja, minyaknya 1 liter, gulanya gak usah"): each part
// is read on its own once one part corrects a cart line.
func (e *Engine) readCorrections(c *Conversation, line string) ([]act, bool) {
	if len(c.Cart) == 0 || !strings.ContainsAny(line, ",;") || e.addressStart(line) >= 0 {
		return nil, false // "alamatnya salah, Jl. Cempaka no 16, bukan 10": about the address
	}
	if a, ok := e.readInstead(c, strings.ToLower(line)); ok {
		return []act{a}, true // "eh bukan bayam merah, bayam hijau maksudnya": one swap over the comma
	}
	if !removeCue.MatchString(line) && !changeCue.MatchString(line) && !strings.Contains(line, "nya") && !strings.Contains(line, "ganti") &&
		!strings.Contains(line, "yang") && !strings.Contains(line, "yg") && !strings.Contains(line, "aja") {
		return nil, false // no part of it can be a correction
	}
	parts := splitClauses(line)
	var acts []act
	found := false
	subject := -1 // a cart line named with no quantity: "cabenya kebanyakan, jadi 1/4"
	for _, p := range parts {
		body, fin := cutFinish(p)
		if w, rest := firstWord(strings.ToLower(body)); (w == "bukan" || w == "bkn") && rest != "" {
			if _, _, ok := e.bareQty(rest); ok {
				continue // "maksudnya 2 ons, bukan 2 kg": the amount said to undo it
			}
		}
		if qty, unit, ok := e.bareQty(body); ok && (subject >= 0 || len(acts) > 0 && acts[len(acts)-1].ev == EvChange) {
			// The quantity of the line just named or changed.
			if subject >= 0 {
				if q, note := e.questionQty(Question{Qty: qty, Unit: unit}, e.bySKU[c.Cart[subject].SKU]); note == "" && q > 0 {
					acts = append(acts, act{ev: EvChange, sku: c.Cart[subject].SKU, qty: q, text: body})
					found, subject = true, -1
				}
			} else if a := &acts[len(acts)-1]; a.amount == 0 {
				if q, note := e.questionQty(Question{Qty: qty, Unit: unit}, e.bySKU[firstNonEmpty(a.swap, a.sku)]); note == "" && q > 0 {
					a.qty = q // "brokolinya ganti buncis, setengah kilo juga"
				}
			}
		} else if i := e.namedCartLine(c, body); i >= 0 {
			subject = i
		} else if a, ok := e.readCorrection(c, body); ok {
			acts = append(acts, a)
			found = true
		} else if strings.TrimSpace(body) != "" && !onlyCues(body) {
			if w, rest := firstWord(body); found && (w == "ganti" || w == "diganti" || w == "gantinya" || w == "gantiin") && rest != "" {
				body = rest // "…ga usah, ganti semangka 2 kg aja": what comes instead
			}
			for _, a := range e.readLine(&Conversation{State: c.State, Data: Data{LastAsked: c.LastAsked}}, body) {
				if found && namesKeptLine(c, a) {
					continue // "mangganya ga usah deh, apel aja": the apple already there stays
				}
				acts = append(acts, a)
			}
		}
		if fin {
			acts = append(acts, act{ev: EvFinish})
		}
	}
	return removedThenSwapped(acts), found
}

// namesKeptLine reports whether a read names, with no amount, only goods
// of which exactly one cart line is a kind: what the buyer keeps.
func namesKeptLine(c *Conversation, a act) bool {
	if a.ev != EvItems || a.parsed == nil || len(a.parsed.Items) > 0 || len(a.parsed.Questions) != 1 {
		return false
	}
	q := a.parsed.Questions[0]
	if q.QtyText != "" || q.Qty > 0 || q.Amount > 0 {
		return false
	}
	kept := 0
	if q.Product != nil && inCart(c, q.Product.SKU) {
		kept++
	}
	for _, p := range q.Choices {
		if inCart(c, p.SKU) {
			kept++
		}
	}
	return kept == 1
}

// removedThenSwapped folds "gk jd kangkung, ganti bayam hijau 1 ikat aja"
// — the line removed, then the same line swapped — into the swap alone:
// the removal must not leave the swap nothing to replace.
func removedThenSwapped(acts []act) []act {
	for k := 1; k < len(acts); k++ {
		if acts[k-1].ev == EvRemove && acts[k].ev == EvChange && acts[k].swap != "" && acts[k].sku == acts[k-1].sku {
			acts = append(acts[:k-1], acts[k:]...)
			k--
		}
	}
	return acts
}

// bareQty reads a clause that is only a quantity ("jadi 1/4 aja",
// "setengah kilo juga"): no product named.
func (e *Engine) bareQty(clause string) (catalog.Qty, string, bool) {
	text := changeCue.ReplaceAllString(strings.ToLower(clause), " ")
	for {
		// "sama 1 kg", "tetep 10 kg": the same quantity, said again.
		w, rest := firstWord(text)
		if w != "sama" && w != "tetep" && w != "tetap" && w != "juga" || rest == "" {
			break
		}
		text = rest
	}
	qty, unit, ok := parse.ParseQuantity(text)
	if !ok {
		return 0, "", false
	}
	r := e.parser.Parse(text)
	if len(r.Items) > 0 || len(r.Unknown) > 0 {
		return 0, "", false
	}
	for _, q := range r.Questions {
		if q.Product != nil || len(q.Choices) > 0 {
			return 0, "", false // "minyaknya 1 liter": a product, even unsure
		}
	}
	return qty, unit, true
}

// namedCartLine is the cart line a clause names as its subject with no
// quantity and no cue of its own ("cabenya kebanyakan"), or -1.
func (e *Engine) namedCartLine(c *Conversation, clause string) int {
	s := strings.ToLower(strings.TrimSpace(clause))
	if !strings.Contains(s, "nya") || removeCue.MatchString(s) || changeCue.MatchString(s) || addCue.MatchString(s) {
		return -1
	}
	if strings.ContainsAny(s, "0123456789") {
		return -1
	}
	for _, w := range strings.Fields(s) {
		if _, _, ok := parse.ParseQuantity(w); ok {
			return -1 // "minyaknya sekilo": a quantity said
		}
	}
	for _, w := range strings.Fields(s) {
		if _, ok := nyaBase(w); ok {
			if i := e.findCartLine(c, w); i >= 0 {
				return i
			}
		}
	}
	return -1
}

// splitClauses splits at commas and semicolons, but not inside a decimal
// ("1,5 kg").
func splitClauses(line string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] != ',' && line[i] != ';' {
			continue
		}
		if line[i] == ',' && i > 0 && i+1 < len(line) && line[i-1] >= '0' && line[i-1] <= '9' && line[i+1] >= '0' && line[i+1] <= '9' {
			continue
		}
		parts = append(parts, line[start:i])
		start = i + 1
	}
	return append(parts, line[start:])
}

// readItems runs the product parser on what is left of a line.
func (e *Engine) readItems(c *Conversation, text string, hasClauses bool) (act, bool) {
	if c.State == StateAddress && !hasClauses && e.isPlace(text) {
		return act{}, false
	}
	text = e.withoutCorrectedItem(withoutCorrectedQty(text))
	r := e.parser.Parse(text)
	r.Questions = withoutUnitTalk(r.Questions, text)
	r.Items = withoutSaidTwice(r.Items, text)
	r.Unknown = withoutPeople(r.Unknown)
	if len(r.Unknown) > 0 && len(r.Items) == 0 {
		// "kacang tanah ada gak? 1/2 kilo": the amount is of the goods not
		// sold here, not of something still to name.
		r.Questions = withoutBareQty(r.Questions)
	}
	if r.PriceQuery || (len(r.Items) > 0 || len(r.Questions) > 0) && asksPrice(text) || asksAbout(text, r) {
		return act{ev: EvQuestion, kind: "price", text: text, parsed: &r}, true
	}
	if (len(r.Items) > 0 || len(r.Questions) > 0) && asksIfSold(text) {
		// "bisa beli cabe keriting 1 ons aja?": a question, answered with
		// the price; the order comes after.
		return act{ev: EvQuestion, kind: "price", text: text, parsed: &r}, true
	}
	if len(r.Items) > 0 || len(r.Questions) > 0 || r.TooLong {
		return act{ev: EvItems, parsed: &r, text: text}, true
	}
	if len(r.Unknown) > 0 && looksLikeOrder(text) && c.State != StateAddress && c.State != StateName {
		return act{ev: EvItems, parsed: &r, text: text}, true
	}
	return act{}, false
}

// midCorrectionRe is a buyer correcting themselves inside one message:
// "ayam kampung satu ekor eh bukan ayam potong satu ekor".
var midCorrectionRe = regexp.MustCompile(`(?i)\b(?:eh+|e)\s*,?\s+(?:bukan|bkn|salah|maksudnya|maksud saya|ralat)\b\s*,?\s*`)

// withoutCorrectedItem drops the item a buyer takes back in the same
// breath: the last item before "eh bukan" goes when an item follows it.
func (e *Engine) withoutCorrectedItem(text string) string {
	if !hasAny(strings.ToLower(text), "bukan", "bkn", "salah", "maksud", "ralat") {
		return text
	}
	m := midCorrectionRe.FindStringIndex(text)
	if m == nil || m[0] == 0 {
		return text
	}
	left, right := text[:m[0]], text[m[1]:]
	if rr := e.parser.Parse(right); len(rr.Items) == 0 {
		return text // "… eh bukan gitu": nothing said instead
	}
	lr := e.parser.Parse(left)
	if len(lr.Items) == 0 {
		return text
	}
	said := lr.Items[len(lr.Items)-1].Said
	i := strings.LastIndex(strings.ToLower(left), strings.ToLower(said))
	if said == "" || i < 0 {
		return text
	}
	return strings.TrimSpace(left[:i]) + " " + right
}

// withoutSaidTwice keeps one of the same words for the same item said
// twice in a line ("ikan nila satu kilo ikan nila satu kilo ya nak": said
// again to be sure), unless the line says it is more ("… lagi", "tambah").
func withoutSaidTwice(items []parse.Item, text string) []parse.Item {
	twice := false
	for i := 1; i < len(items) && !twice; i++ {
		for _, prev := range items[:i] {
			twice = twice || prev.SKU == items[i].SKU
		}
	}
	if !twice || addCue.MatchString(strings.ToLower(text)) {
		return items // most lists: no product twice, nothing built
	}
	keep := make([]parse.Item, 0, len(items))
	for _, it := range items {
		dup := false
		for _, prev := range keep {
			if prev.SKU == it.SKU && prev.Qty == it.Qty && prev.Amount == it.Amount && strings.EqualFold(prev.Said, it.Said) {
				dup = true
			}
		}
		if !dup {
			keep = append(keep, it)
		}
	}
	return keep
}

// withoutPeople drops the "unknown goods" that are people the order is
// for ("tetangga", "mertua saya"): no trader reads them as goods.
func withoutPeople(us []parse.Unknown) []parse.Unknown {
	keep := us[:0]
	for _, u := range us {
		if fs := strings.Fields(strings.ToLower(u.Said)); len(fs) > 0 && (onlyTitles(fs) || onlyOrderTalk(fs)) {
			continue
		}
		keep = append(keep, u)
	}
	return keep
}

// orderTalkWords say how to take an order or why it was mistyped, never
// what to buy: "bisa order lagi terpisah?", "*bayam 😅 autocorrect".
var orderTalkWords = set("terpisah", "dipisah", "pisah", "dipisahin", "masing2", "masing-masing", "autocorrect", "autokoreksi", "autocorect", "typo", "tipo")

func onlyOrderTalk(fs []string) bool {
	for _, f := range fs {
		if !orderTalkWords[strings.Trim(f, "?!.,*")] && !notNameWords[f] {
			return false
		}
	}
	return true
}

// withoutUnitTalk drops a "what is it for?" question about a unit said
// with no number and no product ("oh per kilo ya"): the buyer is taking in
// how a thing is sold, not ordering.
func withoutUnitTalk(qs []parse.Question, text string) []parse.Question {
	keep := qs[:0]
	for _, q := range qs {
		qt := strings.ToLower(strings.TrimSpace(q.QtyText))
		if q.Product == nil && len(q.Choices) == 0 && (strings.HasPrefix(qt, "per ") || (qt == "satu" || qt == "1") && oneMoreRe.MatchString(text)) {
			continue
		}
		keep = append(keep, q)
	}
	return keep
}

// withoutBareQty drops the questions about an amount said with no product.
func withoutBareQty(qs []parse.Question) []parse.Question {
	keep := qs[:0]
	for _, q := range qs {
		if isBareQty(q) {
			continue
		}
		keep = append(keep, q)
	}
	return keep
}

// oneMoreRe is "oh iya satu lagi": one more thing to say, not one of
// something.
var oneMoreRe = regexp.MustCompile(`(?i)(?:^|[\s,.])(?:satu|1)\s+(?:lagi|lg)\s*(?:[,.!]|$)`)

// qtyCorrectionRe is a buyer taking back the amount they just typed:
// "ikan nila 1 kg eh setengah aja deh", "jahe 50 gr eh 1 ons".
var qtyCorrectionRe = regexp.MustCompile(`(?i)\s*,?\s+(?:eh+ salah|eh+ maksudnya|eh+ ralat|eh+ bukan|eh+ bkn|eh+|e|maksudnya|ralat)\s*,?\s+`)

// withoutCorrectedQty keeps the second amount of "X 1 kg eh setengah
// aja": the line is X with the amount said last.
func withoutCorrectedQty(text string) string {
	if !hasAny(strings.ToLower(text), " e", "maksud", "ralat") {
		return text // most lines: no correction cue, no expression run
	}
	m := qtyCorrectionRe.FindStringIndex(text)
	if m == nil || m[0] == 0 {
		return text
	}
	left, right := text[:m[0]], text[m[1]:]
	rf := strings.Fields(right)
	// The new amount opens what follows the cue ("setengah kilo aja terus
	// kelapa tua 1 butir"): its longest first words that are an amount,
	// ended by the line, a filler or a joining word.
	n := 0
	for k := min(3, len(rf)); k >= 1; k-- {
		if _, _, ok := parse.ParseQuantity(strings.Join(rf[:k], " ")); ok && (k == len(rf) || amountEnds(rf[k])) {
			n = k
			break
		}
	}
	if n == 0 {
		return text
	}
	newQty := strings.Join(rf[:n], " ")
	after := rf[n:]
	for len(after) > 0 && (fillerTail[strings.ToLower(after[0])] || saidFiller[strings.ToLower(after[0])]) {
		after = after[1:]
	}
	lf := strings.Fields(left)
	for k := min(3, len(lf)-1); k >= 1; k-- {
		tail := strings.Join(lf[len(lf)-k:], " ")
		_, _, whole := parse.ParseQuantity(tail)
		_, _, opens := parse.ParseQuantity(lf[len(lf)-k]) // "satu kilo", "1 kg": not "sapi satu kilo"
		if whole && opens {
			out := strings.Join(lf[:len(lf)-k], " ") + " " + newQty
			if len(after) > 0 {
				out += ", " + strings.Join(after, " ")
			}
			return out
		}
	}
	return text
}

// amountEnds reports whether a word after an amount closes it: a filler
// or a word that joins the next item.
func amountEnds(w string) bool {
	w = strings.ToLower(strings.Trim(w, ",."))
	return fillerTail[w] || saidFiller[w] || w == "terus" || w == "trus" || w == "sama" || w == "dan" || w == "lalu" || w == "abis" || w == "habis"
}

// saidFiller closes a corrected amount without being part of it.
var saidFiller = set("aja", "saja", "aj", "ja", "deh", "dah", "ya", "yah", "dong", "bu", "kak", "mbak", "mba", "pak", "mas", "sih", "wae", "mawon", "haja")

// referBareQty gives a quantity said with no product ("1 kg ya, sama
// udang 1/2") to the one product the buyer just asked about, instead of
// asking what it is for.
func (e *Engine) referBareQty(c *Conversation, r *parse.Result) {
	if c.LastAsked == "" || strings.Contains(c.LastAsked, "|") {
		return
	}
	p, ok := e.bySKU[c.LastAsked]
	if !ok {
		return
	}
	for i, q := range r.Questions {
		if q.Kind != parse.MissingQty || q.Product != nil || len(q.Choices) > 0 || q.QtyText == "" {
			continue
		}
		qty, unit, ok := parse.ParseQuantity(q.QtyText)
		if !ok {
			continue
		}
		conv, note := e.questionQty(Question{Qty: qty, Unit: unit}, p)
		if note != "" || conv <= 0 {
			continue
		}
		r.Questions = append(r.Questions[:i:i], r.Questions[i+1:]...)
		r.Items = append([]parse.Item{{SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: conv}}, r.Items...)
		return // one quantity is the referent's; another would be a guess
	}
}

// namesProduct reports whether s names a product of the catalog.
func (e *Engine) namesProduct(s string) bool {
	r := e.parser.Parse(s)
	return len(r.Items) > 0 || len(r.Questions) > 0 && r.Questions[0].Product != nil
}

// mentionsProduct reports whether s names any product, even one it leaves
// open ("jeruknya": which jeruk is asked, but it is not the apple).
func (e *Engine) mentionsProduct(s string) bool {
	r := e.parser.Parse(s)
	if len(r.Items) > 0 {
		return true
	}
	for _, q := range r.Questions {
		if q.Product != nil || len(q.Choices) > 0 {
			return true
		}
	}
	return false
}

// ordersProduct reports whether s surely names a product (an item, not a
// guess to ask about): "mas agus" is a name, "mas 1 kg" is not.
func (e *Engine) ordersProduct(s string) bool {
	return len(e.parser.Parse(s).Items) > 0
}

var lineBreaks = strings.NewReplacer("\u2028", "\n", "\u2029", "\n", "\u0085", "\n", "\r\n", "\n", "\r", "\n")

// splitSentences splits lines at sentence stops (". ", "? ", "! ") that
// do not end an abbreviation ("Jl.", "no.", "Gg.") or a number: "kok
// mahal ya. gak jadi deh" is two things said.
func splitSentences(lines []string) []string {
	var out []string
	for _, ln := range lines {
		start := 0
		for i := 0; i+1 < len(ln); i++ {
			if (ln[i] != '.' && ln[i] != '?' && ln[i] != '!') || ln[i+1] != ' ' {
				continue
			}
			j := strings.LastIndexAny(ln[:i], " ,") + 1
			if w := strings.ToLower(ln[j:i]); ln[i] == '.' && (len(w) <= 1 && !(w >= "0" && w <= "9") || abbreviations[w] && !(titles[w] && !nextIsCapital(ln[i+1:]))) {
				continue
			}
			if part := strings.TrimSpace(ln[start : i+1]); part != "" {
				out = append(out, part)
			}
			start = i + 1
		}
		if part := strings.TrimSpace(ln[start:]); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// abbreviations end with a stop that does not end a sentence.
var abbreviations = set("jl", "jln", "gg", "no", "rt", "rw", "kel", "kec", "komp", "perum", "blok", "ds", "dr", "hj", "bpk", "ibu", "bu",
	"pak", "sdr", "ny", "tn", "a.n", "an", "kab", "prov", "kav", "lt", "km", "st", "mt", "dll", "dsb", "spt", "yth")

// titles end with a stop only before a name ("Bu. Ani"); "ambil 1 kg ya
// bu. sama udang" ends a sentence. Written abbreviations ("hj.", "bpk.",
// "dr.") never end one: "ibu hj. salmah" is one name.
var titles = set("ibu", "bu", "pak")

// nextIsCapital reports whether the next word starts with a capital.
func nextIsCapital(s string) bool {
	s = strings.TrimLeft(s, " ")
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// splitLines splits a message into its non-empty lines.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// looksLikeOrder is true for texts that read like an attempt to order
// something the catalog does not know ("pesan durian 2"), so the buyer gets
// suggestions instead of the generic help.
func looksLikeOrder(text string) bool {
	s := strings.ToLower(text)
	for _, w := range []string{"pesan", "beli", "mau", "order", "minta", "ada", "kg", "kilo", "ons", "ikat", "ekor", "biji"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return strings.IndexAny(s, "0123456789") >= 0
}
