package sim

import (
	"context"
	"fmt"
	"strings"
)

// Failure is a failed expectation (or a step that could not be played, such
// as a $LAST before any order), at a script line.
type Failure struct {
	Name string // script name
	Line int
	Msg  string
}

func (f Failure) String() string { return fmt.Sprintf("%s:%d: %s", f.Name, f.Line, f.Msg) }

// Result is what playing a script found.
type Result struct {
	Expectations int       // @expect and @expect-not lines checked
	Failures     []Failure // in script order
}

// Player plays scripts against a Market. Every message goes through the
// Recorder, which the Market must also send through.
type Player struct {
	Market   Market
	Recorder *Recorder
	// Transcript, when set, receives the log as the script plays.
	Transcript *Transcript
	// Narrate writes the script's comments into the transcript (the demo).
	Narrate bool
	// IDPrefix starts inbound message ids; default "SIM-". Ids are
	// IDPrefix + line + "-" + sequence, so a rerun sends the same ids; give
	// a fresh prefix when replaying onto a database that saw them already,
	// or the bot will drop them as WhatsApp re-deliveries.
	IDPrefix string

	seq     int // inbound messages sent
	written int // recorder entries already in the transcript
}

// Play runs every step of s in order. Failed expectations do not stop the
// run; they are returned in Result. An error means the run could not go on:
// the market failed, the context ended, or the script moved the clock back.
func (p *Player) Play(ctx context.Context, s *Script) (Result, error) {
	var res Result
	defer p.flush()
	for _, st := range s.Steps {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		fail := func(format string, args ...any) {
			res.Failures = append(res.Failures, Failure{Name: s.Name, Line: st.Line, Msg: fmt.Sprintf(format, args...)})
		}
		stop := func(err error) error { return fmt.Errorf("%s:%d: %w", s.Name, st.Line, err) }
		p.flush()
		switch st.Op {
		case OpComment:
			if p.Narrate && p.Transcript != nil {
				p.Transcript.Comment(st.Text)
			}
		case OpClock:
			now := p.Market.Now()
			t := st.Wall.In(p.Market.Location(), now)
			if t.Before(now) {
				return res, stop(fmt.Errorf("@clock %s is before the market clock %s: time only moves forward",
					t.Format("2006-01-02 15:04"), now.In(p.Market.Location()).Format("2006-01-02 15:04")))
			}
			p.Recorder.Clock(t, 0)
			if err := p.Market.AdvanceTo(ctx, t); err != nil {
				return res, stop(err)
			}
		case OpAdvance:
			t := p.Market.Now().Add(st.Advance)
			p.Recorder.Clock(t, st.Advance)
			if err := p.Market.AdvanceTo(ctx, t); err != nil {
				return res, stop(err)
			}
		case OpSend:
			text, err := p.expand(ctx, st.Text)
			if err != nil {
				return res, stop(err)
			}
			if text == "" {
				fail("$LAST used before any order exists; message not sent")
				continue
			}
			p.seq++
			if p.IDPrefix == "" {
				p.IDPrefix = "SIM-"
			}
			id := fmt.Sprintf("%s%d-%d", p.IDPrefix, st.Line, p.seq)
			in := Direct(id, st.From, text, p.Market.Now())
			if st.Group != "" {
				in = InGroup(id, st.Group, st.From, text, p.Market.Now())
			}
			p.Recorder.Received(in)
			if err := p.Market.Deliver(ctx, in); err != nil {
				return res, stop(err)
			}
		case OpExpect:
			res.Expectations++
			want, err := p.expand(ctx, st.Text)
			if err != nil {
				return res, stop(err)
			}
			if want == "" {
				fail("$LAST used before any order exists")
				continue
			}
			if msg, ok := check(p.Recorder, st, want); !ok {
				fail("%s", msg)
			}
		}
	}
	return res, nil
}

// expand substitutes $LAST; it returns "" when $LAST is used but there is no
// order yet.
func (p *Player) expand(ctx context.Context, text string) (string, error) {
	if !strings.Contains(text, "$LAST") {
		return text, nil
	}
	code, err := p.Market.LastOrderCode(ctx)
	if err != nil || code == "" {
		return "", err
	}
	return strings.ReplaceAll(text, "$LAST", code), nil
}

// check tests an expectation against the last message to its chat and
// returns the failure message when it does not hold.
func check(rec *Recorder, st Step, want string) (string, bool) {
	chat := GroupChat(st.Chat)
	if isDigits(st.Chat) {
		chat = DirectChat(st.Chat) // Parse leaves phones as normalized digits
	}
	last, sent := rec.LastTo(chat)
	var holds bool
	switch {
	case !sent:
		holds = false
	case st.Exact:
		holds = last.Text == want
	default:
		holds = strings.Contains(last.Text, want)
	}
	if holds != st.Negate {
		return "", true
	}
	verb := "contain"
	if st.Exact {
		verb = "be"
	}
	if st.Negate {
		verb = "not " + verb
	}
	got := "nothing (no message to " + st.Chat + " yet)"
	if sent {
		got = quoteBlock(last.Text)
	}
	return fmt.Sprintf("expected last message to %s to %s %q, got: %s", st.Chat, verb, want, got), false
}

// quoteBlock quotes a one-line text; a multi-line one goes on its own
// indented lines, the way it reads in WhatsApp.
func quoteBlock(s string) string {
	if !strings.Contains(s, "\n") {
		return fmt.Sprintf("%q", s)
	}
	return "\n    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// flush writes the entries logged since the last flush to the transcript.
func (p *Player) flush() {
	if p.Transcript == nil {
		return
	}
	es := p.Recorder.Since(p.written)
	p.written += len(es)
	p.Transcript.Entries(es)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
