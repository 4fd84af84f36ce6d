package sim

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"pasarbot/catalog"
)

// Op is what one script step does.
type Op int

const (
	OpComment Op = iota // "# text": ignored when playing; shown when narrating
	OpClock             // "@clock 2026-11-25 06:30" or "@clock 06:30"
	OpAdvance           // "@advance 45m"
	OpSend              // "6281234567001: text" or "sayur/6282200000001: text"
	OpExpect            // "@expect CHAT ~ text", "@expect CHAT = text", "@expect-not CHAT ~ text"
)

// Step is one line (plus its continuation lines) of a replay script.
type Step struct {
	Line int // 1-based line of the step in the script
	Op   Op

	// OpClock: the market-local wall time. Date is false for "@clock 06:30",
	// which keeps the current date.
	Wall Wall

	// OpAdvance.
	Advance time.Duration

	// OpSend: From is the sender's normalized phone, Group the group name ("" for
	// a direct chat). OpExpect: Chat is the chat name (a phone or a group name).
	From  string
	Group string
	Chat  string

	// OpExpect.
	Exact  bool // "=": the whole message equals Text; else it contains Text
	Negate bool // @expect-not

	// OpSend, OpExpect (may contain $LAST); OpComment.
	Text string
}

// Wall is a market-local date and time, resolved in the market's zone when
// the script runs.
type Wall struct {
	Year         int
	Month        time.Month
	Day          int
	Hour, Minute int
	Date         bool // the date was given
}

// In returns the wall time in loc; without a date, on base's date in loc.
func (w Wall) In(loc *time.Location, base time.Time) time.Time {
	if !w.Date {
		base = base.In(loc)
		return time.Date(base.Year(), base.Month(), base.Day(), w.Hour, w.Minute, 0, 0, loc)
	}
	return time.Date(w.Year, w.Month, w.Day, w.Hour, w.Minute, 0, 0, loc)
}

// Script is a parsed replay script.
type Script struct {
	Name  string // file name, used in messages
	Steps []Step
}

// Start returns the wall time of the first @clock that carries a date: where
// a market playing the script should start. ok is false when there is none
// before the first message.
func (s *Script) Start() (Wall, bool) {
	for _, st := range s.Steps {
		switch st.Op {
		case OpClock:
			return st.Wall, st.Wall.Date
		case OpSend, OpAdvance:
			return Wall{}, false
		}
	}
	return Wall{}, false
}

// ParseError is a script problem at a line.
type ParseError struct {
	Name string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg) }

// continuation starts a line that continues the previous message.
const continuation = "  "

