package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasarbot/bot/config"
)

// A single-market file written before markets existed is a deployment of
// one market with the documented default id and the paths it always had.
func TestDeployment_SingleMarketFileUnchanged(t *testing.T) {
	old := "market:\n  name: Pasar Lama\ndatabase:\n  path: /srv/pasar.db\nadmins: [\"0811-0000-0001\"]\n"
	d, err := config.ParseDeployment("old.yaml", []byte(old))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(d.Markets), 1; got != want {
		t.Fatalf("markets = %d, want %d", got, want)
	}
	m := d.Markets[0]
	if got, want := m.Market.ID, config.DefaultMarketID; got != want {
		t.Errorf("id = %q, want %q", got, want)
	}
	if got, want := m.Database.Path, "/srv/pasar.db"; got != want {
		t.Errorf("database = %q, want %q", got, want)
	}
	if got, want := m.DevicePath(), "/srv/pasarbot-device.db"; got != want {
		t.Errorf("device = %q, want %q", got, want)
	}
	if d.Listed {
		t.Error("a file without markets: reported as listing markets")
	}
	if _, err := d.Market(""); err != nil {
		t.Errorf("the only market needs no --market: %v", err)
	}
	// Parse (one market) still reads it.
	if c, err := config.Parse("old.yaml", []byte(old)); err != nil || c.Market.Name != "Pasar Lama" {
		t.Errorf("Parse = %v, %v", c, err)
	}
}

func TestDeployment_ExampleFile(t *testing.T) {
	d, err := config.LoadDeployment("../../deploy/markets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(d.IDs(), ","), "kahayan,besar,sampit"; got != want {
		t.Fatalf("ids = %q, want %q", got, want)
	}
	besar, err := d.Market("besar")
	if err != nil {
		t.Fatal(err)
	}
	// Mappings merge: besar changes hours.close and keeps the shared opening.
	if got, want := besar.Hours.Open+"-"+besar.Hours.Close, "05:30-12:00"; got != want {
		t.Errorf("besar hours = %q, want %q", got, want)
	}
	kahayan, _ := d.Market("kahayan")
	if got, want := kahayan.Hours.Close, "11:30"; got != want {
		t.Errorf("kahayan close = %q, want %q (the shared value)", got, want)
	}
	// Lists replace: each market has its own admins and groups.
	if got, want := strings.Join(besar.AdminPhones(), ","), "6281100000001,6281100000003"; got != want {
		t.Errorf("besar admins = %q, want %q", got, want)
	}
	if got, want := besar.SellerGroups[0].Name, "Sayur Bu Tini"; got != want {
		t.Errorf("besar group = %q, want %q", got, want)
	}
	// Files derived from the id under data_dir, one directory per market.
	if got, want := besar.Database.Path, filepath.Join("/var/lib/pasarbot", "besar", "pasarbot.db"); got != want {
		t.Errorf("besar database = %q, want %q", got, want)
	}
	if got, want := besar.DevicePath(), filepath.Join("/var/lib/pasarbot", "besar", "pasarbot-device.db"); got != want {
		t.Errorf("besar device = %q, want %q", got, want)
	}
	if got, want := besar.Log.Format, "json"; got != want {
		t.Errorf("besar log format = %q, want the shared %q", got, want)
	}
	if _, err := d.Market(""); err == nil || !strings.Contains(err.Error(), "kahayan, besar, sampit") {
		t.Errorf("no --market with three markets: %v", err)
	}
	if _, err := d.Market("nope"); err == nil {
		t.Error("unknown market accepted")
	}
	if all, err := d.Select(config.AllMarkets); err != nil || len(all) != 3 {
		t.Errorf("Select(all) = %d markets, %v", len(all), err)
	}
	// Parse (one market) refuses a file of three.
	b, _ := os.ReadFile("../../deploy/markets.yaml")
	if _, err := config.Parse("markets.yaml", b); err == nil || !strings.Contains(err.Error(), "--market") {
		t.Errorf("Parse of three markets: %v", err)
	}
}

func TestDeployment_DataDirDefault(t *testing.T) {
	d, err := config.ParseDeployment("m.yaml", []byte("markets:\n  - market: {id: a}\n  - market: {id: b}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Markets[1].Database.Path, filepath.Join(config.DefaultDataDir, "b", "pasarbot.db"); got != want {
		t.Errorf("database = %q, want %q", got, want)
	}
}

func TestValidateID(t *testing.T) {
	for id, ok := range map[string]bool{"a": true, "kahayan": true, "pasar-besar": true, "p2": true,
		"": false, "A": false, "2pasar": false, "pasar-": false, "pa--sar": false, "pasar besar": false,
		"all": false, strings.Repeat("a", 32): true, strings.Repeat("a", 33): false, "../x": false} {
		if got := config.ValidateID(id) == nil; got != ok {
			t.Errorf("ValidateID(%q) ok = %v, want %v", id, got, ok)
		}
	}
}

// FuzzParseDeployment: any file gives a deployment or an error naming the
// file, never a panic; a deployment's markets have distinct valid ids.
func FuzzParseDeployment(f *testing.F) {
	b, err := os.ReadFile("../../deploy/markets.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("markets:\n  - market: {id: a}\n  - market: {id: a}\n"))
	f.Add([]byte("data_dir: x\nmarkets:\n  - market: {id: a}\n    hours: {close: \"13:00\"}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := config.ParseDeployment("f.yaml", b)
		if err != nil {
			if !strings.Contains(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, id := range d.IDs() {
			if config.ValidateID(id) != nil || seen[id] {
				t.Fatalf("invalid or repeated id %q in %v", id, d.IDs())
			}
			seen[id] = true
		}
	})
}

// Markets sharing one PostgreSQL each get the schema named after them
// unless they name one.
func TestDeployment_PostgresSchemaPerMarket(t *testing.T) {
	d, err := config.ParseDeployment("m.yaml", []byte("database: {postgres: \"postgres://db/pasar\"}\nmarkets:\n  - market: {id: pasar-besar}\n  - market: {id: kahayan}\n    database: {schema: khy}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Markets[0].Database.Schema; got != "pasar_besar" {
		t.Errorf("schema = %q, want pasar_besar", got)
	}
	if got := d.Markets[1].Database.Schema; got != "khy" {
		t.Errorf("schema = %q, want khy", got)
	}
}
