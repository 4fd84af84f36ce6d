package bot

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/hours"
)

// Pipeline is the one writer: inbound messages are stored durably by
// Accept (then WhatsApp may be acknowledged), and a single worker
// processes them in arrival order, committing each batch's state changes,
// outbox rows and processed marks together (group commit). Clock firings
// go through the same worker lock, so a deadline and a message never race.
type Pipeline struct {
	store  Store
	engine *Engine
	clock  Clock
	log    zerolog.Logger
	burst  time.Duration // direct-chat text within this window is one turn
	batch  int

	mu   sync.Mutex // serializes all engine work
	wake chan struct{}

	// The inbox is known clear — no unprocessed row beyond what the write
	// loop is inserting — when clearAt equals direct. clearAt is set to
	// direct's value at the start of a transaction that read the inbox and
	// left nothing behind (no held burst, under its limit), and to -1 by
	// anything that may leave a row behind (a held burst, a failure).
	// direct counts inbox inserts outside the write loop (Accept while Run
	// is not running), before and after each: one that commits during or
	// after a transaction always makes that transaction's clearAt stale.
	// While the inbox is known clear the write loop processes its batch
	// without reading the inbox.
	clearAt atomic.Int64
	direct  atomic.Int64

	// accepts feeds the group-commit loop while Run is running; nil
	// otherwise, and Accept then commits on its own.
	acceptMu sync.RWMutex
	accepts  chan acceptReq

	readers readers     // engines reading messages ahead of the writer
	writing atomic.Bool // the write loop is in a transaction

	// Committed is called after every commit that may have queued
	// outbound messages (the sender's wake-up).
	Committed func()
}

func (p *Pipeline) committed() {
	if p.Committed != nil {
		p.Committed()
	}
}

// NewPipeline builds the pipeline; burst is the buyer burst-merge window
// (0 disables merging).
func NewPipeline(store Store, engine *Engine, clock Clock, burst time.Duration, log zerolog.Logger) *Pipeline {
	p := &Pipeline{store: store, engine: engine, clock: clock, log: log, burst: burst, batch: 64, wake: make(chan struct{}, 1)}
	p.clearAt.Store(-1) // unknown until the inbox is read
	return p
}

type acceptReq struct {
	in   Inbound
	done chan error
}

// Accept stores an inbound message in the inbox. On nil the message is
// durable and may be acknowledged; a repeated id is accepted and ignored.
// While Run is running, concurrent Accepts share one commit.
func (p *Pipeline) Accept(ctx context.Context, in Inbound) error {
	if in.ID == "" || in.Chat == "" {
		return errors.New("bot: inbound message without id or chat")
	}
	if p.Accepting() && p.writing.Load() {
		// The writer is busy: read the message here, in the deliverer's
		// goroutine, while it works, and let it use the reading. (When it
		// is idle, handing the message over at once is quicker.)
		in = p.readAheadBuyer(ctx, in, false)
	}
	p.acceptMu.RLock()
	ch := p.accepts
	if ch != nil {
		req := acceptReq{in: in, done: make(chan error, 1)}
		ch <- req
		p.acceptMu.RUnlock()
		select {
		case err := <-req.done:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	p.acceptMu.RUnlock()
	p.direct.Add(1)
	err := p.store.Update(ctx, func(tx Tx) error {
		_, err := tx.InsertInbound(in, p.clock.Now())
		return err
	})
	p.direct.Add(1)
	if err != nil {
		return err
	}
	p.poke()
	return nil
}

// Handle is Accept followed by Drain for callers that drive the pipeline
// themselves (the simulator, replays), with the message stored and
// processed in one commit where it can be. Not for use while Run runs.
func (p *Pipeline) Handle(ctx context.Context, in Inbound) error {
	if in.ID == "" || in.Chat == "" {
		return errors.New("bot: inbound message without id or chat")
	}
	req := acceptReq{in: in, done: make(chan error, 1)}
	p.acceptAndProcess(ctx, []acceptReq{req})
	if err := <-req.done; err != nil {
		return err
	}
	if p.inboxClear() {
		return nil // that commit left nothing pending
	}
	// Whatever that commit left: a backlog over its limit, a burst now due.
	_, err := p.Drain(ctx)
	return err
}

// acceptBatch is the most accepts one group commit takes, and acceptQueue
// how many more may wait for it: together they bound how far acceptance
// runs ahead of processing (see docs/decisions.md, backpressure).
const (
	acceptBatch = 128
	acceptQueue = 128
)

// writeLoop is the pipeline's writer while Run runs. Each transaction
// stores everything that arrived while the previous one ran and processes,
// in arrival order, at least as many pending messages as it stored, so the
// inbox never grows behind acceptance: an Accept returns only after its
// message is durable (and, unless a burst holds it, answered), and when
// processing is slow the queue fills and Accept waits — backpressure onto
// WhatsApp, which keeps unacknowledged messages for us.
func (p *Pipeline) writeLoop(ctx context.Context, ch chan acceptReq) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		var batch []acceptReq
		select {
		case r, ok := <-ch:
			if !ok {
				return
			}
			batch = append(batch, r)
		case <-p.wake:
		case <-tick.C:
		case <-ctx.Done():
			return
		}
	more:
		for len(batch) < acceptBatch {
			select {
			case r, ok := <-ch:
				if !ok {
					break more
				}
				batch = append(batch, r)
			default:
				break more
			}
		}
		if len(batch) == 0 {
			if _, err := p.Drain(ctx); err != nil && ctx.Err() == nil {
				p.log.Error().Err(err).Msg("processing inbox failed")
			}
			continue
		}
		p.writing.Store(true)
		p.acceptAndProcess(ctx, batch)
		p.writing.Store(false)
	}
}

