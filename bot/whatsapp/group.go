package whatsapp

import (
	"context"
	"fmt"

	"go.mau.fi/whatsmeow/types"

	"pasarbot/bot"
)

// Participant is a member of a WhatsApp group, in the bot's terms.
type Participant struct {
	Phone   string // international digits (62812…), "" when WhatsApp hides it
	LID     string // hidden id "…@lid", "" when unknown
	Name    string // the name the market phone knows (contact or push name), may be ""
	IsAdmin bool   // group admin or owner
}

// GroupInfo fetches a group's name and members from WhatsApp, for showing
// leader names and checking that configured leaders are members when a
// group is bound. It needs a live connection.
func (c *Client) GroupInfo(ctx context.Context, chat string) (string, []Participant, error) {
	jid, err := ParseChat(chat)
	if err != nil {
		return "", nil, err
	}
	if jid.Server != types.GroupServer {
		return "", nil, fmt.Errorf("whatsapp: %s is not a group", bot.MaskPhone(chat))
	}
	if !c.wa.IsLoggedIn() {
		return "", nil, ErrNotConnected
	}
	info, err := c.wa.GetGroupInfo(ctx, jid)
	if err != nil {
		return "", nil, maskErr("whatsapp: group info for "+chat, err)
	}
	ps := toParticipants(info)
	for i, p := range ps {
		if p.Phone == "" && p.LID != "" {
			if lid, err := types.ParseJID(p.LID); err == nil {
				ps[i].Phone = c.phoneForLID(ctx, lid)
			}
		}
		ps[i].Name = c.contactName(ctx, info.Participants[i])
	}
	return info.Name, ps, nil
}

// toParticipants converts whatsmeow's member list. WhatsApp addresses a
// member by LID or by phone number (JID is one of them); the other form is
// given alongside when WhatsApp shares it.
func toParticipants(info *types.GroupInfo) []Participant {
	ps := make([]Participant, len(info.Participants))
	for i, m := range info.Participants {
		p := Participant{IsAdmin: m.IsAdmin || m.IsSuperAdmin}
		for _, j := range []types.JID{m.JID, m.PhoneNumber, m.LID} {
			j = j.ToNonAD()
			switch j.Server {
			case types.DefaultUserServer:
				if p.Phone == "" && phoneDigits(j.User) {
					p.Phone = j.User
				}
			case types.HiddenUserServer:
				if p.LID == "" && j.User != "" {
					p.LID = j.String()
				}
			}
		}
		ps[i] = p
	}
	return ps
}

// contactName is the best name the device knows for a member.
func (c *Client) contactName(ctx context.Context, m types.GroupParticipant) string {
	if c.wa.Store.Contacts == nil {
		return ""
	}
	for _, j := range []types.JID{m.JID, m.PhoneNumber, m.LID} {
		if j.IsEmpty() {
			continue
		}
		ci, err := c.wa.Store.Contacts.GetContact(ctx, j.ToNonAD())
		if err != nil || !ci.Found {
			continue
		}
		for _, name := range []string{ci.FullName, ci.FirstName, ci.PushName, ci.BusinessName} {
			if name != "" {
				return name
			}
		}
	}
	return ""
}
