package catalog_test

import (
	"testing"

	"pasarbot/catalog"
)

func TestNormalizePhone(t *testing.T) {
	const want = "6281134567890"
	for _, in := range []string{
		"081134567890", "6281134567890", "+6281134567890", "+62 811-3456-7890", "+62 0811-3456-7890",
		"62 0811 3456 7890", "0811.3456.7890", "(0811) 3456-7890", "0062 811 3456 7890", "811 3456 7890",
	} {
		if got, ok := catalog.NormalizePhone(in); !ok || got != want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{
		"0211234567",     // Jakarta landline
		"+62 21 1234567", // landline with country code
		"0812",           // too short
		"08123456789012345",
		"0812-abc-7890",
		"",
	} {
		if got, ok := catalog.NormalizePhone(in); ok {
			t.Errorf("NormalizePhone(%q) = %q, want refused", in, got)
		}
	}
	if got, ok := catalog.NormalizePhone("+60 12-345 6789"); !ok || got != "60123456789" {
		t.Errorf("a Malaysian number: %q %v", got, ok)
	}
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"+62 0811-3456-7890", "0812", "0062 811", "+1 555 0100 2000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := catalog.NormalizePhone(s)
		if !ok {
			return
		}
		again, ok2 := catalog.NormalizePhone(p)
		if !ok2 || again != p {
			t.Fatalf("%q → %q is not stable (%q, %v)", s, p, again, ok2)
		}
		if len(p) > 2 && p[:2] == "62" && p[2] != '8' {
			t.Fatalf("%q → %q: not an Indonesian mobile number", s, p)
		}
	})
}
