package sim_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/sim"
	"pasarbot/bot/sim/simtest"
)

// newWeb serves the web simulator over the toy market, starting Wednesday
// 25 Nov 2026 05:50 in Jakarta.
func newWeb(t *testing.T) (*httptest.Server, *sim.Recorder, *simtest.Echo) {
	t.Helper()
	cfg := config.Default()
	rec := sim.NewRecorder()
	m := simtest.NewEcho(time.Date(2026, 11, 25, 5, 50, 0, 0, cfg.Location()), rec)
	rec.SetClock(m.Now)
	rec.Clock(m.Now(), 0)
	srv := httptest.NewServer(sim.NewServer(m, rec, sim.PartiesFromConfig(cfg), &cfg.Hours, zerolog.Nop()).Handler())
	t.Cleanup(srv.Close)
	return srv, rec, m
}

func postJSON(t *testing.T, url, body string) (int, map[string]any) {
	t.Helper()
	res, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var v map[string]any
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, v
}

func TestWebSend(t *testing.T) {
	t.Run("OKDirect", func(t *testing.T) {
		srv, rec, _ := newWeb(t)
		code, v := postJSON(t, srv.URL+"/api/send", `{"party":"buyer","from":"0812-3456-7001","text":"cabe rawit 1/4"}`)
		if code != http.StatusOK {
			t.Fatalf("status %d: %v", code, v)
		}
		es := rec.Since(1)
		if len(es) != 3 || es[0].Kind != sim.EntryIn || es[0].Chat != sim.DirectChat("6281234567001") || es[0].From != "6281234567001" {
			t.Fatalf("entries = %+v", es)
		}
		if es[2].Chat != sim.GroupChat("sayur") || !strings.HasPrefix(es[2].Text, "Pesanan baru F001") {
			t.Errorf("no card in the seller group: %+v", es[2])
		}
		if !strings.HasPrefix(es[0].ID, "WEB-") {
			t.Errorf("inbound id %q", es[0].ID)
		}
	})

	t.Run("OKGroup", func(t *testing.T) {
		srv, rec, _ := newWeb(t)
		postJSON(t, srv.URL+"/api/send", `{"party":"buyer","from":"6281234567001","text":"cabe"}`)
		code, v := postJSON(t, srv.URL+"/api/send", `{"party":"seller","chat":"sayur","from":"6282200000001","text":"OK F001"}`)
		if code != http.StatusOK {
			t.Fatalf("status %d: %v", code, v)
		}
		if e, ok := rec.LastTo(sim.DirectChat("6281234567001")); !ok || e.Text != "Pesanan F001 dikonfirmasi penjual" {
			t.Errorf("buyer's last message = %+v", e)
		}
	})

	for _, tt := range []struct{ name, body string }{
		{"ErrParty", `{"party":"tamu","from":"6281234567001","text":"x"}`},
		{"ErrPhone", `{"party":"buyer","from":"budi","text":"x"}`},
		{"ErrEmpty", `{"party":"buyer","from":"6281234567001","text":"  "}`},
		{"ErrOtherDirectChat", `{"party":"buyer","chat":"6281234567002","from":"6281234567001","text":"x"}`},
		{"ErrGroupName", `{"party":"seller","chat":"sa yur","from":"6282200000001","text":"x"}`},
		{"ErrUnknownField", `{"party":"buyer","from":"6281234567001","text":"x","extra":1}`},
		{"ErrJSON", `{`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv, rec, _ := newWeb(t)
			code, v := postJSON(t, srv.URL+"/api/send", tt.body)
			if code != http.StatusBadRequest || v["error"] == "" {
				t.Errorf("status %d: %v", code, v)
			}
			if rec.Len() != 1 {
				t.Errorf("a refused request reached the market: %+v", rec.Since(1))
			}
		})
	}

	t.Run("ErrMarket", func(t *testing.T) {
		srv, _, m := newWeb(t)
		m.FailDeliver = "rusak"
		code, v := postJSON(t, srv.URL+"/api/send", `{"party":"buyer","from":"6281234567001","text":"rusak"}`)
		if code != http.StatusInternalServerError || !strings.Contains(v["error"].(string), "asked to fail") {
			t.Errorf("status %d: %v", code, v)
		}
	})
}

