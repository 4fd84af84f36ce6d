package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// Qty is a quantity in thousandths of a unit (milli-units). Stored state never
// uses float64, so ¼ kg × Rp42.500 is exact: Qty(250) × 42500 / 1000.
type Qty int64

// QtyScale is the number of Qty steps in one whole unit.
const QtyScale = 1000

// Whole returns n whole units as a Qty.
func Whole(n int64) Qty { return Qty(n * QtyScale) }

// Float returns the quantity as a float64 for display and JSON output only.
func (q Qty) Float() float64 { return float64(q) / QtyScale }

// String formats with a dot decimal separator and no trailing zeros: "0.25".
func (q Qty) String() string {
	return q.format('.')
}

// ID formats the quantity the Indonesian way, with a decimal comma: "0,25".
func (q Qty) ID() string {
	return q.format(',')
}

func (q Qty) format(sep byte) string {
	neg := q < 0
	if neg {
		q = -q
	}
	whole := int64(q) / QtyScale
	frac := int64(q) % QtyScale
	s := strconv.FormatInt(whole, 10)
	if frac != 0 {
		f := strings.TrimRight(fmt.Sprintf("%03d", frac), "0")
		s += string(sep) + f
	}
	if neg {
		s = "-" + s
	}
	return s
}

// ParseQty reads a decimal written with '.' or ',' ("1,5", "0.25", "2").
// More than three decimals are refused rather than rounded.
func ParseQty(s string) (Qty, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty quantity")
	}
	s = strings.ReplaceAll(s, ",", ".")
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 || w > 1_000_000 {
		return 0, fmt.Errorf("bad quantity %q", s)
	}
	q := Qty(w * QtyScale)
	if hasFrac {
		if len(frac) == 0 || len(frac) > 3 {
			return 0, fmt.Errorf("bad quantity %q", s)
		}
		for len(frac) < 3 {
			frac += "0"
		}
		f, err := strconv.ParseInt(frac, 10, 64)
		if err != nil || f < 0 {
			return 0, fmt.Errorf("bad quantity %q", s)
		}
		q += Qty(f)
	}
	return q, nil
}
