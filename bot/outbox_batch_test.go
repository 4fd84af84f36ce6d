package bot_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/store"
)

// countingOutbox counts the transactions that mark rows sent.
type countingOutbox struct {
	store.OutboxQueue
	marks int
}

func (o *countingOutbox) Sent(ctx context.Context, rowIDs []int64, at time.Time) error {
	o.marks++
	return o.OutboxQueue.Sent(ctx, rowIDs, at)
}

type recordingMessenger struct{ sent []bot.Outbound }

func (m *recordingMessenger) Send(_ context.Context, msg bot.Outbound) error {
	m.sent = append(m.sent, msg)
	return nil
}

// The replies of one batch (one per chat) are marked sent in one
// transaction, not one each; a chat's second message waits for the next
// batch, so order within a chat holds.
func TestSenderMarksABatchSentTogether(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 7, 0, 0, 0, time.UTC)
	var queued []bot.Outbound
	for c := range 10 {
		for n := range 2 {
			chat := fmt.Sprintf("62812345670%02d@s.whatsapp.net", c)
			queued = append(queued, bot.Outbound{ID: fmt.Sprintf("M%d-%d", c, n), Chat: chat, Text: "halo"})
		}
	}
	db := outboxWith(t, now, queued...)
	out := &countingOutbox{OutboxQueue: store.OutboxQueue{DB: db}}
	m := &recordingMessenger{}
	s := &bot.Sender{Outbox: out, Messenger: m, Clock: fixedClock{now}, Log: zerolog.Nop()}
	sent, err := s.Flush(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sent != 20 || len(m.sent) != 20 {
		t.Fatalf("sent %d (%d delivered), want 20", sent, len(m.sent))
	}
	if out.marks != 2 {
		t.Errorf("%d transactions marked 20 messages to 10 chats sent, want 2 (one per batch)", out.marks)
	}
	seen := map[string]int{}
	for _, o := range m.sent {
		var c, n int
		fmt.Sscanf(o.ID, "M%d-%d", &c, &n)
		if n != seen[o.Chat] {
			t.Errorf("%s went out as message %d of its chat", o.ID, seen[o.Chat])
		}
		seen[o.Chat]++
	}
	var pending int
	err = db.View(ctx, func(tx *store.Tx) error {
		var err error
		pending, _, err = tx.OutboxStats()
		return err
	})
	if err != nil || pending != 0 {
		t.Errorf("%d rows left unsent (%v)", pending, err)
	}
}
