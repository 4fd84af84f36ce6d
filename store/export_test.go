package store

import "database/sql"

// Test hooks: raw SQL inside a transaction, for tests that poke at the schema.

func QueryRowForTest(t *Tx, q string, args ...any) *sql.Row        { return t.queryRow(q, args...) }
func ExecForTest(t *Tx, q string, args ...any) (sql.Result, error) { return t.exec(q, args...) }

func QueryForTest(t *Tx, q string, args ...any) (*sql.Rows, error) { return t.query(q, args...) }
