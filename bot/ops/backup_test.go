package ops_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/ops"
	"pasarbot/bot/sim"
	"pasarbot/store"
)

// busyMorning is a replay script of n buyers each placing one delivered
// order, so a replay writes for a while.
func busyMorning(t testing.TB, n int) *sim.Script {
	t.Helper()
	var b strings.Builder
	b.WriteString("@clock 2026-11-25 06:30\n")
	for i := range n {
		buyer := fmt.Sprintf("62812399%05d", i)
		fmt.Fprintf(&b, "%s: cabe rawit merah 1/4 ya\n%s: itu aja\n%s: antar\n%s: Bu Rina, Jl. Yos Sudarso %d, Langkai\n%s: ya\n",
			buyer, buyer, buyer, buyer, i+1, buyer)
	}
	s, err := sim.Parse("busy.txt", strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newSimMarket opens a simulated market on a database file in dir.
func newSimMarket(t testing.TB, dbPath string) (*sim.SimMarket, *sim.Recorder) {
	t.Helper()
	cfg := config.Default()
	cfg.Orders.CodeSeed = 2026
	rec := sim.NewRecorder()
	start := time.Date(2026, 11, 25, 6, 0, 0, 0, cfg.Location())
	m, err := sim.NewMarket(context.Background(), sim.Options{Config: cfg, DBPath: dbPath, Messenger: rec, Start: start,
		Log: zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel), BindGroups: true})
	if err != nil {
		t.Fatal(err)
	}
	rec.SetClock(m.Now)
	return m, rec
}

// orderCodes lists the order codes committed in db.
func orderCodes(t testing.TB, db *store.DB) map[string]bool {
	t.Helper()
	codes := map[string]bool{}
	err := db.View(context.Background(), func(tx *store.Tx) error {
		os, err := tx.ListOrders(0)
		for _, o := range os {
			codes[o.Code] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return codes
}

// openCopy opens a copy of a backup file for reading its orders (the
// backup itself stays untouched).
func openCopy(t testing.TB, backup string) *store.DB {
	t.Helper()
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestBackupWhileReplayWrites takes backups while a replay is placing
// orders: every backup passes integrity_check and holds every order that
// was committed before it started.
func TestBackupWhileReplayWrites(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "pasarbot.db")
	m, rec := newSimMarket(t, dbPath)
	defer m.Close()

	played := make(chan error, 1)
	go func() {
		_, err := (&sim.Player{Market: m, Recorder: rec}).Play(ctx, busyMorning(t, 40))
		played <- err
	}()
	b := ops.Backups{Dir: filepath.Join(dir, "backups"), Database: dbPath}
	stamp := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	var during, partial int
	for done := false; !done; {
		select {
		case err := <-played:
			if err != nil {
				t.Fatal(err)
			}
			done = true
		default:
		}
		before := orderCodes(t, m.DB())
		stamp = stamp.Add(time.Second)
		set, err := b.Run(ctx, stamp)
		if err != nil {
			t.Fatal(err)
		}
		c, err := store.CheckBackup(ctx, set.Market)
		if err != nil {
			t.Fatalf("backup %d: %v", during, err)
		}
		if got, want := c.Integrity, "ok"; got != want {
			t.Fatalf("integrity_check = %q, want %q", got, want)
		}
		in := orderCodes(t, openCopy(t, set.Market))
		for code := range before {
			if !in[code] {
				t.Fatalf("backup %d lacks order %s, committed before it started", during, code)
			}
		}
		if !done {
			during++
			if len(in) > 0 {
				partial++
			}
		}
	}
	final := orderCodes(t, m.DB())
	if got, want := len(final), 40; got != want {
		t.Fatalf("replay placed %d orders, want %d", got, want)
	}
	if during < 2 || partial < 1 {
		t.Fatalf("only %d backups ran during the replay (%d with orders): the test did not overlap writes", during, partial)
	}
	t.Logf("%d backups during the replay, %d holding orders", during, partial)
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	t.Run("RoundTrip", func(t *testing.T) {
		dir := t.TempDir()
		dbPath := filepath.Join(dir, "pasarbot.db")
		m, rec := newSimMarket(t, dbPath)
		if _, err := (&sim.Player{Market: m, Recorder: rec}).Play(ctx, busyMorning(t, 3)); err != nil {
			t.Fatal(err)
		}
		want := orderCodes(t, m.DB())
		set, err := ops.Backups{Dir: filepath.Join(dir, "backups"), Database: dbPath}.Run(ctx, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		// More orders after the backup: a restore takes them away again.
		if _, err := (&sim.Player{Market: m, Recorder: rec, IDPrefix: "LATER-"}).Play(ctx, laterOrder(t)); err != nil {
			t.Fatal(err)
		}
		if got := len(orderCodes(t, m.DB())); got != len(want)+1 {
			t.Fatalf("after the later order: %d orders, want %d", got, len(want)+1)
		}
		t.Run("LockedError", func(t *testing.T) {
			_, err := store.Restore(ctx, set.Market, dbPath, dbPath, store.CheckBackup, time.Now())
			var locked *store.LockedError
			if !errors.As(err, &locked) {
				t.Fatalf("restore while the market holds the database: err = %v, want LockedError", err)
			}
		})
		if err := m.Close(); err != nil {
			t.Fatal(err)
		}
		kept, err := store.Restore(ctx, set.Market, dbPath, dbPath, store.CheckBackup, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if kept == "" {
			t.Fatal("the replaced database was not kept")
		}
		db, err := store.Open(ctx, dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		got := orderCodes(t, db)
		if len(got) != len(want) {
			t.Fatalf("restored %d orders, want %d", len(got), len(want))
		}
		for code := range want {
			if !got[code] {
				t.Errorf("restored database lacks %s", code)
			}
		}
		if n := len(orderCodes(t, openCopy(t, kept))); n != len(want)+1 {
			t.Errorf("kept file holds %d orders, want %d", n, len(want)+1)
		}
	})
	t.Run("ErrCorrupt", func(t *testing.T) {
		dir := t.TempDir()
		dbPath := filepath.Join(dir, "pasarbot.db")
		m, _ := newSimMarket(t, dbPath)
		set, err := ops.Backups{Dir: dir, Database: dbPath}.Run(ctx, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		m.Close()
		before, _ := os.ReadFile(dbPath)
		corrupt(t, set.Market)
		if _, err := store.Restore(ctx, set.Market, dbPath, dbPath, store.CheckBackup, time.Now()); err == nil {
			t.Fatal("a corrupt backup was restored")
		}
		after, _ := os.ReadFile(dbPath)
		if string(before) != string(after) {
			t.Fatal("a refused restore changed the database")
		}
	})
}

// laterOrder is one more order, an hour after busyMorning's.
func laterOrder(t testing.TB) *sim.Script {
	t.Helper()
	s, err := sim.Parse("later.txt", strings.NewReader(`@clock 2026-11-25 08:00
6281239988888: cabe rawit merah 1/4 ya
6281239988888: itu aja
6281239988888: antar
6281239988888: Pak Budi, Jl. Tjilik Riwut 5, Langkai
6281239988888: ya
`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// corrupt overwrites a page in the middle of a database file.
func corrupt(t testing.TB, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	junk := []byte(strings.Repeat("\xff\x00junk", 400))
	if _, err := f.WriteAt(junk, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
}

func TestBackupsPrune(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "pasarbot.db")
	m, _ := newSimMarket(t, dbPath)
	defer m.Close()
	dev := filepath.Join(dir, "device.db")
	devDB, err := store.OpenForMigrate(ctx, dev) // any SQLite file stands in for the device store here
	if err != nil {
		t.Fatal(err)
	}
	devDB.Close()
	b := ops.Backups{Dir: filepath.Join(dir, "backups"), Database: dbPath, DeviceFile: dev, Keep: 3}
	os.MkdirAll(b.Dir, 0o700)
	os.WriteFile(filepath.Join(b.Dir, "notes.txt"), []byte("mine"), 0o600)
	t0 := time.Date(2026, 11, 1, 19, 0, 0, 0, time.UTC)
	var last ops.Set
	for i := range 5 {
		if last, err = b.Run(ctx, t0.Add(time.Duration(i)*24*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	stamps, err := b.List()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(stamps, ","), "20261103T190000Z,20261104T190000Z,20261105T190000Z"; got != want {
		t.Errorf("kept %s, want %s", got, want)
	}
	ents, _ := os.ReadDir(b.Dir)
	if got, want := len(ents), 3*2+1; got != want {
		t.Errorf("%d files in the backup directory, want %d (3 sets of 2, and notes.txt)", got, want)
	}
	if got, want := ops.DeviceBeside(last.Market), last.Device; got != want || got == "" {
		t.Errorf("DeviceBeside = %q, want %q", got, want)
	}
}

func TestBackupSpec(t *testing.T) {
	for at, want := range map[string]string{"02:00": "0 2 * * *", "23:45": "45 23 * * *", "24:00": "0 0 * * *"} {
		if got, err := ops.BackupSpec(at); err != nil || got != want {
			t.Errorf("BackupSpec(%q) = %q, %v; want %q", at, got, err, want)
		}
	}
	if _, err := ops.BackupSpec("25:00"); err == nil {
		t.Error("BackupSpec accepted 25:00")
	}
}
