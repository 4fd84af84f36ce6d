package whatsapp

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"time"

	"go.mau.fi/whatsmeow"
)

// NewMessageID returns a fresh WhatsApp message id in the format WhatsApp
// Web and whatsmeow's Client.GenerateMessageID use: "3EB0" followed by 18
// upper-case hex digits (the first 9 bytes of a SHA-256 over the time and
// 16 random bytes). whatsmeow's method needs a client and mixes in the own
// number once paired; the outbox must choose ids when it writes a row,
// possibly before any client exists (replays, the simulator, startup), so
// this generator needs nothing. The two are interchangeable: WhatsApp only
// needs ids to be unique per sender.
func NewMessageID() string {
	data := make([]byte, 8, 8+16)
	binary.BigEndian.PutUint64(data, uint64(time.Now().Unix()))
	var r [16]byte
	if _, err := rand.Read(r[:]); err != nil {
		panic("whatsapp: crypto/rand failed: " + err.Error()) // never happens on supported platforms
	}
	data = append(data, r[:]...)
	hash := sha256.Sum256(data)
	return whatsmeow.WebMessageIDPrefix + strings.ToUpper(hex.EncodeToString(hash[:9]))
}

// GenerateMessageID is whatsmeow's generator for this client (it includes
// the market's own number once paired). Use it or NewMessageID when an
// outbox row is written, and pass the id in bot.Outbound.ID.
func (c *Client) GenerateMessageID() string {
	return c.wa.GenerateMessageID()
}
