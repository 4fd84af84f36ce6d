package ops_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/ops"
	"pasarbot/bot/sim"
	"pasarbot/catalog"
	"pasarbot/orders"
	"pasarbot/store"
)

const hookSecret = "a-long-random-string-for-tests"

var hookT0 = time.Date(2026, 11, 25, 6, 0, 0, 0, time.UTC)

// receiver is a webhook endpoint on 127.0.0.1 that verifies every
// delivery and answers with the next queued status (200 when none).
type receiver struct {
	t   *testing.T
	srv *httptest.Server
	now func() time.Time

	mu       sync.Mutex
	statuses []int
	got      []delivery
	accepted func() // runs once after the next accepted delivery is recorded
}

type delivery struct {
	key    string
	market string
	event  store.WebhookEvent
}

func newReceiver(t *testing.T, now func() time.Time, statuses ...int) *receiver {
	r := &receiver{t: t, now: now, statuses: statuses}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve)) // listens on 127.0.0.1 only
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	if err := ops.VerifyWebhook(hookSecret, req.Header, body, r.now(), 5*time.Minute); err != nil {
		r.t.Errorf("delivery failed verification: %v", err)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if got, want := req.Header.Get(ops.HeaderTimestamp), req.Header.Get(ops.HeaderSignature)[2:12]; got != want {
		r.t.Errorf("timestamp header %q, signature t=%q", got, want)
	}
	var ev store.WebhookEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		r.t.Errorf("payload: %v", err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	status := http.StatusOK
	if len(r.statuses) > 0 {
		status, r.statuses = r.statuses[0], r.statuses[1:]
	}
	if status == http.StatusOK {
		r.got = append(r.got, delivery{key: req.Header.Get(ops.HeaderIdempotency), market: req.Header.Get(ops.HeaderMarket), event: ev})
		if r.accepted != nil {
			r.accepted()
			r.accepted = nil
		}
	}
	w.WriteHeader(status)
}

func (r *receiver) deliveries() []delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]delivery(nil), r.got...)
}

// hookOrder is a placed order with its creation event, not yet stored.
func hookOrder(code string) *orders.Order {
	o := orders.New(code, "62811@s.whatsapp.net", []orders.Line{
		{Group: "sayur", SKU: "tomat", Name: "Tomat", Unit: "kg", Qty: 500, Price: 12000},
		{Group: "daging", SKU: "ayam", Name: "Ayam potong", Unit: "ekor", Qty: catalog.Whole(1), Price: 45000},
	}, hookT0)
	o.BuyerPhone, o.Name, o.Address, o.Area, o.MarketDay = "62811", "Bu Sri", "Jl. Melati 3", "Sukajadi", "2026-11-25"
	o.Delivery = orders.Antar
	o.NewEvents = append(o.NewEvents, orders.Event{To: o.Status, Actor: "buyer", Detail: "order created", At: hookT0})
	return o
}

type hookFixture struct {
	path  string
	db    *store.DB
	clock time.Time
	rcv   *receiver
}

func newHookFixture(t *testing.T, statuses ...int) *hookFixture {
	f := &hookFixture{path: filepath.Join(t.TempDir(), "p.db"), clock: hookT0}
	f.rcv = newReceiver(t, func() time.Time { return f.clock }, statuses...)
	f.open(t)
	return f
}

