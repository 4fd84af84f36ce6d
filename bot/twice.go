package bot

import (
	"regexp"
	"time"
)

// The same message twice: on a weak signal a buyer's list goes out again
// (or they send it again, not seeing it arrive). A trader who reads the
// same list twice within minutes writes it down once and says so; a
// buyer who wants double says "tambah lagi".

// sameListWindow is how close together two equal lists are one list.
const sameListWindow = 10 * time.Minute

// doubledRe is the buyer saying a message went out twice.
var doubledRe = regexp.MustCompile(`\b(ke ?kirim|ter ?kirim|kesend|ke ?send|kepencet|ke ?pencet|kekirm)\s*(2x|2 x|dua ?kali|2 kali|dobel|double|ganda)|\b(dobel|double) (kirim|ngirim|pesan|ketik)\b`)

// notTwice drops the items of a message that repeats the last list within
// the window, and notes the message that added items.
func (e *Engine) notTwice(b *buyerTurn, acts []act) []act {
	key := norm(b.in.Text)
	adds := false
	for _, a := range acts {
		if a.ev == EvItems && a.parsed != nil && len(a.parsed.Items) > 0 {
			adds = true
		}
	}
	if !adds {
		return acts
	}
	at := b.sentAt()
	if key == b.conv.LastItems && at.Sub(b.conv.LastItemsAt) >= 0 && at.Sub(b.conv.LastItemsAt) <= sameListWindow && len(b.conv.Cart) > 0 {
		b.conv.SameSkipped = true
		return []act{{ev: EvQuestion, kind: "same_list"}}
	}
	b.conv.LastItems, b.conv.LastItemsAt, b.conv.SameSkipped = key, at, false
	return acts
}
