package catalog_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"pasarbot/catalog"
)

// MustDefault returns the built-in catalog or fails the test.
func MustDefault(tb testing.TB) []catalog.Product {
	tb.Helper()
	ps, err := catalog.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return ps
}

var defaultIndex = sync.OnceValue(func() *catalog.Index {
	ps, err := catalog.Default()
	if err != nil {
		panic(err)
	}
	return catalog.NewIndex(ps)
})

func names(cs []catalog.Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Product.Name)
	}
	return out
}

func TestNormalize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Bawang  MERAH!!", "bawang merah"},
		{"cabeee", "cabe"},
		{"cabe rawitt", "cabe rawit"},
		{"tomatt", "tomat"},
		{"sayur-sayuran", "sayur"},
		{"Sayur sayuran", "sayur"},
		{"buah-buahan", "buah"},
		{"ikan2", "ikan"},
		{"sayur2an", "sayur"},
		{"cumi-cumi", "cumi"},
		{"Onde-Onde", "onde"},
		{"  ", ""},
		{"Rp 15.000", "rp 15 000"},
		{"1000 gram", "1000 gram"},
		{"Café Crème", "cafe creme"},
		{"jum'at", "jumat"},
		{"mangga", "manga"},
		{"cabe, bawang & tomat", "cabe bawang tomat"},
		{"2", "2"},
		{"🌶️ cabe", "cabe"},
	} {
		if got := catalog.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	ix := defaultIndex()

	// sure: one candidate, or a top one at >= 0.8 clearly ahead of the next.
	sure := func(t *testing.T, words, wantSKU string, wantExact bool) {
		t.Helper()
		cs := ix.Match(words)
		if len(cs) == 0 {
			t.Fatalf("Match(%q) = nothing, want %s", words, wantSKU)
		}
		if got, want := cs[0].Product.SKU, wantSKU; got != want {
			t.Fatalf("Match(%q)[0] = %s (%v), want %s", words, got, names(cs), want)
		}
		if got, want := cs[0].Exact, wantExact; got != want {
			t.Errorf("Match(%q)[0].Exact = %v, want %v", words, got, want)
		}
		if cs[0].Score < 0.8 || cs[0].Score > 1 {
			t.Errorf("Match(%q)[0].Score = %v, want in [0.8, 1]", words, cs[0].Score)
		}
		if wantExact != (cs[0].Score == 1) {
			t.Errorf("Match(%q)[0].Score = %v with Exact %v", words, cs[0].Score, wantExact)
		}
		if len(cs) > 1 && cs[0].Score-cs[1].Score < 0.1 {
			t.Errorf("Match(%q) top %v is not clearly ahead of %v", words, cs[0].Score, cs[1].Score)
		}
	}
	// ask: several candidates with close scores, all of wantSKUs among them.
	ask := func(t *testing.T, words string, wantSKUs ...string) {
		t.Helper()
		cs := ix.Match(words)
		if len(cs) < len(wantSKUs) {
			t.Fatalf("Match(%q) = %v, want at least %v", words, names(cs), wantSKUs)
		}
		top := map[string]float64{}
		for _, c := range cs {
			top[c.Product.SKU] = c.Score
		}
		for _, sku := range wantSKUs {
			s, ok := top[sku]
			if !ok {
				t.Errorf("Match(%q) = %v, missing %s", words, names(cs), sku)
				continue
			}
			if cs[0].Score-s > 0.05 {
				t.Errorf("Match(%q): %s scores %v, not close to the top %v", words, sku, s, cs[0].Score)
			}
		}
	}

	t.Run("OKExactName", func(t *testing.T) { sure(t, "Bawang Merah", "bawang-merah", true) })
	t.Run("OKExactCaseSpaces", func(t *testing.T) { sure(t, "  BAWANG   putih ", "bawang-putih", true) })
	t.Run("OKAlias", func(t *testing.T) {
		for words, sku := range map[string]string{
			"brambang":        "bawang-merah",
			"bawang abang":    "bawang-merah",
			"bawang bodas":    "bawang-putih",
			"cengek merah":    "cabai-rawit-merah",
			"lombok keriting": "cabai-merah-keriting",
			"kubis":           "kol",
			"kobis":           "kol",
			"engkol":          "kol",
			"sampeu":          "singkong",
			"telo":            "singkong",
			"endog":           "telur-ayam-ras",
			"endhog":          "telur-ayam-ras",
			"telor":           "telur-ayam-ras",
			"loncang":         "daun-bawang",
			"micin":           "penyedap-sasa",
			"tongkol":         "ikan-tongkol",
			"vermak":          "vermak-celana",
			"kaligrafi":       "kaligrafi",
		} {
			t.Run(words, func(t *testing.T) { sure(t, words, sku, true) })
		}
	})
	t.Run("OKRepeatedLetters", func(t *testing.T) {
		sure(t, "tomatt", "tomat", true)
		sure(t, "kangkuuung", "kangkung", true)
	})
	t.Run("OKTypo", func(t *testing.T) {
		sure(t, "bwang merah", "bawang-merah", false)
		sure(t, "bawnag putih", "bawang-putih", false)
		sure(t, "kangkun", "kangkung", false)
		sure(t, "brokoly", "brokoli", false)
		sure(t, "bawangmerah", "bawang-merah", false)
	})
	t.Run("OKFillerWords", func(t *testing.T) {
		sure(t, "mas bawang merah yg seger", "bawang-merah", false)
		sure(t, "bawang merah 1kg", "bawang-merah", false)
	})
	t.Run("OKReduplication", func(t *testing.T) {
		got, want := names(ix.Match("sayur-sayuran")), names(ix.Match("sayur"))
		if len(got) == 0 || strings.Join(got, ",") != strings.Join(want, ",") {
			t.Fatalf("Match(sayur-sayuran) = %v, want %v", got, want)
		}
		ask(t, "sayur-sayuran", "sayur-asem", "sayur-sop")
		sure(t, "cumi-cumi", "cumi", true)
		ask(t, "ikan2", "ikan-tongkol", "ikan-tuna")
	})
	t.Run("OKAmbiguousFamily", func(t *testing.T) {
		ask(t, "cabe rawit", "cabai-rawit-merah", "cabai-rawit-hijau")
		ask(t, "cabe rawitt", "cabai-rawit-merah", "cabai-rawit-hijau")
		ask(t, "bawang", "bawang-merah", "bawang-putih", "bawang-bombay")
		ask(t, "cabeee", "cabai-merah-keriting", "cabai-merah-besar", "cabai-rawit-merah")
		ask(t, "minyak goreng", "minyak-goreng-curah", "minyak-goreng-kemasan")
		ask(t, "beras", "beras-premium", "beras-medium", "beras-sphp")
		ask(t, "pisang", "pisang-ambon", "pisang-raja", "pisang-kepok")
	})
	t.Run("OKFamilyScoresTie", func(t *testing.T) {
		cs := ix.Match("cabe rawit")
		if len(cs) != 2 {
			t.Fatalf("Match(cabe rawit) = %v, want rawit merah and hijau", names(cs))
		}
		if got, want := cs[0].Score, cs[1].Score; got != want {
			t.Errorf("scores %v and %v, want equal", got, want)
		}
		if cs[0].Exact || cs[0].Score >= 1 {
			t.Errorf("family match reported exact: %+v", cs[0])
		}
	})
	t.Run("OKSharedAlias", func(t *testing.T) {
		// "jambal" is patin in some towns and salted fish in others.
		cs := ix.Match("jambal")
		if len(cs) < 1 || cs[0].Product.SKU != "ikan-patin" {
			t.Fatalf("Match(jambal) = %v", names(cs))
		}
	})
	t.Run("OKAliasField", func(t *testing.T) {
		cs := ix.Match("Kubis")
		if got, want := cs[0].Alias, "kubis"; got != want {
			t.Errorf("Alias = %q, want %q", got, want)
		}
	})
	t.Run("OKNothing", func(t *testing.T) {
		for _, words := range []string{"", "   ", "!!!", "xyz qwerty", "sepeda motor", "yang", "zz"} {
			if cs := ix.Match(words); len(cs) != 0 {
				t.Errorf("Match(%q) = %v, want nothing", words, names(cs))
			}
		}
	})
	t.Run("OKShortWordsNotFuzzed", func(t *testing.T) {
		// "sapi" and "sawi" differ by one letter; both are known words.
		sure(t, "sapi", "daging-sapi", true)
		sure(t, "sawi", "sawi-hijau", true)
	})
	t.Run("OKBounded", func(t *testing.T) {
		cs := ix.Match("ikan")
		if len(cs) == 0 || len(cs) > catalog.MaxCandidates {
			t.Fatalf("Match(ikan) returned %d candidates", len(cs))
		}
		for i, c := range cs {
			if c.Score > 1 || c.Score <= 0 {
				t.Errorf("score %v out of range", c.Score)
			}
			if i > 0 && c.Score > cs[i-1].Score {
				t.Errorf("not sorted: %v", cs)
			}
		}
	})
}

