package config_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"pasarbot/bot/config"
)

func TestExampleIsValidAndMatchesRoot(t *testing.T) {
	c, err := config.Parse("example.yaml", config.Example)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Market.Name, "Pasar Kahayan"; got != want {
		t.Errorf("market.name = %q, want %q", got, want)
	}
	if got, want := len(c.SellerGroups), 8; got != want {
		t.Errorf("seller groups = %d, want %d", got, want)
	}
	if got, want := c.Couriers.ClaimTimeout, 10*time.Minute; got != want {
		t.Errorf("claim_timeout = %v, want %v", got, want)
	}
	if got, want := c.AdminPhones()[0], "6281100000001"; got != want {
		t.Errorf("admin = %q, want %q", got, want)
	}
	root, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(root, config.Example) {
		t.Error("config.example.yaml differs from bot/config/example.yaml; copy one onto the other")
	}
}

func TestEmptyFileMeansDefaults(t *testing.T) {
	c, err := config.Parse("empty.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Location().String(), "Asia/Jakarta"; got != want {
		t.Errorf("timezone = %q, want %q", got, want)
	}
	if got, want := c.Database.Path, "pasarbot.db"; got != want {
		t.Errorf("database.path = %q, want %q", got, want)
	}
}

func TestErrors(t *testing.T) {
	for _, tt := range []struct {
		name, yaml, want string
	}{
		{"UnknownKey", "market:\n  name: X\n  colour: red\n", "bad.yaml:3: field colour not found"},
		{"UnknownTopKey", "market:\n  name: X\nmarkt:\n  name: Y\n", "bad.yaml:3: field markt not found"},
		{"BadTimezone", "market:\n  timezone: Mars/Olympus\n", "bad.yaml:2: market.timezone: unknown time zone"},
		{"BadLanguage", "market:\n  language: fr\n", "bad.yaml:2: market.language"},
		{"BadAdmin", "admins:\n  - \"081234567890\"\n  - hello\n", "bad.yaml:3: admins[1]"},
		{"BadHours", "hours:\n  open: \"13:00\"\n  close: \"12:00\"\n", "bad.yaml:3: hours.close"},
		{"BadDay", "hours:\n  days:\n    caturday: \"06:00-07:00\"\n", "bad.yaml:3: hours.days.caturday"},
		{"BadLeader", "seller_groups:\n  - id: sayur\n    name: S\n    leaders: [\"abc\"]\n", "bad.yaml:4: seller_groups[0].leaders[0]"},
		{"DuplicateGroup", "seller_groups:\n  - {id: a, name: A}\n  - {id: a, name: B}\n", "bad.yaml:3: seller_groups[1].id: duplicate"},
		{"BadDuration", "orders:\n  cart_idle: sebentar\n", "bad.yaml:2"},
		{"NegativeFee", "delivery:\n  zones:\n    - {name: A, keywords: [a], fee: -1}\n", "bad.yaml:3: delivery.zones[0].fee"},
		{"BadLogFormat", "log:\n  format: xml\n", "bad.yaml:2: log.format"},
		{"BadYAML", "market: [\n", "bad.yaml"},
		// Files listing markets: errors name the market and the line.
		{"DuplicateID", "markets:\n  - market: {id: a}\n  - market: {id: b}\n  - market:\n      id: a\n",
			"bad.yaml:5: market a: market.id: duplicate market id \"a\" (first at line 2)"},
		{"BadID", "markets:\n  - market: {id: a}\n  - market:\n      id: Pasar_Besar\n",
			"bad.yaml:4: market markets[1]: market.id: \"Pasar_Besar\" is not a market id"},
		{"ReservedID", "markets:\n  - market: {id: all}\n", "bad.yaml:2: market markets[0]: market.id: \"all\" is reserved"},
		{"MissingID", "markets:\n  - market: {id: a}\n  - admins: []\n", "bad.yaml:3: market markets[1]: market.id: each market needs its own id"},
		{"SharedID", "market:\n  id: a\nmarkets:\n  - market: {id: b}\n", "bad.yaml:2: market.id: with a markets: list"},
		{"BadIDSingle", "market:\n  id: \"-x\"\n", "bad.yaml:2: market.id: \"-x\" is not a market id"},
		{"Empty", "markets: []\n", "bad.yaml:1: markets: list at least one market"},
		{"UnknownKeyInMarket", "markets:\n  - market: {id: a}\n    colour: red\n", "bad.yaml:3: field colour not found"},
		{"LogPerMarket", "markets:\n  - market: {id: a}\n    log: {level: debug}\n", "bad.yaml:3: market a: log: is set once for the whole deployment"},
		{"BadHoursInMarket", "markets:\n  - market: {id: a}\n  - market: {id: b}\n    hours:\n      open: \"13:00\"\n",
			"bad.yaml:4: market b: hours.close: closing 12:00 must be after opening 13:00"},
		{"SharedBadHoursNamesMarket", "hours:\n  close: \"25:00\"\nmarkets:\n  - market: {id: a}\n",
			"bad.yaml:2: market a: hours.close"},
		{"SharedDatabase", "database: {path: one.db}\nmarkets:\n  - market: {id: a}\n  - market: {id: b}\n",
			"market b: database.path: one.db is also market a's database"},
		{"SharedDevice", "whatsapp: {device_store: keys/device.db}\nmarkets:\n  - market: {id: a}\n  - market: {id: b}\n",
			"market b: whatsapp.device_store: keys/device.db is also market a's device file"},
		{"SharedBackupDir", "backup: {dir: /srv/backups}\nmarkets:\n  - market: {id: a}\n  - market: {id: b}\n",
			"market b: backup.dir: /srv/backups is also market a's backup directory"},
		{"BadAdminInMarket", "markets:\n  - market: {id: a}\n    admins:\n      - halo\n", "bad.yaml:4: market a: admins[0]"},
		{"SharedSchema", "database: {postgres: \"postgres://db/p\"}\nmarkets:\n  - market: {id: a}\n    database: {schema: one}\n  - market: {id: b}\n    database: {schema: one}\n",
			"market b: database.schema: one is also market a's schema"},
		{"PostgresNotURL", "database:\n  postgres: localhost\n  schema: pasar\n", "bad.yaml:2: database.postgres"},
		{"PostgresNoSchema", "database:\n  postgres: postgres://db/pasar\n", "database.schema: must name"},
		{"PostgresBadSchema", "database:\n  postgres: postgres://db/pasar\n  schema: Pasar-Baru\n", "bad.yaml:3: database.schema"},
		{"SchemaWithoutPostgres", "database:\n  schema: pasar\n", "bad.yaml:2: database.schema: is for PostgreSQL only"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Parse("bad.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestPostgresDatabase(t *testing.T) {
	cfg, err := config.Parse("pg.yaml", []byte("database:\n  postgres: postgres://pasarbot@db/pasar\n  schema: pasar_kahayan\nwhatsapp:\n  device_store: \"\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Database.OnPostgres() || cfg.Database.Schema != "pasar_kahayan" {
		t.Fatalf("database = %+v", cfg.Database)
	}
}

func TestPathFromEnv(t *testing.T) {
	t.Setenv("PASARBOT_CONFIG", "/etc/pasar.yaml")
	if got, want := config.Path(""), "/etc/pasar.yaml"; got != want {
		t.Errorf("Path() = %q, want %q", got, want)
	}
	if got, want := config.Path("x.yaml"), "x.yaml"; got != want {
		t.Errorf("Path(flag) = %q, want %q", got, want)
	}
}

// FuzzParse: any file gives a config or an error, never a panic; an error
// names the file.
func FuzzParse(f *testing.F) {
	f.Add(config.Example)
	f.Add([]byte("market:\n  name: X\n  colour: red\n"))
	f.Add([]byte("hours:\n  days:\n    senin: tutup\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := config.Parse("f.yaml", b)
		if err != nil && !strings.Contains(err.Error(), "f.yaml") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}
