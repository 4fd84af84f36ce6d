package store

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestRebind(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"UPDATE t SET a = ? WHERE b = ? AND c = ?", "UPDATE t SET a = $1 WHERE b = $2 AND c = $3"},
		{"SELECT '?' , \"a?\" FROM t WHERE x = ?", "SELECT '?' , \"a?\" FROM t WHERE x = $1"},
		{"SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"},
		{"IN (?,?,?)", "IN ($1,$2,$3)"},
	} {
		if got := rebind(c.in); got != c.want {
			t.Errorf("rebind(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzRebind: every `?` outside quotes becomes the next $n, in order, and
// nothing else changes.
func FuzzRebind(f *testing.F) {
	f.Add("SELECT ? FROM t WHERE a = '?' AND b = ?")
	f.Add(`"?"'?'??`)
	f.Fuzz(func(t *testing.T, q string) {
		if strings.Contains(q, "$") {
			return // the check below reads $n back
		}
		got := rebind(q)
		n := 0
		back := placeholder.ReplaceAllStringFunc(got, func(p string) string {
			n++
			if p != "$"+strconv.Itoa(n) {
				t.Fatalf("rebind(%q) = %q: placeholder %s where $%d was due", q, got, p, n)
			}
			return "?"
		})
		if back != q {
			t.Fatalf("rebind(%q) = %q changed more than the placeholders", q, got)
		}
	})
}

var placeholder = regexp.MustCompile(`\$[0-9]+`)

// TestMigrationsMatchAcrossDialects: both dialects have the same numbered
// migrations with the same compatibility.
func TestMigrationsMatchAcrossDialects(t *testing.T) {
	lite, err := migrationsOf(sqliteDialect)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := migrationsOf(postgresDialect)
	if err != nil {
		t.Fatal(err)
	}
	if len(lite) != len(pg) {
		t.Fatalf("%d SQLite migrations, %d PostgreSQL ones", len(lite), len(pg))
	}
	for i := range lite {
		if lite[i].name != pg[i].name || lite[i].compat != pg[i].compat {
			t.Errorf("migration %d: SQLite %s (compatible with v%d+), PostgreSQL %s (v%d+)",
				i+1, lite[i].name, lite[i].compat, pg[i].name, pg[i].compat)
		}
	}
}