func (f *hookFixture) open(t *testing.T) {
	db, err := store.Open(context.Background(), f.path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetWebhookReceivers([]string{f.rcv.srv.URL})
	f.db = db
	t.Cleanup(func() { db.Close() })
}

func (f *hookFixture) sender() *ops.WebhookSender {
	return &ops.WebhookSender{Queue: store.WebhookQueue{DB: f.db}, Receivers: []config.Webhook{{URL: f.rcv.srv.URL, Secret: hookSecret}},
		Now: func() time.Time { return f.clock }, Log: zerolog.Nop()}
}

func (f *hookFixture) createOrder(t *testing.T, o *orders.Order) {
	if err := f.db.Update(context.Background(), func(tx *store.Tx) error { return tx.CreateOrder(o) }); err != nil {
		t.Fatal(err)
	}
}

func flush(t *testing.T, s *ops.WebhookSender) int {
	t.Helper()
	n, err := s.Flush(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestWebhookDelivery(t *testing.T) {
	t.Run("SignedPayload", func(t *testing.T) {
		f := newHookFixture(t)
		o := hookOrder("A7K2")
		f.createOrder(t, o)
		o.Status = orders.Cancelled
		o.NewEvents = append(o.NewEvents, orders.Event{From: orders.Placed, To: orders.Cancelled, Actor: "admin:62812", At: hookT0.Add(time.Minute)})
		if err := f.db.Update(context.Background(), func(tx *store.Tx) error { return tx.SaveOrder(o) }); err != nil {
			t.Fatal(err)
		}
		if got, want := flush(t, f.sender()), 1; got != want {
			t.Fatalf("first flush delivered %d, want %d (one per receiver, in order)", got, want)
		}
		f.clock = f.clock.Add(2 * time.Minute) // the cancel happened a minute later
		if got, want := flush(t, f.sender()), 1; got != want {
			t.Fatalf("second flush delivered %d, want %d", got, want)
		}
		d := f.rcv.deliveries()
		if len(d) != 2 {
			t.Fatalf("got %d deliveries, want 2", len(d))
		}
		created, cancelled := d[0].event, d[1].event
		if created.Version != store.WebhookPayloadVersion || created.Type != "order.created" || created.Order.Code != "A7K2" {
			t.Errorf("first event = %+v", created)
		}
		if cancelled.Type != "order.status_changed" || cancelled.Change.From != "placed" || cancelled.Change.To != "cancelled" ||
			cancelled.Change.By != "admin" || cancelled.Order.Status != "cancelled" {
			t.Errorf("second event = %+v", cancelled)
		}
		if d[0].key != created.ID || d[1].key == d[0].key {
			t.Errorf("idempotency keys %q, %q for events %q, %q", d[0].key, d[1].key, created.ID, cancelled.ID)
		}
		if got, want := len(created.Order.Lines), 2; got != want || created.Order.Lines[0].Qty != 0.5 {
			t.Errorf("lines = %+v", created.Order.Lines)
		}
	})

	t.Run("MarketHeader", func(t *testing.T) {
		f := newHookFixture(t)
		f.createOrder(t, hookOrder("M1N2"))
		s := f.sender()
		s.Market = "besar"
		if got, want := flush(t, s), 1; got != want {
			t.Fatalf("delivered %d, want %d", got, want)
		}
		if got, want := f.rcv.deliveries()[0].market, "besar"; got != want {
			t.Errorf("%s = %q, want %q", ops.HeaderMarket, got, want)
		}
	})

	t.Run("NoPersonalData", func(t *testing.T) {
		f := newHookFixture(t)
		f.createOrder(t, hookOrder("B3C4"))
		rows, err := store.WebhookQueue{DB: f.db}.Pending(context.Background(), f.clock, 0)
		if err != nil || len(rows) != 1 {
			t.Fatalf("pending = %v, %v", rows, err)
		}
		for _, secret := range []string{"62811", "Bu Sri", "Melati"} {
			if strings.Contains(string(rows[0].Payload), secret) {
				t.Errorf("payload carries %q: %s", secret, rows[0].Payload)
			}
		}
	})

	t.Run("RetryAfter500", func(t *testing.T) {
		f := newHookFixture(t, http.StatusInternalServerError, http.StatusBadGateway)
		f.createOrder(t, hookOrder("C5D6"))
		s := f.sender()
		if got := flush(t, s); got != 0 {
			t.Fatalf("delivered %d on a 500", got)
		}
		if got := flush(t, s); got != 0 {
			t.Fatalf("retried before the backoff: delivered %d", got)
		}
		f.clock = f.clock.Add(7 * time.Second) // first backoff: 5s + up to 25 %
		if got := flush(t, s); got != 0 {
			t.Fatalf("delivered %d on a 502", got)
		}
		f.clock = f.clock.Add(7 * time.Second) // second backoff is 10s: not yet
		if got := flush(t, s); got != 0 {
			t.Fatalf("retried before the doubled backoff")
		}
		f.clock = f.clock.Add(6 * time.Second)
		if got := flush(t, s); got != 1 {
			t.Fatalf("third attempt delivered %d, want 1", got)
		}
		if got := len(f.rcv.deliveries()); got != 1 {
			t.Fatalf("receiver accepted %d deliveries, want 1", got)
		}
	})

	t.Run("GivenUpAfterADay", func(t *testing.T) {
		f := newHookFixture(t, http.StatusServiceUnavailable, http.StatusServiceUnavailable)
		f.createOrder(t, hookOrder("D7E8"))
		later := hookOrder("E9F2")
		later.NewEvents[0].At = hookT0.Add(ops.WebhookGiveUp)
		f.createOrder(t, later)
		f.clock = hookT0.Add(ops.WebhookGiveUp)
		flush(t, f.sender()) // the day-old event fails once more and is given up
		f.clock = f.clock.Add(time.Second)
		flush(t, f.sender()) // 503 for the next one
		f.clock = f.clock.Add(10 * time.Second)
		if got := flush(t, f.sender()); got != 1 {
			t.Fatalf("the event after the given-up one: delivered %d, want 1", got)
		}
		var dead int
		f.db.View(context.Background(), func(tx *store.Tx) (err error) { _, _, dead, err = tx.WebhookStats(); return err })
		if dead != 1 {
			t.Fatalf("dead = %d, want 1", dead)
		}
	})

	t.Run("RolledBackTurnSendsNothing", func(t *testing.T) {
		f := newHookFixture(t)
		turnFailed := errors.New("turn failed after the order was stored")
		err := f.db.Update(context.Background(), func(tx *store.Tx) error {
			if err := tx.CreateOrder(hookOrder("F3G4")); err != nil {
				return err
			}
			return turnFailed
		})
		if !errors.Is(err, turnFailed) {
			t.Fatalf("update: %v", err)
		}
		f.clock = f.clock.Add(time.Hour)
		if got := flush(t, f.sender()); got != 0 || len(f.rcv.deliveries()) != 0 {
			t.Fatalf("a rolled-back turn delivered %d (receiver saw %d)", got, len(f.rcv.deliveries()))
		}
	})

	t.Run("CrashAfterPostBeforeMark", func(t *testing.T) {
		f := newHookFixture(t)
		f.createOrder(t, hookOrder("H5J6"))
		f.createOrder(t, hookOrder("K7L8"))
		if got := flush(t, f.sender()); got != 1 {
			t.Fatalf("delivered %d, want 1", got)
		}
		// The process dies after the receiver answered 200 for K7L8 but
		// before the row was marked sent: the database goes away while the
		// answer is on its way back.
		f.rcv.mu.Lock()
		f.rcv.accepted = func() { f.db.Close() }
		f.rcv.mu.Unlock()
		f.clock = f.clock.Add(time.Second)
		if n, err := f.sender().Flush(context.Background()); err == nil || n != 0 || len(f.rcv.deliveries()) != 2 {
			t.Fatalf("crashed flush: %d delivered, err %v; receiver saw %d, want 2", n, err, len(f.rcv.deliveries()))
		}
		f.open(t) // restart

		f.clock = f.clock.Add(time.Second)
		if got := flush(t, f.sender()); got != 1 {
			t.Fatalf("after restart delivered %d, want the unmarked event again", got)
		}
		f.clock = f.clock.Add(time.Hour)
		if got := flush(t, f.sender()); got != 0 {
			t.Fatalf("a further flush delivered %d", got)
		}
		d := f.rcv.deliveries()
		if len(d) != 3 {
			t.Fatalf("receiver saw %d deliveries, want 3 (H5J6, K7L8 twice)", len(d))
		}
		if d[0].event.Order.Code != "H5J6" || d[1].event.Order.Code != "K7L8" || d[2].key != d[1].key {
			t.Errorf("deliveries %s %s %s with keys %s %s: the repeat must carry the same key",
				d[0].event.Order.Code, d[1].event.Order.Code, d[2].event.Order.Code, d[1].key, d[2].key)
		}
	})

	t.Run("ReceiverDroppedFromConfig", func(t *testing.T) {
		f := newHookFixture(t)
		f.createOrder(t, hookOrder("M9N2"))
		s := f.sender()
		s.Receivers = nil
		if got := flush(t, s); got != 0 || len(f.rcv.deliveries()) != 0 {
			t.Fatalf("delivered %d to a receiver no longer configured", got)
		}
	})
}

func TestVerifyWebhook(t *testing.T) {
	body := []byte(`{"version":1}`)
	h := http.Header{}
	h.Set(ops.HeaderSignature, ops.Sign(hookSecret, hookT0, body))
	if err := ops.VerifyWebhook(hookSecret, h, body, hookT0.Add(time.Minute), 5*time.Minute); err != nil {
		t.Fatalf("OK: %v", err)
	}
	for name, check := range map[string]func() error{
		"WrongSecret": func() error { return ops.VerifyWebhook("another-secret-16+", h, body, hookT0, 5*time.Minute) },
		"ChangedBody": func() error { return ops.VerifyWebhook(hookSecret, h, []byte(`{"version":2}`), hookT0, 5*time.Minute) },
		"Replayed":    func() error { return ops.VerifyWebhook(hookSecret, h, body, hookT0.Add(time.Hour), 5*time.Minute) },
		"NoHeader":    func() error { return ops.VerifyWebhook(hookSecret, http.Header{}, body, hookT0, 5*time.Minute) },
	} {
		if err := check(); !errors.Is(err, ops.ErrBadSignature) {
			t.Errorf("%s: err = %v, want ErrBadSignature", name, err)
		}
	}
}

func FuzzVerifyWebhook(f *testing.F) {
	body := []byte(`{"version":1}`)
	f.Add(ops.Sign(hookSecret, hookT0, body))
	f.Add("t=,v1=")
	f.Add("v1=zz,t=1")
	f.Fuzz(func(t *testing.T, header string) {
		h := http.Header{}
		h.Set(ops.HeaderSignature, header)
		err := ops.VerifyWebhook(hookSecret, h, body, hookT0, 5*time.Minute)
		if err == nil && header != ops.Sign(hookSecret, hookT0, body) {
			// Only a header carrying the real HMAC may pass.
			if ops.VerifyWebhook(hookSecret, h, []byte("other"), hookT0, 5*time.Minute) == nil {
				t.Fatalf("header %q verifies any body", header)
			}
		}
	})
}

// TestWebhooksFromAMarketMorning plays the happy path in a market whose
// configuration names a receiver, and delivers what it queued: every order
// event of the morning, in order, beginning with the order's creation.
func TestWebhooksFromAMarketMorning(t *testing.T) {
	ctx := context.Background()
	var clock time.Time
	rcv := newReceiver(t, func() time.Time { return clock })
	cfg := config.Default()
	cfg.Orders.CodeSeed = 2026
	cfg.Webhooks = []config.Webhook{{URL: rcv.srv.URL, Secret: hookSecret}}
	rec := sim.NewRecorder()
	m, err := sim.NewMarket(ctx, sim.Options{Config: cfg, DBPath: filepath.Join(t.TempDir(), "p.db"), Messenger: rec,
		Start: time.Date(2026, 11, 25, 6, 0, 0, 0, cfg.Location()), Log: zerolog.Nop(), BindGroups: true})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	rec.SetClock(m.Now)
	if _, err := (&sim.Player{Market: m, Recorder: rec}).Play(ctx, loadScript(t, "happy_path.txt")); err != nil {
		t.Fatal(err)
	}
	var events []orders.Event
	m.DB().View(ctx, func(tx *store.Tx) error {
		os, err := tx.ListOrders(0)
		if err == nil && len(os) == 1 {
			events, err = tx.OrderEvents(os[0].Code)
		}
		return err
	})
	if len(events) < 3 {
		t.Fatalf("the happy path stored %d order events", len(events))
	}
	clock = m.Now()
	s := &ops.WebhookSender{Queue: store.WebhookQueue{DB: m.DB()}, Receivers: cfg.Webhooks, Now: func() time.Time { return clock }, Log: zerolog.Nop()}
	for range events {
		flush(t, s)
	}
	d := rcv.deliveries()
	if got, want := len(d), len(events); got != want {
		t.Fatalf("receiver got %d events, the order has %d", got, want)
	}
	if d[0].event.Type != "order.created" {
		t.Errorf("first event %s, want order.created", d[0].event.Type)
	}
	for i, e := range events {
		if got := d[i].event.Change; got.To != string(e.To) || got.From != string(e.From) || got.Group != e.Group {
			t.Errorf("delivery %d: %+v, event %+v", i, got, e)
		}
	}
}
