package bot

import (
	"time"

	"pasarbot/bot/command"
)

// RateWindow counts one sender's messages in the current minute, in every
// chat (direct and groups), and remembers whether the sender was already
// told they are over the limit, or refused something, in this window.
type RateWindow struct {
	Sender  string
	Start   time.Time
	Count   int
	Warned  bool
	Refused bool
}

// rateWindowLength is the limiter's window.
const rateWindowLength = time.Minute

// senderKey identifies who wrote a message for the limiter: the phone
// number, else the hidden id, else the chat.
func senderKey(in Inbound) string {
	switch {
	case in.SenderPhone != "":
		return in.SenderPhone
	case in.SenderLID != "":
		return in.SenderLID
	case in.Sender != "":
		return in.Sender
	}
	return in.Chat
}

// limit counts in against its sender's window before anything answers
// it. Over the limit the sender gets one low-priority notice per window
// and the message is not acted on (it returns true). Admins are exempt.
// In groups only messages the bot would answer count: traders chatting
// among themselves are nobody's flood.
func (e *Engine) limit(t *turn, in Inbound) (bool, error) {
	if e.set.MessagesPerMinute <= 0 || e.isAdmin(in.SenderPhone) {
		return false, nil
	}
	if in.IsGroup && !groupCommandLike(in.Text) {
		return false, nil
	}
	w, err := t.tx.RateWindow(senderKey(in))
	if err != nil {
		return false, err
	}
	if t.now.Sub(w.Start) >= rateWindowLength || w.Start.After(t.now) {
		w.Start, w.Count, w.Warned, w.Refused = t.now, 0, false, false
	}
	w.Count++
	over := w.Count > e.set.MessagesPerMinute
	if over && !w.Warned {
		w.Warned = true
		t.lowReply(in, e.t("rate_limited"))
	}
	if over && w.Count == e.set.MessagesPerMinute+1 {
		t.log.Warn().Str("sender", MaskPhone(w.Sender)).Msg("sender over the rate limit; ignored until the window passes")
	}
	t.window = &w
	return over, t.tx.SaveRateWindow(w)
}

// refuse answers a party that may not do what it asked, at most once per
// rate window (the rest are logged), as a low-priority message.
func (t *turn) refuse(in Inbound, text string) {
	if t.window != nil {
		if t.window.Refused {
			t.log.Info().Msg("refusal not repeated within the window")
			return
		}
		t.window.Refused = true
		t.windowDirty = true
	}
	t.lowReply(in, text)
}

// groupCommandLike says whether a group message is one the bot answers.
func groupCommandLike(text string) bool {
	if _, ok := command.ParseLeader(text); ok {
		return true
	}
	if _, ok := command.ParseCourier(text); ok {
		return true
	}
	w, _ := firstWord(text)
	return w == "daftar" || command.Marked(text)
}
