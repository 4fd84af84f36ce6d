package sim_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/sim"
	"pasarbot/store/storetest"
)

// TestScripts plays every replay script under testdata/scripts, and the
// demo, on the real market with a fresh database each.
func TestScripts(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "scripts", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no scripts in testdata/scripts")
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			t.Parallel()
			playReal(t, parseScriptFile(t, p))
		})
	}
	t.Run("demo", func(t *testing.T) {
		t.Parallel()
		playReal(t, sim.Demo())
	})
}

// TestOnPostgres plays every script again with the market on PostgreSQL
// (a fresh schema each): the whole bot over the other store.
func TestOnPostgres(t *testing.T) {
	storetest.URL(t)
	t.Run("Scripts", TestScripts)
}

// parseScriptFile reads the replay script at path.
func parseScriptFile(t *testing.T, path string) *sim.Script {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := sim.Parse(filepath.Base(path), f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// playReal plays s on a real market over a database in t.TempDir, the way
// `pasarbot replay` does, and fails the test for every failed expectation.
func playReal(t *testing.T, s *sim.Script) {
	t.Helper()
	playRealWith(t, s, config.Default())
}

// playRealWith is playReal on the market that cfg configures.
func playRealWith(t *testing.T, s *sim.Script, cfg *config.Config) {
	t.Helper()
	ctx := context.Background()
	m, rec := newRealMarket(t, ctx, s, cfg)
	var transcript strings.Builder
	p := &sim.Player{Market: m, Recorder: rec, Transcript: sim.NewTranscript(&transcript, m.Location())}
	res, err := p.Play(ctx, s)
	if err != nil {
		t.Fatalf("%v\ntranscript:\n%s", err, transcript.String())
	}
	for _, f := range res.Failures {
		t.Error(f.String())
	}
	if t.Failed() {
		t.Logf("transcript:\n%s", transcript.String())
	}
}

// newRealMarket builds sim.NewMarket for s with a fixed code seed.
func newRealMarket(t *testing.T, ctx context.Context, s *sim.Script, cfg *config.Config) (sim.Market, *sim.Recorder) {
	t.Helper()
	cfg.Orders.CodeSeed = 2026 // as `pasarbot replay` does
	start := realStart(cfg, s)
	rec := sim.NewRecorder()
	dbPath, schema := filepath.Join(t.TempDir(), "pasarbot.db"), ""
	if strings.HasPrefix(t.Name(), "TestOnPostgres/") {
		c := *cfg
		c.Database.Postgres, schema = storetest.Schema(t)
		cfg, dbPath = &c, ""
	}
	m, err := sim.NewMarket(ctx, sim.Options{
		Config:     cfg,
		DBPath:     dbPath,
		Schema:     schema,
		Messenger:  rec,
		Start:      start,
		Log:        zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel),
		BindGroups: true, // as `pasarbot replay` does
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	rec.SetClock(m.Now)
	return m, rec
}