func TestIndexProduct(t *testing.T) {
	ps := MustDefault(t)
	ix := catalog.NewIndex(ps)
	t.Run("OK", func(t *testing.T) {
		p, ok := ix.Product("ikan-tongkol")
		if !ok {
			t.Fatal("ikan-tongkol not found")
		}
		if got, want := p.Name, "Ikan Tongkol"; got != want {
			t.Errorf("name = %q, want %q", got, want)
		}
		if cs := ix.Match("tongkol"); cs[0].Product != p {
			t.Errorf("Match points outside the index's copy")
		}
	})
	t.Run("ErrUnknown", func(t *testing.T) {
		if _, ok := ix.Product("nope"); ok {
			t.Fatal("found an unknown sku")
		}
	})
	t.Run("OKOwnCopy", func(t *testing.T) {
		ps[0].Name = "changed"
		got := ix.Products()
		if got[0].Name == "changed" {
			t.Fatal("index shares the caller's slice")
		}
		got[1].Aliases[0] = "changed"
		if p, _ := ix.Product(got[1].SKU); p.Aliases[0] == "changed" {
			t.Fatal("Products shares aliases with the index")
		}
		if got, want := len(ix.Products()), len(ps); got != want {
			t.Errorf("len = %d, want %d", got, want)
		}
	})
}

