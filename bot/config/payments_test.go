package config_test

import (
	"strings"
	"testing"
	"time"

	"pasarbot/bot/config"
)

const goodStatic = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458C7"

func TestPayments(t *testing.T) {
	t.Run("DefaultCOD", func(t *testing.T) {
		c, err := config.Parse("empty.yaml", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := c.Payments, (config.Payments{Methods: "cod", QRISFlow: "pay_first", QRISExpiry: 30 * time.Minute}); got != want {
			t.Errorf("defaults %+v, want %+v", got, want)
		}
	})
	t.Run("OK", func(t *testing.T) {
		c, err := config.Parse("p.yaml", []byte("payments:\n  methods: both\n  qris_flow: pay_after_confirm\n  qris_expiry: 45m\n  qris_static: \""+goodStatic+"\"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if !c.Payments.AcceptsQRIS() || !c.Payments.AcceptsCOD() || c.Payments.QRISExpiry != 45*time.Minute {
			t.Errorf("%+v", c.Payments)
		}
	})
	for _, tt := range []struct{ name, yaml, want string }{
		{"ErrBadCRC", "payments:\n  methods: qris\n  qris_static: \"" + goodStatic[:len(goodStatic)-4] + "0000\"\n",
			"p.yaml:3: payments.qris_static: tag 63 (CRC): checksum is 0000 but the payload computes to 58C7"},
		{"ErrMissing", "payments:\n  methods: both\n", "payments.qris_static: payments.methods is both: paste the text"},
		{"ErrMethod", "payments:\n  methods: transfer\n", "p.yaml:2: payments.methods: must be cod, qris or both"},
		{"ErrFlow", "payments:\n  qris_flow: later\n", "payments.qris_flow: must be pay_first or pay_after_confirm"},
		{"ErrExpiry", "payments:\n  qris_expiry: 10s\n", "payments.qris_expiry: must be between 1m and 24h"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Parse("p.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want %q", err, tt.want)
			}
		})
	}
}
