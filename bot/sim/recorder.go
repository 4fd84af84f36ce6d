package sim

import (
	"context"
	"sync"
	"time"

	"pasarbot/bot"
)

// EntryKind says what an Entry of the simulator's log is.
type EntryKind string

const (
	EntryIn    EntryKind = "in"    // a party sent a message to the market number
	EntryOut   EntryKind = "out"   // the bot sent a message
	EntryClock EntryKind = "clock" // the simulated clock was set or advanced
)

// Entry is one line of the simulator's log: what transcripts print and what
// the web simulator streams.
type Entry struct {
	Seq      int           `json:"seq"`  // 1-based position in the log
	Kind     EntryKind     `json:"kind"` //
	At       time.Time     `json:"at"`   // simulated time
	ID       string        `json:"id,omitempty"`
	Chat     string        `json:"chat,omitempty"` // address, as in bot.Inbound/Outbound
	From     string        `json:"from,omitempty"` // inbound: the sender's phone
	Text     string        `json:"text,omitempty"`
	Location *bot.Location `json:"location,omitempty"`
	Image    *bot.Image    `json:"image,omitempty"` // outbound picture; Text is its caption
	// Advance is how far an EntryClock moved the clock; 0 when it was set
	// (the script's @clock or the start).
	Advance time.Duration `json:"advance,omitempty"`
}

// Recorder is the simulator's transport: a bot.Messenger that keeps every
// outbound message, in order, next to the inbound messages and clock moves
// the simulator logs, so a transcript is one ordered list. It is safe for
// concurrent use; readers poll with Since and wait on Changed.
type Recorder struct {
	mu      sync.Mutex
	now     func() time.Time
	entries []Entry
	sent    map[string]bool // outbound ids already recorded
	changed chan struct{}   // closed and replaced on every append
}

// NewRecorder returns an empty Recorder. Until SetClock is called, entries
// are stamped with the zero time.
func NewRecorder() *Recorder {
	return &Recorder{sent: map[string]bool{}, changed: make(chan struct{})}
}

// SetClock sets what stamps outbound messages, normally Market.Now. It is
// separate from NewRecorder because the market is built with the recorder.
func (r *Recorder) SetClock(now func() time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.now = now
}

// Send records an outbound message. A message whose id was already recorded
// is a retry of the same send and is dropped, as WhatsApp drops it.
func (r *Recorder) Send(ctx context.Context, msg bot.Outbound) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if msg.ID != "" {
		if r.sent[msg.ID] {
			return nil
		}
		r.sent[msg.ID] = true
	}
	var at time.Time
	if r.now != nil {
		at = r.now()
	}
	r.appendLocked(Entry{Kind: EntryOut, At: at, ID: msg.ID, Chat: msg.Chat, Text: msg.Text, Location: msg.Location, Image: msg.Image})
	return nil
}

// Received logs an inbound message just before it is delivered to the
// market, so the replies it causes come after it.
func (r *Recorder) Received(in bot.Inbound) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.appendLocked(Entry{Kind: EntryIn, At: in.At, ID: in.ID, Chat: in.Chat, From: in.SenderPhone, Text: in.Text, Location: in.Location})
}

// Clock logs that the simulated clock now reads at, having moved by advance
// (0 when it was set rather than advanced).
func (r *Recorder) Clock(at time.Time, advance time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.appendLocked(Entry{Kind: EntryClock, At: at, Advance: advance})
}

func (r *Recorder) appendLocked(e Entry) {
	e.Seq = len(r.entries) + 1
	r.entries = append(r.entries, e)
	close(r.changed)
	r.changed = make(chan struct{})
}

// Len is the number of entries so far.
func (r *Recorder) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.entries)
}

// Since returns a copy of the entries after the first n.
func (r *Recorder) Since(n int) []Entry {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n < 0 {
		n = 0
	}
	if n >= len(r.entries) {
		return nil
	}
	return append([]Entry(nil), r.entries[n:]...)
}

// Changed returns a channel closed at the next append. Readers take it before
// calling Since, so an append between the two is not missed.
func (r *Recorder) Changed() <-chan struct{} {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.changed
}

// LastTo returns the newest outbound message to chat.
func (r *Recorder) LastTo(chat string) (Entry, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.entries) - 1; i >= 0; i-- {
		if e := r.entries[i]; e.Kind == EntryOut && e.Chat == chat {
			return e, true
		}
	}
	return Entry{}, false
}
