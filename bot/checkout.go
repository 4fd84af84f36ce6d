package bot

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// actChooseAntar records delivery by courier.
func (e *Engine) actChooseAntar(b *buyerTurn) error {
	if b.conv.Delivery == orders.Antar && b.began == StateConfirm {
		return nil // "saya setuju. Tolong dikirim hari ini juga": as the summary says
	}
	if b.act.kind == "same_address" && b.conv.Address == "" && b.conv.LastAddress != "" {
		return e.actUseLastAddress(b) // "ke alamat yg tadi ya": the one of the last order, no need to ask
	}
	b.conv.Delivery = orders.Antar
	return e.formMoved(b)
}

// actChooseAmbil records self pickup, where the market offers it.
func (e *Engine) actChooseAmbil(b *buyerTurn) error {
	if !e.set.SelfPickup {
		b.conv.Delivery = orders.Antar
		b.note(e.t("no_self_pickup"))
		return e.formMoved(b)
	}
	b.conv.Delivery = orders.Ambil
	b.conv.Ongkir = 0
	return e.formMoved(b)
}

// formMoved marks a checkout slot filled: with items in the cart, the buyer
// is done adding (a delivery choice or an address after the items means
// "that's all").
func (e *Engine) formMoved(b *buyerTurn) error {
	b.changed = true
	if len(b.conv.Cart) > 0 && !b.unsure {
		b.conv.Ready = true
		return e.fillName(b)
	}
	if len(b.conv.Cart) == 0 && len(b.conv.Questions) == 0 {
		// Said before any item, or after an order went out.
		o, err := e.recentOrder(b)
		if err != nil {
			return err
		}
		if o != nil {
			b.note(e.t("order_already_sent", o.Code))
		} else if slices.Contains(b.notes, e.t("noted_what_to_order")) || slices.Contains(b.notes, e.t("noted_ongkir_what_to_order", catalog.Rupiah(b.conv.Ongkir))) {
			// Said once for the message ("kirim … ke nenek sy di tangkiling":
			// a delivery choice and an address).
		} else if b.conv.Delivery != orders.Ambil && b.conv.Address != "" && b.conv.Ongkir > 0 {
			// The address before the items: what delivery there costs is the
			// first thing a buyer weighs ("gpp ongkirnya segitu").
			b.note(e.t("noted_ongkir_what_to_order", catalog.Rupiah(b.conv.Ongkir)))
		} else {
			b.note(e.t("noted_what_to_order"))
		}
	}
	return nil
}

func (e *Engine) actChooseDelivery(b *buyerTurn) error {
	switch b.act.num {
	case 1:
		return e.actChooseAntar(b)
	case 2:
		return e.actChooseAmbil(b)
	}
	b.note(e.t("choose_number", 2))
	return nil
}

// actTakeAddress keeps an address: a new street replaces the old one; a
// piece without a street (RT, kelurahan) completes the one given before.
func (e *Engine) actTakeAddress(b *buyerTurn) error {
	text := strings.TrimSpace(b.act.text)
	if text == "" {
		text = strings.TrimSpace(b.in.Text)
	}
	name, addr := splitNameAddress(text, e.set.Fees.Zones...)
	addr = e.withoutDeniedZone(addr)
	if name != "" {
		b.conv.Name = name
	}
	if low := strings.ToLower(addr); strings.Contains(low, "kemarin") || strings.Contains(low, "kemaren") || strings.Contains(low, "yang biasa") || strings.Contains(low, "alamat biasa") || strings.Contains(low, "yang lama") {
		if b.conv.LastAddress != "" {
			return e.actUseLastAddress(b)
		}
	}
	if b.conv.Address != "" && e.continuesAddress(b.conv.Address, addr, text) {
		addr = b.conv.Address + ", " + addr
	}
	if len([]rune(addr)) < 5 {
		b.note(e.t("address_too_short"))
		return nil
	}
	b.conv.Address = addr
	if b.conv.Delivery == "" || b.conv.Delivery == orders.Ambil && b.conv.State == StateAddress {
		b.conv.Delivery = orders.Antar
	}
	e.quote(b)
	return e.formMoved(b)
}

// deniedRe is "bukan langkai," inside an address: the area the buyer
// takes back.
var deniedRe = regexp.MustCompile(`(?i)\bbukan\s+(?:di\s+)?([a-z]+)\s*[,.]?\s*`)

