package parse_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"pasarbot/catalog"
)

func TestDebugMatch(t *testing.T) {
	in := os.Getenv("MATCH_DEBUG")
	if in == "" {
		t.Skip()
	}
	ps, _ := catalog.Default()
	ix := catalog.NewIndex(ps)
	for _, m := range strings.Split(in, "|") {
		cs := ix.Match(m)
		var s []string
		for _, c := range cs {
			s = append(s, fmt.Sprintf("%s:%.3f%s", c.Product.SKU, c.Score, map[bool]string{true: "!"}[c.Exact]))
		}
		fmt.Printf("%-18s %s\n", m, strings.Join(s, " "))
	}
}
