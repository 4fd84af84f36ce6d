package parse_test

import (
	"testing"

	"pasarbot/bot/parse"
)

// typical are order messages of one to five items, as they arrive.
var typical = []string{
	"gula 2",
	"pesan bawang merah 1/2 kg, cabe rawit seperempat, ayam potong 1 ekor",
	"mbak mau beli telur 1 kg sama minyakita 2 liter",
	"tomat 3 ons\nkangkung 2 ikat\ntahu 10 biji",
	"beras medium 5kg 2 karung",
	"sekilo bawang putih ya",
	"cabe keriting setengah kilo aja",
	"1,5 kg daging sapi",
	"ikan tongkol 2 kg yg seger",
	"cabe rawit merah 5rb, tomat goceng",
	"bu saya pesan: bawang merah 1/4, bawang putih 1/4, cabe rawit merah 1 ons, tomat 1/2 kg, kemiri 1 ons",
	"kangkung 2 ikat, bayam 1 ikat, tauge 1/4, tahu 5 biji, tempe 1",
	"gula sekilo berapa?",
	"ayam kampung 1 ekor, dipotong 4, dibersihin",
	"tumbas brambang seprapat nggih",
	"bwang merah 1/2 kg",
}

func BenchmarkParse(b *testing.B) {
	benchParse(b, defaultParser(), typical)
}

// benchParse parses texts in rotation and reports messages per second.
func benchParse(b *testing.B, p *parse.Parser, texts []string) {
	b.ReportAllocs()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		p.Parse(texts[n%len(texts)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "msgs/s")
	// Messages per second of CPU used by this process: what the parser
	// costs, whatever else the shared machine is running.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "msgs/cpu-s")
	}
}

func BenchmarkParseParallel(b *testing.B) {
	p := defaultParser()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		n := 0
		for pb.Next() {
			p.Parse(typical[n%len(typical)])
			n++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkParseBanjar parses the held-out Banjar market's messages against
// its own catalog, in rotation.
func BenchmarkParseBanjar(b *testing.B) {
	var m market
	for _, m = range markets {
		if m.name == "banjar" {
			break
		}
	}
	p := m.parser(b)
	var texts []string
	for _, c := range m.loadCases(b) {
		texts = append(texts, c.text)
	}
	benchParse(b, p, texts)
}
