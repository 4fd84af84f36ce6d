package parse_test

import "testing"

// Grammar words the seventh dialog batch used: Dayak Ngaju "tuntang"
// (and) and "iyoh" (yes), Makassar "ma'", chat "trs" (terus).
func TestDialogGrammarWords(t *testing.T) {
	p := defaultParser()
	for text, w := range map[string]want{
		"ikan nila 1 kilo tuntang tomat 1 kilo":     items("ikan-nila 1", "tomat 1"),
		"iyoh, aku handak tomat 1 kilo":             items("tomat 1"),
		"ambil ma' 1 kilo tomat":                    items("tomat 1"),
		"ikn nila 1kg trs kunyit 1ons":              items("ikan-nila 1", "kunyit 0.1"),
		"kangkung due ikat, daun singkong ije ikat": items("kangkung 2", "daun-singkong 1"),
	} {
		w.check(t, p, text)
	}
}
