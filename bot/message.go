// Package bot is the conversation: message types, the interfaces to the
// outside world (a messenger, a clock), the state machines and reply texts.
package bot

import (
	"context"
	"time"
)

// Kind says what an inbound message carries.
type Kind string

const (
	KindText     Kind = "text"
	KindLocation Kind = "location"
	KindImage    Kind = "image"    // without caption; with a caption it is text
	KindVoice    Kind = "voice"    // voice notes and audio
	KindSticker  Kind = "sticker"  //
	KindMedia    Kind = "media"    // video, document without caption, contact, ...
	KindReaction Kind = "reaction" //
	KindEdit     Kind = "edit"     // Text is the new text, EditOf the edited message
	KindRevoke   Kind = "revoke"   // "deleted for everyone"; EditOf the deleted message
)

// Location is a WhatsApp location pin.
type Location struct {
	Lat  float64 `json:"lat"`
	Lng  float64 `json:"lng"`
	Name string  `json:"name,omitempty"`
}

// Inbound is one message that reached the market number, in the transport's
// neutral form. Addresses are strings (WhatsApp JIDs in production).
type Inbound struct {
	ID          string    `json:"id"`                     // transport message id, unique
	Chat        string    `json:"chat"`                   // reply here, exactly as received
	Sender      string    `json:"sender"`                 // who wrote it (== Chat in direct chats)
	SenderPhone string    `json:"sender_phone,omitempty"` // normalized 62812…, empty when hidden
	SenderLID   string    `json:"sender_lid,omitempty"`   // WhatsApp hidden id, when known
	IsGroup     bool      `json:"is_group,omitempty"`     //
	PushName    string    `json:"push_name,omitempty"`    // the sender's own display name
	At          time.Time `json:"at"`                     // when the sender sent it
	Kind        Kind      `json:"kind"`                   //
	Text        string    `json:"text,omitempty"`         // text, extended text or media caption
	Location    *Location `json:"location,omitempty"`     //
	EditOf      string    `json:"edit_of,omitempty"`      // for edits and revokes
	QuotedID    string    `json:"quoted_id,omitempty"`    // message this one replies to
	Image       *Image    `json:"image,omitempty"`        // the picture, when the transport downloaded it

	// ahead is the engine's reading of the message done before the
	// writer's transaction (readahead.go); never stored, so a message
	// read from the inbox is read by the writer itself.
	ahead *readAhead
}

// Image is a picture pasarbot sends (a payment QR code); the message's Text
// is its caption. Data travels in the outbox row, so keep images small (a
// QR PNG is a few kilobytes).
type Image struct {
	Data []byte `json:"data"`           // the encoded picture
	MIME string `json:"mime"`           // "image/png"
	Name string `json:"name,omitempty"` // a file name for the simulator and replay, e.g. "qris-A7K2.png"
}

// Outbound is one message pasarbot sends. ID is chosen when the message is
// queued, so a retry after a crash re-sends the same id.
type Outbound struct {
	ID       string    `json:"id"`
	Chat     string    `json:"chat"`
	Text     string    `json:"text,omitempty"`
	Location *Location `json:"location,omitempty"`
	Image    *Image    `json:"image,omitempty"`    // send a picture, Text as its caption
	ReplyTo  string    `json:"reply_to,omitempty"` // quote this inbound message id
	Quoted   string    `json:"quoted,omitempty"`   // the quoted message's text, for the quote bubble
	Low      bool      `json:"low,omitempty"`      // low priority: a refusal or flood notice, sent after the chat's other messages
}

// Messenger delivers outbound messages. Send must be safe to call again with
// the same message after an error: the transport re-sends the same id.
type Messenger interface {
	Send(ctx context.Context, msg Outbound) error
}

// Inbox takes inbound messages durably. When Accept returns nil the message
// is committed and may be acknowledged to WhatsApp; on error it must not be.
type Inbox interface {
	Accept(ctx context.Context, msg Inbound) error
}

// Clock tells the time; tests and the simulator drive their own.
type Clock interface {
	Now() time.Time
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns the current time.
func (SystemClock) Now() time.Time { return time.Now() }
