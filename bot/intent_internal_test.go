package bot

import "testing"

// Filler comes off the end before the front: "udah kak" is a finish.
func TestIsPhraseStripsFiller(t *testing.T) {
	for _, s := range []string{"udah kak", "udah", "eh udah kak", "ok itu aja kak", "sampun mbak", "kak udah"} {
		if !isPhrase(finishWords, s) {
			t.Errorf("isPhrase(finishWords, %q) = false", s)
		}
	}
	for _, s := range []string{"kak", "udah tambah tomat", "belum"} {
		if isPhrase(finishWords, s) {
			t.Errorf("isPhrase(finishWords, %q) = true", s)
		}
	}
}

func TestIsYesWords(t *testing.T) {
	for _, s := range []string{"muhun leres", "nggih leres kak", "ok sip", "iya benar", "ya", "iye' betul mi, kirim mi", "nggih leres, matur nuwun", "okeee", "iyaaa bener", "siiiap kak"} {
		if !isYes(s) {
			t.Errorf("isYes(%q) = false", s)
		}
	}
	for _, s := range []string{"ya tapi tomatnya 2", "ga", "iya ga", "iya tomat"} {
		if isYes(s) {
			t.Errorf("isYes(%q) = true", s)
		}
	}
}

func TestSqueezeRepeats(t *testing.T) {
	for in, want := range map[string]string{"okeee": "oke", "siiiap": "siap", "sipp": "sipp", "iyaa": "iyaa", "yaaaa": "ya", "ok": "ok", "": ""} {
		if got := squeezeRepeats(in); got != want {
			t.Errorf("squeezeRepeats(%q) = %q, want %q", in, got, want)
		}
	}
}