// acceptAndProcess commits a batch of accepts together with the
// processing of the oldest pending messages, theirs included. When that
// transaction fails the accepts are committed on their own and the inbox
// drained the careful way (one turn at a time, poison set aside).
func (p *Pipeline) acceptAndProcess(ctx context.Context, batch []acceptReq) {
	p.mu.Lock()
	more, clear, gen := false, false, int64(0)
	err := p.store.Update(ctx, func(tx Tx) error {
		gen = p.direct.Load()
		known := p.clearAt.Load() == gen
		now := p.clock.Now()
		var pending []Inbound
		for _, r := range batch {
			fresh, err := tx.InsertInbound(r.in, now)
			if err != nil {
				return err
			}
			if fresh {
				pending = append(pending, r.in)
			}
		}
		if !known {
			// Rows may be waiting from before (a crash, a held burst):
			// take the oldest, ours included, in arrival order.
			limit := len(batch) + p.batch
			var err error
			if pending, err = tx.PendingInbound(limit); err != nil {
				return err
			}
			more = len(pending) == limit
			keepReadAhead(pending, batch)
		}
		turns, held := p.turnsHeld(pending)
		clear = !more && !held
		return p.process(tx, turns)
	})
	if err == nil && clear {
		p.clearAt.Store(gen)
	} else {
		p.clearAt.Store(-1)
	}
	if err == nil {
		p.mu.Unlock()
		for _, r := range batch {
			r.done <- nil
		}
		p.committed()
		if more {
			p.poke()
		}
		return
	}
	p.engine.InvalidateCatalog()
	p.mu.Unlock()
	p.log.Warn().Err(err).Int("messages", len(batch)).Msg("accepting and processing together failed; accepting alone, then processing one turn at a time")
	if ctx.Err() != nil {
		for _, r := range batch {
			r.done <- ctx.Err()
		}
		return
	}
	p.acceptOnly(ctx, batch)
	if _, err := p.Drain(ctx); err != nil && ctx.Err() == nil {
		p.log.Error().Err(err).Msg("processing inbox failed")
	}
}

