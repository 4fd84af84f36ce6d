package orders

import (
	"crypto/sha256"
	"encoding/binary"
)

// Code returns the n-th short order code for a seed: "A7K2" style,
// letter-digit alternating. The same seed and n give the same code, which
// keeps replay scripts deterministic; callers skip codes already used.
// Four characters give 8 100 codes: the first 4 000 orders use them (so a
// free one is found in a few tries), later orders get five characters
// (145 800 codes), and after 100 000 orders six.
func Code(seed int64, n int) string {
	var buf [16]byte
	binary.LittleEndian.PutUint64(buf[:8], uint64(seed))
	binary.LittleEndian.PutUint64(buf[8:], uint64(n))
	h := sha256.Sum256(buf[:])
	v := binary.LittleEndian.Uint64(h[:8])
	size := 4
	switch {
	case n >= 100_000:
		size = 6
	case n >= 4_000:
		size = 5
	}
	out := make([]byte, size)
	for i := range out {
		if i%2 == 0 {
			out[i] = codeLetters[v%uint64(len(codeLetters))]
			v /= uint64(len(codeLetters))
		} else {
			out[i] = codeDigits[v%uint64(len(codeDigits))]
			v /= uint64(len(codeDigits))
		}
	}
	return string(out)
}

// The letters and digits of codes leave out characters people confuse
// when reading a phone screen aloud: 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V.
const (
	codeLetters = "ACDEFGHJKMNPQRTWXY"
	codeDigits  = "34679"
)

// LooksLikeCode reports whether s has the shape of an order code, in any
// case: four to six characters alternating letter and digit, starting with
// a letter ("A7K2", "A7K2M"). Words and amounts ("semua", "85rb") never do.
func LooksLikeCode(s string) bool {
	if len(s) < 4 || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		digit := c >= '0' && c <= '9'
		if i%2 == 0 && !letter || i%2 == 1 && !digit {
			return false
		}
	}
	return true
}
