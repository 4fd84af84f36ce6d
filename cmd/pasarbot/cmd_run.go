package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	bmarket "pasarbot/bot/market"
	"pasarbot/bot/ops"
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

// path is --device, else the market's device file (config.DevicePath:
// next to its database unless whatsapp.device_store names a directory).
func (f deviceFlags) path(cfg *config.Config) string {
	if *f.device != "" {
		return *f.device
	}
	return cfg.DevicePath()
}

// openDevice opens the market's WhatsApp device store: the device file at
// path, or on PostgreSQL whatsmeow's tables in the market's schema.
func openDevice(ctx context.Context, cfg *config.Config, path string, log zerolog.Logger) (*whatsapp.DeviceStore, error) {
	if !cfg.Database.OnPostgres() {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, err
		}
		return whatsapp.OpenDeviceStore(ctx, path, log)
	}
	db, err := store.PostgresPool(cfg.Database.Postgres, cfg.Database.Schema)
	if err != nil {
		return nil, err
	}
	return whatsapp.OpenDeviceStoreOn(ctx, db, "PostgreSQL schema "+cfg.Database.Schema, log)
}

func runRun(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "run", "[--config FILE] [--market ID] [--db FILE] [--device FILE] [--pair-phone 62812…]")
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
	// Without --market, run serves every market of the file.
	dep, markets, err := cf.markets(e, true)
	if err != nil {
		return err
	}
	if len(markets) > 1 && (*df.device != "" || phone != "") {
		return exitError{code: 2, msg: "--device and --pair-phone are one market's: add --market ID"}
	}
	log := newLogger(dep.Markets[0], e.stderr)
	ctx = log.WithContext(ctx)

	fleet := ops.NewFleet(log)
	pairing := &pairingTerminal{out: e.stdout}
	units := make([]*marketUnit, len(markets))
	sups := make([]bmarket.Supervision, len(markets))
	for i, cfg := range markets {
		u := &marketUnit{cfg: cfg, device: df.path(cfg), log: log.With().Str("market", cfg.Market.ID).Logger(),
			fleet: fleet.Add(cfg.Market.ID), pairing: pairing, phone: phone, opsBase: "/ops/"}
		if len(markets) > 1 {
			u.opsBase = "/ops/" + cfg.Market.ID + "/"
		}
		units[i] = u
		sups[i] = bmarket.Supervision{ID: cfg.Market.ID, Log: u.log, Run: u.run, Fatal: fatalForMarket,
			OnState: func(st bmarket.State) {
				if !st.Running {
					u.fleet.SetRunning(false, st.Detail)
				}
			}}
	}
	stopOps, err := serveProcessOps(ctx, dep, fleet, units, log)
	if err != nil {
		return err
	}
	if len(markets) > 1 {
		log.Info().Strs("markets", dep.IDs()).Msg("serving several markets; each is restarted on its own if it fails")
	}
	runErr := bmarket.SuperviseAll(ctx, sups)
	stopOps()
	return runErr
}

// fatalForMarket: errors a restart cannot cure. WhatsApp removed the link
// or another process uses the device or the database: the market stays
// down (its error says what to do), the others carry on.
func fatalForMarket(err error) bool {
	var stopped *whatsapp.StoppedError
	var locked *store.LockedError
	return errors.As(err, &stopped) || errors.As(err, &locked)
}

// marketUnit is one market of a running process: its configuration and
// files, its logger (with a market field), and its place in the fleet's
// health and metrics. run is one life of the market; the supervisor
// calls it again after a failure.
type marketUnit struct {
	cfg     *config.Config
	device  string
	log     zerolog.Logger
	fleet   *ops.FleetMarket
	pairing *pairingTerminal
	phone   string
	page    atomic.Pointer[http.ServeMux] // the operator page on this life's database
	opsBase string                        // its path: /ops/, or /ops/<id>/ with several markets
}

// run opens the device store and the market, starts what runs beside it
// and serves until ctx ends or the market fails, then closes everything
// (device store after the disconnect, the database last).
func (u *marketUnit) run(ctx context.Context) error {
	ctx = u.log.WithContext(ctx)
	// The market first: it takes the market's lock (or PostgreSQL lease),
	// so only the process that serves the market opens its device keys.
	m, err := openMarket(ctx, u.cfg, u.log)
	if err != nil {
		return err
	}
	if m.m.DB.Lease() != nil {
		u.log.Info().Dur("wait", store.LeaseFence()).Msg("market lease held; waiting until a previous holder has surely stopped WhatsApp")
		select {
		case <-ctx.Done():
			return m.Close()
		case <-time.After(store.LeaseFence()):
		}
	}
	dev, err := openDevice(ctx, u.cfg, u.device, u.log)
	if err != nil {
		m.Close()
		return err
	}
	if u.phone != "" && dev.Paired() {
		u.log.Warn().Msg("--pair-phone ignored: this device file is already linked (pasarbot logout first to link anew)")
	}
	stopOps, err := startMarketOps(ctx, u, m)
	if err != nil {
		dev.Close()
		m.Close()
		return err
	}
	runErr := runMarket(ctx, u, dev, m)
	stopOps()
	u.fleet.SetRunning(false, "stopping")
	if err := dev.Close(); err != nil {
		u.log.Error().Err(err).Msg("closing the device store")
	}
	if err := m.Close(); err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}

// pairingTerminal is the operator's terminal shared by the markets: a
// market that needs linking holds it while its QR codes or pairing code
// show, so two markets' codes never interleave, and every line names the
// market.
type pairingTerminal struct {
	mu  sync.Mutex
	out io.Writer
}

// marketWriter prefixes each line written with "[id] ".
type marketWriter struct {
	id      string
	out     io.Writer
	midLine bool
}

func (w *marketWriter) Write(p []byte) (int, error) {
	var b []byte
	for _, c := range p {
		if !w.midLine {
			b = append(b, "["+w.id+"] "...)
			w.midLine = true
		}
		b = append(b, c)
		if c == '\n' {
			w.midLine = false
		}
	}
	if _, err := w.out.Write(b); err != nil {
		return 0, err
	}
	return len(p), nil
}

// runMarket connects (pairing if needed) and serves until shutdown; the
// connection is closed when it returns.
func runMarket(ctx context.Context, u *marketUnit, dev *whatsapp.DeviceStore, m *market) error {
	log := u.log
	opts := whatsapp.OptionsFromConfig(u.cfg.WhatsApp, log)
	opts.OnConnection = m.onConnection
	opts.OnResume = m.BanLifted
	wa := whatsapp.New(dev, m.Inbox(), opts)

	pairing := whatsapp.Pairing{Out: u.pairing.out, Phone: u.phone}
	release := func() {}
	if !dev.Paired() {
		// One market links at a time on the shared terminal.
		u.pairing.mu.Lock()
		release = sync.OnceFunc(u.pairing.mu.Unlock)
		defer release()
		pairing.Out = &marketWriter{id: u.cfg.Market.ID, out: u.pairing.out}
		fmt.Fprintf(pairing.Out, "Link the WhatsApp number of %s (market %s):\n", u.cfg.Market.Name, u.cfg.Market.ID)
		log.Info().Str("device_store", dev.Path()).Msg("no linked phone yet: link the market phone now")
	}
	err := wa.Connect(ctx, pairing)
	release()
	if err != nil {
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
