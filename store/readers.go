package store

import (
	"context"
	"database/sql"
)

// maxReaders is how many read transactions run at once.
const maxReaders = 4

// readerPool hands out reader connections. A read transaction runs on one
// by hand (BEGIN … ROLLBACK), like the writer, rather than through
// database/sql's Tx, which always watches its context with a goroutine and
// cannot keep prepared statements between transactions; each connection
// keeps its own.
type readerPool struct {
	db    *sql.DB
	free  chan *readConn // idle connections
	slots chan struct{}  // one token per open connection
}

type readConn struct {
	conn  *sql.Conn
	stmts stmtCache
}

func newReaderPool(db *sql.DB) *readerPool {
	// The pool keeps its connections; one more stays for direct reads
	// (the schema version, the integrity check of a read-only database).
	db.SetMaxOpenConns(maxReaders + 1)
	return &readerPool{db: db, free: make(chan *readConn, maxReaders), slots: make(chan struct{}, maxReaders)}
}

// get returns an idle connection, opens one while fewer than maxReaders
// are open, or waits for one.
func (p *readerPool) get(ctx context.Context) (*readConn, error) {
	select {
	case rc := <-p.free:
		return rc, nil
	default:
	}
	select {
	case rc := <-p.free:
		return rc, nil
	case p.slots <- struct{}{}:
		c, err := p.db.Conn(ctx)
		if err != nil {
			<-p.slots
			return nil, err
		}
		return &readConn{conn: c}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// put gives a connection back; a broken one is closed and its slot freed.
func (p *readerPool) put(rc *readConn, broken bool) {
	if broken {
		rc.stmts.close()
		rc.conn.Close()
		<-p.slots
		return
	}
	p.free <- rc
}

// close closes the idle connections (all of them once no read runs).
func (p *readerPool) close() {
	for {
		select {
		case rc := <-p.free:
			rc.stmts.close()
			rc.conn.Close()
		default:
			return
		}
	}
}
