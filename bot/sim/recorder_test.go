package sim_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/bot/sim"
)

func TestRecorder(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		r := sim.NewRecorder()
		at := time.Date(2026, 11, 25, 6, 30, 0, 0, time.UTC)
		r.SetClock(func() time.Time { return at })
		changed := r.Changed()
		r.Received(sim.Direct("in1", "6281234567001", "halo", at))
		select {
		case <-changed:
		default:
			t.Fatal("Changed not closed by an append")
		}
		if err := r.Send(ctx, bot.Outbound{ID: "o1", Chat: sim.DirectChat("6281234567001"), Text: "Siap kak"}); err != nil {
			t.Fatal(err)
		}
		// A retry with the same id is the same message.
		if err := r.Send(ctx, bot.Outbound{ID: "o1", Chat: sim.DirectChat("6281234567001"), Text: "Siap kak"}); err != nil {
			t.Fatal(err)
		}
		r.Clock(at.Add(time.Hour), time.Hour)
		es := r.Since(0)
		if got, want := len(es), 3; got != want {
			t.Fatalf("entries = %d, want %d", got, want)
		}
		if es[0].Kind != sim.EntryIn || es[1].Kind != sim.EntryOut || es[2].Kind != sim.EntryClock || es[2].Seq != 3 {
			t.Errorf("entries = %+v", es)
		}
		if !es[1].At.Equal(at) {
			t.Errorf("outbound stamped %v, want %v", es[1].At, at)
		}
		if got := r.Since(2); len(got) != 1 || got[0].Seq != 3 {
			t.Errorf("Since(2) = %+v", got)
		}
		if got := r.Since(3); got != nil {
			t.Errorf("Since(3) = %+v", got)
		}
		if e, ok := r.LastTo(sim.DirectChat("6281234567001")); !ok || e.Text != "Siap kak" {
			t.Errorf("LastTo = %+v, %v", e, ok)
		}
		if _, ok := r.LastTo(sim.GroupChat("sayur")); ok {
			t.Error("LastTo found a message never sent")
		}
	})

	t.Run("Concurrent", func(t *testing.T) {
		r := sim.NewRecorder()
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range 50 {
					_ = r.Send(ctx, bot.Outbound{ID: fmt.Sprintf("%d-%d", i, j), Chat: "x@g.us"})
					r.Since(r.Len() - 1)
				}
			}()
		}
		wg.Wait()
		if got, want := r.Len(), 400; got != want {
			t.Errorf("Len = %d, want %d", got, want)
		}
		for i, e := range r.Since(0) {
			if e.Seq != i+1 {
				t.Fatalf("entry %d has Seq %d", i, e.Seq)
			}
		}
	})

	t.Run("ErrContextDone", func(t *testing.T) {
		r := sim.NewRecorder()
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := r.Send(cctx, bot.Outbound{ID: "x"}); err == nil {
			t.Error("Send on a cancelled context succeeded")
		}
	})
}
