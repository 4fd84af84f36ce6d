package whatsapp_test

import (
	"reflect"
	"testing"
	"time"

	"go.mau.fi/whatsmeow/proto/waCommon"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"

	"pasarbot/bot"
	"pasarbot/bot/whatsapp"
)

// Addresses as WhatsApp sends them: senders carry a device number.
var (
	buyerPN     = types.NewJID("6281234567001", types.DefaultUserServer)
	buyerPNDev  = types.JID{User: "6281234567001", Device: 3, Server: types.DefaultUserServer}
	buyerLID    = types.NewJID("204938475629384", types.HiddenUserServer)
	buyerLIDDev = types.JID{User: "204938475629384", Device: 3, Server: types.HiddenUserServer}
	leaderLID   = types.JID{User: "99887766554433", Device: 12, Server: types.HiddenUserServer}
	leaderPN    = types.JID{User: "6282200000001", Device: 12, Server: types.DefaultUserServer}
	groupJID    = types.NewJID("120363012345678901", types.GroupServer)
	sentAt      = time.Date(2026, 3, 2, 6, 15, 0, 0, time.FixedZone("WIB", 7*3600))
)

// direct is a direct message from the buyer's phone number, as whatsmeow's
// parseMessageSource builds it: the chat is the sender without device.
func direct() types.MessageInfo {
	return types.MessageInfo{
		MessageSource: types.MessageSource{Chat: buyerPN, Sender: buyerPNDev, SenderAlt: buyerLIDDev},
		ID:            "3EB0A1B2C3D4E5F60718",
		PushName:      "Ibu Sari",
		Timestamp:     sentAt,
	}
}

// event wraps a raw message the way whatsmeow dispatches it.
func event(info types.MessageInfo, m *waE2E.Message) *events.Message {
	return (&events.Message{Info: info, RawMessage: m}).UnwrapRaw()
}

// want is the bot message for a direct message from the buyer, changed by f.
func want(f func(*bot.Inbound)) bot.Inbound {
	in := bot.Inbound{
		ID:          "3EB0A1B2C3D4E5F60718",
		Chat:        "6281234567001@s.whatsapp.net",
		Sender:      "6281234567001@s.whatsapp.net",
		SenderPhone: "6281234567001",
		SenderLID:   "204938475629384@lid",
		PushName:    "Ibu Sari",
		At:          sentAt,
	}
	f(&in)
	return in
}

