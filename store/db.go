// Package store keeps all of pasarbot's state in one SQLite file: embedded,
// numbered migrations; WAL; one writer connection, a pool of readers.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver (cgo)
	"github.com/rs/zerolog"
)

// DB is an open pasarbot database. Writes go through a single connection
// so write transactions are serialized in-process instead of fighting over
// SQLite's lock; reads use a separate pool and see WAL snapshots.
type DB struct {
	Path   string   // the SQLite file; "" on PostgreSQL
	Schema string   // the market's PostgreSQL schema; "" on SQLite
	d      *dialect // what differs between SQLite and PostgreSQL
	writer *sql.DB
	reader *sql.DB

	// All writes run on one dedicated connection, where prepared statements
	// are cached: SQLite spends more time preparing our short statements
	// than running them. writeMu serializes the write transactions.
	writeMu     sync.Mutex
	writeConn   *sql.Conn
	writerStmts stmtCache
	readers     *readerPool

	lock  *os.File // exclusive OS lock beside the file; nil when read-only or on PostgreSQL
	lease *Lease   // the market's lease, held by the writer connection (PostgreSQL)

	webhookURLs atomic.Pointer[[]string] // receivers of order events (webhooks.go)

	slowWrite atomic.Pointer[slowWriteLog] // where and when slow write transactions are logged
	writeSeq  atomic.Uint64                // write transaction ids, for the slow-write log

	convs convCache // recently committed conversations, kept by the writer (convcache.go)
}

// DefaultSlowWrite is when a write transaction counts as slow. The single
// writer holds every other write while it runs: at the measured 350 µs a
// message, a second is thousands of messages waiting.
const DefaultSlowWrite = time.Second

type slowWriteLog struct {
	log   zerolog.Logger
	after time.Duration
}

// SetSlowWriteLog makes Update warn on log when a write transaction has
// held the writer longer than after, again every after while it still
// runs, and once more when it ends; the lines of one transaction carry the
// same txn_id (go.mau.fi/util dbutil's DoTxn does the same). after <= 0
// turns it off, which is also the default.
func (db *DB) SetSlowWriteLog(log zerolog.Logger, after time.Duration) {
	if after <= 0 {
		db.slowWrite.Store(nil)
		return
	}
	db.slowWrite.Store(&slowWriteLog{log: log, after: after})
}

// slowWatch watches one write transaction. A timer, not a goroutine per
// transaction: nothing runs unless the transaction is slow.
type slowWatch struct {
	cfg   *slowWriteLog
	id    uint64
	start time.Time

	mu    sync.Mutex
	timer *time.Timer
	done  bool
}

func (db *DB) watchWrite() *slowWatch {
	cfg := db.slowWrite.Load()
	if cfg == nil {
		return nil
	}
	w := &slowWatch{cfg: cfg, id: db.writeSeq.Add(1), start: time.Now()}
	w.mu.Lock() // the timer may fire before AfterFunc returns
	w.timer = time.AfterFunc(cfg.after, w.stillRunning)
	w.mu.Unlock()
	return w
}

func (w *slowWatch) stillRunning() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return
	}
	w.cfg.log.Warn().Uint64("txn_id", w.id).Float64("duration_seconds", time.Since(w.start).Seconds()).
		Msg("write transaction still running")
	w.timer.Reset(w.cfg.after)
}

// end stops the watch and logs a transaction that took long, with whether
// it committed.
func (w *slowWatch) end(committed *bool) {
	if w == nil {
		return
	}
	w.mu.Lock()
	w.done = true
	w.timer.Stop()
	w.mu.Unlock()
	if d := time.Since(w.start); d > w.cfg.after {
		w.cfg.log.Warn().Uint64("txn_id", w.id).Float64("duration_seconds", d.Seconds()).Bool("committed", *committed).
			Msg("write transaction took long")
	}
}

// dsn builds the connection string. Pragmas live in the DSN so every pooled
// connection gets them.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_busy_timeout", "5000")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path for writing and
// applies pending migrations. It takes an exclusive OS lock beside the file
// first (LockedError names the holder's PID), and refuses a 0-byte file
// (EmptyFileError) and a database written by a newer pasarbot.
func Open(ctx context.Context, path string) (*DB, error) {
	return open(ctx, path, false)
}

func open(ctx context.Context, path string, allowEmpty bool) (*DB, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	lock, err := lockFile(LockPath(path))
	if err != nil {
		return nil, err
	}
	err = createIfMissing(ctx, path)
	if err != nil {
		if lock != nil {
			lock.Close()
		}
		return nil, err
	}
	db, err := openLocked(ctx, path, allowEmpty)
	if err != nil {
		if lock != nil {
			lock.Close()
		}
		return nil, err
	}
	db.lock = lock
	return db, nil
}

