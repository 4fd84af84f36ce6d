package whatsapp

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"
)

// Pacer spaces out sends. WhatsApp bans numbers that send in bursts, so
// every send first reserves a slot that respects:
//
//   - a market-wide minimum interval, with up to Burst sends back to back
//     after a quiet period (a token bucket, computed as a "theoretical
//     arrival time" so it needs no timer);
//   - a minimum gap per chat, plus a random 0–MaxJitter so replies to one
//     person do not come at machine-exact intervals.
//
// Slots are reserved in call order under a lock and then waited for outside
// it, so concurrent senders queue fairly. All time comes from Now and Sleep
// and all randomness from Jitter, which tests replace.
type Pacer struct {
	Interval  time.Duration // market-wide minimum gap between sends
	Burst     int           // sends allowed back to back (≥ 1)
	ChatGap   time.Duration // minimum gap between two sends to one chat
	MaxJitter time.Duration // random extra per-chat gap, 0 to this

	Now    func() time.Time
	Sleep  func(ctx context.Context, d time.Duration) error
	Jitter func(max time.Duration) time.Duration

	mu   sync.Mutex
	tat  time.Time            // when the bucket is full again
	next map[string]time.Time // per chat: earliest next send
}

// DefaultMaxJitter is the per-chat jitter bound.
const DefaultMaxJitter = 500 * time.Millisecond

// NewPacer returns a pacer on the real clock.
func NewPacer(interval time.Duration, burst int, chatGap time.Duration) *Pacer {
	return &Pacer{
		Interval:  interval,
		Burst:     burst,
		ChatGap:   chatGap,
		MaxJitter: DefaultMaxJitter,
		Now:       time.Now,
		Sleep:     sleepCtx,
		Jitter: func(max time.Duration) time.Duration {
			if max <= 0 {
				return 0
			}
			return rand.N(max + 1)
		},
	}
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Reserve books the next slot for a send to chat and returns how long to
// wait for it (0 = now). The slot is booked even if the caller then gives
// up, which only makes later sends slightly more conservative.
func (p *Pacer) Reserve(chat string) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.Now()
	if p.next == nil {
		p.next = make(map[string]time.Time)
	}

	at := now
	burst := max(p.Burst, 1)
	// The bucket allows a send once tat is at most (burst-1) intervals ahead.
	if free := p.tat.Add(-time.Duration(burst-1) * p.Interval); free.After(at) {
		at = free
	}
	if n, ok := p.next[chat]; ok && n.After(at) {
		at = n
	}

	if p.tat.Before(at) {
		p.tat = at
	}
	p.tat = p.tat.Add(p.Interval)
	gap := p.ChatGap
	if p.MaxJitter > 0 && p.Jitter != nil {
		gap += p.Jitter(p.MaxJitter)
	}
	p.next[chat] = at.Add(gap)
	p.forget(now)
	return at.Sub(now)
}

// forget drops chats whose gap has passed, so a market day's thousands of
// buyers do not stay in memory. Amortized: only when the map has grown.
func (p *Pacer) forget(now time.Time) {
	if len(p.next) < 1024 {
		return
	}
	for chat, n := range p.next {
		if !n.After(now) {
			delete(p.next, chat)
		}
	}
}

// Wait reserves a slot for chat and sleeps until it comes.
func (p *Pacer) Wait(ctx context.Context, chat string) error {
	return p.Sleep(ctx, p.Reserve(chat))
}
