package parse

import "pasarbot/catalog"

// MaxBytes caps the text the parser reads. Longer messages are answered
// "pesan terlalu panjang" (Result.TooLong) instead of being half-read.
const MaxBytes = 4096

// TooLongText is the answer to a message over MaxBytes.
const TooLongText = "Maaf kak, pesan terlalu panjang. Tolong kirim pesanannya dalam beberapa pesan yang lebih pendek ya."

// maxItems caps the lines taken from one message; a real order has a few,
// and the cap bounds the work an adversarial text can cause.
const maxItems = 60

// Result is the parser's understanding of one message.
type Result struct {
	Items      []Item
	Unknown    []Unknown  // words that named no product, with nearest suggestions
	Questions  []Question // what to ask the buyer before anything goes in the cart
	PriceQuery bool       // "gula sekilo berapa?": a question about prices, not an order
	TooLong    bool       // over MaxBytes: nothing was read
}

// Empty reports whether the message said nothing about products.
func (r Result) Empty() bool {
	return len(r.Items) == 0 && len(r.Unknown) == 0 && len(r.Questions) == 0 && !r.PriceQuery && !r.TooLong
}

// Item is one understood order line.
type Item struct {
	SKU  string
	Name string
	Unit string // the product's selling unit code
	// Qty is in the product's selling unit, rounded to the product's step;
	// for an order by money it is what the amount buys, rounded down.
	Qty    catalog.Qty
	Amount int64  // >0 when ordered by money ("cabe 5rb"): the line's price is this amount
	Said   string // the words it came from, as written
	Note   string // "yang segar", "dipotong 8", "jangan yang pedas"
}

// Unknown is a phrase that named no product.
type Unknown struct {
	Said        string
	Suggestions []*catalog.Product // nearest products, best first; may be empty
}

// QuestionKind says why the parser asks instead of ordering.
type QuestionKind string

const (
	// MissingQty: a product without a quantity, or two quantities that do
	// not combine ("beras 5kg 2"). With no Product and no Choices: a
	// quantity without a product ("seperempat aja"); QtyText is that
	// quantity, to apply to the product the buyer names next.
	MissingQty QuestionKind = "missing_qty"
	// Ambiguous: the words fit several products; Choices lists them.
	Ambiguous QuestionKind = "ambiguous"
	// IncompatibleUnit: a unit that does not convert to how the product
	// is sold ("telur 1 papan" when eggs are sold by the kilo).
	IncompatibleUnit QuestionKind = "incompatible_unit"
	// UnknownUnit: a unit or part no product is sold by ("2 buletan",
	// "sebotol", "satu tumpuk" when nothing is sold per pile).
	UnknownUnit QuestionKind = "unknown_unit"
	// ConfirmAmount: an amount of money to confirm ("8 juta" for a
	// Rp8.000 item, an amount that buys less than the minimum, a price
	// proposed with a quantity).
	ConfirmAmount QuestionKind = "confirm_amount"
	// ConfirmQty: a quantity the product is not sold in (below the
	// minimum, far from a step, or implausibly large).
	ConfirmQty QuestionKind = "confirm_qty"
)

// Question is something to ask the buyer. Text is ready to send.
type Question struct {
	Kind    QuestionKind
	Said    string             // the words that raised it
	Product *catalog.Product   // the product concerned, when known
	Choices []*catalog.Product // for Ambiguous: numbered choices, in order
	Qty     catalog.Qty        // a proposed quantity in the product's unit, when there is one
	QtyText string             // the quantity as the buyer wrote it ("1/4 kg", "5rb"), to apply to the answer
	Amount  int64              // a proposed amount of money, when there is one
	Text    string             // in Indonesian, market register
}
