package catalog

import (
	"math"
	"math/bits"
)

// Checked arithmetic for money and quantities. Every product of a price and
// a quantity goes through MulDiv, so an absurd quantity can never wrap an
// int64 into a negative rupiah amount on a cart, a card or a COD.

// MulDiv returns a×b/d rounded to the nearest integer (halves away from
// zero), computed in 128 bits; ok is false when d is not positive or the
// result does not fit an int64.
func MulDiv(a, b, d int64) (int64, bool) {
	if d <= 0 {
		return 0, false
	}
	neg := (a < 0) != (b < 0)
	hi, lo := bits.Mul64(absU(a), absU(b))
	var carry uint64
	lo, carry = bits.Add64(lo, uint64(d)/2, 0)
	hi += carry
	if hi >= uint64(d) {
		return 0, false // the quotient needs more than 64 bits
	}
	q, _ := bits.Div64(hi, lo, uint64(d))
	if neg {
		if q > 1<<63 {
			return 0, false
		}
		return -int64(q), true
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	return int64(q), true
}

// AddChecked returns a+b, and false when the sum overflows.
func AddChecked(a, b int64) (int64, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

// CostChecked is the rupiah price of q units at pricePerUnit, rounded to the
// nearest rupiah; ok is false when it does not fit an int64.
func CostChecked(pricePerUnit int64, q Qty) (int64, bool) {
	return MulDiv(pricePerUnit, int64(q), QtyScale)
}

// Cost is CostChecked saturated at the int64 bounds: an overflowing amount
// is "too much", never negative, so every limit check still refuses it.
func Cost(pricePerUnit int64, q Qty) int64 {
	c, ok := CostChecked(pricePerUnit, q)
	if !ok {
		return saturate((pricePerUnit < 0) != (q < 0))
	}
	return c
}

// SumChecked adds amounts, and false when the total overflows.
func SumChecked(amounts ...int64) (int64, bool) {
	var t int64
	for _, a := range amounts {
		var ok bool
		if t, ok = AddChecked(t, a); !ok {
			return 0, false
		}
	}
	return t, true
}

// saturate is the int64 bound in the result's direction.
func saturate(negative bool) int64 {
	if negative {
		return math.MinInt64
	}
	return math.MaxInt64
}

func absU(n int64) uint64 {
	if n < 0 {
		return -uint64(n)
	}
	return uint64(n)
}
