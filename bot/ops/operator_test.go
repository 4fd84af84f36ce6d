package ops_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/ops"
	"pasarbot/bot/sim"
	"pasarbot/bot/sim/simtest"
	"pasarbot/orders"
	"pasarbot/store"
)

const opsToken = "operator-token-for-tests"

// operatorServer plays the happy path, records a complaint and a price
// change, and serves /healthz, /metrics and the operator page on 127.0.0.1.
func operatorServer(t *testing.T) (srv *httptest.Server, code string) {
	t.Helper()
	ctx := context.Background()
	cfg := config.Default()
	cfg.Orders.CodeSeed = 2026
	rec := sim.NewRecorder()
	m, err := sim.NewMarket(ctx, sim.Options{Config: cfg, DBPath: filepath.Join(t.TempDir(), "p.db"), Messenger: rec,
		Start: time.Date(2026, 11, 25, 6, 0, 0, 0, cfg.Location()), Log: zerolog.Nop(), BindGroups: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	rec.SetClock(m.Now)
	if _, err := (&sim.Player{Market: m, Recorder: rec}).Play(ctx, loadScript(t, "happy_path.txt")); err != nil {
		t.Fatal(err)
	}
	if code, err = m.LastOrderCode(ctx); err != nil || code == "" {
		t.Fatalf("no order: %q %v", code, err)
	}
	if err := m.DB().Update(ctx, func(tx *store.Tx) error {
		if err := tx.AddRefund(&orders.Refund{Order: code, Amount: 4500, Reason: "kurang timbang", CreatedBy: "admin", CreatedAt: m.Now()}); err != nil {
			return err
		}
		if err := tx.AddComplaint(code, "6281234567001@s.whatsapp.net", "cabenya layu", m.Now()); err != nil {
			return err
		}
		return tx.SetPrice("bawang-merah", 43500, "6282200000002", m.Now())
	}); err != nil {
		t.Fatal(err)
	}
	metrics := ops.NewMetrics()
	mux := metrics.Mux()
	(&ops.OperatorPage{DB: m.DB(), Token: opsToken, Now: m.Now, Loc: cfg.Location(), Log: zerolog.Nop()}).Register(mux)
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, code
}

func TestOperatorPageRefusesWithoutToken(t *testing.T) {
	srv, code := operatorServer(t)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string, header http.Header) (*http.Response, string) {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		for k, v := range header {
			req.Header[k] = v
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	for name, c := range map[string]struct {
		path   string
		header http.Header
		status int
	}{
		"NoToken":        {"/ops/", nil, http.StatusUnauthorized},
		"NoTokenBrowser": {"/ops/", http.Header{"Accept": {"text/html"}}, http.StatusSeeOther},
		"WrongBearer":    {"/ops/", http.Header{"Authorization": {"Bearer not-the-token-at-all"}}, http.StatusUnauthorized},
		"ForgedCookie":   {"/ops/", http.Header{"Cookie": {"pasarbot_ops=" + opsToken}}, http.StatusUnauthorized},
		"ChartsNoToken":  {"/ops/charts.png", nil, http.StatusUnauthorized},
	} {
		t.Run(name, func(t *testing.T) {
			resp, body := get(c.path, c.header)
			if resp.StatusCode != c.status || strings.Contains(body, code) {
				t.Errorf("status %d (want %d), body shows the order: %v", resp.StatusCode, c.status, strings.Contains(body, code))
			}
		})
	}
	t.Run("WrongLogin", func(t *testing.T) {
		resp, err := noRedirect.PostForm(srv.URL+"/ops/login", url.Values{"token": {"wrong-token-wrong-token"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized || len(resp.Cookies()) != 0 {
			t.Errorf("wrong token: status %d, cookies %v", resp.StatusCode, resp.Cookies())
		}
	})
	t.Run("Bearer", func(t *testing.T) {
		resp, body := get("/ops/", http.Header{"Authorization": {"Bearer " + opsToken}})
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, code) {
			t.Errorf("with the token: status %d, order %s shown %v", resp.StatusCode, code, strings.Contains(body, code))
		}
	})
	t.Run("OffWithoutConfiguredToken", func(t *testing.T) {
		mux := http.NewServeMux()
		(&ops.OperatorPage{Token: "", Now: time.Now, Loc: time.UTC, Log: zerolog.Nop()}).Register(mux)
		rr := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/ops/", nil)
		req.Header.Set("Authorization", "Bearer ")
		mux.ServeHTTP(rr, req)
		if rr.Code != http.StatusUnauthorized {
			t.Errorf("an empty token opened the page: %d", rr.Code)
		}
	})
}

// TestOperatorPageInBrowser logs in with the token in headless Chromium
// and reads today's order, the complaint, the price change and the charts.
func TestOperatorPageInBrowser(t *testing.T) {
	srv, code := operatorServer(t)
	ctx := simtest.Browser(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/ops/"),
		chromedp.WaitVisible(chromedp.ID("token")), // sent to the login form
		chromedp.SendKeys(chromedp.ID("token"), "not-the-token-at-all"),
		chromedp.Click(chromedp.ID("login")),
		chromedp.WaitVisible(chromedp.ID("wrong")),
		chromedp.SendKeys(chromedp.ID("token"), opsToken),
		chromedp.Click(chromedp.ID("login")),
		chromedp.WaitVisible(chromedp.ID("orders")),
	); err != nil {
		t.Fatalf("logging in: %v", err)
	}
	text := func(id string) string {
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if s := text("orders"); !strings.Contains(s, code) || !strings.Contains(s, "completed") && !strings.Contains(s, "delivered") {
		t.Errorf("orders table lacks %s delivered:\n%s", code, s)
	}
	if s := text("groups"); !strings.Contains(s, "bumbu") && !strings.Contains(s, "Bumbu") {
		t.Errorf("groups table:\n%s", s)
	}
	if s := text("complaints"); !strings.Contains(s, "cabenya layu") {
		t.Errorf("complaints table:\n%s", s)
	}
	if s := text("refunds"); !strings.Contains(s, "kurang timbang") || !strings.Contains(s, "4.500") {
		t.Errorf("refunds table:\n%s", s)
	}
	changed, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#prices tr.changed").innerText`))
	if err != nil || !strings.Contains(changed, "Bawang Merah") || !strings.Contains(changed, "43.500") {
		t.Errorf("first changed price row = %q (%v)", changed, err)
	}
	wait := `document.getElementById("charts").complete && document.getElementById("charts").naturalWidth`
	width, err := chromedp.Run(ctx, chromedp.Poll[int](wait, chromedp.WithPollingTimeout(15*time.Second)))
	if err != nil || width != 1600 {
		t.Errorf("charts image width %d (%v), want 1600", width, err)
	}
}
