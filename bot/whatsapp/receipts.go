package whatsapp

import (
	"sync"

	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"

	"pasarbot/bot"
)

// readQueueSize bounds pending read receipts. They are a courtesy: when
// the queue is full (the connection is stuck), receipts are dropped rather
// than holding up the event handler.
const readQueueSize = 256

type readReceipt struct {
	id           types.MessageID
	chat, sender types.JID
}

// queueRead hands a read receipt to the sender goroutine without blocking.
func (c *Client) queueRead(evt *events.Message) {
	r := readReceipt{id: evt.Info.ID, chat: evt.Info.Chat, sender: evt.Info.Sender}
	select {
	case c.reads <- r:
	default:
		c.log.Debug().Str("message_id", r.id).Msg("read receipt queue full; receipt dropped")
	}
}

// readLoop sends read receipts until the client disconnects. Errors are
// only logged: a missing blue tick harms nobody.
func (c *Client) readLoop() {
	for {
		select {
		case <-c.runCtx.Done():
			return
		case r := <-c.reads:
			if !c.wa.IsLoggedIn() {
				continue
			}
			err := c.wa.MarkRead(c.runCtx, []types.MessageID{r.id}, c.now(), r.chat, r.sender)
			if err != nil {
				c.log.Debug().Err(err).Str("chat", bot.MaskPhone(r.chat.String())).Str("message_id", r.id).
					Msg("could not mark message read")
			}
		}
	}
}

// recentSendersSize is how many group messages' authors are remembered for
// quoting (a market morning's worth of group traffic).
const recentSendersSize = 4096

// recentSenders remembers who wrote recent group messages. A quoted reply
// in a group must name the quoted message's author, and bot.Outbound only
// carries the message id. After a restart the memory is empty and such a
// reply goes out without the quote (the text alone still makes sense).
type recentSenders struct {
	mu   sync.Mutex
	ids  map[string]string
	ring []string
	next int
}

func newRecentSenders(n int) *recentSenders {
	return &recentSenders{ids: make(map[string]string, n), ring: make([]string, n)}
}

func (r *recentSenders) put(id, sender string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.ids[id]; ok {
		r.ids[id] = sender
		return
	}
	if old := r.ring[r.next]; old != "" {
		delete(r.ids, old)
	}
	r.ring[r.next] = id
	r.next = (r.next + 1) % len(r.ring)
	r.ids[id] = sender
}

func (r *recentSenders) get(id string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ids[id]
}
