package bot

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"pasarbot/bot/hours"
)

// TestInputErrorText: every refused input of the hours has its words in
// both languages, with the value; other errors are not worded (the admin
// gets the fixed apology and the log the error).
func TestInputErrorText(t *testing.T) {
	for _, code := range hours.InputCodes {
		err := fmt.Errorf("set: %w", &hours.InputError{Code: code, Value: "x9"})
		id, ok := inputErrorText("id", err)
		en, ok2 := inputErrorText("en", err)
		if !ok || !ok2 || id == en || !strings.Contains(id, "x9") || !strings.Contains(en, "x9") {
			t.Errorf("%s: id %q (%v), en %q (%v)", code, id, ok, en, ok2)
		}
		if strings.Contains(id, "hours_") || strings.Contains(en, "hours_") {
			t.Errorf("%s: no catalog text: %q / %q", code, id, en)
		}
	}
	if msg, ok := inputErrorText("en", errors.New("disk full")); ok {
		t.Errorf("internal error worded as %q", msg)
	}
}
