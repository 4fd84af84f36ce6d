package whatsapp

import (
	"errors"
	"fmt"
	"time"

	"go.mau.fi/whatsmeow"
)

// SendPausedError is returned by Send while WhatsApp has temporarily banned
// the number. The outbox keeps the message and retries after Until; the
// client reconnects by itself when the ban ends and then calls
// Options.OnResume.
type SendPausedError struct {
	Until time.Time
}

func (e SendPausedError) Error() string {
	return fmt.Sprintf("whatsapp: sending paused by a temporary ban until %s", e.Until.Format(time.RFC3339))
}

// ErrNotConnected is returned by Send while the connection is down for a
// moment (whatsmeow reconnects by itself); the outbox retries later.
var ErrNotConnected = errors.New("whatsapp: not connected")

// StoppedError ends the client for good: WhatsApp will not take this
// session again until the operator acts. Done is closed and Err returns
// it; Send returns it too, so the outbox keeps its rows for after the fix.
type StoppedError struct {
	Reason string // what WhatsApp said
	Action string // what the operator must do
}

func (e *StoppedError) Error() string {
	return "whatsapp: " + e.Reason + ". " + e.Action
}

// The operator's instructions for each permanent failure.
const (
	actionRepair = "Run `pasarbot run` again and link the phone anew (WhatsApp → Linked devices → Link a device); the old link was removed from the device file"
	actionOne    = "Another process is using the same device file: stop it and run only one pasarbot per device file, then restart"
	actionUpdate = "This pasarbot's WhatsApp client version is too old: install a newer pasarbot and restart"
	actionPhone  = "Open WhatsApp on the market phone and check the number still works (not banned, internet on), then restart pasarbot"
)

// maskedError carries whatsmeow's error with any phone number in its text
// masked (it names JIDs freely), so callers can log it at any level;
// errors.Is and errors.As still see the original.
type maskedError struct {
	msg string
	err error
}

func (e *maskedError) Error() string { return e.msg }
func (e *maskedError) Unwrap() error { return e.err }

// maskErr wraps err as "<what>: <err>" with phone numbers masked.
func maskErr(what string, err error) error {
	return &maskedError{msg: maskJIDs(what + ": " + err.Error()), err: err}
}

// refusedError is a send WhatsApp will never accept, however often it is
// tried (bot.PermanentError): the outbox sets the row aside and tells the
// admins instead of blocking the chat's queue.
type refusedError struct{ err error }

func (e *refusedError) Error() string   { return e.err.Error() }
func (e *refusedError) Unwrap() error   { return e.err }
func (e *refusedError) Permanent() bool { return true }

// permanentSendErrors are whatsmeow's answers that no retry changes: no
// such server or recipient form, a group we are not in, and the server's
// refusals of the message itself (bad request, forbidden, not found, not
// acceptable, gone).
var permanentSendErrors = []error{
	whatsmeow.ErrUnknownServer, whatsmeow.ErrRecipientADJID, whatsmeow.ErrBroadcastListUnsupported,
	whatsmeow.ErrNotInGroup, whatsmeow.ErrIQBadRequest, whatsmeow.ErrIQForbidden, whatsmeow.ErrIQNotFound,
	whatsmeow.ErrIQNotAcceptable, whatsmeow.ErrIQGone,
}

// classifySend marks err permanent when retrying cannot help.
func classifySend(err error) error {
	for _, p := range permanentSendErrors {
		if errors.Is(err, p) {
			return &refusedError{err}
		}
	}
	return err
}
