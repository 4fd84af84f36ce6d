package store

import (
	"strconv"
	"strings"
	"sync"
)

// dialect is what differs between the two databases a market can live in.
// The store's queries are written once, with SQLite's `?` placeholders and
// constructs both databases accept (ON CONFLICT … DO NOTHING/UPDATE,
// RETURNING); the few statements that cannot be shared are fields here.
type dialect struct {
	name       string // database/sql driver name: "sqlite3" or "pgx"
	postgres   bool
	beginWrite string // starts the writer's transaction
	beginRead  string // starts a reader's snapshot
	// jsonTexts is a table of the elements of a JSON array parameter as
	// text, in a column named value.
	jsonTexts string
	// markBatch marks the [message id, processed at] pairs of a JSON
	// array parameter processed.
	markBatch string
	// inboxKindGroup reads a message's kind and is_group from its JSON payload.
	inboxKindGroup string
	// migrations is the folder of the embedded migrations.
	migrations string
	// schemaVersionTable creates the table of applied migrations.
	schemaVersionTable string
	// compatColumnCount is 1 when schema_version has its compat column.
	compatColumnCount string

	rebound sync.Map // query text → its PostgreSQL form
}

var sqliteDialect = &dialect{
	name:           "sqlite3",
	beginWrite:     "BEGIN IMMEDIATE",
	beginRead:      "BEGIN",
	jsonTexts:      "json_each(?)",
	markBatch:      `UPDATE inbox SET processed_at = m.value ->> 1 FROM json_each(?) AS m WHERE inbox.message_id = m.value ->> 0`,
	inboxKindGroup: `COALESCE(json_extract(payload, '$.kind'), ''), COALESCE(json_extract(payload, '$.is_group'), 0)`,
	migrations:     "migrations",
	schemaVersionTable: `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))`,
	compatColumnCount: `SELECT COUNT(*) FROM pragma_table_info('schema_version') WHERE name = 'compat'`,
}

var postgresDialect = &dialect{
	name:     "pgx",
	postgres: true,
	// The writer is the only connection that writes a market's schema (it
	// holds the market's lease), so READ COMMITTED cannot lose an update.
	beginWrite: "BEGIN",
	beginRead:  "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
	jsonTexts:  "json_array_elements_text(CAST(? AS json))",
	markBatch: `UPDATE inbox SET processed_at = m.value ->> 1 FROM json_array_elements(CAST(? AS json)) AS m
	WHERE inbox.message_id = m.value ->> 0`,
	inboxKindGroup: `COALESCE(CAST(payload AS json) ->> 'kind', ''),
		CASE WHEN CAST(payload AS json) ->> 'is_group' = 'true' THEN 1 ELSE 0 END`,
	migrations: "migrations/postgres",
	schemaVersionTable: `CREATE TABLE IF NOT EXISTS schema_version (
		version BIGINT PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
		compat BIGINT NOT NULL DEFAULT 0)`,
	compatColumnCount: `SELECT COUNT(*) FROM pg_attribute
		WHERE attrelid = to_regclass('schema_version') AND attname = 'compat' AND NOT attisdropped`,
}

// sql returns query in the dialect's placeholder style: unchanged for
// SQLite, `$1, $2, …` for PostgreSQL (remembered per query text, so the
// fixed statements are rewritten once).
func (d *dialect) sql(query string) string {
	if !d.postgres {
		return query
	}
	if q, ok := d.rebound.Load(query); ok {
		return q.(string)
	}
	q := rebind(query)
	if !strings.Contains(query, ",?") { // the variable-length IN lists are not kept (see stmtCache)
		d.rebound.Store(query, q)
	}
	return q
}

// args converts arguments PostgreSQL would refuse: a Go bool into an
// integer column (SQLite stores booleans as 0/1, and so do our columns).
func (d *dialect) args(args []any) []any {
	if !d.postgres {
		return args
	}
	var out []any // a copy, made at the first bool: the caller's slice stays as it was
	for i, a := range args {
		if b, ok := a.(bool); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = boolInt(b)
		}
	}
	if out == nil {
		return args
	}
	return out
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// rebind turns SQLite's placeholders into PostgreSQL's, leaving quoted
// text alone, with SQLite's numbering: `?NNN` is parameter NNN, a bare `?`
// the one after the highest so far. (A `?` before a digit must not become
// `$1` followed by that digit, which PostgreSQL would read as `$10`.)
// Numbers SQLite refuses (over 32766) stay as written, for both to refuse.
func rebind(query string) string {
	var b strings.Builder
	b.Grow(len(query) + 16)
	highest := 0
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			n := highest + 1
			if j > i+1 {
				var err error
				if n, err = strconv.Atoi(query[i+1 : j]); err != nil || n < 1 || n > maxSQLiteParam {
					b.WriteString(query[i:j])
					i = j - 1
					continue
				}
			}
			highest = max(highest, n)
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			i = j - 1
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// maxSQLiteParam is the highest parameter number SQLite accepts.
const maxSQLiteParam = 32766