func TestWebAdvance(t *testing.T) {
	t.Run("OKBy", func(t *testing.T) {
		srv, rec, m := newWeb(t)
		code, v := postJSON(t, srv.URL+"/api/advance", `{"by":"30m"}`)
		if code != http.StatusOK {
			t.Fatalf("status %d: %v", code, v)
		}
		if got, want := v["clock"].(map[string]any)["time"], "06:20"; got != want {
			t.Errorf("clock = %v, want %v", got, want)
		}
		es := rec.Since(1)
		if len(es) != 2 || es[0].Kind != sim.EntryClock || es[0].Advance != 30*time.Minute || es[1].Text != "Pasar buka" {
			t.Errorf("entries = %+v", es)
		}
		if got := m.Now().In(m.Location()).Format("15:04"); got != "06:20" {
			t.Errorf("market clock %s", got)
		}
	})

	t.Run("OKToOpening", func(t *testing.T) {
		srv, _, m := newWeb(t)
		postJSON(t, srv.URL+"/api/advance", `{"to":"open"}`)
		if got := m.Now().In(m.Location()).Format("2006-01-02 15:04"); got != "2026-11-25 06:00" {
			t.Errorf("after the first opening: %s", got)
		}
		postJSON(t, srv.URL+"/api/advance", `{"to":"open"}`)
		if got := m.Now().In(m.Location()).Format("2006-01-02 15:04"); got != "2026-11-26 06:00" {
			t.Errorf("after the second opening: %s", got)
		}
	})

	for _, tt := range []struct{ name, body string }{
		{"ErrDuration", `{"by":"soon"}`},
		{"ErrNegative", `{"by":"-5m"}`},
		{"ErrTooFar", `{"by":"9000h"}`},
		{"ErrTo", `{"to":"close"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv, _, _ := newWeb(t)
			if code, v := postJSON(t, srv.URL+"/api/advance", tt.body); code != http.StatusBadRequest {
				t.Errorf("status %d: %v", code, v)
			}
		})
	}
}

func TestWebState(t *testing.T) {
	srv, _, _ := newWeb(t)
	res, err := http.Get(srv.URL + "/api/state")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var v struct {
		Parties sim.Parties
		Clock   struct{ Date, Time string }
	}
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
		t.Fatal(err)
	}
	if v.Clock.Date != "Rabu, 25 Nov 2026" || v.Clock.Time != "05:50" {
		t.Errorf("clock = %+v", v.Clock)
	}
	p := v.Parties
	if p.Market != "Pasar Kahayan" || len(p.Groups) != 8 || p.Groups[0].ID != "sayur" || len(p.Couriers) != 2 || len(p.Admins) != 1 {
		t.Fatalf("parties = %+v", p)
	}
	if m := p.Groups[0].Members; len(m) != 2 || m[0].Phone != "6282200000001" || !m[0].Leader || m[1].Phone != "6282200000011" || m[1].Name == "" {
		t.Errorf("sayur members = %+v", m)
	}
	if p.Admins[0].Phone != "6281100000001" || p.Couriers[0].Name != "Mas Joko" {
		t.Errorf("admins %+v couriers %+v", p.Admins, p.Couriers)
	}
}

func TestWebPage(t *testing.T) {
	srv, _, _ := newWeb(t)
	for path, want := range map[string]string{"/": "buyer-input", "/app.js": "EventSource", "/style.css": ".phones"} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(b), want) {
			t.Errorf("GET %s: %d, lacks %q", path, res.StatusCode, want)
		}
		if strings.Contains(string(b), "http://") || strings.Contains(string(b), "https://") {
			t.Errorf("GET %s refers to another site; assets must be self-contained", path)
		}
	}
}

// readEvents reads server-sent "entry" events from r until n arrived.
func readEvents(t *testing.T, r io.Reader, n int) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(r)
	for len(out) < n && sc.Scan() {
		if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
			var v map[string]any
			if err := json.Unmarshal([]byte(data), &v); err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
	}
	if len(out) < n {
		t.Fatalf("stream ended after %d events: %v", len(out), sc.Err())
	}
	return out
}

// openEvents opens the page's event stream; it closes with the test.
func openEvents(t *testing.T, ctx context.Context, url string) *http.Response {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/api/events", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

func TestWebEvents(t *testing.T) {
	srv, _, _ := newWeb(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	res := openEvents(t, ctx, srv.URL)
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	// The history first: the start of the clock.
	if ev := readEvents(t, res.Body, 1)[0]; ev["kind"] != "clock" || ev["time"] != "05:50" || ev["date"] != "Rabu, 25 Nov 2026" {
		t.Errorf("first event = %v", ev)
	}
	// Then live entries as they happen.
	postJSON(t, srv.URL+"/api/send", `{"party":"buyer","from":"6281234567001","text":"cabe"}`)
	evs := readEvents(t, res.Body, 3)
	if evs[0]["kind"] != "in" || evs[0]["from"] != "6281234567001" || evs[2]["chat"] != "sayur" || evs[2]["group"] != true {
		t.Errorf("events = %v", evs)
	}

	t.Run("Resume", func(t *testing.T) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/api/events", nil)
		req.Header.Set("Last-Event-ID", "3")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if ev := readEvents(t, res.Body, 1)[0]; ev["seq"] != float64(4) {
			t.Errorf("resumed at %v, want seq 4", ev)
		}
	})
}

// TestWebServeShutdown checks that cancelling the context ends Serve even
// with an event stream open, and ends that stream.
func TestWebServeShutdown(t *testing.T) {
	cfg := config.Default()
	rec := sim.NewRecorder()
	m := simtest.NewEcho(time.Date(2026, 11, 25, 5, 50, 0, 0, cfg.Location()), rec)
	s := sim.NewServer(m, rec, sim.PartiesFromConfig(cfg), &cfg.Hours, zerolog.Nop())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()

	res, err := http.Get("http://" + ln.Addr().String() + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	streamEnded := make(chan struct{})
	go func() { io.Copy(io.Discard, res.Body); close(streamEnded) }()

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	select {
	case <-streamEnded:
	case <-time.After(3 * time.Second):
		t.Fatal("event stream still open after shutdown")
	}
}