func TestToInbound(t *testing.T) {
	key := &waCommon.MessageKey{RemoteJID: proto.String(buyerPN.String()), FromMe: proto.Bool(true), ID: proto.String("3EB0ORDERCARD000001")}
	for _, tt := range []struct {
		name string
		evt  *events.Message
		want bot.Inbound
	}{
		{"Conversation", event(direct(), &waE2E.Message{Conversation: proto.String("cabe 1/2 kg, bawang 1 kg")}),
			want(func(in *bot.Inbound) { in.Kind, in.Text = bot.KindText, "cabe 1/2 kg, bawang 1 kg" })},
		{"ExtendedTextReply", event(direct(), &waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{
			Text:        proto.String("*jadi* 2 kg"),
			ContextInfo: &waE2E.ContextInfo{StanzaID: proto.String("3EB0ORDERCARD000001"), Participant: proto.String("6280000000000@s.whatsapp.net")},
		}}), want(func(in *bot.Inbound) {
			in.Kind, in.Text, in.QuotedID = bot.KindText, "*jadi* 2 kg", "3EB0ORDERCARD000001"
		})},
		{"Ephemeral", event(direct(), &waE2E.Message{EphemeralMessage: &waE2E.FutureProofMessage{Message: &waE2E.Message{Conversation: proto.String("halo")}}}),
			want(func(in *bot.Inbound) { in.Kind, in.Text = bot.KindText, "halo" })},
		{"ImageCaption", event(direct(), &waE2E.Message{ImageMessage: &waE2E.ImageMessage{Caption: proto.String("yang ini 3 ikat"), Mimetype: proto.String("image/jpeg")}}),
			want(func(in *bot.Inbound) { in.Kind, in.Text = bot.KindText, "yang ini 3 ikat" })},
		{"ImageNoCaption", event(direct(), &waE2E.Message{ImageMessage: &waE2E.ImageMessage{Mimetype: proto.String("image/jpeg")}}),
			want(func(in *bot.Inbound) { in.Kind = bot.KindImage })},
		{"DocumentCaption", event(direct(), &waE2E.Message{DocumentWithCaptionMessage: &waE2E.FutureProofMessage{Message: &waE2E.Message{
			DocumentMessage: &waE2E.DocumentMessage{Caption: proto.String("daftar belanja"), FileName: proto.String("belanja.pdf")}}}}),
			want(func(in *bot.Inbound) { in.Kind, in.Text = bot.KindText, "daftar belanja" })},
		{"DocumentNoCaption", event(direct(), &waE2E.Message{DocumentMessage: &waE2E.DocumentMessage{FileName: proto.String("belanja.pdf")}}),
			want(func(in *bot.Inbound) { in.Kind = bot.KindMedia })},
		{"Voice", event(direct(), &waE2E.Message{AudioMessage: &waE2E.AudioMessage{PTT: proto.Bool(true), Seconds: proto.Uint32(7)}}),
			want(func(in *bot.Inbound) { in.Kind = bot.KindVoice })},
		{"AudioFile", event(direct(), &waE2E.Message{AudioMessage: &waE2E.AudioMessage{Mimetype: proto.String("audio/mpeg")}}),
			want(func(in *bot.Inbound) { in.Kind = bot.KindVoice })},
		{"Sticker", event(direct(), &waE2E.Message{StickerMessage: &waE2E.StickerMessage{Mimetype: proto.String("image/webp")}}),
			want(func(in *bot.Inbound) { in.Kind = bot.KindSticker })},
		{"Video", event(direct(), &waE2E.Message{VideoMessage: &waE2E.VideoMessage{Seconds: proto.Uint32(4)}}),
			want(func(in *bot.Inbound) { in.Kind = bot.KindMedia })},
		{"Location", event(direct(), &waE2E.Message{LocationMessage: &waE2E.LocationMessage{
			DegreesLatitude: proto.Float64(-2.2161), DegreesLongitude: proto.Float64(113.9135), Name: proto.String("Rumah Bu Sari"), Address: proto.String("Jl. Yos Sudarso"),
		}}), want(func(in *bot.Inbound) {
			in.Kind, in.Location = bot.KindLocation, &bot.Location{Lat: -2.2161, Lng: 113.9135, Name: "Rumah Bu Sari"}
		})},
		{"LocationAddressOnly", event(direct(), &waE2E.Message{LocationMessage: &waE2E.LocationMessage{
			DegreesLatitude: proto.Float64(-2.2), DegreesLongitude: proto.Float64(113.9), Address: proto.String("Jl. Yos Sudarso"),
		}}), want(func(in *bot.Inbound) {
			in.Kind, in.Location = bot.KindLocation, &bot.Location{Lat: -2.2, Lng: 113.9, Name: "Jl. Yos Sudarso"}
		})},
		{"LiveLocation", event(direct(), &waE2E.Message{LiveLocationMessage: &waE2E.LiveLocationMessage{
			DegreesLatitude: proto.Float64(-2.21), DegreesLongitude: proto.Float64(113.91), Caption: proto.String("saya di sini"),
		}}), want(func(in *bot.Inbound) {
			in.Kind, in.Text, in.Location = bot.KindLocation, "saya di sini", &bot.Location{Lat: -2.21, Lng: 113.91}
		})},
		{"Reaction", event(direct(), &waE2E.Message{ReactionMessage: &waE2E.ReactionMessage{Key: key, Text: proto.String("👍")}}),
			want(func(in *bot.Inbound) { in.Kind, in.Text, in.QuotedID = bot.KindReaction, "👍", "3EB0ORDERCARD000001" })},
		{"ReactionRemoved", event(direct(), &waE2E.Message{ReactionMessage: &waE2E.ReactionMessage{Key: key, Text: proto.String("")}}),
			want(func(in *bot.Inbound) { in.Kind, in.QuotedID = bot.KindReaction, "3EB0ORDERCARD000001" })},
		{"Edit", event(direct(), &waE2E.Message{EditedMessage: &waE2E.FutureProofMessage{Message: &waE2E.Message{ProtocolMessage: &waE2E.ProtocolMessage{
			Type:          waE2E.ProtocolMessage_MESSAGE_EDIT.Enum(),
			Key:           &waCommon.MessageKey{RemoteJID: proto.String(buyerPN.String()), ID: proto.String("3EB0FIRSTVERSION0001")},
			EditedMessage: &waE2E.Message{Conversation: proto.String("cabe 1 kg")},
			TimestampMS:   proto.Int64(sentAt.UnixMilli()),
		}}}}), want(func(in *bot.Inbound) { in.Kind, in.Text, in.EditOf = bot.KindEdit, "cabe 1 kg", "3EB0FIRSTVERSION0001" })},
		{"EditExtendedText", event(direct(), &waE2E.Message{EditedMessage: &waE2E.FutureProofMessage{Message: &waE2E.Message{ProtocolMessage: &waE2E.ProtocolMessage{
			Type:          waE2E.ProtocolMessage_MESSAGE_EDIT.Enum(),
			Key:           &waCommon.MessageKey{ID: proto.String("3EB0FIRSTVERSION0001")},
			EditedMessage: &waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{Text: proto.String("cabe 2 kg")}},
		}}}}), want(func(in *bot.Inbound) { in.Kind, in.Text, in.EditOf = bot.KindEdit, "cabe 2 kg", "3EB0FIRSTVERSION0001" })},
		{"Revoke", event(direct(), &waE2E.Message{ProtocolMessage: &waE2E.ProtocolMessage{
			Type: waE2E.ProtocolMessage_REVOKE.Enum(),
			Key:  &waCommon.MessageKey{RemoteJID: proto.String(buyerPN.String()), ID: proto.String("3EB0FIRSTVERSION0001")},
		}}), want(func(in *bot.Inbound) { in.Kind, in.EditOf = bot.KindRevoke, "3EB0FIRSTVERSION0001" })},
		{"GroupLIDSenderPhoneAlt", event(types.MessageInfo{
			MessageSource: types.MessageSource{Chat: groupJID, Sender: leaderLID, SenderAlt: leaderPN, IsGroup: true, AddressingMode: types.AddressingModeLID},
			ID:            "3EB0GROUPMSG00000001", PushName: "Bu Tini", Timestamp: sentAt,
		}, &waE2E.Message{Conversation: proto.String("OK 7Q2")}), bot.Inbound{
			ID: "3EB0GROUPMSG00000001", Chat: "120363012345678901@g.us", Sender: "99887766554433@lid",
			SenderPhone: "6282200000001", SenderLID: "99887766554433@lid", IsGroup: true,
			PushName: "Bu Tini", At: sentAt, Kind: bot.KindText, Text: "OK 7Q2",
		}},
		{"GroupPhoneSenderLIDAlt", event(types.MessageInfo{
			MessageSource: types.MessageSource{Chat: groupJID, Sender: leaderPN, SenderAlt: leaderLID, IsGroup: true, AddressingMode: types.AddressingModePN},
			ID:            "3EB0GROUPMSG00000002", Timestamp: sentAt,
		}, &waE2E.Message{Conversation: proto.String("HARGA cabe 60000")}), bot.Inbound{
			ID: "3EB0GROUPMSG00000002", Chat: "120363012345678901@g.us", Sender: "6282200000001@s.whatsapp.net",
			SenderPhone: "6282200000001", SenderLID: "99887766554433@lid", IsGroup: true,
			At: sentAt, Kind: bot.KindText, Text: "HARGA cabe 60000",
		}},
		{"DirectOnlyLID", event(types.MessageInfo{
			MessageSource: types.MessageSource{Chat: buyerLID, Sender: buyerLIDDev},
			ID:            "3EB0LIDONLY000000001", PushName: "-", Timestamp: sentAt,
		}, &waE2E.Message{Conversation: proto.String("pesan telur 1 rak")}), bot.Inbound{
			ID: "3EB0LIDONLY000000001", Chat: "204938475629384@lid", Sender: "204938475629384@lid",
			SenderLID: "204938475629384@lid", At: sentAt, Kind: bot.KindText, Text: "pesan telur 1 rak",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := whatsapp.ToInbound(tt.evt)
			if !ok {
				t.Fatal("ToInbound ignored the message")
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ToInbound =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestToInbound_Ignored(t *testing.T) {
	text := &waE2E.Message{Conversation: proto.String("halo")}
	with := func(f func(*types.MessageInfo)) types.MessageInfo {
		info := direct()
		f(&info)
		return info
	}
	for _, tt := range []struct {
		name string
		evt  *events.Message
	}{
		{"Nil", nil},
		{"OwnMessage", event(with(func(i *types.MessageInfo) { i.IsFromMe = true }), text)},
		{"StatusBroadcast", event(with(func(i *types.MessageInfo) { i.Chat = types.StatusBroadcastJID; i.IsGroup = true }), text)},
		{"BroadcastList", event(with(func(i *types.MessageInfo) {
			i.Chat = types.NewJID("1700000000", types.BroadcastServer)
			i.IsGroup = true
		}), text)},
		{"Newsletter", event(with(func(i *types.MessageInfo) {
			i.Chat = types.NewJID("120363000000000000", types.NewsletterServer)
			i.Sender = i.Chat
		}), text)},
		{"NoContent", event(direct(), &waE2E.Message{})},
		{"EmptyText", event(direct(), &waE2E.Message{Conversation: proto.String("")})},
		{"SenderKeyOnly", event(direct(), &waE2E.Message{SenderKeyDistributionMessage: &waE2E.SenderKeyDistributionMessage{GroupID: proto.String(groupJID.String())}})},
		{"EphemeralSetting", event(direct(), &waE2E.Message{ProtocolMessage: &waE2E.ProtocolMessage{
			Type: waE2E.ProtocolMessage_EPHEMERAL_SETTING.Enum(), EphemeralExpiration: proto.Uint32(86400),
		}})},
		{"NilMessage", &events.Message{Info: direct()}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := whatsapp.ToInbound(tt.evt); ok {
				t.Errorf("ToInbound took %+v", got)
			}
		})
	}
}

// TestToInbound_RawOnly: an event whose Message was never unwrapped is
// unwrapped the same way whatsmeow does.
func TestToInbound_RawOnly(t *testing.T) {
	evt := &events.Message{Info: direct(), RawMessage: &waE2E.Message{EphemeralMessage: &waE2E.FutureProofMessage{
		Message: &waE2E.Message{Conversation: proto.String("halo")}}}}
	got, ok := whatsapp.ToInbound(evt)
	if !ok || got.Text != "halo" || got.Kind != bot.KindText {
		t.Fatalf("ToInbound = %+v, %v", got, ok)
	}
	if evt.Message != nil {
		t.Error("ToInbound modified the event")
	}
}
