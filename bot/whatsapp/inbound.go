package whatsapp

import (
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"

	"pasarbot/bot"
)

// ToInbound converts a whatsmeow message event into the bot's message. It
// reports false for what pasarbot must not act on: own messages, status
// updates, newsletters, broadcast lists, other special servers, protocol
// housekeeping and empty messages.
//
// It is pure: the LID store lookup that may complete SenderPhone is the
// client's resolve step, done afterwards.
func ToInbound(evt *events.Message) (bot.Inbound, bool) {
	if evt == nil {
		return bot.Inbound{}, false
	}
	info := evt.Info
	if info.IsFromMe {
		return bot.Inbound{}, false
	}
	switch info.Chat.Server {
	case types.DefaultUserServer, types.HiddenUserServer, types.GroupServer:
	default:
		// status@broadcast, broadcast lists, newsletters, Meta AI bots,
		// Messenger interop: not conversations with the market.
		return bot.Inbound{}, false
	}
	msg := evt.Message
	if msg == nil && evt.RawMessage != nil {
		// An event built by hand (or a future whatsmeow path) may carry
		// only the raw message; unwrap a copy like whatsmeow does.
		cp := *evt
		msg = cp.UnwrapRaw().Message
	}
	if msg == nil {
		return bot.Inbound{}, false
	}

	in := bot.Inbound{
		ID:      info.ID,
		Chat:    info.Chat.String(),
		IsGroup: info.Chat.Server == types.GroupServer,
		At:      info.Timestamp,
	}
	if info.PushName != "-" { // whatsmeow's placeholder for "no name"
		in.PushName = info.PushName
	}
	sender := info.Sender
	if sender.IsEmpty() {
		if in.IsGroup {
			return bot.Inbound{}, false // whatsmeow requires a participant; never expected
		}
		sender = info.Chat // a direct chat's sender is the chat itself
	}
	setSender(&in, sender, info.SenderAlt)
	if !setContent(&in, msg) {
		return bot.Inbound{}, false
	}
	return in, true
}

// setSender fills Sender, SenderPhone and SenderLID from the sender and its
// alternate address (the other form of the same person, when WhatsApp sent
// it). Device suffixes are dropped: the bot talks to people, not phones.
func setSender(in *bot.Inbound, sender, alt types.JID) {
	sender, alt = sender.ToNonAD(), alt.ToNonAD()
	in.Sender = sender.String()
	for _, j := range []types.JID{sender, alt} {
		switch j.Server {
		case types.DefaultUserServer:
			if in.SenderPhone == "" && phoneDigits(j.User) {
				in.SenderPhone = j.User
			}
		case types.HiddenUserServer:
			if in.SenderLID == "" && j.User != "" {
				in.SenderLID = j.String()
			}
		}
	}
}

// phoneDigits reports whether a phone JID's user part is an international
// number. JID users are already in international form without '+', so they
// are used as they are: re-normalizing them as Indonesian input would turn a
// foreign "81…" number into "6281…".
func phoneDigits(s string) bool {
	if len(s) < 7 || len(s) > 15 {
		return false
	}
	return allDigits(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// setContent fills Kind, Text, Location, EditOf and QuotedID. It reports
// false when the message carries nothing a person wrote.
func setContent(in *bot.Inbound, m *waE2E.Message) bool {
	if pm := m.GetProtocolMessage(); pm != nil {
		switch pm.GetType() {
		case waE2E.ProtocolMessage_MESSAGE_EDIT:
			in.Kind = bot.KindEdit
			in.EditOf = pm.GetKey().GetID()
			in.Text = textOf(pm.GetEditedMessage())
			return in.EditOf != ""
		case waE2E.ProtocolMessage_REVOKE:
			in.Kind = bot.KindRevoke
			in.EditOf = pm.GetKey().GetID()
			return in.EditOf != ""
		default:
			// Key shares, ephemeral settings, history notifications…
			return false
		}
	}
	if r := m.GetReactionMessage(); r != nil {
		// Text is the emoji; empty when a reaction is taken back.
		in.Kind = bot.KindReaction
		in.Text = r.GetText()
		in.QuotedID = r.GetKey().GetID()
		return in.QuotedID != ""
	}
	in.QuotedID = contextInfo(m).GetStanzaID()

	if loc := m.GetLocationMessage(); loc != nil {
		in.Kind = bot.KindLocation
		name := loc.GetName()
		if name == "" {
			name = loc.GetAddress()
		}
		in.Location = &bot.Location{Lat: loc.GetDegreesLatitude(), Lng: loc.GetDegreesLongitude(), Name: name}
		in.Text = loc.GetComment()
		return true
	}
	if loc := m.GetLiveLocationMessage(); loc != nil {
		in.Kind = bot.KindLocation
		in.Location = &bot.Location{Lat: loc.GetDegreesLatitude(), Lng: loc.GetDegreesLongitude()}
		in.Text = loc.GetCaption()
		return true
	}
	if text := textOf(m); text != "" {
		in.Kind = bot.KindText
		in.Text = text
		return true
	}
	switch {
	case m.GetImageMessage() != nil:
		in.Kind = bot.KindImage
	case m.GetAudioMessage() != nil:
		in.Kind = bot.KindVoice // voice notes (PTT) and audio files alike
	case m.GetStickerMessage() != nil:
		in.Kind = bot.KindSticker
	case m.GetVideoMessage() != nil, m.GetPtvMessage() != nil, m.GetDocumentMessage() != nil,
		m.GetContactMessage() != nil, m.GetContactsArrayMessage() != nil,
		m.GetPollCreationMessage() != nil, m.GetPollCreationMessageV2() != nil,
		m.GetPollCreationMessageV3() != nil, m.GetEventMessage() != nil,
		m.GetGroupInviteMessage() != nil, m.GetProductMessage() != nil,
		m.GetStickerPackMessage() != nil:
		in.Kind = bot.KindMedia
	default:
		// Sender key distributions, poll votes, pins, keep-in-chat, empty
		// texts: nothing to answer.
		return false
	}
	return true
}

// textOf is what a person typed: plain text, extended text (links,
// replies, formatting) or the caption of an image, video or document.
func textOf(m *waE2E.Message) string {
	switch {
	case m.GetConversation() != "":
		return m.GetConversation()
	case m.GetExtendedTextMessage().GetText() != "":
		return m.GetExtendedTextMessage().GetText()
	case m.GetImageMessage().GetCaption() != "":
		return m.GetImageMessage().GetCaption()
	case m.GetVideoMessage().GetCaption() != "":
		return m.GetVideoMessage().GetCaption()
	case m.GetDocumentMessage().GetCaption() != "":
		return m.GetDocumentMessage().GetCaption()
	}
	return ""
}

// contextInfo is the reply/mention metadata of whichever part carries it.
func contextInfo(m *waE2E.Message) *waE2E.ContextInfo {
	for _, ci := range []*waE2E.ContextInfo{
		m.GetExtendedTextMessage().GetContextInfo(),
		m.GetImageMessage().GetContextInfo(),
		m.GetVideoMessage().GetContextInfo(),
		m.GetDocumentMessage().GetContextInfo(),
		m.GetAudioMessage().GetContextInfo(),
		m.GetStickerMessage().GetContextInfo(),
		m.GetLocationMessage().GetContextInfo(),
		m.GetLiveLocationMessage().GetContextInfo(),
	} {
		if ci != nil {
			return ci
		}
	}
	return nil
}
