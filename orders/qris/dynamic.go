package qris

import (
	"errors"
	"slices"
)

// Dynamic returns the payload for one payment of amount from a merchant's
// static payload: point of initiation 12, tag 54 set to the amount, CRC
// recomputed. Every other field keeps its place and bytes. Tag 01, when the
// static code lacks it, goes right after tag 00; tag 54, when absent, right
// after tag 53 (the order the standard lists them in).
func Dynamic(static *Payload, amount Amount) (string, error) {
	if amount.IsZero() {
		return "", errors.New("qris: no amount")
	}
	fields := slices.Clone(static.Fields)
	fields = setAfter(fields, Field{TagInitiation, InitiationDyn}, TagFormat)
	fields = setAfter(fields, Field{TagAmount, amount.String()}, TagCurrency)
	fields = slices.DeleteFunc(fields, func(f Field) bool { return f.ID == TagCRC })
	body, err := EncodeTLV(fields)
	if err != nil {
		return "", err
	}
	body += TagCRC + "04"
	return body + crcText(body), nil
}

// setAfter replaces the field with f's tag in place, or inserts f right
// after the field tagged after (at the end when there is none).
func setAfter(fields []Field, f Field, after string) []Field {
	for i := range fields {
		if fields[i].ID == f.ID {
			fields[i].Value = f.Value
			return fields
		}
	}
	at := len(fields)
	for i := range fields {
		if fields[i].ID == after {
			at = i + 1
			break
		}
	}
	return slices.Insert(fields, at, f)
}
