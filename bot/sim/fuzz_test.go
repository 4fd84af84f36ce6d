package sim_test

import (
	"errors"
	"strings"
	"testing"

	"pasarbot/bot/sim"
)

// FuzzParseScript: any text gives a script or a line-numbered error, never
// a panic.
func FuzzParseScript(f *testing.F) {
	f.Add("@clock 2026-11-25 06:30\n6281234567001: pesan cabe 1/4\n  lanjut\n@expect 6281234567001 ~ Rp\n")
	f.Add("sayur/6282200000001: OK $LAST\n@advance 45m\n# komentar\n")
	f.Add("@foo\n@clock 25:99\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, err := sim.Parse("f.txt", strings.NewReader(s))
		if err == nil {
			return
		}
		var pe *sim.ParseError
		if errors.As(err, &pe) && !strings.HasPrefix(err.Error(), "f.txt:") {
			t.Fatalf("error without file and line: %v", err)
		}
	})
}
