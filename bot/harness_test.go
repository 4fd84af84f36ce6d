package bot_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/sim"
	"pasarbot/orders"
	"pasarbot/store"
)

// Phone numbers of the default configuration's parties.
const (
	buyer1  = "6281234567001"
	buyer2  = "6281234567002"
	admin   = "6281100000001"
	sayurL  = "6282200000001" // leader of sayur
	bumbuL  = "6282200000002"
	dagingL = "6282200000004"
	sayurM  = "6282200000011" // member (not leader) of sayur
	kurir1  = "6283300000001"
	kurir2  = "6283300000002"
)

// harness drives a whole market (real SQLite in t.TempDir, real engine)
// through the simulator transport.
type harness struct {
	t    *testing.T
	ctx  context.Context
	cfg  *config.Config
	path string
	m    *sim.SimMarket
	rec  *sim.Recorder
	seq  int
	mark int
}

var wib = time.FixedZone("WIB", 7*3600)

func newHarness(t *testing.T, edit ...func(*config.Config)) *harness {
	t.Helper()
	cfg := config.Default()
	cfg.Orders.CodeSeed = 7
	for _, f := range edit {
		f(cfg)
	}
	h := &harness{t: t, ctx: context.Background(), cfg: cfg, path: filepath.Join(t.TempDir(), "pasar.db")}
	h.open(time.Date(2026, 11, 25, 7, 0, 0, 0, wib))
	return h
}

func (h *harness) open(start time.Time) {
	h.t.Helper()
	h.rec = sim.NewRecorder()
	m, err := sim.NewMarket(h.ctx, sim.Options{Config: h.cfg, DBPath: h.path, Messenger: h.rec, Start: start,
		Log: zerolog.New(zerolog.NewTestWriter(h.t)).Level(zerolog.WarnLevel), BindGroups: true})
	if err != nil {
		h.t.Fatal(err)
	}
	h.rec.SetClock(m.Now)
	h.m = m
	h.mark = 0
	h.t.Cleanup(func() { m.Close() })
}

// restart closes the market and opens it again on the same database file.
func (h *harness) restart() {
	h.t.Helper()
	now := h.m.Now()
	if err := h.m.Close(); err != nil {
		h.t.Fatal(err)
	}
	h.open(now)
}

// say delivers a direct message and returns the replies to that chat.
func (h *harness) say(phone, text string) string {
	h.t.Helper()
	return h.sayAs(phone, "", text)
}

// sayAs is say from a sender whose WhatsApp profile shows pushName.
func (h *harness) sayAs(phone, pushName, text string) string {
	h.t.Helper()
	h.seq++
	h.mark = h.rec.Len()
	in := sim.Direct(fmt.Sprintf("T-%d", h.seq), phone, text, h.m.Now())
	in.PushName = pushName
	if err := h.m.Deliver(h.ctx, in); err != nil {
		h.t.Fatalf("deliver %q: %v", text, err)
	}
	return h.to(phone)
}

// group delivers a message in a group from member and returns the replies
// to the group.
func (h *harness) group(g, member, text string) string {
	h.t.Helper()
	h.seq++
	h.mark = h.rec.Len()
	in := sim.InGroup(fmt.Sprintf("T-%d", h.seq), g, member, text, h.m.Now())
	if err := h.m.Deliver(h.ctx, in); err != nil {
		h.t.Fatalf("deliver %q: %v", text, err)
	}
	return h.to(g)
}

// to returns what the last step sent to chat (a phone or a group name).
func (h *harness) to(name string) string {
	var out []string
	for _, e := range h.rec.Since(h.mark) {
		if e.Kind == sim.EntryOut && sim.ChatName(e.Chat) == name {
			out = append(out, e.Text)
		}
	}
	return strings.Join(out, "\n---\n")
}

// lastTo is the last message sent to chat so far.
func (h *harness) lastTo(name string) string {
	last := ""
	for _, e := range h.rec.Since(0) {
		if e.Kind == sim.EntryOut && sim.ChatName(e.Chat) == name {
			last = e.Text
		}
	}
	return last
}

func (h *harness) advance(d time.Duration) {
	h.t.Helper()
	h.mark = h.rec.Len()
	if err := h.m.AdvanceTo(h.ctx, h.m.Now().Add(d)); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) lastCode() string {
	h.t.Helper()
	c, err := h.m.LastOrderCode(h.ctx)
	if err != nil || c == "" {
		h.t.Fatalf("no order: %v", err)
	}
	return c
}

func (h *harness) order(code string) *orders.Order {
	h.t.Helper()
	var o *orders.Order
	if err := h.m.DB().View(h.ctx, func(tx *store.Tx) error {
		var err error
		o, err = tx.Order(code)
		return err
	}); err != nil || o == nil {
		h.t.Fatalf("order %s: %v", code, err)
	}
	return o
}

func (h *harness) state(phone string) bot.State {
	h.t.Helper()
	var c *bot.Conversation
	if err := h.m.DB().View(h.ctx, func(tx *store.Tx) error {
		var err error
		c, err = tx.Conversation(sim.DirectChat(phone))
		return err
	}); err != nil {
		h.t.Fatal(err)
	}
	return c.State
}

func contains(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(strings.ToLower(got), strings.ToLower(w)) {
			t.Errorf("%s: want %q in:\n%s", what, w, got)
		}
	}
}

// checkout takes a buyer from cart to a placed order delivered to an address.
func (h *harness) checkout(phone, address string) string {
	h.t.Helper()
	h.say(phone, "itu aja")
	h.say(phone, "1")
	h.say(phone, address)
	return h.say(phone, "ya")
}

func (h *harness) job(code string) *orders.Job {
	h.t.Helper()
	var j *orders.Job
	if err := h.m.DB().View(h.ctx, func(tx *store.Tx) error {
		var err error
		j, err = tx.Job(code)
		return err
	}); err != nil || j == nil {
		h.t.Fatalf("job %s: %v", code, err)
	}
	return j
}
