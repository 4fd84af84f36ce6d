package whatsapp

import (
	"context"

	"go.mau.fi/whatsmeow/types"

	"pasarbot/bot"
)

// Resolve completes a message's sender identity from whatsmeow's LID store
// (which learns LID ↔ phone pairs from messages, group member lists and
// history sync): a sender known only by LID gets its phone number when the
// store has it, and a phone sender gets its LID. Then a leader configured
// as 0812… is recognised in a group whichever address form WhatsApp used.
// Lookup failures leave the message as it is: the phone number is optional.
func (c *Client) Resolve(ctx context.Context, in *bot.Inbound) {
	lids := c.dev.container.LIDMap
	if in.SenderPhone == "" && in.SenderLID != "" {
		if lid, err := types.ParseJID(in.SenderLID); err == nil {
			pn, err := lids.GetPNForLID(ctx, lid)
			if err != nil {
				c.logger(ctx).Debug().Err(err).Msg("LID lookup failed")
			} else if pn.Server == types.DefaultUserServer && phoneDigits(pn.User) {
				in.SenderPhone = pn.User
			}
		}
	}
	if in.SenderLID == "" && in.SenderPhone != "" {
		lid, err := lids.GetLIDForPN(ctx, types.NewJID(in.SenderPhone, types.DefaultUserServer))
		if err != nil {
			c.logger(ctx).Debug().Err(err).Msg("LID lookup failed")
		} else if lid.Server == types.HiddenUserServer && lid.User != "" {
			in.SenderLID = lid.ToNonAD().String()
		}
	}
}

// phoneForLID is the phone number (digits) the LID store knows for a
// "…@lid" address, or "".
func (c *Client) phoneForLID(ctx context.Context, lid types.JID) string {
	pn, err := c.dev.container.LIDMap.GetPNForLID(ctx, lid)
	if err != nil || pn.Server != types.DefaultUserServer || !phoneDigits(pn.User) {
		return ""
	}
	return pn.User
}