// acceptOnly commits inbox inserts alone; one bad row must not fail the
// others, so after a failure they are committed one by one.
func (p *Pipeline) acceptOnly(ctx context.Context, batch []acceptReq) {
	err := p.store.Update(ctx, func(tx Tx) error {
		for _, r := range batch {
			if _, err := tx.InsertInbound(r.in, p.clock.Now()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && len(batch) > 1 {
		for _, r := range batch {
			r.done <- p.store.Update(ctx, func(tx Tx) error {
				_, err := tx.InsertInbound(r.in, p.clock.Now())
				return err
			})
		}
		return
	}
	for _, r := range batch {
		r.done <- err
	}
}

// Run processes the inbox until ctx ends; it also picks up rows left
// unprocessed by a crash. Accepts are group-committed, with processing,
// while it runs.
func (p *Pipeline) Run(ctx context.Context) error {
	ch := make(chan acceptReq, acceptQueue)
	p.acceptMu.Lock()
	p.accepts = ch
	p.acceptMu.Unlock()
	loopDone := make(chan struct{})
	loopCtx, stopLoop := context.WithCancel(context.Background())
	go func() { defer close(loopDone); p.writeLoop(loopCtx, ch) }()
	if _, err := p.Drain(ctx); err != nil && ctx.Err() == nil {
		p.log.Error().Err(err).Msg("processing inbox failed")
	}
	<-ctx.Done()
	// Stop taking new accepts, then let the loop commit what is queued.
	p.acceptMu.Lock()
	p.accepts = nil
	p.acceptMu.Unlock()
	close(ch)
	<-loopDone
	stopLoop()
	return nil
}

// Drain processes every pending inbox row that is ready and returns how
// many were handled.
func (p *Pipeline) Drain(ctx context.Context) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	total := 0
	for {
		var pending []Inbound
		if err := p.store.View(ctx, func(tx Tx) error {
			var err error
			pending, err = tx.PendingInbound(p.batch)
			return err
		}); err != nil {
			return total, err
		}
		turns := p.turns(pending)
		if len(turns) == 0 {
			return total, nil
		}
		if err := p.commit(ctx, turns); err != nil {
			if ctx.Err() != nil {
				// Shutting down: the messages stay in the inbox for the next start.
				return total, ctx.Err()
			}
			// One bad message must not hold up the rest: retry one by one.
			for _, tn := range turns {
				if err := p.commit(ctx, []mergedTurn{tn}); err != nil {
					if ctx.Err() != nil {
						return total, ctx.Err()
					}
					p.poison(ctx, tn, err)
				}
			}
		}
		total += len(turns)
		p.committed()
		if len(pending) < p.batch {
			return total, nil
		}
	}
}

// mergedTurn is one message, or a burst of a buyer's texts read as one.
type mergedTurn struct {
	in     Inbound
	merged []string // ids folded into in
}

// turns groups pending rows into turns, merging a buyer's burst of texts
// and holding back chats whose burst may still be arriving.
func (p *Pipeline) turns(pending []Inbound) []mergedTurn {
	out, _ := p.turnsHeld(pending)
	return out
}

// turnsHeld is turns, and whether a chat was held back.
func (p *Pipeline) turnsHeld(pending []Inbound) ([]mergedTurn, bool) {
	now := p.clock.Now()
	lastAt := map[string]time.Time{}
	for _, in := range pending {
		lastAt[in.Chat] = in.At
	}
	var out []mergedTurn
	open := map[string]int{} // chat → index of its mergeable turn in out
	held := map[string]bool{}
	for _, in := range pending {
		if held[in.Chat] {
			continue
		}
		mergeable := p.burst > 0 && !in.IsGroup && in.Kind == KindText
		if mergeable && now.Sub(lastAt[in.Chat]) < p.burst && !lastAt[in.Chat].After(now) {
			held[in.Chat] = true // wait for the burst to end
			continue
		}
		if i, ok := open[in.Chat]; ok && mergeable {
			out[i].in.Text += "\n" + in.Text
			out[i].merged = append(out[i].merged, in.ID)
			continue
		}
		delete(open, in.Chat)
		out = append(out, mergedTurn{in: in})
		if mergeable {
			open[in.Chat] = len(out) - 1
		}
	}
	if len(held) > 0 {
		time.AfterFunc(p.burst, p.poke)
	}
	return out, len(held) > 0
}

// inboxClear says whether the inbox is known to hold no unprocessed row.
func (p *Pipeline) inboxClear() bool { return p.clearAt.Load() == p.direct.Load() }

// Accepting says whether Run is taking accepts (group commit with
// processing); before, an Accept only stores its message.
func (p *Pipeline) Accepting() bool {
	p.acceptMu.RLock()
	defer p.acceptMu.RUnlock()
	return p.accepts != nil
}

// poke wakes the worker without blocking.
func (p *Pipeline) poke() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// commit processes turns in one transaction.
func (p *Pipeline) commit(ctx context.Context, turns []mergedTurn) error {
	return p.store.Update(ctx, func(tx Tx) error { return p.process(tx, turns) })
}

// process runs turns through the engine inside tx.
func (p *Pipeline) process(tx Tx, turns []mergedTurn) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("bot: panic: %v\n%s", r, debug.Stack())
		}
	}()
	for _, tn := range turns {
		if err := p.engine.Process(tx, tn.in); err != nil {
			p.engine.InvalidateCatalog()
			return fmt.Errorf("message %s: %w", tn.in.ID, err)
		}
		for _, id := range tn.merged {
			if err := tx.MarkProcessed(id, p.clock.Now()); err != nil {
				return err
			}
		}
	}
	return nil
}

