package sim

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/hours"
	"pasarbot/bot/market"
	"pasarbot/store"
)

// Options build a simulated market.
type Options struct {
	Config *config.Config
	DBPath string // "" → a temporary file removed by Close
	// Schema, when set, plays on PostgreSQL (Config.Database.Postgres) in
	// this schema instead of a SQLite file.
	Schema    string
	Messenger bot.Messenger
	Start     time.Time
	Log       zerolog.Logger
	// BindGroups binds every configured seller group and the courier group
	// to their simulator chats (GroupChat(id), GroupChat(CourierGroup)), as
	// if an admin had typed DAFTAR GRUP in each. Replay and demo do this so
	// scripts can start with orders.
	BindGroups bool
}

// SimMarket is the real market (store, engine, pipeline, sender) on a
// simulated clock, driven synchronously.
type SimMarket struct {
	m      *market.Market
	clock  *Clock
	tmpDir string
}

// Clock is a settable clock, safe for concurrent reads.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// Now returns the simulated time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

// NewMarket opens a simulated market.
func NewMarket(ctx context.Context, o Options) (*SimMarket, error) {
	s := &SimMarket{clock: &Clock{now: o.Start}}
	if o.Start.IsZero() {
		s.clock.now = time.Now()
	}
	path := o.DBPath
	cfg := o.Config
	if o.Schema != "" {
		if !cfg.Database.OnPostgres() {
			return nil, fmt.Errorf("sim: schema %s given but database.postgres is not set", o.Schema)
		}
		c := *cfg
		c.Database.Schema = o.Schema
		cfg = &c
	} else if path == "" {
		dir, err := os.MkdirTemp("", "pasarbot-sim-")
		if err != nil {
			return nil, err
		}
		s.tmpDir = dir
		path = filepath.Join(dir, "pasarbot.db")
	}
	noBurst := time.Duration(0)
	m, err := market.Open(ctx, market.Options{Config: cfg, DBPath: path, Clock: s.clock, Messenger: o.Messenger, Log: o.Log, BurstWindow: &noBurst})
	if err != nil {
		s.removeTemp()
		return nil, err
	}
	s.m = m
	if o.BindGroups {
		if err := s.bindAll(ctx); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

func (s *SimMarket) bindAll(ctx context.Context) error {
	return s.m.DB.Update(ctx, func(tx *store.Tx) error {
		for _, g := range s.m.Config.SellerGroups {
			if err := tx.BindGroupChat(g.ID, GroupChat(g.ID)); err != nil {
				return err
			}
		}
		return tx.SetSetting("courier_group_chat", GroupChat(CourierGroup), s.clock.Now())
	})
}

// Deliver processes one inbound message and sends what it caused.
func (s *SimMarket) Deliver(ctx context.Context, in bot.Inbound) error {
	if in.At.IsZero() {
		in.At = s.clock.Now()
	}
	// A message processed before (a replay restarted after a crash) is
	// skipped without draining, so rows a crash left unprocessed are
	// handled when their own line comes, at their own simulated time.
	var processed bool
	if err := s.m.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		_, processed, err = tx.InboundProcessed(in.ID)
		return err
	}); err != nil {
		return err
	}
	if processed {
		_, err := s.m.Sender.Flush(ctx)
		return err
	}
	if err := s.m.Pipeline.Handle(ctx, in); err != nil {
		return err
	}
	_, err := s.m.Sender.Flush(ctx)
	return err
}

// AdvanceTo moves the clock to t, firing the due cron firings (opening,
// closing, reports, the minute sweep of deadlines) at their own times.
func (s *SimMarket) AdvanceTo(ctx context.Context, t time.Time) error {
	from := s.clock.Now()
	if !t.After(from) {
		s.clock.Set(t)
		return nil
	}
	for {
		entries, err := s.m.Pipeline.Entries(ctx)
		if err != nil {
			return err
		}
		due := hours.Due(entries, s.m.Config.Location(), from, t)
		if len(due) == 0 {
			break
		}
		// Every firing of the first instant runs before time moves on: the
		// minute sweep and the 20:00 report share an instant, and starting
		// the next search after it would skip the report.
		at := due[0].At
		s.clock.Set(at)
		for _, f := range due {
			if !f.At.Equal(at) {
				break
			}
			s.m.NoteFiring(f.At)
			if f.Job == hours.JobMaintain {
				if err := s.m.DB.Maintain(ctx); err != nil {
					return err
				}
			}
			if err := s.m.Pipeline.Fire(ctx, f); err != nil {
				return err
			}
			if _, err := s.m.Sender.Flush(ctx); err != nil {
				return err
			}
		}
		from = at
	}
	s.clock.Set(t)
	_, err := s.m.Sender.Flush(ctx)
	return err
}

// SchedulerBeat is the simulated scheduler's last firing (for /healthz).
func (s *SimMarket) SchedulerBeat() time.Time { return s.m.SchedulerBeat() }

// Now is the simulated time.
func (s *SimMarket) Now() time.Time { return s.clock.Now() }

// Location is the market's time zone.
func (s *SimMarket) Location() *time.Location { return s.m.Config.Location() }

// LastOrderCode is the newest order's code.
func (s *SimMarket) LastOrderCode(ctx context.Context) (string, error) {
	var code string
	err := s.m.DB.View(ctx, func(tx *store.Tx) error {
		os, err := tx.ListOrders(1)
		if len(os) > 0 {
			code = os[0].Code
		}
		return err
	})
	return code, err
}

// DB exposes the store, for tests and `pasarbot orders`.
func (s *SimMarket) DB() *store.DB { return s.m.DB }

// Pipeline is the market's pipeline (tests read messages ahead with it).
func (s *SimMarket) Pipeline() *bot.Pipeline { return s.m.Pipeline }

// Close closes the database and removes a temporary one.
func (s *SimMarket) Close() error {
	err := s.m.Close()
	s.removeTemp()
	return err
}

func (s *SimMarket) removeTemp() {
	if s.tmpDir != "" {
		os.RemoveAll(s.tmpDir)
	}
}

// CatchUp runs what a restarted production market runs first: missed
// openings, closings and reports, and overdue deadlines.
func (s *SimMarket) CatchUp(ctx context.Context) error {
	if err := s.m.Pipeline.CatchUp(ctx); err != nil {
		return err
	}
	_, err := s.m.Sender.Flush(ctx)
	return err
}
