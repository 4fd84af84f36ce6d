// Package parse understands order messages written the way buyers talk to a
// trader in an Indonesian traditional market: "pesan bawang merah 1/2 kg,
// cabe rawit seperempat, ayam potong 1 ekor", "tomat goceng", "gula sekilo
// berapa?".
//
// The precision bar shapes every decision here: the parser never silently
// guesses. When a word, a unit or an amount can be read two ways, the result
// carries a Question for the buyer instead of an Item. See docs/parser.md for
// the grammar decisions.
//
// The parser is pure: it reads the catalog index and the text and returns a
// Result; it changes no cart and sends nothing. It is safe for concurrent use.
package parse
