package whatsapp_test

import (
	"strings"
	"testing"

	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"google.golang.org/protobuf/proto"

	"pasarbot/bot"
	"pasarbot/bot/whatsapp"
)

func TestToMessage(t *testing.T) {
	const buyer = "6281234567001@s.whatsapp.net"
	for _, tt := range []struct {
		name string
		in   bot.Outbound
		want *waE2E.Message
	}{
		{"Text", bot.Outbound{ID: "3EB0X", Chat: buyer, Text: "*Pesanan 7Q2*\n- cabe 1/2 kg\n- bawang 1 kg"},
			&waE2E.Message{Conversation: proto.String("*Pesanan 7Q2*\n- cabe 1/2 kg\n- bawang 1 kg")}},
		{"QuoteReply", bot.Outbound{ID: "3EB0X", Chat: buyer, Text: "cabe habis, ganti rawit?", ReplyTo: "3EB0BUYERMSG", Quoted: "cabe 1 kg"},
			&waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{
				Text: proto.String("cabe habis, ganti rawit?"),
				ContextInfo: &waE2E.ContextInfo{
					StanzaID:      proto.String("3EB0BUYERMSG"),
					Participant:   proto.String(buyer),
					QuotedMessage: &waE2E.Message{Conversation: proto.String("cabe 1 kg")},
				},
			}}},
		{"QuoteReplyLIDChat", bot.Outbound{ID: "3EB0X", Chat: "204938475629384@lid", Text: "siap", ReplyTo: "3EB0BUYERMSG"},
			&waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{
				Text: proto.String("siap"),
				ContextInfo: &waE2E.ContextInfo{
					StanzaID:    proto.String("3EB0BUYERMSG"),
					Participant: proto.String("204938475629384@lid"),
				},
			}}},
		// The author of a group message is unknown to the pure conversion:
		// no quote rather than a wrong one.
		{"GroupQuoteUnknownAuthor", bot.Outbound{ID: "3EB0X", Chat: "120363012345678901@g.us", Text: "pesanan 7Q2 dikonfirmasi", ReplyTo: "3EB0LEADER"},
			&waE2E.Message{Conversation: proto.String("pesanan 7Q2 dikonfirmasi")}},
		{"Location", bot.Outbound{ID: "3EB0X", Chat: buyer, Location: &bot.Location{Lat: -2.2136, Lng: 113.9108, Name: "Pasar Kahayan"}},
			&waE2E.Message{LocationMessage: &waE2E.LocationMessage{
				DegreesLatitude: proto.Float64(-2.2136), DegreesLongitude: proto.Float64(113.9108), Name: proto.String("Pasar Kahayan"),
			}}},
		{"LocationWithText", bot.Outbound{ID: "3EB0X", Chat: buyer, Text: "Los A no. 3-7", Location: &bot.Location{Lat: -2.2136, Lng: 113.9108, Name: "Pasar Kahayan"}},
			&waE2E.Message{LocationMessage: &waE2E.LocationMessage{
				DegreesLatitude: proto.Float64(-2.2136), DegreesLongitude: proto.Float64(113.9108),
				Name: proto.String("Pasar Kahayan"), Address: proto.String("Los A no. 3-7"),
			}}},
		{"LocationTextNoName", bot.Outbound{ID: "3EB0X", Chat: buyer, Text: "ambil di sini", Location: &bot.Location{Lat: 1, Lng: 2}},
			&waE2E.Message{LocationMessage: &waE2E.LocationMessage{
				DegreesLatitude: proto.Float64(1), DegreesLongitude: proto.Float64(2), Name: proto.String("ambil di sini"),
			}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := whatsapp.ToMessage(tt.in); !proto.Equal(got, tt.want) {
				t.Errorf("ToMessage =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

// TestToMessage_GroupQuote: with the author known (the client remembers
// who wrote recent group messages), a group reply quotes properly.
func TestToMessage_GroupQuote(t *testing.T) {
	got := whatsapp.ToMessageFor(bot.Outbound{ID: "3EB0X", Chat: "120363012345678901@g.us", Text: "dikonfirmasi", ReplyTo: "3EB0LEADER", Quoted: "OK 7Q2"},
		"99887766554433@lid")
	want := &waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{
		Text: proto.String("dikonfirmasi"),
		ContextInfo: &waE2E.ContextInfo{
			StanzaID:      proto.String("3EB0LEADER"),
			Participant:   proto.String("99887766554433@lid"),
			QuotedMessage: &waE2E.Message{Conversation: proto.String("OK 7Q2")},
		},
	}}
	if !proto.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestParseChat(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want types.JID
	}{
		{"6281234567001@s.whatsapp.net", types.NewJID("6281234567001", types.DefaultUserServer)},
		{"204938475629384@lid", types.NewJID("204938475629384", types.HiddenUserServer)},
		{"120363012345678901@g.us", types.NewJID("120363012345678901", types.GroupServer)},
		{"6281234567001-1600000000@g.us", types.NewJID("6281234567001-1600000000", types.GroupServer)},
	} {
		got, err := whatsapp.ParseChat(tt.in)
		if err != nil {
			t.Errorf("ParseChat(%q): %v", tt.in, err)
		} else if got != tt.want {
			t.Errorf("ParseChat(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{
		"", "hello", "6281234567001", "abc@s.whatsapp.net",
		"6281234567001:3@s.whatsapp.net", "status@broadcast", "120363000000000000@newsletter",
		"12@s.whatsapp.net", "abc@lid", "@g.us", "12-@g.us", "a@b@c", "6281234567001@example.com",
	} {
		if _, err := whatsapp.ParseChat(bad); err == nil {
			t.Errorf("ParseChat(%q) accepted a malformed chat", bad)
		} else if strings.Contains(err.Error(), "6281234567001") {
			t.Errorf("ParseChat(%q) error shows the full number: %v", bad, err)
		}
	}
}
