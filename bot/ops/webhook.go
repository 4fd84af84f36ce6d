package ops

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/store"
)

// Webhook headers (docs/operations.md, "Webhooks").
const (
	HeaderSignature   = "X-Pasarbot-Signature" // t=<unix seconds>,v1=<hex HMAC-SHA256>
	HeaderTimestamp   = "X-Pasarbot-Timestamp" // the same unix seconds
	HeaderIdempotency = "Idempotency-Key"      // the event id, the same on every retry
	HeaderEvent       = "X-Pasarbot-Event"     // the event type
	HeaderMarket      = "X-Pasarbot-Market"    // the market's id, when the process serves several
)

// Limits of webhook delivery (docs/decisions.md).
const (
	webhookTimeout    = 10 * time.Second // one POST, connect to last byte
	webhookMaxBackoff = time.Hour
	// WebhookGiveUp is how long an event is retried before it is given up
	// (dead_at): a receiver gone for a day gets the events after it, not a
	// day's backlog it can no longer use.
	WebhookGiveUp = 24 * time.Hour
)

// Sign returns the signature header value for body sent at ts: HMAC-SHA256
// keyed with secret over "<unix seconds>.<body>".
func Sign(secret string, ts time.Time, body []byte) string {
	t := strconv.FormatInt(ts.Unix(), 10)
	return "t=" + t + ",v1=" + hex.EncodeToString(signature(secret, t, body))
}

func signature(secret, ts string, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte("."))
	m.Write(body)
	return m.Sum(nil)
}

// WebhookBackoff is the wait before attempt n+1: 5s, 10s, 20s … capped at
// an hour, with up to a quarter more of jitter so receivers coming back
// are not hit by every market at once.
func WebhookBackoff(attempts int) time.Duration {
	d := 5 * time.Second << min(attempts, 10)
	if d > webhookMaxBackoff {
		d = webhookMaxBackoff
	}
	return d + time.Duration(rand.Int64N(int64(d/4)+1))
}

// WebhookSender delivers webhook_outbox rows: at least once, each
// receiver's events in order, retried with backoff until WebhookGiveUp.
type WebhookSender struct {
	Queue     store.WebhookQueue
	Receivers []config.Webhook
	Client    *http.Client // nil: a client with webhookTimeout that follows no redirects
	Now       func() time.Time
	Log       zerolog.Logger
	// Market is the market's id, sent as X-Pasarbot-Market so one receiver
	// can take the events of several markets; "" sends no header.
	Market string
}

// Run delivers until ctx ends, looking for due rows every interval.
func (s *WebhookSender) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := s.Flush(ctx); err != nil && ctx.Err() == nil {
			s.Log.Error().Err(err).Msg("webhook delivery")
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Flush makes one attempt at every row due now and returns how many were
// delivered.
func (s *WebhookSender) Flush(ctx context.Context) (int, error) {
	rows, err := s.Queue.Pending(ctx, s.Now(), 64)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, r := range rows {
		ok, err := s.attempt(ctx, r)
		if err != nil {
			return sent, err
		}
		if ok {
			sent++
		}
	}
	return sent, nil
}

// attempt posts one row and records the outcome; ok says it was delivered.
func (s *WebhookSender) attempt(ctx context.Context, r store.WebhookRow) (ok bool, err error) {
	log := s.Log.With().Str("event", r.EventID).Str("url", r.URL).Int("attempt", r.Attempts+1).Logger()
	secret, known := s.secretOf(r.URL)
	now := s.Now()
	if !known {
		log.Warn().Msg("webhook receiver no longer configured; event given up")
		return false, s.Queue.Dead(ctx, r.RowID, "receiver no longer configured", now)
	}
	postErr := s.post(ctx, r, secret, now)
	if postErr == nil {
		return true, s.Queue.Sent(ctx, r.RowID, s.Now())
	}
	if ctx.Err() != nil {
		return false, nil // shutting down: the row stays due and goes after the restart
	}
	if now.Sub(r.CreatedAt) >= WebhookGiveUp {
		log.Error().Err(postErr).Msg("webhook event given up after retrying a day")
		return false, s.Queue.Dead(ctx, r.RowID, postErr.Error(), now)
	}
	next := now.Add(WebhookBackoff(r.Attempts))
	log.Warn().Err(postErr).Time("next_attempt", next).Msg("webhook delivery failed; will retry")
	return false, s.Queue.Failed(ctx, r.RowID, postErr.Error(), next)
}

func (s *WebhookSender) secretOf(url string) (string, bool) {
	for _, w := range s.Receivers {
		if w.URL == url {
			return w.Secret, true
		}
	}
	return "", false
}

// post sends one delivery; any answer but 2xx is an error.
func (s *WebhookSender) post(ctx context.Context, r store.WebhookRow, secret string, now time.Time) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.URL, bytes.NewReader(r.Payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "pasarbot-webhook/1")
	req.Header.Set(HeaderIdempotency, r.EventID)
	if s.Market != "" {
		req.Header.Set(HeaderMarket, s.Market)
	}
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(now.Unix(), 10))
	req.Header.Set(HeaderSignature, Sign(secret, now, r.Payload))
	resp, err := s.client().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("receiver answered %s", resp.Status)
	}
	return nil
}

func (s *WebhookSender) client() *http.Client {
	if s.Client != nil {
		return s.Client
	}
	s.Client = &http.Client{Timeout: webhookTimeout,
		// A redirect is a configuration error to fix, not a place to send signed market data.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return s.Client
}

// ErrBadSignature is returned by VerifyWebhook for a missing, malformed,
// wrong or stale signature.
var ErrBadSignature = errors.New("webhook: bad signature")

// VerifyWebhook checks a delivery the way a receiver should: the signature
// header over "<t>.<body>" with secret, and t within tolerance of now (a
// replayed old delivery is refused). Receivers in Go can call it; the
// docs show the same steps for other languages.
func VerifyWebhook(secret string, header http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	var ts, sig string
	for _, part := range bytes.Split([]byte(header.Get(HeaderSignature)), []byte(",")) {
		k, v, _ := bytes.Cut(bytes.TrimSpace(part), []byte("="))
		switch string(k) {
		case "t":
			ts = string(v)
		case "v1":
			sig = string(v)
		}
	}
	got, err := hex.DecodeString(sig)
	if ts == "" || err != nil || !hmac.Equal(got, signature(secret, ts, body)) {
		return ErrBadSignature
	}
	unix, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return ErrBadSignature
	}
	if d := now.Sub(time.Unix(unix, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("%w: timestamp %s is %s from now", ErrBadSignature, ts, d.Round(time.Second))
	}
	return nil
}
