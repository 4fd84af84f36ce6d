package sim_test

import (
	"context"
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/sim"
	"pasarbot/bot/sim/simtest"
)

// browserCase is one end-to-end run: what the buyer types (each message
// waits for the bot's answer) and what must then appear in a seller group's
// phone.
type browserCase struct {
	name   string
	market func(t *testing.T, rec *sim.Recorder, start time.Time) sim.Market
	buyer  []string
	group  string
	want   string // text the group's card contains
	code   bool   // the card also shows the order's code (Market.LastOrderCode)
}

var browserCases = []browserCase{
	{
		// The page itself, on the toy market: quick and independent of the engine.
		name:   "Echo",
		market: func(t *testing.T, rec *sim.Recorder, start time.Time) sim.Market { return simtest.NewEcho(start, rec) },
		buyer:  []string{"cabe rawit merah 1/4"},
		group:  "sayur",
		want:   "Pesanan baru",
		code:   true,
	},
	{
		// The real engine: a whole checkout, then the card in the bumbu group.
		name:   "Market",
		market: realMarket,
		buyer:  []string{"mbak, cabe rawit merah 1/4 ya", "itu aja", "antar", "Bu Rina, Jl. Yos Sudarso 12, Langkai", "ya"},
		group:  "bumbu",
		want:   "Cabai Rawit Merah",
		code:   true,
	},
}

func realMarket(t *testing.T, rec *sim.Recorder, start time.Time) sim.Market {
	cfg := config.Default()
	cfg.Orders.CodeSeed = 2026
	m, err := sim.NewMarket(context.Background(), sim.Options{
		Config: cfg, DBPath: filepath.Join(t.TempDir(), "pasarbot.db"), Messenger: rec, Start: start,
		Log: zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel), BindGroups: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

// TestBrowser types a buyer order into the web simulator in headless
// Chromium and waits for the seller group's card to appear in that group's
// phone. Without Chromium it skips, except in CI (CI=true), where it fails.
func TestBrowser(t *testing.T) {
	for _, tc := range browserCases {
		t.Run(tc.name, func(t *testing.T) { runBrowserCase(t, tc) })
	}
}

func runBrowserCase(t *testing.T, tc browserCase) {
	cfg := config.Default()
	start := time.Date(2026, 11, 25, 7, 0, 0, 0, cfg.Location()) // a Wednesday, market open
	rec := sim.NewRecorder()
	m := tc.market(t, rec, start)
	rec.SetClock(m.Now)
	rec.Clock(m.Now(), 0)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srvCtx, stopServer := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- sim.NewServer(m, rec, sim.PartiesFromConfig(cfg), &cfg.Hours, zerolog.Nop()).Serve(srvCtx, ln)
	}()
	t.Cleanup(func() {
		stopServer()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})

	ctx := simtest.Browser(t)
	url := "http://" + ln.Addr().String() + "/"
	if err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.ID("buyer-input")),
		// The event stream is open, so no answer is missed.
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="1"]`)),
	); err != nil {
		t.Fatalf("loading the page: %v", err)
	}
	for _, text := range tc.buyer {
		before, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#buyer-log .msg.bot").length`))
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.ID("buyer-input"), text),
			chromedp.Click(chromedp.ID("buyer-send")),
		); err != nil {
			t.Fatalf("typing %q: %v", text, err)
		}
		wait := `document.querySelectorAll("#buyer-log .msg.bot").length > ` + strconv.Itoa(before)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](wait, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
			t.Fatalf("no answer in the buyer's phone to %q: %v\n%s", text, err, transcript(ctx))
		}
	}

	// Look at the group in its phone, the way a person would pick it.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("seller-group"), tc.group),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("seller-group").dispatchEvent(new Event("change"))`),
	); err != nil {
		t.Fatal(err)
	}
	want := []string{tc.want}
	if tc.code {
		code, err := m.LastOrderCode(context.Background())
		if err != nil || code == "" {
			t.Fatalf("no order was placed (code %q, err %v)\n%s", code, err, transcript(ctx))
		}
		want = append(want, code)
	}
	for _, w := range want {
		wait := fmt.Sprintf(`document.getElementById("seller-log").innerText.includes(%q)`, w)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](wait, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
			t.Fatalf("the %s phone never showed %q: %v\n%s", tc.group, w, err, transcript(ctx))
		}
	}
}

// transcript is the page's transcript, for failure messages.
func transcript(ctx context.Context) string {
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("transcript")))
	if err != nil {
		return "(no transcript: " + err.Error() + ")"
	}
	return "page transcript:\n" + s
}
