package bot

import (
	"strings"

	"pasarbot/catalog"
)

// readAnswers reads one message that answers several pending "which one?"
// questions, a clause each: "minyaknya minyakita, berasnya yang premium",
// "ayam potong bu, tahunya yang putih". A clause goes to the question whose
// words it names ("minyaknya" → the oil question), else to the first one
// still open. Every clause must answer (or confirm a product already in
// the cart); otherwise the message is read the usual way.
func (e *Engine) readAnswers(c *Conversation, raw string) ([]act, bool) {
	if c.State != StateClarify || len(c.Questions) == 0 {
		return nil, false
	}
	clauses := splitClauses(strings.ReplaceAll(raw, "\n", ","))
	if len(clauses) < 2 {
		return nil, false
	}
	open := make([]int, len(c.Questions)) // indexes of the questions not yet answered
	for i := range open {
		open[i] = i
	}
	var acts []act
	for _, cl := range clauses {
		s := norm(cl)
		if s == "" || onlyFiller(s) {
			continue
		}
		if e.confirmsCartLine(c, s) {
			continue // "tahunya yang putih": already in the cart as that
		}
		pos, n := e.answerClause(c, open, s)
		if n == 0 {
			return nil, false
		}
		acts = append(acts, act{ev: EvChoice, num: n, text: s, question: pos})
		open = append(open[:pos:pos], open[pos+1:]...)
	}
	return acts, len(acts) > 0
}

// answerClause finds which open question a clause answers: its position
// among the open ones (what actAnswerChoice reorders by, since each answer
// closes its question) and the choice, 0 for none.
func (e *Engine) answerClause(c *Conversation, open []int, s string) (pos, choice int) {
	subject, rest := cutSubject(s)
	rest = cutPurpose(rest)
	for pos, qi := range open {
		q := c.Questions[qi]
		if len(q.Choices) < 2 || subject != "" && !strings.Contains(catalog.Normalize(q.Said), catalog.Normalize(subject)) {
			continue
		}
		if n, ok := e.matchChoice(q, rest); ok {
			return pos, n
		}
	}
	return 0, 0
}

// cutPurpose drops what a clause says the goods are for ("kepok bu buat
// digoreng"): a note to the trader, not words that pick the sort.
func cutPurpose(s string) string {
	fs := strings.Fields(s)
	for i, w := range fs {
		switch w {
		case "buat", "untuk", "utk", "biar", "gasan", "kanggo", "jangan", "jgn":
			if i > 0 {
				return strings.Join(fs[:i], " ")
			}
		}
	}
	return s
}

// cutSubject splits "minyaknya minyakita" into the word the clause is
// about ("minyak") and what it says of it; "" when no word ends in -nya.
func cutSubject(s string) (subject, rest string) {
	fs := strings.Fields(s)
	for i, w := range fs {
		if base, ok := nyaBase(w); ok {
			return base, strings.Join(append(fs[:i:i], fs[i+1:]...), " ")
		}
	}
	return "", s
}

// confirmsCartLine is true for a clause that names a product already in
// the cart as the sort it is ("tahunya yang putih" with Tahu Putih in it).
func (e *Engine) confirmsCartLine(c *Conversation, s string) bool {
	subject, rest := cutSubject(s)
	if subject == "" {
		return false
	}
	best, ok := catalog.Sure(e.index.Match(subject + " " + rest))
	if !ok {
		return false
	}
	return inCart(c, best.Product.SKU)
}
