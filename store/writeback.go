package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// writeBack holds writes a write transaction defers: processed marks,
// written by one statement for the whole transaction, and conversation
// saves, of which only the last per chat is written. They are flushed
// before any statement that touches their table (so every read in the
// transaction sees them) and before COMMIT (so a failing one still rolls
// the transaction back).
type writeBack struct {
	marks   [][2]string    // message id, processed at
	markAt  map[string]int // message id → index in marks
	convs   map[string]conversationRow
	convSeq []string // chats in the order first saved
}

// conversationRow is a conversation as stored.
type conversationRow struct {
	state, data, updated string
}

func (w *writeBack) mark(id string, at time.Time) {
	if i, ok := w.markAt[id]; ok {
		w.marks[i][1] = timeText(at)
		return
	}
	if w.markAt == nil {
		w.markAt = map[string]int{}
	}
	w.markAt[id] = len(w.marks)
	w.marks = append(w.marks, [2]string{id, timeText(at)})
}

func (w *writeBack) saveConversation(chat string, row conversationRow) {
	if w.convs == nil {
		w.convs = map[string]conversationRow{}
	}
	if _, ok := w.convs[chat]; !ok {
		w.convSeq = append(w.convSeq, chat)
	}
	w.convs[chat] = row
}

// savedConversation is the chat's conversation as saved earlier in the
// transaction and not yet written.
func (w *writeBack) savedConversation(chat string) (conversationRow, bool) {
	if w == nil {
		return conversationRow{}, false
	}
	row, ok := w.convs[chat]
	return row, ok
}

// flushFor writes what query may read or overwrite. A failure is kept in
// t.err, so the transaction cannot commit without it.
func (t *Tx) flushFor(query string) error {
	w := t.wb
	if w == nil {
		return nil
	}
	var err error
	if len(w.marks) > 0 && strings.Contains(query, "inbox") {
		err = t.flushMarks()
	}
	if err == nil && len(w.convSeq) > 0 && strings.Contains(query, "conversations") {
		err = t.flushConversations()
	}
	if err != nil && t.err == nil {
		t.err = err
	}
	return err
}

// flush writes everything deferred.
func (t *Tx) flush() error {
	if t.wb == nil {
		return nil
	}
	if err := t.flushMarks(); err != nil {
		return err
	}
	return t.flushConversations()
}

func (t *Tx) flushMarks() error {
	w := t.wb
	if len(w.marks) == 0 {
		return nil
	}
	marks := w.marks
	w.marks, w.markAt = nil, nil
	if len(marks) == 1 {
		// One message (a sequential turn): the plain update is cheaper
		// than reading a JSON array.
		res, err := t.execNow(markProcessedOne, marks[0][1], marks[0][0])
		return markedAll(res, err, marks)
	}
	arg, err := json.Marshal(marks)
	if err != nil {
		return fmt.Errorf("store: mark processed: %w", err)
	}
	res, err := t.execNow(t.d.markBatch, string(arg))
	return markedAll(res, err, marks)
}

const markProcessedOne = `UPDATE inbox SET processed_at = ? WHERE message_id = ?`

// markedAll checks that a mark statement found every message.
func markedAll(res sql.Result, err error, marks [][2]string) error {
	if err != nil {
		return fmt.Errorf("store: mark processed: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: mark processed: %w", err)
	}
	if int(n) != len(marks) {
		return fmt.Errorf("store: mark processed: %d of %d messages not in the inbox (%s…)", len(marks)-int(n), len(marks), marks[0][0])
	}
	return nil
}

const saveConversation = `INSERT INTO conversations(chat, state, data, updated_at) VALUES (?, ?, ?, ?)
	ON CONFLICT(chat) DO UPDATE SET state = excluded.state, data = excluded.data, updated_at = excluded.updated_at`

func (t *Tx) flushConversations() error {
	w := t.wb
	seq, convs := w.convSeq, w.convs
	w.convSeq, w.convs = nil, nil
	for _, chat := range seq {
		c := convs[chat]
		if _, err := t.execNow(saveConversation, chat, c.state, c.data, c.updated); err != nil {
			return fmt.Errorf("store: save conversation %s: %w", chat, err)
		}
		t.wroteConversation(chat, c)
	}
	return nil
}