func openLocked(ctx context.Context, path string, allowEmpty bool) (*DB, error) {
	if !allowEmpty {
		if err := checkNotEmpty(path); err != nil {
			return nil, err
		}
	}
	w, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	conn, err := w.Conn(ctx)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db := &DB{Path: path, d: sqliteDialect, writer: w, writeConn: conn}
	if err := db.migrate(ctx); err != nil {
		conn.Close()
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open readers %s: %w", path, err)
	}
	db.reader = r
	db.readers = newReaderPool(r)
	return db, nil
}

// Close closes both connection pools.
func (db *DB) Close() error {
	var errs []error
	db.writerStmts.close()
	if db.readers != nil {
		db.readers.close()
	}
	if db.writeConn != nil {
		db.lease.release(db.writeConn)
		errs = append(errs, db.writeConn.Close())
	}
	if db.reader != nil {
		errs = append(errs, db.reader.Close())
	}
	if db.writer != nil {
		errs = append(errs, db.writer.Close())
	}
	if db.lock != nil {
		errs = append(errs, db.lock.Close()) // releases the lock
		db.lock = nil
	}
	if db.lease != nil {
		db.lease.stop() // the writer connection that held it is closed above
	}
	return errors.Join(errs...)
}

// Tx is one transaction. Store methods that read or change state are
// methods on Tx, so a caller composes several of them atomically.
type Tx struct {
	ctx context.Context
	d   *dialect
	// run is the context statements run with. In write transactions it
	// cannot be cancelled: with a cancellable context the SQLite driver
	// starts a goroutine per statement and database/sql a watcher per
	// query, which cost more than our short statements. The transaction as
	// a whole still ends with ctx: each statement and the commit check it
	// first.
	run   context.Context
	q     querier
	pool  *sql.DB    // the pool q belongs to (failedRow)
	stmts *stmtCache // the connection's prepared statements
	conn  *sql.Conn
	wb    *writeBack // nil in read transactions
	err   error      // a deferred write failed: the transaction must not commit

	webhooks []string // receivers an order event is queued for (write transactions)

	cache *convCache // recently committed conversations (write transactions; convcache.go)
	cw    convWrites // what this transaction did to conversations, for the cache
}

// querier is what a transaction runs statements on: a *sql.Tx for reads,
// the dedicated writer connection (inside BEGIN IMMEDIATE … COMMIT) for
// writes.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Context returns the transaction's context.
func (t *Tx) Context() context.Context { return t.ctx }

// stmt returns the cached prepared statement for query on the writer
// connection; nil for read transactions and when preparing failed (the
// caller then runs the query directly).
func (t *Tx) stmt(query string) *sql.Stmt {
	if t.stmts == nil || t.d.postgres {
		// pgx prepares and caches every statement on its connection itself;
		// a failed prepare would abort PostgreSQL's transaction.
		return nil
	}
	return t.stmts.get(t.run, t.conn, query, t.d)
}

// failedRow returns a Row that fails with ctx's error without touching
// the transaction's connection: statements never run on an ended context
// (pgx gives up a connection whose statement's context ends, and the
// writer connection holds the market's lease), they fail before it. An
// ended context makes database/sql fail before taking a connection.
func (t *Tx) failedRow(ctx context.Context) *sql.Row {
	return t.pool.QueryRowContext(ctx, "SELECT 1")
}

func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	if err := t.flushFor(query); err != nil {
		return nil, err
	}
	return t.execNow(query, args...)
}

