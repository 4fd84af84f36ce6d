package whatsapp

import (
	"fmt"
	"strings"

	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"google.golang.org/protobuf/proto"

	"pasarbot/bot"
)

// ParseChat parses an outbound address: a person's phone JID
// ("62812…@s.whatsapp.net"), a hidden id ("…@lid") or a group ("…@g.us").
// whatsmeow's own ParseJID accepts nearly anything ("hello" parses as a
// server name), so the forms a reply may go to are checked here and a
// malformed address is refused before anything is sent.
func ParseChat(chat string) (types.JID, error) {
	jid, err := types.ParseJID(chat)
	if err != nil {
		return types.JID{}, fmt.Errorf("whatsapp: malformed chat %q: %w", maskChat(chat), err)
	}
	bad := func(why string) (types.JID, error) {
		return types.JID{}, fmt.Errorf("whatsapp: malformed chat %q: %s", maskChat(chat), why)
	}
	if jid.Device != 0 || jid.RawAgent != 0 {
		return bad("a device address, not a chat")
	}
	switch jid.Server {
	case types.DefaultUserServer:
		if !phoneDigits(jid.User) {
			return bad("not an international phone number")
		}
	case types.HiddenUserServer:
		if !allDigits(jid.User) {
			return bad("hidden id is not numeric")
		}
	case types.GroupServer:
		// New group ids are digits; old ones "<creator>-<unix time>".
		if !allDigits(strings.Replace(jid.User, "-", "", 1)) || strings.HasPrefix(jid.User, "-") || strings.HasSuffix(jid.User, "-") {
			return bad("group id is not numeric")
		}
	default:
		return bad("server must be s.whatsapp.net, lid or g.us")
	}
	return jid, nil
}

// maskChat hides a phone number in an address of any shape, for errors
// about malformed addresses.
func maskChat(chat string) string {
	if m := bot.MaskPhone(chat); m != chat {
		return m
	}
	n := 0 // leading digits: a number before an odd suffix or server
	for n < len(chat) && chat[n] >= '0' && chat[n] <= '9' {
		n++
	}
	if n < 5 {
		return chat
	}
	return bot.MaskPhone(chat[:n]) + chat[n:]
}

// ToMessage builds the WhatsApp message for an outbound message. Text keeps
// WhatsApp's own formatting (*bold*, _italic_, lists) as typed. A location
// becomes a location pin: Location.Name is the pin's title and Text the line
// under it (WhatsApp's "address"); keep such text short, or send it as its
// own message. A reply quotes the
// buyer's message: in a direct chat the quoted sender is the chat itself.
// In a group the quoted sender is unknown here, so ToMessage leaves the
// quote out; Client.Send adds it when it remembers who wrote the message.
func ToMessage(msg bot.Outbound) *waE2E.Message {
	participant := ""
	if !strings.HasSuffix(msg.Chat, "@g.us") {
		participant = msg.Chat
	}
	return toMessage(msg, participant)
}

// toMessage is ToMessage with the quoted message's sender known
// (participant), or "" when unknown: a quote without its author would be
// shown wrongly, so then there is no quote at all.
func toMessage(msg bot.Outbound, participant string) *waE2E.Message {
	if msg.Location != nil {
		name, address := msg.Location.Name, msg.Text
		if name == "" {
			name, address = address, ""
		}
		return &waE2E.Message{LocationMessage: &waE2E.LocationMessage{
			DegreesLatitude:  proto.Float64(msg.Location.Lat),
			DegreesLongitude: proto.Float64(msg.Location.Lng),
			Name:             nonEmpty(name),
			Address:          nonEmpty(address),
			ContextInfo:      quote(msg, participant),
		}}
	}
	if ci := quote(msg, participant); ci != nil {
		return &waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{
			Text:        proto.String(msg.Text),
			ContextInfo: ci,
		}}
	}
	return &waE2E.Message{Conversation: proto.String(msg.Text)}
}

// quote is the ContextInfo that makes a message a reply, or nil.
func quote(msg bot.Outbound, participant string) *waE2E.ContextInfo {
	if msg.ReplyTo == "" || participant == "" {
		return nil
	}
	ci := &waE2E.ContextInfo{
		StanzaID:    proto.String(msg.ReplyTo),
		Participant: proto.String(participant),
	}
	if msg.Quoted != "" {
		ci.QuotedMessage = &waE2E.Message{Conversation: proto.String(msg.Quoted)}
	}
	return ci
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return proto.String(s)
}
