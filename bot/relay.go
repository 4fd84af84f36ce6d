package bot

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"pasarbot/orders"
)

// Text written by one party and shown to another (notes, names, addresses,
// PESAN relays, WhatsApp profile names) goes through here, so it can never
// pass for the bot's own lines: one line, no bidirectional controls, no
// WhatsApp formatting, bounded, and — where it lands inside a card —
// visibly quoted as the writer's words.

// maxRelayRunes bounds one relayed piece of text.
const maxRelayRunes = 300

// formatLookalikes keeps WhatsApp's formatting markers readable but inert:
// *bold*, _italic_, ~strike~ and `mono` need the ASCII characters.
var formatLookalikes = strings.NewReplacer(
	"*", "∗", // U+2217
	"_", "ˍ", // U+02CD
	"~", "∼", // U+223C
	"`", "ˋ", // U+02CB
	"“", "\"", "”", "\"", // a quote inside cannot close ours
)

// oneLine makes relayed text safe to embed: every line or paragraph
// separator (\n, \r, \v, \f, U+0085, U+2028, U+2029) becomes a space,
// bidirectional controls and other invisible format characters are
// dropped, formatting markers are neutralized, spaces collapse, and the
// text is cut at maxRunes runes with "…".
func oneLine(s string, maxRunes int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "�")
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case isLineBreak(r):
			b.WriteByte(' ')
		case isBidiControl(r):
		case r == '\u200d' || r == '\ufe0f' || r == '\ufe0e':
			b.WriteRune(r) // emoji joiners and variation selectors stay
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
		default:
			b.WriteRune(r)
		}
	}
	out := strings.Join(strings.Fields(formatLookalikes.Replace(b.String())), " ")
	if maxRunes > 0 && utf8.RuneCountInString(out) > maxRunes {
		rs := []rune(out)
		out = strings.TrimSpace(string(rs[:maxRunes-1])) + "…"
	}
	return out
}

// quoted is oneLine inside typographic quotes: “the buyer's words”.
func quoted(s string) string {
	s = oneLine(s, maxRelayRunes)
	if s == "" {
		return ""
	}
	return "“" + s + "”"
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029', '\u001c', '\u001d', '\u001e':
		return true
	}
	return false
}

// isBidiControl: embeddings and overrides U+202A–U+202E, isolates
// U+2066–U+2069, marks U+200E/U+200F and U+061C.
func isBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' ||
		r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// publicArea is what seller groups and the whole courier group see of
// where an order goes, before a courier claims it: the configured delivery
// zone, else "area tidak dikenal" (with the distance when a shared pin gave
// one). Never the buyer's free text: the last part of an address is as
// likely "HP 0812…" as a kelurahan.
func (e *Engine) publicArea(o *orders.Order) string {
	q := e.set.Fees.Quote(o.Address, o.Lat, o.Lng, o.HasPin)
	switch {
	case q.Zone != "" && q.Keyword != "":
		// The configured keyword that matched (a kelurahan), in its zone.
		return oneLine(titleWords(q.Keyword)+" ("+q.Zone+")", 80)
	case q.Zone != "":
		return oneLine(q.Zone, 80)
	case q.ByPin:
		return e.t("area_unknown_km", fmt.Sprintf("%.1f", q.Km))
	}
	return e.t("area_unknown")
}

// titleWords capitalizes each word: "jekan raya" → "Jekan Raya".
func titleWords(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}
