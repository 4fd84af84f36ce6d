package parse_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

// The case file is testdata/parse/cases.txt at the repository root. Each
// case is a message and what the parser must make of it:
//
//	> pesan bawang merah 1/2 kg, cabe rawit seperempat   (\n for a new line)
//	item bawang-merah 0.5                                 sku, qty in the product's unit
//	item tomat 0.25 amount=5000 note="yg seger"           by money; with a note
//	miss telur-ayam-kampung 10 -> ambiguous               what a trader would write down, where the parser asks instead
//	q ambiguous cabai-rawit-merah,cabai-rawit-hijau       a question, with its choices or product
//	unknown paha ayam                                     a phrase naming no product
//	price                                                 a price question
//	toolong                                               over the size cap
//
// Gold items are item and miss lines. The exact test wants the parser's
// items to be the item lines and its questions the q and miss lines, in
// order. TestPrecisionRecall scores items alone: a produced item is
// correct when a gold item has its sku, qty and amount.

type wantItem struct {
	sku     string
	qty     catalog.Qty
	amount  int64
	note    string
	miss    string // the question kind asked instead, for miss lines
	hasNote bool
}

type wantQ struct {
	kind string
	skus []string // product or choices; nil = unchecked
	miss bool     // from a miss line: a gold item the parser asks about
}

type parseCase struct {
	line    int
	text    string
	items   []wantItem // item and miss lines, in order
	qs      []wantQ    // q lines and the questions of miss lines, in order
	unknown []string
	price   bool
	tooLong bool

	lastMiss bool // while loading: the last line was a miss line
}

// repoPath is a path under the repository root.
func repoPath(elem ...string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(append([]string{filepath.Dir(file), "..", ".."}, elem...)...)
}

func loadCases(tb testing.TB) []parseCase {
	tb.Helper()
	return loadCasesFile(tb, repoPath("testdata", "parse", "cases.txt"))
}

// loadCasesFile reads a case file in the default file's format: each
// "> " line is one message ("\n" in it for a new line), so consecutive
// "> " lines are separate messages, each with nothing in its gold (the
// chatter sections).
func loadCasesFile(tb testing.TB, path string) []parseCase {
	tb.Helper()
	return readCasesFile(tb, path, false)
}

// loadMarketCases reads a regional market's case file. Its blind writers
// set a message of several lines as consecutive "> " lines with the gold
// after the last (the Minang README's convention), so those lines are one
// message, joined with a newline as WhatsApp delivers it.
func loadMarketCases(tb testing.TB, path string) []parseCase {
	tb.Helper()
	return readCasesFile(tb, path, true)
}

