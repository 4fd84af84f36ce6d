package orders

import (
	"crypto/sha256"
	"encoding/binary"
)

// codeAlphabet leaves out characters people confuse when reading a phone
// screen aloud: 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V.
const codeAlphabet = "ACDEFGHJKMNPQRTWXY34679"

// Code returns the n-th short order code for a seed: four characters,
// letter-digit mixed like "A7K2". The same seed and n give the same code,
// which keeps replay scripts deterministic; callers skip codes already used.
func Code(seed int64, n int) string {
	var buf [16]byte
	binary.LittleEndian.PutUint64(buf[:8], uint64(seed))
	binary.LittleEndian.PutUint64(buf[8:], uint64(n))
	h := sha256.Sum256(buf[:])
	v := binary.LittleEndian.Uint64(h[:8])
	letters := "ACDEFGHJKMNPQRTWXY"
	digits := "34679"
	// Pattern letter-digit-letter-digit keeps codes pronounceable and
	// distinguishable from words in chat.
	out := []byte{
		letters[v%uint64(len(letters))],
		digits[(v>>8)%uint64(len(digits))],
		letters[(v>>16)%uint64(len(letters))],
		digits[(v>>24)%uint64(len(digits))],
	}
	return string(out)
}

// LooksLikeCode reports whether s has the shape of an order code (any case).
func LooksLikeCode(s string) bool {
	if len(s) != 4 {
		return false
	}
	var letters, digits int
	for i := 0; i < 4; i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			letters++
		case c >= '0' && c <= '9':
			digits++
		default:
			return false
		}
	}
	return letters > 0 && digits > 0
}
