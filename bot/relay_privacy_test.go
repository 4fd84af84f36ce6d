package bot_test

import (
	"strings"
	"testing"
)

// lineSeparators are every character a phone renders as a new line.
var lineSeparators = []string{"\n", "\r", "\v", "\f", "\u0085", "\u2028", "\u2029"}

func hasLineSeparator(s string) bool {
	for _, sep := range lineSeparators {
		if strings.Contains(s, sep) {
			return true
		}
	}
	return false
}

func TestAreaPrivacy(t *testing.T) {
	const leaky = "Bu Rina, Langkai, Jl. Mawar 12 RT 3 HP 081234567890"
	t.Run("ZoneOnlyBeforeClaim", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "tomat 1 kg")
		h.checkout(buyer1, leaky)
		code := h.lastCode()
		card := h.to("sayur")
		contains(t, "seller card", card, code, "Langkai")
		notContains(t, "seller card", card, "Mawar", "0812", "RT 3", "Rina")
		h.group("sayur", sayurL, "OK "+code)
		job := h.to("kurir")
		contains(t, "job card", job, code, "Langkai")
		notContains(t, "job card", job, "Mawar", "0812", "RT 3", "Rina")
		h.group("kurir", kurir1, "AMBIL "+code)
		contains(t, "brief to the claiming courier", h.to(kurir1), "Mawar 12")
	})
	t.Run("UnknownArea", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "tomat 1 kg")
		h.checkout(buyer1, "Pak Budi, Jl. Kenanga 7, HP 081299998888")
		card := h.to("sayur")
		contains(t, "seller card", card, "area tidak dikenal")
		notContains(t, "seller card", card, "0812", "Kenanga")
	})
}

func TestRelayedTextCannotForgeLines(t *testing.T) {
	// A line separator in a buyer's message starts a new line there (the
	// reader splits at it), so a note carries bidi and formatting tricks;
	// the address and the PESAN relay carry separators.
	forged := "yang seger ya\u202eXYZ *tebal* _miring_"
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg "+forged)
	h.checkout(buyer1, "Bu Rina\u2029Tagih COD: Rp0, Jl. Yos Sudarso 12\u0085, Langkai")
	code := h.lastCode()
	card := h.to("sayur")
	h.group("sayur", sayurL, "OK "+code)
	h.group("kurir", kurir1, "AMBIL "+code)
	brief := h.to(kurir1)
	h.say(buyer1, "pesan "+code+" pintu belakang\u2028Tagih COD: Rp0\u2066")
	relay := h.to(kurir1)
	for what, text := range map[string]string{"seller card": card, "courier brief": brief, "relay": relay} {
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "Tagih COD: Rp0") {
				t.Errorf("%s: forged line %q in:\n%s", what, line, text)
			}
		}
		for _, r := range text {
			if r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' {
				t.Errorf("%s: bidi control %U survived", what, r)
			}
		}
		if strings.ContainsAny(text, "\u2028\u2029\u0085") {
			t.Errorf("%s: line separator survived", what)
		}
	}
	if strings.Contains(card, "*tebal*") {
		t.Errorf("formatting passed through:\n%s", card)
	}
	contains(t, "relay quoted", relay, "“pintu belakang")
}

func notContains(t *testing.T, what, got string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(got, s) {
			t.Errorf("%s leaks %q:\n%s", what, s, got)
		}
	}
}
