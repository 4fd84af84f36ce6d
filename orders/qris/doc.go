// Package qris reads, checks and writes QRIS payloads: the text inside the
// QR code every Indonesian bank and e-wallet app pays (EMVCo Merchant-Presented
// Mode as profiled by Bank Indonesia).
//
// A merchant's printed code is a static payload (point of initiation "11", no
// amount). [Dynamic] turns it into the payload for one order: point of
// initiation "12", transaction amount (tag 54) set, CRC (tag 63) recomputed,
// and every other field kept byte for byte, so the money still goes to the
// merchant's own account. Nothing here talks to a bank or a gateway.
//
// Standard library only.
package qris
