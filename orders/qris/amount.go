package qris

import (
	"fmt"
	"strconv"
	"strings"
)

// Amount is a transaction amount as tag 54 writes it: digits, optionally a
// "." and at most two decimals (the rupiah's ISO 4217 minor unit), at most
// 13 characters, more than zero. No thousands separators.
type Amount struct {
	text string
}

// ParseAmount reads "25000" or "25000.50". "25.000" is refused as
// ambiguous: three decimals do not exist for rupiah, and it is how people
// write twenty-five thousand.
func ParseAmount(s string) (Amount, error) {
	whole, frac, hasFrac := strings.Cut(s, ".")
	switch {
	case s == "":
		return Amount{}, fmt.Errorf("qris: amount is empty")
	case len(s) > 13:
		return Amount{}, fmt.Errorf("qris: amount %q is longer than 13 characters", s)
	case !isDigits(whole):
		return Amount{}, fmt.Errorf("qris: amount %q must be digits with an optional \".\" and decimals", s)
	case hasFrac && (len(frac) == 0 || len(frac) > 2 || !isDigits(frac)):
		return Amount{}, fmt.Errorf("qris: amount %q must have one or two decimals after the \".\"", s)
	}
	if strings.Trim(strings.ReplaceAll(s, ".", ""), "0") == "" {
		return Amount{}, fmt.Errorf("qris: amount %q must be more than zero", s)
	}
	return Amount{text: s}, nil
}

// Rupiah is a whole-rupiah amount, the way pasarbot keeps money.
func Rupiah(n int64) (Amount, error) {
	return ParseAmount(strconv.FormatInt(n, 10))
}

// String is the amount as written in tag 54.
func (a Amount) String() string { return a.text }

// IsZero reports an Amount that was never set.
func (a Amount) IsZero() bool { return a.text == "" }
