package whatsapp

import (
	"context"
	"time"

	"go.mau.fi/whatsmeow/types"
)

// Internals the external tests drive directly.

// HandleEvent is the handler registered with whatsmeow.
func (c *Client) HandleEvent(raw any) bool { return c.handleEvent(raw) }

// RememberSender records a group message's author as an inbound message would.
func (c *Client) RememberSender(id, sender string) { c.recent.put(id, sender) }

// SetSleep replaces the client's sleep (typing and pacing waits).
func (c *Client) SetSleep(f func(context.Context, time.Duration) error) { c.sleep = f }

// PutLIDMapping teaches the device's LID store a LID ↔ phone pair, as
// whatsmeow does when a message carries both forms.
func (d *DeviceStore) PutLIDMapping(ctx context.Context, lid, pn string) error {
	l, err := types.ParseJID(lid)
	if err != nil {
		return err
	}
	p, err := types.ParseJID(pn)
	if err != nil {
		return err
	}
	return d.container.LIDMap.PutLIDMapping(ctx, l, p)
}

var (
	ToMessageFor   = toMessage
	ToParticipants = toParticipants
	MaskJIDs       = maskJIDs
	MaskErr        = maskErr
	ShowQR         = showQR
	NewWALogger    = newWALogger
	TypingTime     = typingTime
	WantsImage     = wantsImage
)
