package config_test

import (
	"strings"
	"testing"

	"pasarbot/bot/config"
)

func TestPhonesInConfig(t *testing.T) {
	t.Run("EveryFormOneCanonical", func(t *testing.T) {
		c, err := config.Parse("pasar.yaml", []byte("admins:\n  - \"+62 0811-0000-0001\"\n  - 0811.0000.0002\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(c.AdminPhones(), ","); got != "6281100000001,6281100000002" {
			t.Errorf("admins = %s", got)
		}
	})
	for _, tt := range []struct{ name, yaml, want string }{
		{"ErrNotMobile", "admins:\n  - 021-555-0101\n", "pasar.yaml:2: admins[0]: \"021-555-0101\" is not a mobile number"},
		{"ErrSameAdminTwice", "admins:\n  - 0811-0000-0001\n  - \"+62 0811 0000 0001\"\n", "pasar.yaml:3: admins[1]: 6281100000001 is listed twice as admin (first at line 2)"},
		{"ErrSameCourierTwice", "couriers:\n  drivers:\n    - {phone: 0833-1, name: A}\n", "pasar.yaml:3: couriers.drivers[0].phone"},
		{"ErrSameCourierTwiceFull", "couriers:\n  drivers:\n    - {phone: 083300000009, name: A}\n    - {phone: \"+62 833 0000 0009\", name: B}\n", "pasar.yaml:4: couriers.drivers[1].phone: 6283300000009 is listed twice as courier (first at line 3)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Parse("pasar.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	t.Run("Warnings", func(t *testing.T) {
		c, err := config.Parse("pasar.yaml", []byte(`couriers:
  drivers:
    - {phone: 082200000077, name: Pak Joko}
seller_groups:
  - id: sayur
    name: Sayur
    leaders: ["0822-0000-0077"]
  - id: ikan
    name: Ikan
    leaders: []
`))
		if err != nil {
			t.Fatal(err)
		}
		w := strings.Join(c.Warnings(), "\n")
		for _, want := range []string{"pasar.yaml:7: seller_groups[0].leaders[0]: 6282200000077 is both a courier and a leader", "pasar.yaml:8: seller_groups[1].id: seller group \"ikan\" has no leaders"} {
			if !strings.Contains(w, want) {
				t.Errorf("warnings lack %q:\n%s", want, w)
			}
		}
	})
}
