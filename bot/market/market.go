// Package market wires a running market together: configuration, the
// SQLite store, the catalog, the conversation engine, the inbound pipeline,
// the outbox sender and the schedules. Both `pasarbot run` (WhatsApp) and
// the simulator build their market here, so they behave the same.
package market

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/charts"
	"pasarbot/bot/config"
	"pasarbot/catalog"
	"pasarbot/orders"
	"pasarbot/store"
)

// Options build a market.
type Options struct {
	Config    *config.Config
	DBPath    string // overrides Config.Database.Path when set
	Clock     bot.Clock
	Messenger bot.Messenger
	Log       zerolog.Logger
	// BurstWindow overrides the configured burst merge window; the
	// simulator sets it to zero so every script line is its own turn.
	BurstWindow *time.Duration
}

// Market is an open market.
type Market struct {
	Config   *config.Config
	DB       *store.DB
	Engine   *bot.Engine
	Pipeline *bot.Pipeline
	Sender   *bot.Sender
	Clock    bot.Clock
	Log      zerolog.Logger

	beat atomic.Int64 // the last scheduler firing, unix nanoseconds (beat.go)
}

// Open opens the database, seeds groups, couriers and (when empty) the
// catalog from the configuration, and builds the engine.
func Open(ctx context.Context, o Options) (*Market, error) {
	cfg := o.Config
	path := cfg.Database.Path
	if o.DBPath != "" {
		path = o.DBPath
	}
	if o.Clock == nil {
		o.Clock = bot.SystemClock{}
	}
	var db *store.DB
	var err error
	if cfg.Database.OnPostgres() && o.DBPath == "" {
		db, err = openPostgres(ctx, cfg, o.Log)
	} else {
		// A market listed in a deployment keeps its files in its own
		// directory (data_dir/<id>/), made on first start.
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("market directory: %w", err)
		}
		db, err = store.Open(ctx, path)
	}
	if err != nil {
		return nil, err
	}
	var hooks []string
	for _, w := range cfg.Webhooks {
		hooks = append(hooks, w.URL)
	}
	db.SetWebhookReceivers(hooks) // order events are queued for them with the change
	db.SetSlowWriteLog(o.Log, store.DefaultSlowWrite)
	if err := Seed(ctx, db, cfg, o.Clock.Now()); err != nil {
		db.Close()
		return nil, err
	}
	set := bot.SettingsFrom(cfg)
	eng := bot.NewEngine(set, o.Clock, o.Log)
	eng.ReportChart = func(day string) (*bot.Image, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		n, err := charts.Collect(ctx, db, day, cfg.Location())
		if err != nil {
			return nil, err
		}
		cs, err := charts.Draw(n)
		if err != nil {
			return nil, err
		}
		png, err := charts.Sheet(cs)
		if err != nil {
			return nil, err
		}
		return &bot.Image{Data: png, MIME: "image/png", Name: "laporan-" + day + ".png"}, nil
	}
	burst := cfg.Orders.BurstWindow
	if o.BurstWindow != nil {
		burst = *o.BurstWindow
	}
	bs := store.BotStore{DB: db}
	pipe := bot.NewPipeline(bs, eng, o.Clock, burst, o.Log)
	m := &Market{Config: cfg, DB: db, Engine: eng, Pipeline: pipe, Clock: o.Clock, Log: o.Log}
	m.NoteFiring(o.Clock.Now())
	m.Sender = &bot.Sender{Outbox: store.OutboxQueue{DB: db}, Messenger: o.Messenger, Clock: o.Clock, Log: o.Log,
		Wake: make(chan struct{}, 1), Admins: set.Admins, Lang: set.Lang}
	pipe.Committed = func() {
		select {
		case m.Sender.Wake <- struct{}{}:
		default:
		}
	}
	return m, nil
}

// Close closes the database.
func (m *Market) Close() error { return m.DB.Close() }

// openPostgres opens the market's schema, waiting for its lease while
// another process serves it (a standby takes over when that one dies).
func openPostgres(ctx context.Context, cfg *config.Config, log zerolog.Logger) (*store.DB, error) {
	db, err := store.OpenPostgres(ctx, cfg.Database.Postgres, cfg.Database.Schema)
	var held *store.LeaseHeldError
	if !errors.As(err, &held) {
		return db, err
	}
	log.Info().Str("schema", held.Schema).Str("holder", held.Holder).
		Msg("another process serves this market; standing by to take it over")
	return store.OpenPostgresWait(ctx, cfg.Database.Postgres, cfg.Database.Schema)
}

// LeaseLost is closed when the market's PostgreSQL lease is lost: the
// process must stop serving it at once. Nil (never closed) on SQLite.
func (m *Market) LeaseLost() <-chan struct{} {
	if l := m.DB.Lease(); l != nil {
		return l.Lost()
	}
	return nil
}

// Seed syncs seller groups and couriers from the configuration and loads
// the catalog (the configured CSV, else the built-in default market) when
// the database has none yet. Running it again changes nothing.
func Seed(ctx context.Context, db *store.DB, cfg *config.Config, now time.Time) error {
	groups := cfg.CatalogGroups()
	return db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.SyncGroups(groups); err != nil {
			return err
		}
		known, err := tx.Couriers()
		if err != nil {
			return err
		}
		have := map[string]bool{}
		for _, c := range known {
			have[c.Phone] = true
		}
		for _, d := range cfg.Couriers.Drivers {
			p, _ := catalog.NormalizePhone(d.Phone)
			if have[p] {
				continue
			}
			if err := tx.SaveCourier(orders.Courier{Phone: p, Name: d.Name, Plate: d.Plate, Active: true}, now); err != nil {
				return err
			}
		}
		ps, err := tx.Products()
		if err != nil || len(ps) > 0 {
			return err
		}
		products, err := loadCatalog(cfg, groups)
		if err != nil {
			return err
		}
		return tx.ReplaceProducts(products, "import", now)
	})
}

// loadCatalog reads the configured catalog CSV, or the default market.
func loadCatalog(cfg *config.Config, groups []catalog.SellerGroup) ([]catalog.Product, error) {
	if cfg.Market.Catalog == "" {
		return catalog.Default()
	}
	b, err := os.ReadFile(cfg.Market.Catalog)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	known := map[string]bool{}
	for _, g := range groups {
		known[g.ID] = true
	}
	ps, err := catalog.ReadCSV(bytes.NewReader(b), known)
	if err != nil {
		return nil, fmt.Errorf("catalog %s: %w", cfg.Market.Catalog, err)
	}
	return ps, nil
}
