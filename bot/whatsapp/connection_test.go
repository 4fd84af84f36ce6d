package whatsapp_test

import (
	"testing"

	"go.mau.fi/whatsmeow/types/events"

	"pasarbot/bot/whatsapp"
)

// OnConnection follows the connection: up on Connected, down on
// Disconnected and when WhatsApp stops the session.
func TestOnConnection(t *testing.T) {
	var got []bool
	c, _ := MustClient(t, &inbox{}, func(o *whatsapp.Options) {
		o.OnConnection = func(up bool) { got = append(got, up) }
	})
	c.HandleEvent(&events.Connected{})
	c.HandleEvent(&events.Disconnected{})
	c.HandleEvent(&events.Connected{})
	c.HandleEvent(&events.LoggedOut{})
	want := []bool{true, false, true, false}
	if len(got) != len(want) {
		t.Fatalf("OnConnection calls = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("OnConnection calls = %v, want %v", got, want)
		}
	}
}