// execNow runs a statement without flushing deferred writes first.
func (t *Tx) execNow(query string, args ...any) (sql.Result, error) {
	if err := t.ctx.Err(); err != nil {
		return nil, err
	}
	t.noteStatement(query)
	ctx := t.run
	args = t.d.args(args)
	if st := t.stmt(query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.q.ExecContext(ctx, t.d.sql(query), args...)
}

func (t *Tx) query(query string, args ...any) (*sql.Rows, error) {
	if err := t.flushFor(query); err != nil {
		return nil, err
	}
	if err := t.ctx.Err(); err != nil {
		return nil, err
	}
	t.noteStatement(query)
	ctx := t.run
	args = t.d.args(args)
	if st := t.stmt(query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.q.QueryContext(ctx, t.d.sql(query), args...)
}

func (t *Tx) queryRow(query string, args ...any) *sql.Row {
	if err := t.flushFor(query); err != nil {
		// A Row cannot carry our error: an ended context makes one that
		// fails, and tx.err keeps the cause for the commit to return.
		ctx, cancel := context.WithCancel(t.ctx)
		cancel()
		return t.failedRow(ctx)
	}
	return t.queryRowNow(query, args...)
}

// queryRowNow runs a one-row query without flushing deferred writes first:
// for reads that consult the deferred writes themselves.
func (t *Tx) queryRowNow(query string, args ...any) *sql.Row {
	if t.ctx.Err() != nil {
		return t.failedRow(t.ctx)
	}
	ctx := t.run
	args = t.d.args(args)
	if st := t.stmt(query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.q.QueryRowContext(ctx, t.d.sql(query), args...)
}

// Update runs fn in a write transaction (BEGIN IMMEDIATE on the single
// writer connection) and commits if fn returns nil. This is the only way
// state changes reach the database. The transaction is managed by hand,
// not with database/sql's Tx, so the connection's prepared statements can
// be reused inside it.
func (db *DB) Update(ctx context.Context, fn func(tx *Tx) error) error {
	if db.writeConn == nil {
		return errReadOnly
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	err := db.update(ctx, fn)
	if err != nil && db.lease != nil && db.writerGone() {
		db.lease.markLost() // at once, not at the next ping
	}
	return err
}

// update is Update's transaction; the caller holds writeMu.
func (db *DB) update(ctx context.Context, fn func(tx *Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := db.lease.check(); err != nil {
		return err // another process may be serving the market by now
	}
	committed := false
	defer db.watchWrite().end(&committed) // the time the writer is held, rollback included
	run := context.WithoutCancel(ctx)
	if _, err := db.writeConn.ExecContext(run, db.d.beginWrite); err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if !committed {
			// Also after a panic in fn: never leave the connection in a transaction.
			db.writeConn.ExecContext(context.Background(), "ROLLBACK")
		}
	}()
	// One allocation for the transaction and its deferred writes.
	both := &struct {
		Tx
		wb writeBack
	}{Tx: Tx{ctx: ctx, d: db.d, run: run, q: db.writeConn, pool: db.writer, stmts: &db.writerStmts, conn: db.writeConn, webhooks: db.webhookReceivers()}}
	tx := &both.Tx
	tx.wb = &both.wb
	tx.cache = &db.convs
	commitFailed := false
	defer func() {
		if commitFailed {
			db.convs.clear() // committed or not: unknown
			return
		}
		tx.endConversations(committed)
	}()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.flush(); err != nil {
		return err
	}
	if tx.err != nil {
		return tx.err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	if _, err := db.writeConn.ExecContext(run, "COMMIT"); err != nil {
		commitFailed = true
		return fmt.Errorf("store: commit: %w", err)
	}
	committed = true
	return nil
}

// View runs fn in a read-only transaction on the reader pool: a consistent
// snapshot that never waits for the writer. Like a write transaction it
// runs by hand on one connection, with its prepared statements and without
// a cancel watcher (see Tx.run), checking ctx before each statement.
func (db *DB) View(ctx context.Context, fn func(tx *Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: begin read: %w", err)
	}
	rc, err := db.readers.get(ctx)
	if err != nil {
		return fmt.Errorf("store: begin read: %w", err)
	}
	run := context.WithoutCancel(ctx)
	if _, err := rc.conn.ExecContext(run, db.d.beginRead); err != nil {
		db.readers.put(rc, true)
		return fmt.Errorf("store: begin read: %w", err)
	}
	defer func() {
		// Also after a panic in fn: never leave the connection in a transaction.
		_, err := rc.conn.ExecContext(run, "ROLLBACK")
		db.readers.put(rc, err != nil)
	}()
	return fn(&Tx{ctx: ctx, d: db.d, run: run, q: rc.conn, pool: db.reader, stmts: &rc.stmts, conn: rc.conn})
}

// Maintain checkpoints the WAL and lets SQLite refresh its planner
// statistics; run it from the nightly job.
func (db *DB) Maintain(ctx context.Context) error {
	if db.writeConn == nil {
		return errReadOnly
	}
	if db.d.postgres {
		return nil // autovacuum keeps PostgreSQL's tables and statistics
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if _, err := db.writeConn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("store: checkpoint: %w", err)
	}
	if _, err := db.writeConn.ExecContext(ctx, "PRAGMA optimize"); err != nil {
		return fmt.Errorf("store: optimize: %w", err)
	}
	return nil
}

// IntegrityCheck runs PRAGMA integrity_check and returns its verdict ("ok").
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var s string
	if db.d.postgres {
		return "", errSQLiteOnly("the integrity check", "PostgreSQL checks its own pages (data checksums, the amcheck extension)")
	}
	if db.writeConn == nil {
		err := db.reader.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&s)
		return s, err
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	err := db.writeConn.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&s)
	return s, err
}
