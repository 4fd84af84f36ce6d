package bot

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Outbound size limits. WhatsApp takes about 65 000 characters, but phones
// slow down and folds hide the end of messages far shorter; a market's
// lists read best in pages of a few thousand bytes.
const (
	DefaultMaxOutboundBytes = 4000
	maxPages                = 10 // beyond this the text is cut: nobody reads page 11 in a chat
	pageMarkRoom            = 16 // room for "\n(10/10)" and a cut mark
)

// Pages splits text into messages of at most maxBytes bytes, at line
// breaks where it can (else at a space, else anywhere between runes), each
// marked "(k/n)" when there are several. More than maxPages pages are cut,
// the last ending in "…".
func Pages(text string, maxBytes int) []string {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxOutboundBytes
	}
	if len(text) <= maxBytes {
		return []string{text}
	}
	budget := maxBytes - pageMarkRoom
	var pages []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			pages = append(pages, s)
		}
		cur.Reset()
	}
	for _, line := range strings.Split(text, "\n") {
		for len(line) > budget {
			cut := cutAt(line, budget)
			if cur.Len() > 0 {
				flush()
			}
			cur.WriteString(line[:cut])
			flush()
			line = strings.TrimLeft(line[cut:], " ")
		}
		if cur.Len() > 0 && cur.Len()+1+len(line) > budget {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteByte('\n')
		}
		cur.WriteString(line)
	}
	flush()
	if len(pages) > maxPages {
		pages = pages[:maxPages]
		pages[maxPages-1] += " …"
	}
	if len(pages) == 1 {
		return pages
	}
	for i := range pages {
		pages[i] += fmt.Sprintf("\n(%d/%d)", i+1, len(pages))
	}
	return pages
}

// cutAt is where to cut s so the first part has at most n bytes: the last
// space before n, else the last rune boundary.
func cutAt(s string, n int) int {
	if i := strings.LastIndexByte(s[:n], ' '); i > n/2 {
		return i
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	if n == 0 {
		_, n = utf8.DecodeRuneInString(s)
	}
	return n
}
