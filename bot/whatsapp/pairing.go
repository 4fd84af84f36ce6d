package whatsapp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mdp/qrterminal/v3"
	"go.mau.fi/whatsmeow"

	"pasarbot/bot"
	"pasarbot/catalog"
)

// Pairing says how to link an unpaired device to the market phone.
type Pairing struct {
	// Out receives the QR codes or the pairing code: the operator's
	// terminal.
	Out io.Writer
	// Phone, when set, links with an 8-character code typed on the phone
	// (WhatsApp → Linked devices → Link with phone number) instead of a QR
	// scan. International digits; see ValidatePairPhone.
	Phone string
}

// pairClientName is how a phone-number link shows in the phone's list of
// linked devices. WhatsApp only accepts "Browser (OS)" names of common
// browsers here.
const pairClientName = "Chrome (Linux)"

// ValidatePairPhone checks a --pair-phone number and returns it as
// international digits. Indonesian ways of writing it (0812…, +62 812…,
// 62-812…) are accepted; a number of another country needs its "+".
func ValidatePairPhone(s string) (string, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("pair phone %q is not a phone number: write the market's number with its country code, e.g. 6281234567001 or +62 812-3456-7001", s)
	if s == "" {
		return "", bad
	}
	if strings.HasPrefix(s, "+") && !strings.HasPrefix(s, "+62") {
		// Foreign number: its digits are already international.
		var b strings.Builder
		for _, r := range s[1:] {
			switch {
			case r >= '0' && r <= '9':
				b.WriteRune(r)
			case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
			default:
				return "", bad
			}
		}
		d := b.String()
		if len(d) < 8 || len(d) > 15 || d[0] == '0' {
			return "", bad
		}
		return d, nil
	}
	d, ok := catalog.NormalizePhone(s)
	if !ok || d[0] == '0' || (strings.HasPrefix(d, "62") && len(d) < 10) {
		return "", bad
	}
	return d, nil
}

// pair links the device: it connects, then shows QR codes as they rotate
// (or requests a pairing code for p.Phone) until the phone accepts, the
// codes run out, or ctx ends.
func (c *Client) pair(ctx context.Context, p Pairing) error {
	if p.Out == nil {
		return errors.New("whatsapp: pairing needs somewhere to show the code")
	}
	phone := ""
	if p.Phone != "" {
		var err error
		if phone, err = ValidatePairPhone(p.Phone); err != nil {
			return err
		}
	}
	// The QR channel must exist before Connect, or its first codes are lost.
	qr, err := c.wa.GetQRChannel(c.runCtx)
	if err != nil {
		return fmt.Errorf("whatsapp: start pairing: %w", err)
	}
	if err := c.wa.ConnectContext(c.runCtx); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return maskErr("whatsapp: connect to pair", err)
	}
	codeShown := false
	for {
		var item whatsmeow.QRChannelItem
		var ok bool
		select {
		case <-ctx.Done():
			c.wa.Disconnect()
			return ctx.Err()
		case item, ok = <-qr:
		}
		if !ok { // closed without a result: the QR emitter saw its context end
			c.wa.Disconnect()
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return errors.New("whatsapp: pairing stopped")
		}
		switch item.Event {
		case whatsmeow.QRChannelEventCode:
			if phone == "" {
				showQR(p.Out, item.Code)
				continue
			}
			if codeShown {
				continue // the code stays valid while the QR codes rotate
			}
			// The first QR event means the socket is ready for the request.
			code, err := c.wa.PairPhone(ctx, phone, true, whatsmeow.PairClientChrome, pairClientName)
			if err != nil {
				c.wa.Disconnect()
				return fmt.Errorf("whatsapp: request pairing code for %s: %w", bot.MaskPhone(phone), err)
			}
			showCode(p.Out, code)
			codeShown = true
		case whatsmeow.QRChannelSuccess.Event:
			fmt.Fprintln(p.Out, "Linked. pasarbot is now a linked device of the market phone.")
			return nil
		case whatsmeow.QRChannelScannedWithoutMultidevice.Event:
			fmt.Fprintln(p.Out, "The phone's WhatsApp is too old for linked devices: update it, then scan again.")
		case whatsmeow.QRChannelTimeout.Event:
			return errors.New("whatsapp: no phone linked in time (the codes expired or the connection dropped); run pasarbot again to get new codes")
		case whatsmeow.QRChannelClientOutdated.Event:
			return &StoppedError{Reason: "WhatsApp rejected the client as outdated", Action: actionUpdate}
		case whatsmeow.QRChannelEventError:
			return fmt.Errorf("whatsapp: linking failed: %w", item.Error)
		default: // "err-unexpected-state" and future err-… events
			c.wa.Disconnect()
			return fmt.Errorf("whatsapp: linking failed (%s); run pasarbot again", item.Event)
		}
	}
}

// showQR prints a QR code compactly (half blocks fit a normal terminal).
func showQR(w io.Writer, code string) {
	fmt.Fprintln(w, "\nScan with the market phone: WhatsApp → Settings → Linked devices → Link a device.")
	fmt.Fprintln(w, "(A new code appears every 20 seconds; the last one expires after about 2 minutes.)")
	qrterminal.GenerateHalfBlock(code, qrterminal.L, w)
}

// showCode prints a phone-number pairing code.
func showCode(w io.Writer, code string) {
	fmt.Fprintf(w, "\nPairing code: %s\n", FormatPairCode(code))
	fmt.Fprintln(w, "On the market phone: WhatsApp → Settings → Linked devices → Link a device →")
	fmt.Fprintln(w, "\"Link with phone number instead\", then type the code (valid about 2 minutes).")
}

// FormatPairCode writes an 8-character pairing code as XXXX-XXXX, the way
// the phone shows its input boxes. whatsmeow already returns it so; other
// shapes pass through unchanged.
func FormatPairCode(code string) string {
	raw := strings.ReplaceAll(code, "-", "")
	if len(raw) != 8 {
		return code
	}
	return raw[:4] + "-" + raw[4:]
}
