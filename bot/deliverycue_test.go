package bot

import (
	"bufio"
	"os"
	"path/filepath"
	"testing"
)

// deliveryCueLines are every line of the test data (dialogs, parser cases,
// scripts, markets) plus phrases that sit at the edges of the expressions.
func deliveryCueLines(t testing.TB) []string {
	lines := []string{
		"antar aja", "ANTAR", "tolong dikirimkan ke rumah", "ambil sendiri", "Saya ke pasar",
		"ga usah diantar", "nanti mampir", "pickup", "self pickup", "cod ke rumah", "diteraken",
		"nyandak sorangan", "mendhet piyambak", "njupuk dhewe", "jukut ae", "via ojol", "kurir",
		"tidak perlu kirim", "ke sana sendiri", "kesitu", "delivery", "dikintun", "diterke",
		"\u212a\u0131r\u0131m", "anтar", "cabe rawit 1/4", "",
	}
	err := filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// The cheap test never says no where a delivery expression matches, so
// cutDelivery gives the same answers with it as without it.
func TestDeliveryCuePrefilter(t *testing.T) {
	lines := deliveryCueLines(t)
	matched := 0
	for _, l := range lines {
		if antarRe.MatchString(l) || ambilRe.MatchString(l) {
			matched++
			if !mayNameDelivery(l) {
				t.Errorf("%q names a delivery choice but the prefilter skips it", l)
			}
		}
	}
	if matched < 50 {
		t.Fatalf("only %d of %d lines name a delivery choice: the test data did not load", matched, len(lines))
	}
	t.Logf("%d lines, %d name a delivery choice", len(lines), matched)
}

func FuzzDeliveryCuePrefilter(f *testing.F) {
	for _, l := range deliveryCueLines(f) {
		if len(l) < 200 {
			f.Add(l)
		}
	}
	f.Fuzz(func(t *testing.T, line string) {
		if (antarRe.MatchString(line) || ambilRe.MatchString(line)) && !mayNameDelivery(line) {
			t.Fatalf("%q names a delivery choice but the prefilter skips it", line)
		}
		if !mayNameDelivery(line) {
			if out, ev := cutDelivery(line); out != line || ev != "" {
				t.Fatalf("cutDelivery(%q) changed a line without a delivery word", line)
			}
		}
	})
}
