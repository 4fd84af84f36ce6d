package store

import "database/sql"

// Test hooks: raw SQL inside a transaction, for tests that poke at the schema.

func QueryRowForTest(t *Tx, q string, args ...any) *sql.Row        { return t.queryRow(q, args...) }
func ExecForTest(t *Tx, q string, args ...any) (sql.Result, error) { return t.exec(q, args...) }

func QueryForTest(t *Tx, q string, args ...any) (*sql.Rows, error) { return t.query(q, args...) }

// The conversation cache (convcache.go), for its tests.

func CachedStateForTest(db *DB, chat string) (string, bool) {
	row, ok := db.convs.get(chat)
	return row.state, ok
}
func ConvCacheLenForTest(db *DB) int { return db.convs.len() }

// SetConvCacheMaxForTest bounds the cache to about n conversations like the test's.
func SetConvCacheMaxForTest(db *DB, n int) { db.convs.max = n * 300 }
