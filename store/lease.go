package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
)

// A market on PostgreSQL is served by one process at a time. Its lease is
// a session-level advisory lock taken on the writer connection itself: the
// connection that holds the lease is the only one that writes the market,
// and when it dies PostgreSQL releases the lock with it, so a process that
// lost its connection can neither write nor keep the market from the next.

// LeasePoll is how often a waiting process tries to take a market's lease.
// LeasePing is how often the holder checks its lease connection is alive.
// A takeover after the holder dies takes the time PostgreSQL needs to see
// the connection gone (at once for a killed process, the server's TCP
// keepalive for a machine gone silent) plus at most LeasePoll.
var (
	LeasePoll = 2 * time.Second
	LeasePing = 3 * time.Second
)

// leasePingTimeout bounds one ping: a connection that does not answer in
// time counts as lost.
const leasePingTimeout = 3 * time.Second

// LeaseFence is how long a new holder waits before acting outside the
// database (connecting to WhatsApp with the market's device keys): by then
// a previous holder whose session ended has seen its ping fail and
// stopped. The database needs no such wait: the old holder's writes fail
// from the moment its session ends.
func LeaseFence() time.Duration { return LeasePing + leasePingTimeout + 2*time.Second }

// LeaseKey is the advisory lock key of a market's schema: a stable 64-bit
// hash, the same in every process and every release.
func LeaseKey(schema string) int64 {
	h := fnv.New64a()
	h.Write([]byte("pasarbot market " + schema))
	return int64(h.Sum64())
}

// LeaseHeldError is returned when another process serves the market.
type LeaseHeldError struct {
	Schema string
	Holder string // the holder's application name (host, pid, since), "" when unknown
}

func (e *LeaseHeldError) Error() string {
	who := "another process"
	if e.Holder != "" {
		who = e.Holder
	}
	return fmt.Sprintf("store: market %s is served by %s (it holds the market's lease)", e.Schema, who)
}

// ErrLeaseLost is returned by writes after the lease connection died.
var ErrLeaseLost = errors.New("store: the market's lease was lost (its database connection ended); another process may serve it now")

// Lease is a market's lease, held by the writer connection.
type Lease struct {
	Schema string
	Key    int64
	Holder string    // what `pasarbot status` shows: host, pid, since
	Since  time.Time // when it was taken

	lost     chan struct{}
	lostOnce sync.Once
	done     chan struct{} // stops the watcher
	stopOnce sync.Once
}

// Lease returns the market's lease: nil on SQLite, where the OS lock
// beside the file keeps one writer.
func (db *DB) Lease() *Lease { return db.lease }

// Lost is closed when the lease is lost: the process must stop serving
// the market (stop its WhatsApp client) at once.
func (l *Lease) Lost() <-chan struct{} { return l.lost }

// check returns ErrLeaseLost once the lease is gone; nil for no lease.
func (l *Lease) check() error {
	if l == nil {
		return nil
	}
	select {
	case <-l.lost:
		return ErrLeaseLost
	default:
		return nil
	}
}

// release gives the lease up on conn before it closes, so a standby can
// take the market at once: PostgreSQL ends a closed connection's session
// (and its locks) only a moment after the close.
func (l *Lease) release(conn *sql.Conn) {
	if l == nil || l.check() != nil {
		return
	}
	l.stop()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", l.Key)
}

func (l *Lease) markLost() { l.lostOnce.Do(func() { close(l.lost) }) }

func (l *Lease) stop() { l.stopOnce.Do(func() { close(l.done) }) }

// holderName is the application name the lease connection carries while
// it holds the lease: PostgreSQL keeps it to 63 bytes.
func holderName(since time.Time) string {
	host, _ := os.Hostname()
	if len(host) > 24 {
		host = host[:24]
	}
	return fmt.Sprintf("pasarbot %s pid %d since %s", host, os.Getpid(), since.UTC().Format("0102T150405Z"))
}

// acquireLease takes the advisory lock of schema on conn; when wait, it
// tries every LeasePoll until ctx ends.
func acquireLease(ctx context.Context, conn *sql.Conn, schema string, wait bool) (*Lease, error) {
	key := LeaseKey(schema)
	for {
		var got bool
		if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&got); err != nil {
			return nil, fmt.Errorf("store: take the lease of %s: %w", schema, err)
		}
		if got {
			break
		}
		if !wait {
			return nil, &LeaseHeldError{Schema: schema, Holder: leaseHolder(ctx, conn, key)}
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("store: wait for the lease of %s: %w", schema, ctx.Err())
		case <-time.After(LeasePoll):
		}
	}
	l := &Lease{Schema: schema, Key: key, Since: time.Now(), lost: make(chan struct{}), done: make(chan struct{})}
	l.Holder = holderName(l.Since)
	if _, err := conn.ExecContext(ctx, "SELECT set_config('application_name', $1, false)", l.Holder); err != nil {
		return nil, fmt.Errorf("store: name the lease of %s: %w", schema, err)
	}
	return l, nil
}

// watch pings the lease connection every LeasePing (between write
// transactions) and marks the lease lost when it fails.
func (l *Lease) watch(db *DB) {
	go func() {
		t := time.NewTicker(LeasePing)
		defer t.Stop()
		for {
			select {
			case <-l.done:
				return
			case <-t.C:
			}
			if err := db.pingLease(); err != nil {
				l.markLost()
				return
			}
		}
	}()
}

// writerGone reports whether the writer connection has ended (and with it
// the lease it held).
func (db *DB) writerGone() bool {
	closed := false
	err := db.writeConn.Raw(func(dc any) error {
		if c, ok := dc.(*stdlib.Conn); ok {
			closed = c.Conn().IsClosed()
		}
		return nil
	})
	return closed || err != nil
}

// pingLease runs a trivial statement on the writer connection.
func (db *DB) pingLease() error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), leasePingTimeout)
	defer cancel()
	var one int
	return db.writeConn.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// leaseHolder names the process holding key, "" when it cannot be read.
func leaseHolder(ctx context.Context, conn *sql.Conn, key int64) string {
	var name string
	var pid int
	err := conn.QueryRowContext(ctx, `SELECT a.application_name, a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
		AND ((l.classid::bigint << 32) | l.objid::bigint) = $1`, key).Scan(&name, &pid)
	if err != nil {
		return ""
	}
	return name + " (backend " + strconv.Itoa(pid) + ")"
}