// poison marks a message that cannot be processed as done, apologises to
// its chat, and logs it: a message never blocks the inbox forever.
func (p *Pipeline) poison(ctx context.Context, tn mergedTurn, cause error) {
	p.log.Error().Err(cause).Str("message_id", tn.in.ID).Str("chat", MaskPhone(tn.in.Chat)).Msg("message could not be processed")
	err := p.store.Update(ctx, func(tx Tx) error {
		for _, id := range append([]string{tn.in.ID}, tn.merged...) {
			if err := tx.MarkProcessed(id, p.clock.Now()); err != nil {
				return err
			}
		}
		if tn.in.IsGroup && !strings.Contains(tn.in.Text, " ") {
			return nil
		}
		return tx.Enqueue(Outbound{ID: OutboundID("poison:"+tn.in.ID, 0), Chat: tn.in.Chat, Text: p.engine.Apology()}, p.clock.Now())
	})
	if err != nil {
		p.log.Error().Err(err).Str("message_id", tn.in.ID).Msg("could not set aside a failing message")
	}
}

// Fire runs a scheduled firing through the writer.
func (p *Pipeline) Fire(ctx context.Context, f hours.Firing) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if f.Job == hours.JobSweep {
		// Most minutes nothing is due: look before taking the write lock.
		var due []Timer
		if err := p.store.View(ctx, func(tx Tx) error {
			var err error
			due, err = tx.DueTimers(f.At, 1)
			return err
		}); err != nil || len(due) == 0 {
			return err
		}
	}
	defer p.committed()
	return p.store.Update(ctx, func(tx Tx) error {
		err := p.engine.Fire(tx, f)
		if err != nil {
			p.engine.InvalidateCatalog()
		}
		return err
	})
}

// CatchUp runs missed firings and overdue deadlines (at startup).
func (p *Pipeline) CatchUp(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	defer p.committed()
	return p.store.Update(ctx, func(tx Tx) error { return p.engine.CatchUp(tx) })
}

// Entries returns the cron lines for the current schedule.
func (p *Pipeline) Entries(ctx context.Context) ([]hours.Entry, error) {
	var es []hours.Entry
	err := p.store.View(ctx, func(tx Tx) error {
		var err error
		es, err = p.engine.Entries(tx)
		return err
	})
	return es, err
}

// AdminNotice queues text to every admin, once per key (e.g. a ban lifted).
func (p *Pipeline) AdminNotice(ctx context.Context, key, text string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	defer p.committed()
	return p.store.Update(ctx, func(tx Tx) error { return p.engine.AdminNotice(tx, key, text) })
}