func TestMatchConcurrent(t *testing.T) {
	ix := defaultIndex()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				for _, q := range benchQueries {
					ix.Match(q)
				}
			}
		}()
	}
	wg.Wait()
	if got := names(ix.Match("bwang merah")); len(got) != 1 || got[0] != "Bawang Merah" {
		t.Fatalf("after concurrent use: %v", got)
	}
}

// syntheticCatalog grows the default catalog to n products with plausible
// variants ("Tomat Super", "Tomat Lokal"…), for benchmarks at market scale.
func syntheticCatalog(tb testing.TB, n int) []catalog.Product {
	base := MustDefault(tb)
	grades := []string{"Super", "Lokal", "Grade B", "Organik", "Impor", "Pilihan", "Kecil", "Jumbo"}
	out := append([]catalog.Product(nil), base...)
	for i := 0; len(out) < n; i++ {
		p := base[i%len(base)]
		g := grades[(i/len(base))%len(grades)]
		p.SKU = fmt.Sprintf("%s-%d", p.SKU, i)
		p.Name = p.Name + " " + g
		aliases := make([]string, len(p.Aliases))
		for j, a := range p.Aliases {
			aliases[j] = a + " " + strings.ToLower(g)
		}
		p.Aliases = aliases
		out = append(out, p)
	}
	return out
}

