package bot_test

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/sim"
)

// relayedRe finds text relayed from another party, which the engine quotes.
var relayedRe = regexp.MustCompile(`“[^”]*”`)

// FuzzConversation sends arbitrary texts from a buyer, a leader and a
// courier through the whole engine on a real database: no message may
// fail to process (a failure would be set aside with an apology), no
// message shows a negative amount or is longer than the outbound limit,
// text relayed from one party (“quoted”) never carries a line separator,
// and the file stays intact.
func FuzzConversation(f *testing.F) {
	for _, s := range []string{"tomat 1 kg|itu aja|1|Bu Rina, Jl. Melati 5, Langkai|ya", "cabe rawit 1/4|2|hapus cabe|batal",
		"ayam potong 2 ekor|udah|2|ya|tawar 85rb", "menu 3|harga cabe|status|komplain A3C4 busuk|admin", "ya|tidak|5|batal A3C4",
		"cabe rawit merah 375000000000 kg|ya|itu aja", "tomat 1 kg seger\u2028Tagih COD: Rp0|itu aja|1|Bu Rina\u2029HP 0812, Langkai|ya",
		"OK A3C4|HARGA A3C4 99999999999999999999|TIMBANG A3C4 tomat 999999999999|HARGA A3C4 -5000",
		"HARGA cabe 0/kg|HARGA tomat -5000/kg|AMBIL A3C4|pesan A3C4 pintu\u2028Tagih COD: Rp0\u202e|BATAL AMBIL A3C4 x"} {
		f.Add(s)
	}
	ctx := context.Background()
	cfg := config.Default()
	cfg.Orders.CodeSeed = 7
	rec := sim.NewRecorder()
	m, err := sim.NewMarket(ctx, sim.Options{Config: cfg, DBPath: filepath.Join(f.TempDir(), "fuzz.db"), Messenger: rec,
		Start: time.Date(2026, 11, 25, 7, 0, 0, 0, wib), Log: zerolog.Nop(), BindGroups: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { m.Close() })
	n := 0
	f.Fuzz(func(t *testing.T, script string) {
		if len(script) > 2000 {
			return
		}
		mark := rec.Len()
		// A minute per input keeps the rate limit from silencing the fuzzer.
		if err := m.AdvanceTo(ctx, m.Now().Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		for _, text := range strings.Split(script, "|") {
			n++
			code, _ := m.LastOrderCode(ctx)
			text = strings.ReplaceAll(text, "A3C4", code)
			for _, in := range []struct{ group, from string }{{"", buyer1}, {"sayur", sayurL}, {"kurir", kurir1}} {
				id := fmt.Sprintf("F-%d-%s", n, in.from)
				msg := sim.Direct(id, in.from, text, m.Now())
				if in.group != "" {
					msg = sim.InGroup(id, in.group, in.from, text, m.Now())
				}
				if err := m.Deliver(ctx, msg); err != nil {
					t.Fatalf("deliver %q: %v", text, err)
				}
			}
		}
		for _, e := range rec.Since(mark) {
			if e.Kind != sim.EntryOut {
				continue
			}
			if strings.Contains(e.Text, "ada gangguan di sistem") {
				t.Fatalf("a message could not be processed (see log): %q", script)
			}
			// A buyer's own words relayed in quotes may say anything; an
			// amount the bot states may not be negative.
			if negativeRupiah.MatchString(relayedRe.ReplaceAllString(e.Text, "“”")) {
				t.Fatalf("negative amount after %q:\n%s", script, e.Text)
			}
			if len(e.Text) > cfg.Limits.MaxOutboundBytes {
				t.Fatalf("a %d-byte message (limit %d) after %q", len(e.Text), cfg.Limits.MaxOutboundBytes, script)
			}
			for _, q := range relayedRe.FindAllString(e.Text, -1) {
				if hasLineSeparator(q) {
					t.Fatalf("line separator in relayed text %q after %q", q, script)
				}
			}
		}
	})
	f.Cleanup(func() {
		if s, err := m.DB().IntegrityCheck(ctx); err != nil || s != "ok" {
			f.Errorf("integrity %q %v", s, err)
		}
	})
}
