package bot

import (
	"regexp"
	"time"
)

// shelfKeep is how long an emptied form can be brought back: a buyer who
// said "batal" by mistake, or came back after the idle clock emptied the
// cart, finds it again the same morning.
const shelfKeep = 3 * time.Hour

// shelve keeps the form before it is emptied.
func shelve(c *Conversation, expired bool, now time.Time) {
	if len(c.Cart) == 0 {
		return
	}
	f := c.OrderForm
	f.Cart = append([]CartLine(nil), c.Cart...)
	c.Shelf = &Shelf{Form: f, Expired: expired, At: now, Summary: expired && c.State == StateConfirm}
}

// onlyRestoreAndYes: a message that brings the form back and agrees.
func onlyRestoreAndYes(acts []act) bool {
	if len(acts) != 2 || acts[0].ev != EvRestore || acts[1].ev != EvYes {
		return false
	}
	return true
}

// pricesHold reports whether every line still costs what it did.
func (e *Engine) pricesHold(cart []CartLine) bool {
	for _, l := range cart {
		p, ok := e.bySKU[l.SKU]
		if !ok || !p.Available || p.Price != l.Price {
			return false
		}
	}
	return true
}

// undoCancelRe is a buyer taking a cancel back or asking for the order
// they had: "eh jadi kok, tadi salah pencet", "pesanan yang tadi aja".
var undoCancelRe = regexp.MustCompile(`\b(jadi kok|ga jadi batal|gak jadi batal|nggak jadi batal|ngga jadi batal|tidak jadi batal|batalnya (ga|gak|nggak|tidak) jadi|salah pencet|kepencet|salah kirim|pesanan(nya)? (yang|yg) tadi|(yang|yg) tadi aja|lanjut(kan)? (yang|yg) tadi|balikin|kembalikan|kembaliin)\b`)

// stillCancelRe is a cancel said again ("ga jadi deh, batal ya"): never an
// undo, whatever else the message says.
var stillCancelRe = regexp.MustCompile(`\b(ga|gak|nggak|ngga|tidak|gk|ndak|kada) (jadi|jd)\b(\s+(deh|aja|ya|kak|bu|mbak))*\s*($|[,.!]|\s+batal)`)

// readShelf says whether a message brings the shelved form back: an undo
// in words, or — after the clock emptied the cart — a message that only
// goes on with checkout (a delivery choice, an address, a name, a yes).
func (e *Engine) readShelf(c *Conversation, s string, acts []act, now time.Time) bool {
	sh := c.Shelf
	if sh == nil || len(c.Cart) > 0 || now.Sub(sh.At) > shelfKeep || now.Before(sh.At) {
		return false
	}
	if undoCancelRe.MatchString(s) && !stillCancelRe.MatchString(s) {
		return true
	}
	if !sh.Expired {
		return false
	}
	checkout := false
	for _, a := range acts {
		switch a.ev {
		case EvAntar, EvAmbil, EvAddress, EvName, EvLocation, EvPayment, EvFinish, EvYes:
			checkout = true
		case EvGreeting, EvText:
		default:
			return false // new items, a question, a cancel: a fresh start
		}
	}
	return checkout
}

// actRestoreShelf puts the shelved form back and says so.
func (e *Engine) actRestoreShelf(b *buyerTurn) error {
	c, sh := b.conv, b.conv.Shelf
	if sh == nil {
		return nil
	}
	c.OrderForm = sh.Form
	c.Ready = c.Delivery != "" || c.Address != ""
	c.Shelf = nil
	b.note(e.t("shelf_restored"))
	b.changed, b.cartChanged = true, true
	return nil
}
