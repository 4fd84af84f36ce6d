// Package whatsapp links pasarbot to a real WhatsApp number through
// whatsmeow (go.mau.fi/whatsmeow), as a linked device of the market's phone.
// It is the only package that imports whatsmeow; everything else sees
// bot.Inbound, bot.Outbound and the bot.Messenger / bot.Inbox interfaces.
//
// # Acknowledge only what is committed
//
// The client runs with whatsmeow's SynchronousAck and
// EnableDecryptedEventBuffer, and its handler is registered with
// AddEventHandlerWithSuccessStatus. A message is acknowledged to WhatsApp
// only after bot.Inbox.Accept returned nil (the message is durable). When
// Accept fails, or our handler panics, the handler returns false: no ack, no
// delivery receipt, and WhatsApp delivers the message again on a later
// connection. The decrypted-event buffer keeps the plaintext of such a
// message, so the redelivery can be read although its Signal ratchet has
// already advanced. Our own recover is needed: whatsmeow's dispatcher also
// recovers panics, but then acknowledges the message, which would lose it.
//
// # What is passed on, what is ignored
//
//   - History sync (events.HistorySync): the copy of old chats a phone sends
//     to a newly linked device. Never acted on: those messages were answered
//     (or not) long ago.
//   - Messages delivered late (the phone or WhatsApp's offline queue after a
//     disconnect) are ordinary events.Message: they are passed on with their
//     own timestamp in bot.Inbound.At, and the engine judges them against
//     market hours and config whatsapp.history_window. The transport never
//     drops them by age: an order sent while the market was open must still
//     be taken, a late one must get the closed-hours answer.
//   - Own messages, status broadcasts, newsletters, broadcast lists and
//     protocol housekeeping (key shares, ephemeral settings) are ignored.
//
// # Identities
//
// Replies go to evt.Info.Chat exactly as received (a phone JID, a hidden
// "@lid" id, or a group). The sender's phone number is optional: direct
// chats may carry only a LID. The client fills the missing half of the
// phone/LID pair from the message's alternate sender and from whatsmeow's
// LID store, so a leader configured as 0812… is recognised in a group
// whichever form WhatsApp uses.
//
// # Sending
//
// Send paces messages (a market-wide rate with small bursts and a gap per
// chat) because bursts get numbers banned, shows "typing…" briefly, and uses
// the message id chosen when the outbox row was written, so a retry after a
// timeout or crash re-sends the same id and the phone shows it once.
package whatsapp
