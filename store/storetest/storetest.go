// Package storetest gives tests a PostgreSQL market: a fresh schema on the
// server named by PASARBOT_TEST_POSTGRES, dropped when the test ends.
// Only tests import it.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"pasarbot/store"
)

// EnvVar names the test PostgreSQL's connection URL.
const EnvVar = "PASARBOT_TEST_POSTGRES"

// HowToStart is what a skipped test says.
const HowToStart = EnvVar + ` is not set: PostgreSQL tests skipped. Start a throwaway server, e.g.
  initdb -D /tmp/pg -U postgres --auth=trust --locale=C -E UTF8 && pg_ctl -D /tmp/pg -o '-p 55432 -k /tmp' -l /tmp/pg.log start
  export ` + EnvVar + `=postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable
(as a non-root user; see README "Tests on PostgreSQL")`

// URL returns the test PostgreSQL's URL. Unset, the test is skipped, or
// fails under CI=true, where the PostgreSQL tests must run.
func URL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv(EnvVar)
	if u == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal(EnvVar + " is not set under CI=true: .ci/run starts a PostgreSQL for the tests")
		}
		tb.Skip(HowToStart)
	}
	return u
}

// Schema returns a fresh schema name, dropped with all it holds when the
// test ends. The schema itself is created by whoever opens it first.
func Schema(tb testing.TB) (url, schema string) {
	tb.Helper()
	url = URL(tb)
	b := make([]byte, 6)
	rand.Read(b)
	schema = "t_" + hex.EncodeToString(b)
	tb.Cleanup(func() { Drop(tb, url, schema) })
	return url, schema
}

// Drop drops schema and everything in it.
func Drop(tb testing.TB, url, schema string) {
	tb.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		tb.Error(err)
		return
	}
	defer db.Close()
	if _, err := db.ExecContext(context.Background(), "DROP SCHEMA IF EXISTS "+schema+" CASCADE"); err != nil {
		tb.Errorf("drop schema %s: %v", schema, err)
	}
}

// Open opens a fresh market schema for writing, closed when the test ends
// (before its schema is dropped).
func Open(tb testing.TB) *store.DB {
	tb.Helper()
	url, schema := Schema(tb)
	db, err := store.OpenPostgres(context.Background(), url, schema)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// Tables counts the tables whose names start with prefix: in schema, and
// in every other schema.
func Tables(tb testing.TB, url, schema, prefix string) (in, elsewhere int) {
	tb.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRowContext(context.Background(), `SELECT
		COUNT(*) FILTER (WHERE table_schema = $1), COUNT(*) FILTER (WHERE table_schema <> $1)
		FROM information_schema.tables WHERE starts_with(table_name, $2)`, schema, prefix).Scan(&in, &elsewhere); err != nil {
		tb.Fatal(err)
	}
	return in, elsewhere
}
