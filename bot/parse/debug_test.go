package parse_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

func TestDebugDump(t *testing.T) {
	in := os.Getenv("PARSE_DEBUG")
	if in == "" {
		t.Skip()
	}
	ps, _ := catalog.Default()
	p := parse.New(catalog.NewIndex(ps))
	for _, m := range strings.Split(in, "|") {
		r := p.Parse(strings.ReplaceAll(m, `\n`, "\n"))
		fmt.Printf("== %q pq=%v\n", m, r.PriceQuery)
		for _, it := range r.Items {
			fmt.Printf("   item %s %s %s amt=%d said=%q note=%q\n", it.SKU, it.Qty, it.Unit, it.Amount, it.Said, it.Note)
		}
		for _, u := range r.Unknown {
			var s []string
			for _, p := range u.Suggestions {
				s = append(s, p.SKU)
			}
			fmt.Printf("   unknown %q %v\n", u.Said, s)
		}
		for _, q := range r.Questions {
			fmt.Printf("   q %s said=%q qt=%q: %s\n", q.Kind, q.Said, q.QtyText, q.Text)
		}
	}
}