// Parse reads a replay script (format in docs/simulator.md). name is used in
// error messages, which carry the line number.
func Parse(name string, r io.Reader) (*Script, error) {
	s := &Script{Name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	// open is the step continuation lines extend, nil after anything else.
	var open *Step
	for n := 1; sc.Scan(); n++ {
		raw := strings.TrimRight(sc.Text(), " \t\r")
		if n == 1 {
			raw = strings.TrimPrefix(raw, "\uFEFF") // editors on Windows add a BOM
		}
		errf := func(format string, args ...any) error {
			return &ParseError{Name: name, Line: n, Msg: fmt.Sprintf(format, args...)}
		}
		if strings.HasPrefix(sc.Text(), continuation) && open != nil {
			// Keep the text's own indentation beyond the two marker spaces; a
			// line of just spaces is an empty line inside the message.
			open.Text += "\n" + strings.TrimPrefix(raw, continuation)
			continue
		}
		line := strings.TrimSpace(raw)
		switch {
		case line == "":
			open = nil
			continue
		case strings.HasPrefix(raw, continuation):
			return nil, errf("continuation line without a message before it")
		case strings.HasPrefix(line, "#"):
			open = nil
			s.Steps = append(s.Steps, Step{Line: n, Op: OpComment, Text: strings.TrimSpace(strings.TrimPrefix(line, "#"))})
			continue
		}
		st, err := parseLine(line)
		if err != nil {
			return nil, errf("%s", err)
		}
		st.Line = n
		s.Steps = append(s.Steps, st)
		open = nil
		if st.Op == OpSend || st.Op == OpExpect {
			open = &s.Steps[len(s.Steps)-1]
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// parseLine reads one non-blank, non-comment line.
func parseLine(line string) (Step, error) {
	if strings.HasPrefix(line, "@") {
		dir, arg, _ := strings.Cut(line, " ")
		arg = strings.TrimSpace(arg)
		switch dir {
		case "@clock":
			w, err := parseWall(arg)
			return Step{Op: OpClock, Wall: w}, err
		case "@advance":
			d, err := time.ParseDuration(arg)
			if err != nil || d <= 0 {
				return Step{}, fmt.Errorf("@advance wants a positive duration like 45m or 1h30m, not %q", arg)
			}
			return Step{Op: OpAdvance, Advance: d}, nil
		case "@expect", "@expect-not":
			return parseExpect(dir, arg)
		default:
			return Step{}, fmt.Errorf("unknown directive %s", dir)
		}
	}
	who, text, ok := strings.Cut(line, ":")
	if !ok {
		return Step{}, fmt.Errorf("expected \"PHONE: text\", \"GROUP/PHONE: text\" or a @directive, got %q", line)
	}
	st := Step{Op: OpSend, Text: strings.TrimSpace(text)}
	phone := strings.TrimSpace(who)
	if g, p, isGroup := strings.Cut(phone, "/"); isGroup {
		if err := checkGroupName(g); err != nil {
			return Step{}, err
		}
		st.Group, phone = g, p
	}
	p, ok := catalog.NormalizePhone(phone)
	if !ok {
		return Step{}, fmt.Errorf("%q is not a phone number (expected \"PHONE: text\" or \"GROUP/PHONE: text\")", phone)
	}
	st.From = p
	if st.Text == "" {
		return Step{}, fmt.Errorf("empty message from %s", strings.TrimSpace(who))
	}
	return st, nil
}

// parseWall reads "2026-11-25 06:30" or "06:30".
func parseWall(s string) (Wall, error) {
	if t, err := time.Parse("2006-01-02 15:04", s); err == nil {
		return Wall{Year: t.Year(), Month: t.Month(), Day: t.Day(), Hour: t.Hour(), Minute: t.Minute(), Date: true}, nil
	}
	if t, err := time.Parse("15:04", s); err == nil {
		return Wall{Hour: t.Hour(), Minute: t.Minute()}, nil
	}
	return Wall{}, fmt.Errorf("@clock wants \"2026-11-25 06:30\" or \"06:30\", not %q", s)
}

// parseExpect reads the argument of @expect/@expect-not: "CHAT ~ text" or
// "CHAT = text", where CHAT is a phone number or a group name.
func parseExpect(dir, arg string) (Step, error) {
	st := Step{Op: OpExpect, Negate: dir == "@expect-not"}
	i := strings.IndexAny(arg, "~=")
	if i < 0 {
		return Step{}, fmt.Errorf("%s wants \"CHAT ~ text\" or \"CHAT = text\"", dir)
	}
	st.Exact = arg[i] == '='
	chat := strings.TrimSpace(arg[:i])
	st.Text = strings.TrimSpace(arg[i+1:])
	if st.Text == "" {
		return Step{}, fmt.Errorf("%s %s: empty text", dir, chat)
	}
	if p, ok := catalog.NormalizePhone(chat); ok {
		st.Chat = p
	} else if err := checkGroupName(chat); err != nil {
		return Step{}, fmt.Errorf("%s: %q is neither a phone number nor a group name", dir, chat)
	} else {
		st.Chat = chat
	}
	return st, nil
}

// checkGroupName accepts the seller group ids config allows (and "kurir").
func checkGroupName(g string) error {
	if g == "" || strings.ContainsAny(g, " \t,;|/:~=@$") {
		return fmt.Errorf("%q is not a group name", g)
	}
	return nil
}
