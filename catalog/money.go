package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// Rupiah formats an amount the Indonesian way: "Rp15.000", "Rp1.250.000",
// "-Rp5.000". Rupiah have no everyday subunit, so there are no decimals.
func Rupiah(n int64) string {
	neg := n < 0
	// Work in uint64 so the most negative int64 does not overflow.
	u := uint64(n)
	if neg {
		u = -u
	}
	digits := strconv.FormatUint(u, 10)
	b := make([]byte, 0, len(digits)+len(digits)/3+3)
	if neg {
		b = append(b, '-')
	}
	b = append(b, 'R', 'p')
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, digits[i])
	}
	return string(b)
}

// ParseRupiah reads an amount as traders and spreadsheets write it:
// "15000", "15.000", "Rp15.000", "Rp 15.000", "Rp15.000,-", "15.000,00",
// and the spoken shortenings "60rb", "60 ribu", "60k", "7,5rb". Dots group
// thousands (Indonesian), so "15.5" is refused rather than guessed. Negative
// amounts parse (the caller decides whether they are allowed).
func ParseRupiah(s string) (int64, error) {
	orig := s
	s = strings.ToLower(strings.TrimSpace(s))
	neg := false
	if strings.HasPrefix(s, "-") {
		neg = true
		s = strings.TrimSpace(s[1:])
	}
	s = strings.TrimPrefix(s, "rp.")
	s = strings.TrimPrefix(s, "rp")
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, ",-")
	s = strings.TrimSuffix(s, ".-")
	s = strings.TrimSpace(s)
	mult := int64(1)
	for _, suf := range []string{"ribu", "rebu", "rb", "k"} {
		if strings.HasSuffix(s, suf) {
			mult = 1000
			s = strings.TrimSpace(strings.TrimSuffix(s, suf))
			break
		}
	}
	if s == "" {
		return 0, fmt.Errorf("bad amount %q", orig)
	}
	var n int64
	var err error
	if mult == 1000 {
		// "7,5rb" and "7.5rb": a decimal of thousands.
		var q Qty
		q, err = ParseQty(s)
		if err == nil {
			n = int64(q) // thousandths of a thousand are rupiah
		}
	} else {
		n, err = parseGroupedInt(s)
	}
	if err != nil {
		return 0, fmt.Errorf("bad amount %q", orig)
	}
	if neg {
		n = -n
	}
	return n, nil
}

// parseGroupedInt reads digits with optional '.' thousands groups and an
// optional zero decimal part ",00" (spreadsheets add it).
func parseGroupedInt(s string) (int64, error) {
	if whole, frac, ok := strings.Cut(s, ","); ok {
		if frac == "" || strings.Trim(frac, "0") != "" {
			return 0, fmt.Errorf("not whole rupiah")
		}
		s = whole
	}
	if strings.Contains(s, ".") {
		parts := strings.Split(s, ".")
		if len(parts[0]) == 0 || len(parts[0]) > 3 {
			return 0, fmt.Errorf("bad grouping")
		}
		for _, p := range parts[1:] {
			if len(p) != 3 {
				return 0, fmt.Errorf("bad grouping")
			}
		}
		s = strings.Join(parts, "")
	}
	if s == "" || len(s) > 15 {
		return 0, fmt.Errorf("bad amount")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("bad amount")
		}
	}
	return strconv.ParseInt(s, 10, 64)
}