// benchQueries mixes what buyers type: exact names and aliases, stretched
// letters, typos, families, plurals and words that match nothing.
var benchQueries = []string{
	"bawang merah", "bwang merah", "cabe rawitt", "cabe rawit", "cabeee", "kangkun",
	"tomatt", "sayur-sayuran", "ikan2", "telor", "daging sapi", "sepeda motor",
	"minyak goreng", "tahu", "ayam", "bawang", "brambang", "kentang", "bawnag putih", "tongkol",
}

func BenchmarkMatch(b *testing.B) {
	ix := catalog.NewIndex(syntheticCatalog(b, 500))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		ix.Match(benchQueries[i%len(benchQueries)])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}

func BenchmarkMatchParallel(b *testing.B) {
	ix := catalog.NewIndex(syntheticCatalog(b, 500))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			ix.Match(benchQueries[i%len(benchQueries)])
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}

func BenchmarkNewIndex(b *testing.B) {
	ps := syntheticCatalog(b, 500)
	b.ReportAllocs()
	for b.Loop() {
		catalog.NewIndex(ps)
	}
}

func FuzzMatch(f *testing.F) {
	for _, q := range benchQueries {
		f.Add(q)
	}
	f.Add("ééé ü 2an 22 ikan2an sayur-sayur-sayuran")
	f.Add("\xff\xfe cabe")
	// Consonant skeletons (issue 17): abbreviations, shared skeletons,
	// vowelless known words, and ng/nj clusters.
	for _, q := range []string{"kntg", "cb kriting", "brs", "bwg mrh", "kcg pjg", "ngngng", "njnjnj", "b", "bcdfghjklmnpqrstvwxyzbcdfghjklmnpq"} {
		f.Add(q)
	}
	ix := defaultIndex()
	f.Fuzz(func(t *testing.T, words string) {
		cs := ix.Match(words)
		if len(cs) > catalog.MaxCandidates {
			t.Fatalf("%d candidates", len(cs))
		}
		for i, c := range cs {
			if c.Product == nil || c.Score <= 0 || c.Score > 1 {
				t.Fatalf("bad candidate %+v", c)
			}
			if c.Exact != (c.Score == 1) {
				t.Fatalf("Exact %v with score %v", c.Exact, c.Score)
			}
			if i > 0 && c.Score > cs[i-1].Score {
				t.Fatalf("not sorted")
			}
		}
		if n := catalog.Normalize(words); catalog.Normalize(n) != n {
			t.Fatalf("Normalize not idempotent: %q → %q → %q", words, n, catalog.Normalize(n))
		}
	})
}

func TestMatchLongInput(t *testing.T) {
	ix := defaultIndex()
	long := strings.Repeat("abcdefghij", 1000) + " " + strings.Repeat("cabe ", 1000)
	start := time.Now()
	ix.Match(long)
	if d := time.Since(start); d > 200*time.Millisecond {
		t.Fatalf("Match of a 15 kB message took %v", d)
	}
}

func TestSure(t *testing.T) {
	ix := defaultIndex()
	for words, want := range map[string]string{
		"bawang merah": "bawang-merah",
		"bwang merah":  "bawang-merah",
		"kangkun":      "kangkung",
		"tongkol":      "ikan-tongkol",
		"cabe rawit":   "",
		"bawang":       "",
		"kangk":        "", // a cut-off word is offered, not assumed
		"xyz":          "",
	} {
		c, ok := catalog.Sure(ix.Match(words))
		got := ""
		if ok {
			got = c.Product.SKU
		}
		if got != want {
			t.Errorf("Sure(Match(%q)) = %q, want %q", words, got, want)
		}
	}
	p1, p2 := &catalog.Product{SKU: "a"}, &catalog.Product{SKU: "b"}
	if _, ok := catalog.Sure([]catalog.Candidate{{Product: p1, Score: 1, Exact: true}, {Product: p2, Score: 1, Exact: true}}); ok {
		t.Error("a shared alias is sure")
	}
}

