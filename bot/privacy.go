package bot

import (
	"strings"
	"unicode"
)

// MaskPhone hides the middle of a phone number so logs and messages to third
// parties identify a person without exposing them:
// "6281234567001" → "62812****7001". It also takes WhatsApp JIDs
// ("6281234567001:12@s.whatsapp.net" → "62812****7001:12@s.whatsapp.net";
// hidden ids on "@lid" are masked the same way) and written forms such as
// "+62 812-3456-7001" (masked as digits). Group JIDs are not personal and are
// returned unchanged, except the creator's number inside an old-style
// "62812…-1600000000@g.us" id. Anything else is returned unchanged.
//
// The mask is always four stars, whatever the number's length, so the
// length does not leak either.
func MaskPhone(s string) string {
	if s == "" {
		return s
	}
	if at := strings.IndexByte(s, '@'); at >= 0 {
		user, server := s[:at], s[at:]
		switch server {
		case "@g.us":
			// Old group ids are "<creator phone>-<unix time>".
			if dash := strings.IndexByte(user, '-'); dash > 0 && allDigits(user[:dash]) {
				return maskDigits(user[:dash]) + user[dash:] + server
			}
			return s
		case "@s.whatsapp.net", "@c.us", "@lid", "@hosted", "@hosted.lid":
			// A device suffix (":12") or agent (".0:12") stays readable.
			end := strings.IndexAny(user, ".:")
			if end < 0 {
				end = len(user)
			}
			if !allDigits(user[:end]) {
				return s
			}
			return maskDigits(user[:end]) + user[end:] + server
		default:
			return s
		}
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' || r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return s // not a phone number
		}
	}
	if b.Len() == 0 {
		return s
	}
	return maskDigits(b.String())
}

// maskDigits keeps the first five digits (country and operator prefix) and
// the last four; short ids keep only their last two.
func maskDigits(d string) string {
	switch n := len(d); {
	case n >= 9:
		return d[:5] + "****" + d[n-4:]
	case n > 2:
		return "****" + d[n-2:]
	default:
		return "****"
	}
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// addressKeep is how many characters of an address MaskAddress shows.
const addressKeep = 8

// MaskAddress shortens a delivery address for logs: the first few
// characters with digits (house, RT/RW numbers) starred, then "…".
// "Jl. Kahayan No. 12, Palangka Raya" → "Jl. Kaha…". Enough to tell two
// orders apart while reading a log, too little to find the house.
func MaskAddress(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == addressKeep {
			b.WriteString("…")
			return b.String()
		}
		if unicode.IsDigit(r) {
			r = '*'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
