package whatsapp

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mau.fi/whatsmeow"
)

// logoutWait bounds how long Logout waits to be logged in before it can
// ask WhatsApp to unlink.
const logoutWait = 30 * time.Second

// ErrNotPaired is returned by Logout when the device file holds no link.
var ErrNotPaired = errors.New("whatsapp: no linked device in this device file")

// Logout unlinks the device from the market phone and deletes its keys
// from the device file. It connects if needed (messages arriving meanwhile
// are not acknowledged, so they stay with the phone). It needs WhatsApp's
// servers: without them, unlink on the phone (Linked devices → pasarbot →
// Log out) and delete the device file instead.
func (c *Client) Logout(ctx context.Context) error {
	if !c.Paired() {
		return ErrNotPaired
	}
	stop := context.AfterFunc(ctx, c.cancelRun)
	defer stop()
	if !c.wa.IsConnected() {
		if err := c.wa.ConnectContext(c.runCtx); err != nil && !errors.Is(err, whatsmeow.ErrAlreadyConnected) {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("whatsapp: connect to log out: %w", err)
		}
	}
	wait := logoutWait
	if d, ok := ctx.Deadline(); ok {
		wait = min(wait, time.Until(d))
	}
	loggedIn := make(chan bool, 1)
	go func() { loggedIn <- c.wa.WaitForConnection(wait) }()
	var ok bool
	select {
	case ok = <-loggedIn:
	case <-ctx.Done():
		return ctx.Err()
	}
	if !ok {
		if err := c.Err(); err != nil {
			return err // e.g. already unlinked from the phone
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return errors.New("whatsapp: could not log in to WhatsApp to unlink")
	}
	if err := c.wa.Logout(ctx); err != nil {
		return fmt.Errorf("whatsapp: unlink: %w", err)
	}
	return nil
}
