package bot

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestOneLine(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"cabe\u2028Tagih COD: Rp0", "cabe Tagih COD: Rp0"},
		{"a\r\nb\u0085c\u2029d\ve\ff", "a b c d e f"},
		{"\u202eabc\u2066def\u2069\u200f", "abcdef"},
		{"*tebal* _miring_ ~coret~ `kode`", "∗tebal∗ ˍmiringˍ ∼coret∼ ˋkodeˋ"},
		{"kata “kutip” di dalam", "kata \"kutip\" di dalam"},
		{"👨\u200d👩\u200d👧 keluarga", "👨\u200d👩\u200d👧 keluarga"},
		{"  banyak    spasi  ", "banyak spasi"},
	} {
		if got := oneLine(tt.in, 0); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := oneLine(strings.Repeat("a", 500), 10); utf8.RuneCountInString(got) != 10 || !strings.HasSuffix(got, "…") {
		t.Errorf("cut = %q", got)
	}
	if got := quoted("halo"); got != "“halo”" {
		t.Errorf("quoted = %q", got)
	}
}

func FuzzOneLine(f *testing.F) {
	for _, s := range []string{"a\u2028b", "\u202e*x*", "“”", "\xff\xfe", strings.Repeat("ab\n", 200)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := oneLine(s, maxRelayRunes)
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > maxRelayRunes {
			t.Fatalf("%q → %q", s, got)
		}
		for _, r := range got {
			if isLineBreak(r) || isBidiControl(r) || unicode.IsControl(r) || strings.ContainsRune("*_~`", r) {
				t.Fatalf("%q → %q keeps %U", s, got, r)
			}
		}
	})
}
