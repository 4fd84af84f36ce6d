package whatsapp

import (
	"errors"
	"fmt"
	"testing"

	"go.mau.fi/whatsmeow"

	"pasarbot/bot"
)

func TestClassifySend(t *testing.T) {
	for _, err := range []error{whatsmeow.ErrNotInGroup, whatsmeow.ErrIQForbidden, whatsmeow.ErrUnknownServer} {
		wrapped := classifySend(maskErr("whatsapp: send X to Y", fmt.Errorf("send: %w", err)))
		if !bot.IsPermanent(wrapped) || !errors.Is(wrapped, err) {
			t.Errorf("%v: permanent %v", err, bot.IsPermanent(wrapped))
		}
	}
	for _, err := range []error{whatsmeow.ErrIQTimedOut, whatsmeow.ErrIQRateOverLimit, ErrNotConnected} {
		if bot.IsPermanent(classifySend(err)) {
			t.Errorf("%v marked permanent: it is worth retrying", err)
		}
	}
}
