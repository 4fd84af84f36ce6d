package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/whatsapp"
	"pasarbot/store"
)

// deviceFlags are the flags of commands that use the WhatsApp device file.
type deviceFlags struct {
	device *string
}

func addDeviceFlags(fs *flag.FlagSet) deviceFlags {
	return deviceFlags{device: fs.String("device", "",
		"WhatsApp device file (default: whatsapp.device_store; a bare file name goes next to the database)")}
}

// path is --device, else whatsapp.device_store. A bare file name (the
// default "pasarbot-device.db") is placed in the database's directory, so
// the two files that make up a market live and are backed up together; a
// path with a directory is used as written.
func (f deviceFlags) path(cfg *config.Config) string {
	if *f.device != "" {
		return *f.device
	}
	ds := cfg.WhatsApp.DeviceStore
	if filepath.IsAbs(ds) || filepath.Base(ds) != ds {
		return ds
	}
	return filepath.Join(filepath.Dir(cfg.Database.Path), ds)
}

// openDevice opens the market's WhatsApp device store: the device file at
// path, or on PostgreSQL whatsmeow's tables in the market's schema.
func openDevice(ctx context.Context, cfg *config.Config, path string, log zerolog.Logger) (*whatsapp.DeviceStore, error) {
	if !cfg.Database.OnPostgres() {
		return whatsapp.OpenDeviceStore(ctx, path, log)
	}
	db, err := store.PostgresPool(cfg.Database.Postgres, cfg.Database.Schema)
	if err != nil {
		return nil, err
	}
	return whatsapp.OpenDeviceStoreOn(ctx, db, "PostgreSQL schema "+cfg.Database.Schema, log)
}

// banNotifier is implemented by a market that wants to tell its admins
// when WhatsApp lifts a temporary ban (sending resumes by itself).
type banNotifier interface {
	BanLifted(ctx context.Context, bannedUntil time.Time)
}

func runRun(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "run", "[--config FILE] [--db FILE] [--device FILE] [--pair-phone 62812…]")
	cf := addConfigFlags(fs)
	df := addDeviceFlags(fs)
	pairPhone := fs.String("pair-phone", "", "link with an 8-character code for this number instead of a QR code (e.g. 6281234567001)")
	if err := parseArgs(fs, args, 0); err != nil {
		return err
	}
	// A wrong number is reported before anything is opened.
	phone := ""
	if *pairPhone != "" {
		p, err := whatsapp.ValidatePairPhone(*pairPhone)
		if err != nil {
			return exitError{code: 2, msg: err.Error()}
		}
		phone = p
	}
	cfg, err := cf.load(e)
	if err != nil {
		return err
	}
	log := newLogger(cfg, e.stderr)
	ctx = log.WithContext(ctx)

	// The market first: it takes the market's lock (or PostgreSQL lease),
	// so only the process that serves the market opens its device keys.
	m, err := openMarket(ctx, cfg, log)
	if err != nil {
		return err
	}
	if m.m.DB.Lease() != nil {
		log.Info().Dur("wait", store.LeaseFence()).Msg("market lease held; waiting until a previous holder has surely stopped WhatsApp")
		select {
		case <-ctx.Done():
			return m.Close()
		case <-time.After(store.LeaseFence()):
		}
	}
	dev, err := openDevice(ctx, cfg, df.path(cfg), log)
	if err != nil {
		m.Close()
		return err
	}
	if phone != "" && dev.Paired() {
		log.Warn().Msg("--pair-phone ignored: this device file is already linked (pasarbot logout first to link anew)")
	}
	stopOps, err := startOps(ctx, cfg, log, df.path(cfg), m)
	if err != nil {
		dev.Close()
		m.Close()
		return err
	}
	runErr := runMarket(ctx, e, log, cfg, dev, m, phone)
	stopOps()
	// The device store closes after the disconnect (in runMarket), the
	// market database last: nothing may write to either afterwards.
	if err := dev.Close(); err != nil {
		log.Error().Err(err).Msg("closing the device store")
	}
	if err := m.Close(); err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}

// runMarket connects (pairing if needed) and serves until shutdown; the
// connection is closed when it returns.
func runMarket(ctx context.Context, e env, log zerolog.Logger, cfg *config.Config, dev *whatsapp.DeviceStore, m *market, phone string) error {
	opts := whatsapp.OptionsFromConfig(cfg.WhatsApp, log)
	opts.OnConnection = m.onConnection
	opts.OnResume = func(ctx context.Context, until time.Time) {
		log.Info().Time("banned_until", until).Msg("temporary ban over; sending resumed")
	}
	if n, ok := any(m).(banNotifier); ok {
		opts.OnResume = n.BanLifted
	}
	wa := whatsapp.New(dev, m.Inbox(), opts)

	if !dev.Paired() {
		log.Info().Str("device_store", dev.Path()).Msg("no linked phone yet: link the market phone now")
	}
	if err := wa.Connect(ctx, whatsapp.Pairing{Out: e.stdout, Phone: phone}); err != nil {
		wa.Disconnect()
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			return nil // interrupted while connecting: a normal stop
		}
		return err
	}
	log.Info().Str("device_store", dev.Path()).Msg("pasarbot running; Ctrl-C stops it")
	return serve(ctx, log, wa, m)
}

// serve runs the market on the connection until ctx ends (SIGINT/SIGTERM)
// or WhatsApp stops the session, then shuts down in the order that loses
// nothing: stop taking messages (the one in hand commits), let the engine
// and outbox finish (Serve returns), disconnect, then the caller closes the
// device store and the market database.
func serve(ctx context.Context, log zerolog.Logger, wa *whatsapp.Client, m *market) error {
	serveCtx, stopServe := context.WithCancel(ctx)
	defer stopServe()
	served := make(chan error, 1)
	go func() { served <- m.Serve(serveCtx, wa) }()

	var runErr error
	select {
	case <-ctx.Done():
		log.Info().Msg("stopping")
	case <-wa.Done():
		runErr = wa.Err() // says what the operator must do
	case <-m.m.LeaseLost():
		// Another process may serve the market by now: stop at once,
		// WhatsApp included (writes already fail).
		runErr = store.ErrLeaseLost
	case err := <-served:
		served = nil
		if err != nil {
			runErr = fmt.Errorf("market stopped: %w", err)
		} else {
			runErr = errors.New("market stopped unexpectedly")
		}
	}
	wa.StopEvents()
	stopServe()
	if served != nil {
		if err := <-served; err != nil && !errors.Is(err, context.Canceled) && runErr == nil {
			runErr = fmt.Errorf("market: %w", err)
		}
	}
	wa.Disconnect()
	return runErr
}
