package bot_test

import (
	"testing"

	"pasarbot/bot"
)

func TestMaskPhone(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"6281234567001", "62812****7001"},
		{"+62 812-3456-7001", "62812****7001"},
		{"6281234567001@s.whatsapp.net", "62812****7001@s.whatsapp.net"},
		{"6281234567001:12@s.whatsapp.net", "62812****7001:12@s.whatsapp.net"},
		{"6281234567001.0:12@s.whatsapp.net", "62812****7001.0:12@s.whatsapp.net"},
		{"123456789012345@lid", "12345****2345@lid"},
		{"120363012345678901@g.us", "120363012345678901@g.us"},
		{"6281234567001-1600000000@g.us", "62812****7001-1600000000@g.us"},
		{"status@broadcast", "status@broadcast"},
		{"12345", "****45"},
		{"", ""},
		{"Bu Tini", "Bu Tini"},
		{"abc@s.whatsapp.net", "abc@s.whatsapp.net"},
	} {
		if got := bot.MaskPhone(tt.in); got != tt.want {
			t.Errorf("MaskPhone(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMaskAddress(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Jl. Kahayan No. 12, Palangka Raya", "Jl. Kaha…"},
		{"RT 03  RW 12", "RT ** RW…"},
		{"Gg. 5", "Gg. *"},
		{"", ""},
	} {
		if got := bot.MaskAddress(tt.in); got != tt.want {
			t.Errorf("MaskAddress(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