// Chat abbreviations without vowels match names and aliases by their
// consonant skeleton, with the ambiguity rules of every other match
// (issue 17).
func TestMatchSkeleton(t *testing.T) {
	ix := defaultIndex()
	t.Run("OKAbbreviatedName", func(t *testing.T) {
		for words, sku := range map[string]string{
			"kntg":       "kentang",
			"tmt":        "tomat",
			"cb kriting": "cabai-merah-keriting",
			"ikn nila":   "ikan-nila",
			"bwg mrh":    "bawang-merah",
			"kngkng":     "kangkung",
		} {
			cs := ix.Match(words)
			c, ok := catalog.Sure(cs)
			if !ok || c.Product.SKU != sku {
				t.Errorf("Match(%q) = %v, want %s surely", words, names(cs), sku)
			}
		}
	})
	t.Run("OKFamilyStaysAQuestion", func(t *testing.T) {
		cs := ix.Match("cb rawit")
		if len(cs) < 2 || cs[0].Score != cs[1].Score {
			t.Errorf("Match(cb rawit) = %v, want rawit merah and hijau tied", names(cs))
		}
	})
	t.Run("OKSharedSkeletonIsNotSure", func(t *testing.T) {
		// "brs" abbreviates beras and buras (lontong): never taken alone.
		if c, ok := catalog.Sure(ix.Match("brs")); ok {
			t.Errorf("Match(brs) is sure of %s", c.Product.Name)
		}
	})
	t.Run("OKOnlyLettersLeftOut", func(t *testing.T) {
		// Same skeleton, but not the word with letters left out.
		for _, w := range []string{"tmtx", "tmat x", "xyz", "kntgr"} {
			if cs := ix.Match(w); len(cs) > 0 && cs[0].Score >= catalog.SureScore {
				t.Errorf("Match(%q) = %v (%v)", w, names(cs), cs[0].Score)
			}
		}
	})
	t.Run("OKSmallCatalog", func(t *testing.T) {
		ix := catalog.NewIndex([]catalog.Product{
			{SKU: "beras", Name: "Beras Lokal", Aliases: []string{"beras"}, Unit: "kg"},
			{SKU: "wortel", Name: "Wortel", Unit: "kg"},
			{SKU: "kacang", Name: "Kacang Tanah", Unit: "kg"},
			{SKU: "kecap", Name: "Kecap Manis", Unit: "bungkus"},
		})
		for words, sku := range map[string]string{"brs": "beras", "wrtl": "wortel", "kcg tnh": "kacang"} {
			c, ok := catalog.Sure(ix.Match(words))
			if !ok || c.Product.SKU != sku {
				t.Errorf("Match(%q) = %v, want %s surely", words, names(ix.Match(words)), sku)
			}
		}
		// "kcp" abbreviates kecap only; "kc" is kacang or kecap: a question.
		if c, ok := catalog.Sure(ix.Match("kc")); ok {
			t.Errorf("Match(kc) is sure of %s", c.Product.Name)
		}
	})
}

// A known word spelt another way in the name: the alias has "telor", the
// name "telur"; "telor ayam kampung" is the name, not a question.
func TestMatchSpellingVariants(t *testing.T) {
	ix := catalog.NewIndex([]catalog.Product{
		{SKU: "telur-kampung", Name: "Telur Ayam Kampung", Aliases: []string{"telor kampung"}, Unit: "butir"},
		{SKU: "telur-ras", Name: "Telur Ayam Ras", Aliases: []string{"telor"}, Unit: "kg"},
		{SKU: "ayam-kampung", Name: "Ayam Kampung", Unit: "ekor"},
		{SKU: "sapi", Name: "Daging Sapi", Unit: "kg"},
		{SKU: "sawi", Name: "Sawi Hijau", Aliases: []string{"sawi"}, Unit: "ikat"},
	})
	for words, sku := range map[string]string{"telor ayam kampung": "telur-kampung", "telor ayam ras": "telur-ras", "telur ayam kampung": "telur-kampung"} {
		c, ok := catalog.Sure(ix.Match(words))
		if !ok || c.Product.SKU != sku {
			t.Errorf("Match(%q) = %v, want %s surely", words, names(ix.Match(words)), sku)
		}
	}
	// "sapi" and "sawi" are one letter apart but name different products:
	// not spellings of one word.
	if c, ok := catalog.Sure(ix.Match("sapi hijau")); ok && c.Product.SKU == "sawi" {
		t.Errorf("Match(sapi hijau) is sure of %s", c.Product.Name)
	}
}

