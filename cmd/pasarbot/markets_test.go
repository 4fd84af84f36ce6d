package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasarbot/bot/config"
	"pasarbot/catalog"
)

// writeTwoMarkets writes a deployment of two markets (kahayan, besar) that
// share the example's sections and keep their files under dir.
func writeTwoMarkets(t *testing.T) (cfgPath, dir string) {
	t.Helper()
	dir = t.TempDir()
	shared := strings.NewReplacer("  id: kahayan\n", "", "  path: pasarbot.db\n", "").Replace(string(config.Example))
	yaml := shared + "data_dir: " + dir + "\nmarkets:\n  - market: {id: kahayan, name: Pasar Kahayan}\n  - market: {id: besar, name: Pasar Besar}\n"
	cfgPath = filepath.Join(dir, "markets.yaml")
	if err := os.WriteFile(cfgPath, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfgPath, dir
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// A command given --market acts on that market's files only; without it,
// a command for one market refuses a two-market deployment, and migrate
// and doctor take every market.
func TestMarketFlag_TouchesOnlyTheNamedMarket(t *testing.T) {
	cfg, dir := writeTwoMarkets(t)
	kahayanDB, besarDB := filepath.Join(dir, "kahayan", "pasarbot.db"), filepath.Join(dir, "besar", "pasarbot.db")
	csv := filepath.Join(dir, "catalog.csv")
	if err := os.WriteFile(csv, catalog.DefaultCSV, 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("ErrOneMarketCommandWithoutMarket", func(t *testing.T) {
		code, _, errs := runMain(t, "catalog", "import", "--config", cfg, csv)
		if code != 2 || !strings.Contains(errs, "--market") || !strings.Contains(errs, "kahayan, besar") {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if exists(kahayanDB) || exists(besarDB) {
			t.Error("a refused command created a database")
		}
	})
	t.Run("ErrUnknownMarket", func(t *testing.T) {
		if code, _, errs := runMain(t, "orders", "--config", cfg, "--market", "sampit"); code != 2 || !strings.Contains(errs, `no market "sampit"`) {
			t.Fatalf("exit %d: %s", code, errs)
		}
	})
	t.Run("OKImportIntoBesarOnly", func(t *testing.T) {
		code, out, errs := runMain(t, "catalog", "import", "--config", cfg, "--market", "besar", csv)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, besarDB) {
			t.Errorf("import names %q, want %s", out, besarDB)
		}
		if !exists(besarDB) {
			t.Fatal("besar's database was not written")
		}
		if exists(kahayanDB) || exists(filepath.Join(dir, "kahayan")) {
			t.Error("importing into besar touched kahayan")
		}
	})
	t.Run("OKMigrateTakesEveryMarket", func(t *testing.T) {
		code, out, errs := runMain(t, "migrate", "--config", cfg)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, kahayanDB) || !strings.Contains(out, besarDB) {
			t.Errorf("migrate output %q does not name both databases", out)
		}
	})
	t.Run("OKExportPerMarket", func(t *testing.T) {
		_, besar, errs := runMain(t, "catalog", "export", "--config", cfg, "--market", "besar")
		if !strings.Contains(besar, "kangkung") {
			t.Fatalf("besar's catalog has no kangkung: %s %s", besar, errs)
		}
		_, kahayan, errs := runMain(t, "catalog", "export", "--config", cfg, "--market", "kahayan")
		if strings.Contains(kahayan, "kangkung") {
			t.Errorf("kahayan's catalog has besar's products: %s %s", kahayan, errs)
		}
	})
	t.Run("ErrDBNeedsMarket", func(t *testing.T) {
		if code, _, errs := runMain(t, "migrate", "--config", cfg, "--db", filepath.Join(dir, "x.db")); code != 2 || !strings.Contains(errs, "--market") {
			t.Fatalf("exit %d: %s", code, errs)
		}
	})
	t.Run("ErrRunDeviceNeedsMarket", func(t *testing.T) {
		if code, _, errs := runMain(t, "run", "--config", cfg, "--device", filepath.Join(dir, "d.db")); code != 2 || !strings.Contains(errs, "--market") {
			t.Fatalf("exit %d: %s", code, errs)
		}
	})
	t.Run("OKDoctorNamesEachMarket", func(t *testing.T) {
		_, out, _ := runMain(t, "doctor", "--config", cfg)
		if !strings.Contains(out, "market kahayan (Pasar Kahayan)") || !strings.Contains(out, "market besar (Pasar Besar)") {
			t.Errorf("doctor output does not name both markets:\n%s", out)
		}
	})
}
