// Package simtest has a stand-in Market for testing the simulator's own
// machinery (scripts, transcripts, the web page) without the real engine.
package simtest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"pasarbot/bot"
	"pasarbot/bot/sim"
)

// Echo is a toy market with the behaviour the simulator's tests need:
//   - a direct message becomes an order F001, F002…: the buyer gets
//     "Siap kak, pesanan F001: <text>" and the group "sayur" gets a card
//     "Pesanan baru F001\n<text>";
//   - "OK F001" in a group confirms: the group gets "F001 dikonfirmasi", the
//     buyer "Pesanan F001 dikonfirmasi penjual";
//   - the market opens at 06:00 every day: the group "sayur" gets "Pasar buka"
//     at that time while the clock advances.
type Echo struct {
	mu     sync.Mutex
	now    time.Time
	loc    *time.Location
	out    bot.Messenger
	orders []order
	nout   int
	// FailDeliver, when set, is returned by Deliver for messages with this text.
	FailDeliver string
}

type order struct{ code, buyer string }

// NewEcho starts the toy market at start (in Asia/Jakarta), sending through out.
func NewEcho(start time.Time, out bot.Messenger) *Echo {
	loc, err := time.LoadLocation("Asia/Jakarta")
	if err != nil {
		panic(err)
	}
	return &Echo{now: start, loc: loc, out: out}
}

// Now implements sim.Market.
func (e *Echo) Now() time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.now
}

// Location implements sim.Market.
func (e *Echo) Location() *time.Location { return e.loc }

// LastOrderCode implements sim.Market.
func (e *Echo) LastOrderCode(ctx context.Context) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.orders) == 0 {
		return "", nil
	}
	return e.orders[len(e.orders)-1].code, nil
}

// Close implements the Close the real market has.
func (e *Echo) Close() error { return nil }

// Deliver implements sim.Market.
func (e *Echo) Deliver(ctx context.Context, in bot.Inbound) error {
	if e.FailDeliver != "" && in.Text == e.FailDeliver {
		return errors.New("echo: asked to fail")
	}
	if !in.IsGroup {
		e.mu.Lock()
		code := fmt.Sprintf("F%03d", len(e.orders)+1)
		e.orders = append(e.orders, order{code: code, buyer: in.Chat})
		e.mu.Unlock()
		if err := e.send(ctx, in.Chat, "Siap kak, pesanan "+code+": "+in.Text); err != nil {
			return err
		}
		return e.send(ctx, sim.GroupChat("sayur"), "Pesanan baru "+code+"\n"+in.Text)
	}
	verb, code, _ := strings.Cut(strings.TrimSpace(in.Text), " ")
	if strings.EqualFold(verb, "OK") {
		if buyer, ok := e.buyer(code); ok {
			if err := e.send(ctx, in.Chat, code+" dikonfirmasi"); err != nil {
				return err
			}
			return e.send(ctx, buyer, "Pesanan "+code+" dikonfirmasi penjual")
		}
	}
	return e.send(ctx, in.Chat, "Perintah tidak dikenal")
}

func (e *Echo) buyer(code string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, o := range e.orders {
		if o.code == code {
			return o.buyer, true
		}
	}
	return "", false
}

// AdvanceTo implements sim.Market: it opens the market at every 06:00 on
// the way to t.
func (e *Echo) AdvanceTo(ctx context.Context, t time.Time) error {
	for {
		now := e.Now().In(e.loc)
		open := time.Date(now.Year(), now.Month(), now.Day(), 6, 0, 0, 0, e.loc)
		if !open.After(now) {
			open = open.AddDate(0, 0, 1)
		}
		if open.After(t) {
			break
		}
		e.setNow(open)
		if err := e.send(ctx, sim.GroupChat("sayur"), "Pasar buka"); err != nil {
			return err
		}
	}
	if t.After(e.Now()) {
		e.setNow(t)
	}
	return nil
}

func (e *Echo) setNow(t time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.now = t
}

func (e *Echo) send(ctx context.Context, chat, text string) error {
	e.mu.Lock()
	e.nout++
	id := fmt.Sprintf("OUT-%d", e.nout)
	e.mu.Unlock()
	return e.out.Send(ctx, bot.Outbound{ID: id, Chat: chat, Text: text})
}

var _ sim.Market = (*Echo)(nil)
