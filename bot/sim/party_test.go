package sim_test

import (
	"testing"
	"time"

	"pasarbot/bot/sim"
)

func TestAddressing(t *testing.T) {
	for _, tt := range []struct{ chat, name string }{
		{sim.DirectChat("6281234567001"), "6281234567001"},
		{sim.GroupChat("sayur"), "sayur"},
		{sim.GroupChat(sim.CourierGroup), "kurir"},
		{"odd", "odd"},
	} {
		if got := sim.ChatName(tt.chat); got != tt.name {
			t.Errorf("ChatName(%q) = %q, want %q", tt.chat, got, tt.name)
		}
	}
	if got, want := sim.DirectChat("6281234567001"), "6281234567001@s.whatsapp.net"; got != want {
		t.Errorf("DirectChat = %q, want %q", got, want)
	}
	if got, want := sim.GroupChat("sayur"), "sayur@g.us"; got != want {
		t.Errorf("GroupChat = %q, want %q", got, want)
	}

	at := time.Date(2026, 11, 25, 6, 30, 0, 0, time.UTC)
	d := sim.Direct("id1", "6281234567001", "halo", at)
	if d.Chat != d.Sender || d.SenderPhone != "6281234567001" || d.IsGroup || d.Kind != "text" || !d.At.Equal(at) {
		t.Errorf("Direct = %+v", d)
	}
	g := sim.InGroup("id2", "sayur", "6282200000001", "OK", at)
	if g.Chat != "sayur@g.us" || g.Sender != "6282200000001@s.whatsapp.net" || g.SenderPhone != "6282200000001" || !g.IsGroup {
		t.Errorf("InGroup = %+v", g)
	}
}
