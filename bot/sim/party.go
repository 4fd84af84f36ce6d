// Package sim runs the whole market without WhatsApp: an in-memory transport
// (a Recorder of outbound messages), a simulated clock driven by the caller,
// replay scripts with expectations, a transcript writer and a web simulator.
package sim

import (
	"context"
	"strings"
	"time"

	"pasarbot/bot"
)

// Market is the whole market behind the simulator: engine + store + catalog,
// driven synchronously. The simulator never runs the market concurrently with
// itself: callers serialize Deliver and AdvanceTo (the web server holds a
// mutex), so an implementation needs no locking of its own for them.
type Market interface {
	// Deliver hands one inbound message to the bot and returns once it is
	// fully processed and every outbound message it caused has been sent
	// through the Messenger given to the constructor.
	Deliver(ctx context.Context, in bot.Inbound) error
	// AdvanceTo moves the simulated clock to t, firing every scheduled job and
	// deadline due on the way (in order), and flushes outbound messages.
	AdvanceTo(ctx context.Context, t time.Time) error
	// Now is the simulated time. Unlike the other methods it must be safe to
	// call from any goroutine: the Recorder stamps every send with it.
	Now() time.Time
	// Location is the market time zone: transcript times are market-local HH:MM.
	Location() *time.Location
	// LastOrderCode is the newest order's short code (what $LAST means in
	// scripts), "" when there is no order yet.
	LastOrderCode(ctx context.Context) (string, error)
}

// WhatsApp servers: phones live on s.whatsapp.net, groups on g.us. The
// simulator uses the same address forms as production so the engine cannot
// tell the transports apart.
const (
	phoneServer = "@s.whatsapp.net"
	groupServer = "@g.us"
)

// CourierGroup is the simulator's name for the courier group.
const CourierGroup = "kurir"

// DirectChat is the chat (and sender) address of a direct chat with phone,
// which must already be normalized (62…): "6281234567001@s.whatsapp.net".
func DirectChat(phone string) string { return bot.DirectChat(phone) }

// GroupChat is the address of the group named name: a seller group id such as
// "sayur", or CourierGroup: "sayur@g.us".
func GroupChat(name string) string { return name + groupServer }

// ChatName turns an address back into what scripts and transcripts show:
// "6281234567001" for a direct chat, "sayur" for a group. Anything else is
// returned unchanged so an unexpected address is still visible.
func ChatName(chat string) string {
	if s, ok := strings.CutSuffix(chat, phoneServer); ok {
		return s
	}
	if s, ok := strings.CutSuffix(chat, groupServer); ok {
		return s
	}
	return chat
}

// IsGroupChat reports whether chat is a group address.
func IsGroupChat(chat string) bool { return strings.HasSuffix(chat, groupServer) }

// Direct builds the inbound text message a phone sends in its direct chat
// with the market number.
func Direct(id, phone, text string, at time.Time) bot.Inbound {
	return bot.Inbound{
		ID: id, Chat: DirectChat(phone), Sender: DirectChat(phone), SenderPhone: phone,
		At: at, Kind: bot.KindText, Text: text,
	}
}

// InGroup builds the inbound text message member sends in the group named group.
func InGroup(id, group, member, text string, at time.Time) bot.Inbound {
	return bot.Inbound{
		ID: id, Chat: GroupChat(group), Sender: DirectChat(member), SenderPhone: member,
		IsGroup: true, At: at, Kind: bot.KindText, Text: text,
	}
}
