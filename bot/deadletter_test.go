package bot_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/store"
)

type refused struct{ error }

func (refused) Permanent() bool { return true }

// refusingMessenger refuses message A1 for good and records the rest.
type refusingMessenger struct{ sent []bot.Outbound }

func (m *refusingMessenger) Send(_ context.Context, msg bot.Outbound) error {
	if msg.ID == "A1" {
		return refused{errors.New("forbidden")}
	}
	m.sent = append(m.sent, msg)
	return nil
}

type fixedClock struct{ t time.Time }

func (c fixedClock) Now() time.Time { return c.t }

func TestDeadLetter(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 7, 0, 0, 0, time.UTC)
	const chat = "6281234567001@s.whatsapp.net"
	db := outboxWith(t, now, bot.Outbound{ID: "A1", Chat: chat, Text: "forbidden card"}, bot.Outbound{ID: "A2", Chat: chat, Text: "next message"})
	m := &refusingMessenger{}
	s := &bot.Sender{Outbox: store.OutboxQueue{DB: db}, Messenger: m, Clock: fixedClock{now}, Log: zerolog.Nop(),
		Admins: []string{"6281100000001"}, Lang: "id"}
	if _, err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, o := range m.sent {
		texts = append(texts, o.Chat+": "+o.Text)
	}
	got := strings.Join(texts, "\n")
	contains(t, "chat's next message sent", got, chat+": next message")
	contains(t, "admin told", got, "6281100000001@s.whatsapp.net", "ditolak", "forbidden card")
}

// outboxWith opens a fresh database with msgs queued at now; it is closed
// when the test ends.
func outboxWith(t *testing.T, now time.Time, msgs ...bot.Outbound) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "pasar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Update(context.Background(), func(tx *store.Tx) error {
		for _, o := range msgs {
			if err := tx.Enqueue(o, now); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestPagesLongText(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 300; i++ {
		b.WriteString("• Cabai Rawit Merah 1/4 kg — Rp15.000 ✨\n")
	}
	pages := bot.Pages(b.String(), 1000)
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, p := range pages {
		if len(p) > 1000 || !utf8.ValidString(p) {
			t.Errorf("page %d: %d bytes", i+1, len(p))
		}
	}
	if want := fmt.Sprintf("(1/%d)", len(pages)); !strings.HasSuffix(pages[0], want) {
		t.Errorf("first page does not end in %s", want)
	}
	if one := bot.Pages("pendek", 1000); len(one) != 1 || one[0] != "pendek" {
		t.Errorf("short text: %q", one)
	}
}

func FuzzPages(f *testing.F) {
	f.Add(strings.Repeat("abc def\n", 300), 600)
	f.Add(strings.Repeat("é", 2000), 500)
	f.Add("", 500)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 100 || max > 70000 || !utf8.ValidString(s) {
			return
		}
		pages := bot.Pages(s, max)
		if len(pages) == 0 || len(pages) > 10 {
			t.Fatalf("%d pages", len(pages))
		}
		for _, p := range pages {
			if len(p) > max || !utf8.ValidString(p) {
				t.Fatalf("page of %d bytes (max %d)", len(p), max)
			}
		}
	})
}

func TestOutboundCapInConversation(t *testing.T) {
	h := newHarness(t, func(c *config.Config) { c.Limits.MaxOutboundBytes = 500 })
	mark := h.rec.Len()
	h.say(buyer1, "menu")
	n := 0
	for _, e := range h.rec.Since(mark) {
		if len(e.Text) > 500 {
			t.Errorf("message of %d bytes", len(e.Text))
		}
		n++
	}
	if n < 2 {
		t.Errorf("menu came in %d message(s)", n)
	}
}
