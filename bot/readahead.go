package bot

import (
	"context"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Reading a buyer's message (readBuyer) is most of the CPU a message
// costs, and it depends only on the message, the conversation it is read
// in and the catalog. The pipeline's single writer is the bottleneck, so
// the reading is done ahead, in the goroutine that hands the message to
// Accept (WhatsApp delivers on many), on the conversation as it is stored
// at that moment. The writer uses that reading only when the conversation
// it reads the message in is still exactly the one read ahead on, the
// message is the same, and its catalog is the one the reading used;
// otherwise (another message of the chat came first, a merged burst, a
// reloaded catalog, a message read back from the inbox) it reads the
// message itself. So the answers are the same with and without reading
// ahead, only the work moves (TestReadAheadChangesNothing).

// readAhead is one message read ahead of the writer.
type readAhead struct {
	in      Inbound        // the message as read: cleaned text, no memo
	conv    *Conversation  // the conversation as it was before the reading
	catalog *loadedCatalog // the catalog the reading used
	acts    []act
	used    bool // the writer took acts: a retry reads again
}

// readers are engines that read ahead: one per goroutine at a time, since
// an engine fills small caches as it reads (services, zone keywords). They
// are kept rather than pooled with sync.Pool, which drops them at every
// collection and so their caches with them.
//
// At most one core less than the process has reads at a time (none on
// one core): the writer is the bottleneck, and readers that outnumber the
// spare cores would only take its core from it. A deliverer that finds
// every reader busy hands its message over unread.
type readers struct {
	once sync.Once
	idle chan *Engine // reading engines not in use; an empty slot is one not built yet
	read atomic.Int64 // messages read ahead
}

func (rs *readers) get(writer *Engine) *Engine {
	rs.once.Do(func() {
		n := runtime.GOMAXPROCS(0) - 1 // on one core, reading ahead is only overhead
		rs.idle = make(chan *Engine, max(n, 0))
		for range n {
			rs.idle <- nil
		}
	})
	select {
	case r := <-rs.idle:
		if r == nil {
			r = writer.reader()
		}
		return r
	default:
		return nil // all reading
	}
}

func (rs *readers) put(r *Engine) { rs.idle <- r }

// conversationPeeker is a store that keeps recently committed
// conversations in memory (store.BotStore): reading ahead takes the chat's
// from there, without a transaction, when it is kept.
type conversationPeeker interface {
	PeekConversation(chat string) (*Conversation, bool)
}

func peekConversation(s Store, chat string) (*Conversation, bool) {
	if p, ok := s.(conversationPeeker); ok {
		return p.PeekConversation(chat)
	}
	return nil, false
}

// ReadAhead returns in with the engine's reading of it attached, done now
// in the caller's goroutine on the chat's stored conversation, for Handle
// or Accept to use when it still holds. Accept does this itself while
// Run runs; callers of Handle with a core to spare may.
func (p *Pipeline) ReadAhead(ctx context.Context, in Inbound) Inbound {
	return p.readAheadBuyer(ctx, in, true)
}

// ReadAheadCounts says how many messages were read ahead and how many of
// those readings the writer used (the rest it read again itself).
func (p *Pipeline) ReadAheadCounts() (read, used int64) {
	return p.readers.read.Load(), p.engine.readAheadUsed.Load()
}

// readAheadBuyer reads a buyer's direct text message on the chat's stored
// conversation and returns it with the reading attached. Anything that
// stops the reading (no catalog loaded yet, a failed read, a message that
// is not a buyer's text) returns the message as it was: the writer then
// reads it itself.
//
// Accept reads only when a reader is free; asked (ReadAhead), it always reads.
func (p *Pipeline) readAheadBuyer(ctx context.Context, in Inbound, asked bool) Inbound {
	if in.IsGroup || in.Kind != KindText || p.engine.isAdmin(in.SenderPhone) {
		return in
	}
	lc := p.engine.loaded.Load()
	if lc == nil {
		return in
	}
	r := p.readers.get(p.engine)
	switch {
	case r != nil:
		defer p.readers.put(r)
	case asked:
		r = p.engine.reader()
	default:
		return in
	}
	conv, ok := peekConversation(p.store, in.Chat)
	if !ok {
		if err := p.store.View(ctx, func(tx Tx) error {
			var err error
			conv, err = tx.Conversation(in.Chat)
			return err
		}); err != nil {
			return in
		}
	}
	if in.ahead = r.readAhead(lc, conv, in); in.ahead != nil {
		p.readers.read.Add(1)
	}
	return in
}

// reader is an engine for reading ahead: the writer's settings, no state.
// Only what never changes after NewEngine is taken from the writer (the
// writer fills Payments lazily, inside its transactions).
func (e *Engine) reader() *Engine {
	return &Engine{set: e.set, clock: &askedClock{Clock: e.clock}, log: e.log, catalogDirty: true}
}

// askedClock is a reading engine's clock: it notes that the reading asked
// the time, which differs by the time the writer handles the message, so
// that reading is not used.
type askedClock struct {
	Clock
	asked bool
}

func (c *askedClock) Now() time.Time {
	c.asked = true
	return c.Clock.Now()
}

// readAhead reads in on conv with the catalog lc, as the writer would.
func (e *Engine) readAhead(lc *loadedCatalog, conv *Conversation, in Inbound) *readAhead {
	if e.loaded.Load() != lc {
		e.useCatalog(lc)
	}
	in.ahead = nil
	in.Text = cleanText(in.Text) // as Process does
	beforeBuyer(conv, in)
	before := deepCopy(conv)
	clock, _ := e.clock.(*askedClock)
	if clock != nil {
		clock.asked = false
	}
	acts := e.readBuyer(conv, in)
	if clock == nil || clock.asked {
		return nil // a reading that depends on when it is done is the writer's to do
	}
	return &readAhead{in: in, conv: before, catalog: lc, acts: acts}
}

// readBuyerOnce is readBuyer, using the reading done ahead when it was
// done on exactly this conversation, message and catalog.
func (e *Engine) readBuyerOnce(c *Conversation, in Inbound) []act {
	if ra := in.ahead; ra != nil && !ra.used && ra.readsAs(e, c, in) {
		ra.used = true // the steps may change the acts
		e.readAheadUsed.Add(1)
		return ra.acts
	}
	in.ahead = nil
	return e.readBuyer(c, in)
}

// readsAs says whether the reading ahead is the one e would make of in on c.
func (ra *readAhead) readsAs(e *Engine, c *Conversation, in Inbound) bool {
	if ra.catalog != e.loaded.Load() || e.catalogDirty {
		return false
	}
	in.ahead = nil
	return reflect.DeepEqual(ra.in, in) && reflect.DeepEqual(ra.conv, c)
}

// beforeBuyer is what handleBuyer sets on the conversation from the
// message before reading it. Were the two to differ, the conversations
// would differ and the reading ahead would go unused: never wrong.
func beforeBuyer(conv *Conversation, in Inbound) {
	if in.SenderPhone != "" {
		conv.Phone = in.SenderPhone
	}
	if in.PushName != "" {
		conv.PushName = in.PushName
	}
}

// keepReadAhead gives messages read back from the inbox the readings
// their accepts carried.
func keepReadAhead(pending []Inbound, batch []acceptReq) {
	byID := make(map[string]*readAhead, len(batch))
	for _, r := range batch {
		if r.in.ahead != nil {
			byID[r.in.ID] = r.in.ahead
		}
	}
	if len(byID) == 0 {
		return
	}
	for i := range pending {
		if ra, ok := byID[pending[i].ID]; ok {
			pending[i].ahead = ra
		}
	}
}
