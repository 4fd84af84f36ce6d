package store_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/store"
)

// syncBuffer is a log sink the slow-write timer and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// lines are the logged JSON lines, decoded.
func (s *syncBuffer) lines(t *testing.T) []map[string]any {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(s.b.Bytes()))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("log line %q: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

func TestSlowWriteLog(t *testing.T) {
	const after = 100 * time.Millisecond
	ctx := context.Background()
	open := func(t *testing.T) (*store.DB, *syncBuffer) {
		db := MustOpen(t)
		var buf syncBuffer
		db.SetSlowWriteLog(zerolog.New(&buf), after)
		return db, &buf
	}
	t.Run("OK", func(t *testing.T) {
		db, buf := open(t)
		if err := db.Update(ctx, func(tx *store.Tx) error { return tx.SetSetting("k", "v", time.Now()) }); err != nil {
			t.Fatal(err)
		}
		if got := buf.lines(t); len(got) != 0 {
			t.Errorf("a fast transaction logged %v", got)
		}
	})
	t.Run("Slow", func(t *testing.T) {
		db, buf := open(t)
		err := db.Update(ctx, func(tx *store.Tx) error {
			if err := tx.SetSetting("k", "v", time.Now()); err != nil {
				return err
			}
			time.Sleep(5*after + after/2)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		got := buf.lines(t)
		if len(got) < 3 {
			t.Fatalf("logged %d lines, want ≥2 while running and 1 at the end: %v", len(got), got)
		}
		id := got[0]["txn_id"]
		for i, l := range got {
			if l["level"] != "warn" || l["txn_id"] != id || id == nil {
				t.Errorf("line %d: %v (txn_id %v)", i, l, id)
			}
			want := "write transaction still running"
			if i == len(got)-1 {
				want = "write transaction took long"
			}
			if l["message"] != want {
				t.Errorf("line %d says %q, want %q", i, l["message"], want)
			}
		}
		last := got[len(got)-1]
		if d, _ := last["duration_seconds"].(float64); d < (5 * after).Seconds() {
			t.Errorf("duration %v, want ≥ %v", d, 5*after)
		}
		if last["committed"] != true {
			t.Errorf("committed = %v", last["committed"])
		}
		// The next slow transaction has its own id, and a rollback says so.
		boom := errors.New("boom")
		if err := db.Update(ctx, func(tx *store.Tx) error { time.Sleep(2 * after); return boom }); !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
		more := buf.lines(t)[len(got):]
		if len(more) == 0 {
			t.Fatal("second slow transaction not logged")
		}
		end := more[len(more)-1]
		if end["txn_id"] == id || end["committed"] != false || end["message"] != "write transaction took long" {
			t.Errorf("second transaction's end: %v (first id %v)", end, id)
		}
	})
	t.Run("Off", func(t *testing.T) {
		db, buf := open(t)
		db.SetSlowWriteLog(zerolog.New(buf), 0)
		if err := db.Update(ctx, func(tx *store.Tx) error { time.Sleep(2 * after); return nil }); err != nil {
			t.Fatal(err)
		}
		if got := buf.lines(t); len(got) != 0 {
			t.Errorf("logged with the log off: %v", got)
		}
	})
}

// BenchmarkUpdateSlowWatch: what watching for slow writes adds to a small
// write transaction (compare On with Off).
func BenchmarkUpdateSlowWatch(b *testing.B) {
	for _, on := range []bool{false, true} {
		name := "Off"
		if on {
			name = "On"
		}
		b.Run(name, func(b *testing.B) {
			db := MustOpen(b)
			if on {
				db.SetSlowWriteLog(zerolog.Nop(), store.DefaultSlowWrite)
			}
			ctx := context.Background()
			now := time.Now()
			b.ResetTimer()
			for range b.N {
				if err := db.Update(ctx, func(tx *store.Tx) error { return tx.SetSetting("k", "v", now) }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
