package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/sim"
)

// simMarket is a simulated market as replay, demo and sim drive it.
type simMarket interface {
	sim.Market
	Close() error
}

// newSimMarket builds the real market (engine, store, catalog) behind the
// simulator. It is a variable so the commands' tests can use a stand-in.
// dbPath "" means a fresh temporary database. Every configured group is bound
// to its simulator chat, so scripts and the page start with orders rather
// than with DAFTAR GRUP in each group.
var newSimMarket = func(ctx context.Context, cfg *config.Config, dbPath string, out bot.Messenger, start time.Time, log zerolog.Logger) (simMarket, error) {
	m, err := sim.NewMarket(ctx, sim.Options{Config: cfg, DBPath: dbPath, Schema: cfg.Database.Schema, Messenger: out, Start: start, Log: log, BindGroups: true})
	if err != nil {
		return nil, err // not m: a nil *SimMarket in the interface would not be nil
	}
	return m, nil
}

// replayCodeSeed fixes order codes when the configuration leaves code_seed
// at 0 (random), so scripts can name orders and reruns print the same.
const replayCodeSeed = 2026

func runReplay(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "replay", "[--config FILE] [--market ID] [--db FILE [--resume]] [-v] SCRIPT")
	cf := addConfigFlags(fs)
	verbose := fs.Bool("v", false, "log the market's work to stderr (at the configured log level)")
	images := fs.String("images", filepath.Join(os.TempDir(), "pasarbot-replay-images"), "write the images the bot sends (payment QR codes) into this directory")
	resume := fs.Bool("resume", false, "continue an interrupted replay on --db: the same message ids, so lines already processed are skipped")
	schema := fs.String("schema", "", "play on PostgreSQL (database.postgres) in this schema instead of a SQLite file; waits while another process serves it")
	if err := parseArgs(fs, args, 1); err != nil {
		return err
	}
	cfg, err := cf.load(e)
	if err != nil {
		return err
	}
	simDatabase(cfg, *schema)
	path := fs.Arg(0)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	script, err := sim.Parse(path, f)
	f.Close()
	if err != nil {
		return err
	}
	// Only an explicit --db is used: database.path is the live market's file.
	dbPath := *cf.db
	var prefix string
	if dbPath != "" && !*resume {
		if _, err := os.Stat(dbPath); err == nil {
			// The database may have seen this script's message ids already.
			prefix = "SIM-" + strconv.FormatInt(time.Now().UnixNano(), 36) + "-"
		}
	}
	return play(ctx, e, cfg, dbPath, script, playOptions{verbose: *verbose, idPrefix: prefix, imageDir: *images})
}

// simDatabase points a simulated market's configuration at its database:
// on PostgreSQL only in a schema named explicitly (--schema), never the
// live market's; otherwise SQLite (--db, or a temporary file).
func simDatabase(cfg *config.Config, schema string) {
	if schema == "" {
		cfg.Database.Postgres, cfg.Database.Schema = "", ""
		return
	}
	cfg.Database.Schema = schema
}

type playOptions struct {
	verbose  bool   // log at the configured level instead of warnings only
	narrate  bool   // show the script's comments
	idPrefix string // inbound ids; "" is the Player's default
	header   string // printed before the transcript once the market runs
	imageDir string // where sent images are written; "" writes none
}

// play runs script on a new simulated market and prints the transcript to
// stdout and failed expectations to stderr. Any failure ends in exit code 1.
func play(ctx context.Context, e env, cfg *config.Config, dbPath string, script *sim.Script, o playOptions) error {
	if cfg.Orders.CodeSeed == 0 {
		cfg.Orders.CodeSeed = replayCodeSeed
	}
	loc := cfg.Location()
	start := time.Now().In(loc).Truncate(time.Minute)
	if w, ok := script.Start(); ok {
		start = w.In(loc, start)
	}
	rec := sim.NewRecorder()
	m, err := newSimMarket(ctx, cfg, dbPath, rec, start, simLogger(e, cfg, o.verbose))
	if err != nil {
		return err
	}
	defer m.Close()
	rec.SetClock(m.Now)
	if o.header != "" {
		fmt.Fprintln(e.stdout, o.header)
	}
	p := &sim.Player{
		Market:     m,
		Recorder:   rec,
		Transcript: sim.NewTranscript(e.stdout, m.Location()),
		Narrate:    o.narrate,
		IDPrefix:   o.idPrefix,
	}
	p.Transcript.ImageDir = o.imageDir
	res, err := p.Play(ctx, script)
	for _, f := range res.Failures {
		fmt.Fprintln(e.stderr, f.String())
	}
	if err != nil {
		return err
	}
	if err := p.Transcript.Err(); err != nil {
		return err
	}
	if n := len(res.Failures); n > 0 {
		return exitError{code: 1, msg: fmt.Sprintf("%d of %d expectations failed", n, res.Expectations)}
	}
	return nil
}

// simLogger logs the market's work to stderr, apart from the transcript on
// stdout: warnings and errors only unless verbose.
func simLogger(e env, cfg *config.Config, verbose bool) zerolog.Logger {
	level := zerolog.WarnLevel
	if verbose {
		if l, err := zerolog.ParseLevel(strings.ToLower(cfg.Log.Level)); err == nil {
			level = l
		}
	}
	if cfg.Log.Format == "json" {
		return zerolog.New(e.stderr).Level(level).With().Timestamp().Logger()
	}
	return zerolog.New(zerolog.ConsoleWriter{Out: e.stderr, NoColor: true, TimeFormat: "15:04:05"}).Level(level).With().Timestamp().Logger()
}
