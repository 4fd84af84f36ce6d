package qris

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Field is one ID-length-value element of a payload.
type Field struct {
	ID    string // two digits, "00".."99"
	Value string
}

// SyntaxError is a payload whose TLV structure is broken, at a character
// offset (runes, as EMVCo counts lengths in characters).
type SyntaxError struct {
	Offset int
	Reason string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("qris: at character %d: %s", e.Offset, e.Reason)
}

// ParseTLV splits s into its top-level fields, in order. Each field is a
// two-digit ID, a two-digit length counted in characters (EMVCo counts
// characters, so a UTF-8 merchant name in tag 64 keeps its true length), and
// that many characters of value.
func ParseTLV(s string) ([]Field, error) {
	if !utf8.ValidString(s) {
		return nil, &SyntaxError{0, "not valid UTF-8 text"}
	}
	runes := []rune(s)
	var fields []Field
	for at := 0; at < len(runes); {
		if len(runes)-at < 4 {
			return nil, &SyntaxError{at, fmt.Sprintf("%d characters left, a field needs at least 4 (ID and length)", len(runes)-at)}
		}
		id, size := string(runes[at:at+2]), string(runes[at+2:at+4])
		if !isDigits(id) {
			return nil, &SyntaxError{at, fmt.Sprintf("field ID %q is not two digits", id)}
		}
		if !isDigits(size) {
			return nil, &SyntaxError{at + 2, fmt.Sprintf("length %q of tag %s is not two digits", size, id)}
		}
		n, _ := strconv.Atoi(size)
		start := at + 4
		if start+n > len(runes) {
			return nil, &SyntaxError{at, fmt.Sprintf("tag %s says %d characters but only %d are left", id, n, len(runes)-start)}
		}
		fields = append(fields, Field{ID: id, Value: string(runes[start : start+n])})
		at = start + n
	}
	return fields, nil
}

// EncodeTLV writes fields back as text, lengths in characters.
func EncodeTLV(fields []Field) (string, error) {
	var b strings.Builder
	for _, f := range fields {
		n := utf8.RuneCountInString(f.Value)
		if len(f.ID) != 2 || !isDigits(f.ID) {
			return "", fmt.Errorf("qris: field ID %q is not two digits", f.ID)
		}
		if n > 99 {
			return "", fmt.Errorf("qris: tag %s has %d characters, at most 99 fit", f.ID, n)
		}
		fmt.Fprintf(&b, "%s%02d%s", f.ID, n, f.Value)
	}
	return b.String(), nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
