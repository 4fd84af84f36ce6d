package config

import (
	"strings"
	"time"

	"pasarbot/orders/qris"
)

// Payments is how buyers pay: cash on delivery, QRIS, or either.
type Payments struct {
	Methods    string        `yaml:"methods"`     // cod | qris | both
	QRISStatic string        `yaml:"qris_static"` // the merchant's printed static QRIS payload
	QRISFlow   string        `yaml:"qris_flow"`   // pay_first | pay_after_confirm
	QRISExpiry time.Duration `yaml:"qris_expiry"` // an unpaid QRIS order expires after this
}

// Payment methods and QRIS flows.
const (
	MethodsCOD            = "cod"
	MethodsQRIS           = "qris"
	MethodsBoth           = "both"
	FlowPayFirst          = "pay_first"         // the order reaches the sellers once paid
	FlowPayAfterConfirmed = "pay_after_confirm" // sellers confirm first, then the buyer pays the final total
)

func paymentDefaults() Payments {
	return Payments{Methods: MethodsCOD, QRISFlow: FlowPayFirst, QRISExpiry: 30 * time.Minute}
}

// validatePayments checks the section; a QRIS market's static payload is
// parsed and refused with the reason (bad CRC, missing merchant name…)
// before anything starts.
func (c *Config) validatePayments() error {
	p := &c.Payments
	switch p.Methods {
	case MethodsCOD, MethodsQRIS, MethodsBoth:
	default:
		return c.errAt("payments.methods", "must be cod, qris or both, not %q", p.Methods)
	}
	switch p.QRISFlow {
	case FlowPayFirst, FlowPayAfterConfirmed:
	default:
		return c.errAt("payments.qris_flow", "must be pay_first or pay_after_confirm, not %q", p.QRISFlow)
	}
	if p.QRISExpiry < time.Minute || p.QRISExpiry > 24*time.Hour {
		return c.errAt("payments.qris_expiry", "must be between 1m and 24h")
	}
	p.QRISStatic = strings.TrimSpace(p.QRISStatic)
	if p.Methods == MethodsCOD {
		return nil
	}
	if p.QRISStatic == "" {
		return c.errAt("payments.qris_static", "payments.methods is %s: paste the text inside the merchant's printed QRIS (check it with `pasarbot qris --check`)", p.Methods)
	}
	if _, err := qris.ParseStatic(p.QRISStatic); err != nil {
		return c.errAt("payments.qris_static", "%s", strings.TrimPrefix(err.Error(), "qris: "))
	}
	return nil
}

// AcceptsQRIS says whether buyers may pay by QRIS.
func (p Payments) AcceptsQRIS() bool { return p.Methods == MethodsQRIS || p.Methods == MethodsBoth }

// AcceptsCOD says whether buyers may pay cash on delivery.
func (p Payments) AcceptsCOD() bool { return p.Methods == MethodsCOD || p.Methods == MethodsBoth }
