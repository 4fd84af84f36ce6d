package store

import (
	"container/list"
	"strings"
	"sync"

	"pasarbot/bot"
)

// convCache keeps the stored rows of recently active conversations, so a
// message does not read its chat's row back from the database each time.
// It holds only committed rows, and only the writer puts into it:
//
//   - a row read by a write transaction, when that transaction has not
//     written the chat nor run any other statement on the conversations
//     table: the writer holds the write lock, so the row is the committed
//     one whatever the transaction does afterwards, commit or roll back;
//   - a row written by a write transaction, after its COMMIT succeeded.
//
// A transaction that ran any statement on the conversations table other
// than the store's own read and save clears the whole cache when it ends
// (committed or not), and so does a failed COMMIT, whose outcome is not
// known. A new DB (a restart) starts empty. Rows are strings, so what is
// handed out cannot be changed through the cache: each caller decodes its
// own conversation (see docs/decisions.md).
type convCache struct {
	mu    sync.Mutex
	max   int                      // bytes; 0 means convCacheBytes
	size  int                      // bytes held: rows plus per-entry overhead
	rows  map[string]*list.Element // chat → element of order holding a cachedConv
	order list.List                // most recently used at the front
}

type cachedConv struct {
	chat string
	row  conversationRow
	// spare is row decoded by a reader off the writer (PeekConversation),
	// for the next write transaction that reads the chat to take instead
	// of decoding the row itself: owned by the cache until one takes it,
	// then by that transaction alone; dropped whenever row changes.
	spare *bot.Conversation
}

// convCacheBytes bounds the cache's memory per market: 8 MB holds some
// 12 000 conversations of a buyer filling a cart (a stored row is 100–500
// bytes, plus entryOverhead), several mornings of a busy market.
const convCacheBytes = 8 << 20

// entryOverhead is what one cached conversation costs beside its strings:
// the map entry, the list element and the cachedConv.
const entryOverhead = 200

func (e *cachedConv) bytes() int {
	return len(e.chat) + len(e.row.state) + len(e.row.data) + len(e.row.updated) + entryOverhead
}

func (c *convCache) get(chat string) (conversationRow, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.rows[chat]
	if !ok {
		return conversationRow{}, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cachedConv).row, true
}

// take is get, and the spare decoded conversation when there is one,
// which the caller then owns.
func (c *convCache) take(chat string) (conversationRow, *bot.Conversation, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.rows[chat]
	if !ok {
		return conversationRow{}, nil, false
	}
	c.order.MoveToFront(el)
	e := el.Value.(*cachedConv)
	spare := e.spare
	e.spare = nil
	return e.row, spare, true
}

// offer leaves conv, decoded from row, as the chat's spare if row is still
// the cached one and no spare is waiting.
func (c *convCache) offer(chat string, row conversationRow, conv *bot.Conversation) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.rows[chat]; ok {
		if e := el.Value.(*cachedConv); e.row == row && e.spare == nil {
			e.spare = conv
		}
	}
}

func (c *convCache) put(chat string, row conversationRow) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.rows[chat]; ok {
		e := el.Value.(*cachedConv)
		c.size -= e.bytes()
		e.row, e.spare = row, nil
		c.size += e.bytes()
		c.order.MoveToFront(el)
	} else {
		if c.rows == nil {
			c.rows = map[string]*list.Element{}
		}
		e := &cachedConv{chat: chat, row: row}
		c.rows[chat] = c.order.PushFront(e)
		c.size += e.bytes()
	}
	max := c.max
	if max == 0 {
		max = convCacheBytes
	}
	for c.size > max && c.order.Len() > 0 {
		old := c.order.Back()
		e := old.Value.(*cachedConv)
		c.order.Remove(old)
		delete(c.rows, e.chat)
		c.size -= e.bytes()
	}
}

func (c *convCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rows = nil
	c.size = 0
	c.order.Init()
}

// len is how many conversations are cached (for tests).
func (c *convCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// convWrites is what a write transaction tells the cache when it ends.
type convWrites struct {
	written map[string]conversationRow // rows flushed by this transaction, for the cache after COMMIT
	foreign bool                       // another statement touched the conversations table
}

// noteStatement records a statement the transaction runs that may write
// conversations behind the cache.
func (t *Tx) noteStatement(query string) {
	if t.cache != nil && query != saveConversation && !t.cw.foreign && strings.Contains(query, "conversations") && !strings.HasPrefix(query, "SELECT") {
		t.cw.foreign = true
	}
}

// wroteConversation records a row the transaction wrote.
func (t *Tx) wroteConversation(chat string, row conversationRow) {
	if t.cache == nil {
		return
	}
	if t.cw.written == nil {
		t.cw.written = map[string]conversationRow{}
	}
	t.cw.written[chat] = row
}

// cachedConversation is the chat's row as this transaction would read it
// from the cache: its own write, else the committed row when nothing else
// in the transaction may have changed it.
// With the row comes its spare decoding, when a reader left one.
func (t *Tx) cachedConversation(chat string) (conversationRow, *bot.Conversation, bool) {
	if t.cache == nil || t.cw.foreign {
		return conversationRow{}, nil, false
	}
	if row, ok := t.cw.written[chat]; ok {
		return row, nil, true
	}
	return t.cache.take(chat)
}

// readConversation puts a row the transaction read from the table into
// the cache: committed, since the transaction neither wrote the chat nor
// ran a foreign statement on the table.
func (t *Tx) readConversation(chat string, row conversationRow) {
	if t.cache == nil || t.cw.foreign {
		return
	}
	if _, ok := t.cw.written[chat]; ok {
		return
	}
	t.cache.put(chat, row)
}

// endConversations updates the cache when the transaction ends.
func (t *Tx) endConversations(committed bool) {
	if t.cache == nil {
		return
	}
	if t.cw.foreign {
		t.cache.clear()
		return
	}
	if committed {
		for chat, row := range t.cw.written {
			t.cache.put(chat, row)
		}
	}
}

// PeekConversation is the chat's conversation from the cache of recently
// committed ones, without a transaction: for reading a message ahead of
// the writer (bot/readahead.go), which checks it again inside the writer.
// False when the chat is not cached.
func (db *DB) PeekConversation(chat string) (*bot.Conversation, bool) {
	row, ok := db.convs.get(chat)
	if !ok {
		return nil, false
	}
	c, err := decodeConversation(chat, row)
	if err != nil {
		return nil, false
	}
	// Decode it once more here, off the writer, for the writer to take.
	if spare, err := decodeConversation(chat, row); err == nil {
		db.convs.offer(chat, row, spare)
	}
	return c, true
}
