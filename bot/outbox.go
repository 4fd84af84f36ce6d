package bot

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/rs/zerolog"
)

// Queued is an outbox row waiting to be sent.
type Queued struct {
	RowID    int64
	Msg      Outbound
	Attempts int
}

// Outbox is the sender's view of the outbox table.
type Outbox interface {
	// Pending returns sendable rows: due, and only the oldest unsent one
	// per chat, so a chat's messages go out in order.
	Pending(ctx context.Context, now time.Time, limit int) ([]Queued, error)
	// Sent marks rows delivered, all in one transaction.
	Sent(ctx context.Context, rowIDs []int64, at time.Time) error
	Failed(ctx context.Context, rowID int64, errText string, next time.Time) error
	// Dead sets a row aside for good and queues notices with it, in one
	// transaction, so the chat's later messages go out.
	Dead(ctx context.Context, rowID int64, errText string, at time.Time, notices []Outbound) error
}

// PermanentError is a send error retrying cannot fix: WhatsApp refused
// this message for good (no such number, a group we are not in, a
// malformed message). Transports mark such errors with Permanent() true.
type PermanentError interface {
	error
	Permanent() bool
}

// IsPermanent says whether err (or an error it wraps) is permanent.
func IsPermanent(err error) bool {
	var p PermanentError
	return errors.As(err, &p) && p.Permanent()
}

// RetryAfter is an error that says when sending may be tried again (a
// temporary ban, a rate limit).
type RetryAfter interface {
	error
	RetryAt() time.Time
}

// Sender delivers the outbox through a Messenger with retries and backoff.
// A row keeps its message id across retries and restarts, so WhatsApp sees
// one message however often we try.
type Sender struct {
	Outbox    Outbox
	Messenger Messenger
	Clock     Clock
	Log       zerolog.Logger
	Wake      chan struct{} // poked after commits that enqueue messages
	Admins    []string      // told when a message is refused for good
	Lang      string        // of those notices
}

// Backoff is the wait before attempt n+1: 2s, 4s, 8s … capped at 5 min,
// with jitter so a reconnect doesn't send everything at once.
func Backoff(attempts int) time.Duration {
	d := 2 * time.Second << min(attempts, 8)
	if d > 5*time.Minute {
		d = 5 * time.Minute
	}
	return d + time.Duration(rand.Int64N(int64(d/4)+1))
}

// Flush sends everything due now once; it returns how many were sent.
// The rows of one batch (one per chat) are marked sent together, in one
// transaction after the batch: a crash before that mark sends them again
// with the same ids, which WhatsApp takes as the same messages.
func (s *Sender) Flush(ctx context.Context) (int, error) {
	sent := 0
	for {
		rows, err := s.Outbox.Pending(ctx, s.Clock.Now(), 32)
		if err != nil || len(rows) == 0 {
			return sent, err
		}
		progress, err := s.sendBatch(ctx, rows)
		sent += progress
		if err != nil {
			return sent, err
		}
		if progress == 0 {
			return sent, nil
		}
	}
}

// sendBatch sends rows (at most one per chat) and records each outcome;
// it returns how many left the queue (sent or set aside).
func (s *Sender) sendBatch(ctx context.Context, rows []Queued) (int, error) {
	var delivered []int64
	markSent := func() error {
		if len(delivered) == 0 {
			return nil
		}
		// What was delivered is recorded even when ctx ends meanwhile.
		return s.Outbox.Sent(context.WithoutCancel(ctx), delivered, s.Clock.Now())
	}
	done := 0
	for _, r := range rows {
		if ctx.Err() != nil {
			return done, errors.Join(ctx.Err(), markSent())
		}
		err := s.Messenger.Send(ctx, r.Msg)
		if err == nil {
			delivered = append(delivered, r.RowID)
			done++
			continue
		}
		if IsPermanent(err) {
			if err := s.deadLetter(ctx, r, err); err != nil {
				return done, errors.Join(err, markSent())
			}
			done++
			continue
		}
		next := s.Clock.Now().Add(Backoff(r.Attempts))
		var ra RetryAfter
		if errors.As(err, &ra) && ra.RetryAt().After(next) {
			next = ra.RetryAt()
		}
		s.Log.Warn().Err(err).Str("chat", MaskPhone(r.Msg.Chat)).Str("message_id", r.Msg.ID).Int("attempts", r.Attempts+1).Time("next", next).Msg("send failed; will retry with the same id")
		if err := s.Outbox.Failed(ctx, r.RowID, err.Error(), next); err != nil {
			return done, errors.Join(err, markSent())
		}
	}
	return done, markSent()
}

// Run sends until ctx ends, waking on Wake or every second.
func (s *Sender) Run(ctx context.Context) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		if _, err := s.Flush(ctx); err != nil && ctx.Err() == nil {
			s.Log.Error().Err(err).Msg("outbox flush failed")
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.Wake:
		case <-tick.C:
		}
	}
}

// deadLetter sets a permanently refused row aside and tells the admins
// which chat did not get what, so a person can follow up. A refused
// message to an admin tells the other admins only, so nothing loops.
func (s *Sender) deadLetter(ctx context.Context, r Queued, cause error) error {
	s.Log.Error().Err(cause).Str("chat", MaskPhone(r.Msg.Chat)).Str("message_id", r.Msg.ID).
		Msg("message refused for good; set aside so the chat's queue moves on")
	preview := oneLine(r.Msg.Text, 120)
	var notices []Outbound
	for i, a := range s.Admins {
		chat := DirectChat(a)
		if chat == r.Msg.Chat {
			continue
		}
		notices = append(notices, Outbound{ID: OutboundID("dead-letter:"+r.Msg.ID, i), Chat: chat,
			Text: text(s.Lang, "admin_dead_letter", MaskPhone(r.Msg.Chat), preview, oneLine(cause.Error(), 200))})
	}
	return s.Outbox.Dead(ctx, r.RowID, cause.Error(), s.Clock.Now(), notices)
}
