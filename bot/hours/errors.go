package hours

import "fmt"

// InputCode names a change of the hours the schedule cannot take, so the
// engine can word it for an admin in the market's language.
type InputCode string

const (
	BadDate    InputCode = "EBADDATE"    // not a calendar date like 2026-12-25
	BadHours   InputCode = "EBADHOURS"   // not hours like 06:00-12:00 or "tutup"
	BadWeekday InputCode = "EBADWEEKDAY" // not a weekday
)

// InputCodes are every InputCode, for the test that each has its words.
var InputCodes = []InputCode{BadDate, BadHours, BadWeekday}

// InputError is an input the schedule refuses. Value is the input as given;
// Error is English for logs and the configuration's messages.
type InputError struct {
	Code  InputCode
	Value string
	Err   error // the underlying reason, if any
}

func (e *InputError) Error() string {
	switch {
	case e.Err != nil:
		return e.Err.Error()
	case e.Code == BadDate:
		return fmt.Sprintf("%q is not a date like 2026-12-25", e.Value)
	case e.Code == BadWeekday:
		return fmt.Sprintf("weekday %s out of range", e.Value)
	}
	return fmt.Sprintf("%q: %s", e.Value, e.Code)
}

func (e *InputError) Unwrap() error { return e.Err }