// withoutDeniedZone drops "bukan <zone>" from an address ("bukan langkai,
// panarung"), so the fee is quoted for the area meant.
func (e *Engine) withoutDeniedZone(addr string) string {
	return strings.TrimLeft(deniedRe.ReplaceAllStringFunc(addr, func(m string) string {
		if e.hasZone(deniedRe.FindStringSubmatch(m)[1]) {
			return ""
		}
		return m
	}), " ,")
}

// continuesAddress reports whether an address piece completes the address
// given before ("Jl. Tjilik Riwut km 8" → "gg. Sawit no 21" → "Bukit
// Tunggal") rather than replacing it: it does unless it names a main
// street of its own while the old one has one too, or says it corrects
// ("eh salah, alamatnya …").
func (e *Engine) continuesAddress(old, piece, said string) bool {
	if changeCue.MatchString(strings.ToLower(said)) || strings.HasPrefix(strings.ToLower(strings.TrimSpace(said)), "alamat") {
		return false
	}
	return !(mainStreet(piece) && mainStreet(old))
}

// mainStreet reports whether an address names a main street or estate
// (jl., perum, komplek …), not only a lane, a number or an area.
func mainStreet(addr string) bool {
	for _, w := range strings.Fields(strings.ToLower(addr)) {
		w = strings.Trim(w, ".,:;")
		if mainStreetWords[w] || strings.HasPrefix(w, "jl.") {
			return true
		}
	}
	return false
}

var mainStreetWords = set("jl", "jln", "jalan", "perum", "perumahan", "komplek", "komp", "kompleks", "asrama", "wisma", "griya", "apartemen")

// actTakeName keeps the recipient's name.
func (e *Engine) actTakeName(b *buyerTurn) error {
	name := strings.TrimSpace(b.act.text)
	if name == "" {
		return nil
	}
	if _, n := cutName(name); n != "" {
		name = n
	}
	b.conv.Name = cleanName(name)
	b.changed = true
	if len(b.conv.Cart) == 0 && len(b.conv.Questions) == 0 {
		b.note(e.t("name_noted", b.conv.Name))
	}
	if len(b.conv.Cart) > 0 && b.conv.Delivery != "" && !b.unsure {
		// "nama saya Hendra" after the items, pickup chosen before: the
		// buyer is checking out; the summary comes next.
		b.conv.Ready = true
	}
	return nil
}

func (e *Engine) actUseLastAddress(b *buyerTurn) error {
	if b.conv.LastAddress == "" {
		b.note(e.t("ask_address"))
		return nil
	}
	b.conv.Address, b.conv.Pin = b.conv.LastAddress, b.conv.LastPin
	if b.conv.Name == "" || b.conv.Name == b.conv.PushName {
		b.conv.Name = firstNonEmpty(b.conv.LastName, b.conv.Name)
	}
	b.conv.Delivery = orders.Antar
	e.quote(b)
	return e.formMoved(b)
}

func (e *Engine) actAskNewAddress(b *buyerTurn) error {
	b.conv.LastAddress = "" // asked for a new one; keep asking plainly
	return nil
}

func (e *Engine) actTakePin(b *buyerTurn) error {
	b.conv.Pin = b.in.Location
	if b.conv.Delivery == "" {
		b.conv.Delivery = orders.Antar
	}
	b.note(e.t("pin_received"))
	if b.conv.Address != "" {
		e.quote(b)
	}
	return e.formMoved(b)
}

// actChoosePayment keeps the buyer's payment method (COD or QRIS).
func (e *Engine) actChoosePayment(b *buyerTurn) error {
	if !e.accepts(b.act.text) {
		b.note(e.paymentQuestion())
		return nil
	}
	b.conv.Payment = b.act.text
	b.changed = true
	return nil
}

// actReopenForm: "tidak" to the summary. The buyer says what to change.
func (e *Engine) actReopenForm(b *buyerTurn) error {
	b.conv.Ready = false
	b.note(e.t("what_to_change"))
	return nil
}

// quote prices delivery for the address (or pin) given.
func (e *Engine) quote(b *buyerTurn) {
	var lat, lng float64
	pin := b.conv.Pin != nil
	if pin {
		lat, lng = b.conv.Pin.Lat, b.conv.Pin.Lng
	}
	q := e.set.Fees.Quote(b.conv.Address, lat, lng, pin)
	if q.TooFar {
		b.note(e.t("too_far", fmt.Sprintf("%.1f", q.Km)))
		b.conv.Address, b.conv.Pin = "", nil
		return
	}
	b.conv.Ongkir = q.Fee
	b.conv.Zone = q.Zone
	b.conv.Area = areaOf(b.conv.Address, q)
}

