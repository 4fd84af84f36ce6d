// Package qrpng draws a payment payload as a PNG QR code, the image the
// buyer's banking app scans from the chat.
package qrpng

import (
	"fmt"

	"rsc.io/qr"
)

// moduleSize is image pixels per QR module: 8 keeps a QRIS payload (a
// version 8–10 code) near 500 px, sharp after WhatsApp's recompression and
// small enough to upload fast.
const moduleSize = 8

// Encode returns a PNG of payload as a QR code with error correction level
// M (15%, what EMVCo recommends for merchant-presented codes) and the
// standard four-module quiet zone.
func Encode(payload string) ([]byte, error) {
	if payload == "" {
		return nil, fmt.Errorf("qrpng: empty payload")
	}
	code, err := qr.Encode(payload, qr.M)
	if err != nil {
		return nil, fmt.Errorf("qrpng: %w", err)
	}
	code.Scale = moduleSize
	return code.PNG(), nil
}
