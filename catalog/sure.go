package catalog

// When may a caller take the best candidate without asking the buyer?
// One threshold for everyone (parser, price answers, leaders' commands),
// so "sure" means the same thing in every reply.
const (
	SureScore = 0.8 // the best candidate scores at least this
	SureGap   = 0.1 // and beats the next by at least this
)

// Sure returns the candidate to take without asking, if there is one: an
// exact name or alias no other product shares, or a best candidate that
// scores at least SureScore and is SureGap ahead of the next. Several
// exact matches (an alias two products share) are never sure.
func Sure(cands []Candidate) (Candidate, bool) {
	if len(cands) == 0 {
		return Candidate{}, false
	}
	top := cands[0]
	if len(cands) == 1 {
		return top, top.Score >= SureScore
	}
	next := cands[1]
	if top.Exact {
		return top, !next.Exact
	}
	return top, top.Score >= SureScore && top.Score-next.Score >= SureGap
}