func readCasesFile(tb testing.TB, path string, joinLines bool) []parseCase {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []parseCase
	var cur *parseCase
	sc := bufio.NewScanner(f)
	n := 0
	afterMessage := false // the last line read (not blank or a comment) was a "> " line
	bad := func(format string, args ...any) {
		tb.Fatalf("%s:%d: %s", filepath.Base(path), n, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		n++
		ln := strings.TrimSpace(sc.Text())
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		if strings.HasPrefix(ln, ">") {
			text := strings.ReplaceAll(strings.TrimSpace(ln[1:]), `\n`, "\n")
			if joinLines && afterMessage {
				cur.text += "\n" + text
				continue
			}
			out = append(out, parseCase{line: n, text: text})
			cur = &out[len(out)-1]
			afterMessage = true
			continue
		}
		afterMessage = false
		if cur == nil {
			bad("expectation before any message")
		}
		word, rest, _ := strings.Cut(ln, " ")
		if word != "q" {
			cur.lastMiss = false
		}
		switch word {
		case "item", "miss":
			it := wantItem{}
			if word == "miss" {
				var kind string
				var ok bool
				rest, kind, ok = strings.Cut(rest, "->")
				if !ok {
					bad("miss needs -> KIND")
				}
				it.miss = strings.TrimSpace(kind)
			}
			f := splitFields(rest)
			if len(f) < 2 {
				bad("item needs sku and qty")
			}
			it.sku = f[0]
			q, err := catalog.ParseQty(f[1])
			if err != nil {
				bad("%v", err)
			}
			it.qty = q
			for _, kv := range f[2:] {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "amount":
					a, err := strconv.ParseInt(v, 10, 64)
					if err != nil {
						bad("%v", err)
					}
					it.amount = a
				case "note":
					it.note, it.hasNote = strings.Trim(v, `"`), true
				default:
					bad("unknown field %q", k)
				}
			}
			cur.items = append(cur.items, it)
			if it.miss != "" {
				cur.qs = append(cur.qs, wantQ{kind: it.miss, miss: true})
			}
			cur.lastMiss = it.miss != ""
			continue
		case "q":
			kind, skus, _ := strings.Cut(rest, " ")
			w := wantQ{kind: kind}
			if skus = strings.TrimSpace(skus); skus != "" {
				w.skus = strings.Split(skus, ",")
			}
			// "miss x 1 -> ambiguous" then "q ambiguous x,y": the q line
			// lists the choices of the miss line's question.
			if n := len(cur.qs); n > 0 && cur.lastMiss && cur.qs[n-1].kind == kind && cur.qs[n-1].skus == nil {
				cur.qs[n-1].skus = w.skus
				cur.lastMiss = false
				continue
			}
			cur.qs = append(cur.qs, w)
		case "unknown":
			cur.unknown = append(cur.unknown, rest)
		case "price":
			cur.price = true
		case "toolong":
			cur.tooLong = true
		default:
			bad("unknown expectation %q", word)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// splitFields splits on spaces outside double quotes.
func splitFields(s string) []string {
	var out []string
	var b strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
			b.WriteRune(r)
		case r == ' ' && !quoted:
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

var defaultParser = sync.OnceValue(func() *parse.Parser {
	ps, err := catalog.Default()
	if err != nil {
		panic(err)
	}
	return parse.New(catalog.NewIndex(ps))
})

// check compares a result with a case and returns the differences.
func (c parseCase) check(r parse.Result) []string {
	var errs []string
	var gold []wantItem
	for _, it := range c.items {
		if it.miss == "" {
			gold = append(gold, it)
		}
	}
	if len(r.Items) != len(gold) {
		errs = append(errs, fmt.Sprintf("%d items, want %d", len(r.Items), len(gold)))
	}
	for i := 0; i < len(r.Items) && i < len(gold); i++ {
		g, w := r.Items[i], gold[i]
		if g.SKU != w.sku || g.Qty != w.qty || g.Amount != w.amount {
			errs = append(errs, fmt.Sprintf("item %d = %s %s amount=%d, want %s %s amount=%d", i, g.SKU, g.Qty, g.Amount, w.sku, w.qty, w.amount))
		}
		if g.Note != w.note {
			errs = append(errs, fmt.Sprintf("item %d note = %q, want %q", i, g.Note, w.note))
		}
	}
	if len(r.Questions) != len(c.qs) {
		errs = append(errs, fmt.Sprintf("%d questions, want %d", len(r.Questions), len(c.qs)))
	}
	for i := 0; i < len(r.Questions) && i < len(c.qs); i++ {
		g, w := r.Questions[i], c.qs[i]
		if string(g.Kind) != w.kind {
			errs = append(errs, fmt.Sprintf("question %d = %s, want %s", i, g.Kind, w.kind))
		}
		if w.skus != nil {
			var got []string
			if g.Product != nil {
				got = append(got, g.Product.SKU)
			}
			for _, p := range g.Choices {
				got = append(got, p.SKU)
			}
			if strings.Join(got, ",") != strings.Join(w.skus, ",") {
				errs = append(errs, fmt.Sprintf("question %d products = %s, want %s", i, strings.Join(got, ","), strings.Join(w.skus, ",")))
			}
		}
	}
	var unk []string
	for _, u := range r.Unknown {
		unk = append(unk, u.Said)
	}
	if strings.Join(unk, "|") != strings.Join(c.unknown, "|") {
		errs = append(errs, fmt.Sprintf("unknown = %q, want %q", unk, c.unknown))
	}
	if r.PriceQuery != c.price {
		errs = append(errs, fmt.Sprintf("price query = %v, want %v", r.PriceQuery, c.price))
	}
	if r.TooLong != c.tooLong {
		errs = append(errs, fmt.Sprintf("too long = %v, want %v", r.TooLong, c.tooLong))
	}
	return errs
}

func describe(r parse.Result) string {
	var b strings.Builder
	for _, it := range r.Items {
		fmt.Fprintf(&b, "\n\titem %s %s", it.SKU, it.Qty)
		if it.Amount > 0 {
			fmt.Fprintf(&b, " amount=%d", it.Amount)
		}
		if it.Note != "" {
			fmt.Fprintf(&b, " note=%q", it.Note)
		}
	}
	for _, q := range r.Questions {
		var skus []string
		if q.Product != nil {
			skus = append(skus, q.Product.SKU)
		}
		for _, p := range q.Choices {
			skus = append(skus, p.SKU)
		}
		fmt.Fprintf(&b, "\n\tq %s %s\t# %s", q.Kind, strings.Join(skus, ","), q.Text)
	}
	for _, u := range r.Unknown {
		fmt.Fprintf(&b, "\n\tunknown %s", u.Said)
	}
	if r.PriceQuery {
		b.WriteString("\n\tprice")
	}
	return b.String()
}

func TestCases(t *testing.T) {
	p := defaultParser()
	cases := loadCases(t)
	seen := map[string]int{}
	for _, c := range cases {
		if prev, dup := seen[c.text]; dup {
			t.Errorf("cases.txt:%d: same message as line %d", c.line, prev)
		}
		seen[c.text] = c.line
		r := p.Parse(c.text)
		if errs := c.check(r); len(errs) > 0 {
			t.Errorf("cases.txt:%d: %q:\n\t%s\n\tgot:%s", c.line, c.text, strings.Join(errs, "\n\t"), describe(r))
		}
	}
	if len(cases) < 250 {
		t.Errorf("%d cases, want at least 250", len(cases))
	}
}