// Regional words find the catalog's Indonesian names in any market's
// catalog, and a market's own word wins.
func TestMatchRegionalWords(t *testing.T) {
	ix := catalog.NewIndex([]catalog.Product{
		{SKU: "kunyit", Name: "Kunyit", Unit: "kg"},
		{SKU: "patin", Name: "Ikan Patin", Unit: "kg"},
		{SKU: "rawit-merah", Name: "Cabai Rawit Merah", Unit: "kg"},
		{SKU: "rawit-hijau", Name: "Cabai Rawit Hijau", Unit: "kg"},
		{SKU: "singkong", Name: "Singkong", Unit: "kg"},
		{SKU: "kacang-panjang", Name: "Kacang Panjang", Unit: "ikat"},
		{SKU: "lombok-ijo", Name: "Lombok Ijo", Unit: "kg"},
		{SKU: "ayam-kampung", Name: "Ayam Kampung", Unit: "ekor"},
		{SKU: "pepaya", Name: "Pepaya", Unit: "kg"},
		{SKU: "jengkol", Name: "Jengkol", Unit: "kg"},
		{SKU: "terong", Name: "Terong Ungu", Unit: "kg"},
		{SKU: "daun-salam", Name: "Daun Salam", Unit: "ikat"},
		{SKU: "jahe", Name: "Jahe", Unit: "kg"},
	})
	for words, sku := range map[string]string{
		"kunir": "kunyit", "iwak patin": "patin", "cabe rawit beureum": "rawit-merah", "lombok rawit abang": "rawit-merah",
		"gumbili": "singkong", "kacang dowo": "kacang-panjang", "lombok ijo": "lombok-ijo",
		// Jv pitik (ayam); Mi kalikih (pepaya), jariang (jengkol), taruang (terong)
		"pitik kampung": "ayam-kampung", "kalikih": "pepaya", "jariang": "jengkol", "taruang ungu": "terong",
		// Manado daong (daun), kasbi (singkong), goraka (jahe)
		"daong salam": "daun-salam", "kasbi": "singkong", "goraka": "jahe",
	} {
		c, ok := catalog.Sure(ix.Match(words))
		if !ok || c.Product.SKU != sku {
			t.Errorf("Match(%q) = %v, want %s surely", words, names(ix.Match(words)), sku)
		}
	}
}

// A word of six letters or fewer carries one typo at most: two changed
// letters of six make another word ("perawi" is no terasi), while seven
// letters and more still take two ("mantaga").
func TestMatchTyposByLength(t *testing.T) {
	ix := catalog.NewIndex([]catalog.Product{
		{SKU: "terasi", Name: "Terasi", Unit: "bungkus"},
		{SKU: "mentega", Name: "Mentega", Unit: "bungkus"},
	})
	if cs := ix.Match("perawi"); len(cs) > 0 {
		t.Errorf("Match(perawi) = %v, want nothing", names(cs))
	}
	for words, sku := range map[string]string{"terasu": "terasi", "mantaga": "mentega"} {
		if cs := ix.Match(words); len(cs) == 0 || cs[0].Product.SKU != sku {
			t.Errorf("Match(%q) = %v, want %s first", words, names(cs), sku)
		}
	}
}