// areaOf is what traders see of the address: the zone, else the last part
// of the address (usually the kelurahan), never the street and number.
func areaOf(address string, q orders.Quote) string {
	parts := strings.Split(address, ",")
	last := strings.TrimSpace(parts[len(parts)-1])
	if len(parts) == 1 {
		fs := strings.Fields(last)
		if len(fs) > 0 {
			last = fs[len(fs)-1]
		}
	}
	if q.Zone != "" {
		return last + " (" + q.Zone + ")"
	}
	if q.ByPin {
		return fmt.Sprintf("%s (±%.1f km)", last, q.Km)
	}
	return last
}

// splitNameAddress reads "Bu Rina, Jl. Melati 5, Langkai" and "Jl. Melati
// 5 Langkai, Bu Rina" as a name and an address; text without a name is all
// address. A name is an honorific and a word or two ("Bu Rina"), or a
// capitalized word or two before a street.
func splitNameAddress(s string, zones ...orders.Zone) (string, string) {
	s = strings.ReplaceAll(s, "\n", ", ")
	if rest, name := cutName(s); name != "" {
		return name, strings.Trim(strings.TrimSpace(rest), ", ")
	}
	parts := splitAddressParts(s)
	if len(parts) < 2 {
		return "", strings.TrimSpace(s)
	}
	first, last := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[len(parts)-1])
	switch {
	case looksLikeName(first) || capitalizedName(first) && !zoneWord(first, zones):
		return first, strings.Trim(strings.TrimSpace(strings.Join(parts[1:], ", ")), ", ")
	case looksLikeName(last):
		return last, strings.Trim(strings.TrimSpace(strings.Join(parts[:len(parts)-1], ", ")), ", ")
	case len(parts) >= 3 && bareName(last) && !zoneWord(last, zones) && hasZoneWord(parts[len(parts)-2], zones):
		// "Jl. Beliang 6, Menteng, Rosmawati": a word after the area is
		// the name.
		return strings.TrimSpace(last), strings.Trim(strings.TrimSpace(strings.Join(parts[:len(parts)-1], ", ")), ", ")
	case len(parts) == 2 && bareName(last) && capitalizedName(strings.TrimSpace(last)) && !zoneWord(last, zones) && hasZoneWord(parts[0], zones):
		return strings.TrimSpace(last), strings.TrimSpace(parts[0])
	}
	return "", strings.TrimSpace(s)
}

// splitAddressParts splits at commas and at sentence stops (". " after a
// word longer than an abbreviation like "Jl." or "no.").
func splitAddressParts(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ',' || s[i] == ';':
		case s[i] == '.' && i+1 < len(s) && s[i+1] == ' ':
			j := strings.LastIndexAny(s[:i], " ,") + 1
			if w := strings.ToLower(s[j:i]); len(w) <= 3 || w == "komp" || w == "perum" || w == "kel" || w == "kec" {
				continue
			}
		default:
			continue
		}
		parts = append(parts, s[start:i])
		start = i + 1
	}
	parts = append(parts, s[start:])
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// zoneWord reports whether s is a delivery zone's keyword ("Langkai"),
// which is a place, not a name.
func zoneWord(s string, zones []orders.Zone) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, z := range zones {
		for _, k := range z.Keywords {
			if strings.ToLower(k) == s {
				return true
			}
		}
	}
	return false
}

// bareName is one or two words of letters: no digits, no address word.
func bareName(s string) bool {
	fs := strings.Fields(strings.ToLower(s))
	if len(fs) == 0 || len(fs) > 2 {
		return false
	}
	for _, f := range fs {
		if addressWords[strings.Trim(f, ".")] || notNameWords[f] {
			return false
		}
		for _, r := range f {
			if r < 'a' || r > 'z' {
				return false
			}
		}
	}
	return true
}

// hasZoneWord reports whether part ends in a delivery zone's keyword.
func hasZoneWord(part string, zones []orders.Zone) bool {
	low := strings.ToLower(strings.TrimSpace(part))
	for _, z := range zones {
		for _, k := range z.Keywords {
			if strings.HasSuffix(low, strings.ToLower(k)) {
				return true
			}
		}
	}
	return false
}

// capitalizedName is a one- or two-word name written with capitals
// ("Rina", "Agus Salim"), no digits.
func capitalizedName(s string) bool {
	fs := strings.Fields(s)
	if len(fs) == 0 || len(fs) > 2 || strings.ContainsAny(s, "0123456789") {
		return false
	}
	for _, f := range fs {
		if f[0] < 'A' || f[0] > 'Z' || addressWords[strings.ToLower(strings.Trim(f, "."))] {
			return false
		}
	}
	return true
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
