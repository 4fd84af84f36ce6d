package store

import (
	"fmt"
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
		{"?0 ?2 ? ?1", "?0 $2 $3 $1"}, // SQLite's numbering; ?0 is refused by both
	} {
		if got := rebind(c.in); got != c.want {
			t.Errorf("rebind(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzRebind: rebind keeps the text outside placeholders and numbers the
// placeholders as SQLite does (placeholders reads both forms).
func FuzzRebind(f *testing.F) {
	f.Add("SELECT ? FROM t WHERE a = '?' AND b = ?")
	f.Add(`"?"'?'??`)
	f.Add("?0 ?2 ? ?1")
	f.Fuzz(func(t *testing.T, q string) {
		if strings.Contains(q, "$") {
			return // $ in the input would read as a placeholder in the output
		}
		got := rebind(q)
		inText, inNums := placeholders(q, '?')
		outText, outNums := placeholders(got, '$')
		if inText != outText {
			t.Fatalf("rebind(%q) = %q changed more than the placeholders", q, got)
		}
		if fmt.Sprint(inNums) != fmt.Sprint(outNums) {
			t.Fatalf("rebind(%q) = %q: parameters %v, SQLite's are %v", q, got, outNums, inNums)
		}
	})
}

// placeholders splits a query into its text without placeholders (quoted
// text kept whole) and the parameter numbers of its placeholders, which
// start with mark: for '?' by SQLite's rule (?NNN is NNN, a bare ? one more
// than the highest so far), for '$' as written. A number out of SQLite's
// range is text.
func placeholders(q string, mark byte) (string, []int) {
	var text strings.Builder
	var nums []int
	highest, quote := 0, byte(0)
	for i := 0; i < len(q); i++ {
		c := q[i]
		if quote == 0 && c == mark {
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			n, err := strconv.Atoi(q[i+1 : j])
			switch {
			case j == i+1 && mark == '?':
				n, err = highest+1, nil
			case err != nil || n < 1 || n > maxSQLiteParam:
				text.WriteString(q[i:j])
				i = j - 1
				continue
			}
			highest = max(highest, n)
			nums = append(nums, n)
			text.WriteByte(0) // where a placeholder stood
			i = j - 1
			continue
		}
		if quote != 0 && c == quote {
			quote = 0
		} else if quote == 0 && (c == '\'' || c == '"') {
			quote = c
		}
		text.WriteByte(c)
	}
	return text.String(), nums
}

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

// A market's schema name is used unquoted (SQL, search_path, pg_dump -n):
// only plain lower-case identifiers pass.
func TestSchemaNames(t *testing.T) {
	for name, ok := range map[string]bool{
		"pasar_kahayan": true, "_x": true, "p2": true, strings.Repeat("a", 63): true,
		"": false, "2pasar": false, "Pasar": false, "pasar-baru": false, "a;DROP": false,
		`"x"`: false, strings.Repeat("a", 64): false,
	} {
		if err := checkSchemaName(name); (err == nil) != ok {
			t.Errorf("checkSchemaName(%q) = %v, want ok %v", name, err, ok)
		}
	}
}
