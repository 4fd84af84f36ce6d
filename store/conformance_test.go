package store_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// The conformance suite: the store's tests, run a second time against
// PostgreSQL. Each test opens its database with MustOpen, which gives a
// fresh PostgreSQL schema to the tests run under TestOnPostgres.
var onBothBackends = []struct {
	name string
	fn   func(*testing.T)
}{
	{"TestBotStore", TestBotStore},
	{"TestSyncGroups", TestSyncGroups},
	{"TestBindGroupChat", TestBindGroupChat},
	{"TestReplaceProducts", TestReplaceProducts},
	{"TestSetPrice", TestSetPrice},
	{"TestSetAvailable", TestSetAvailable},
	{"TestPriceChangesWindow", TestPriceChangesWindow},
	{"TestConversation", TestConversation},
	{"TestCouriers", TestCouriers},
	{"TestJob", TestJob},
	{"TestClaimJob", TestClaimJob},
	{"TestInbox", TestInbox},
	{"TestConcurrentWriters", TestConcurrentWriters},
	{"TestOrder", TestOrder},
	{"TestOrderLists", TestOrderLists},
	{"TestOffers", TestOffers},
	{"TestRatingsAndComplaints", TestRatingsAndComplaints},
	{"TestOutboxPriorityAndDeadLetters", TestOutboxPriorityAndDeadLetters},
	{"TestOutbox", TestOutbox},
	{"TestPayments", TestPayments},
	{"TestBlocked", TestBlocked},
	{"TestLogAdmin", TestLogAdmin},
	{"TestPrune", TestPrune},
	{"TestSetting", TestSetting},
	{"TestTimers", TestTimers},
	{"TestJobRuns", TestJobRuns},
	{"TestWriteTransactionKeepsItsDeadline", TestWriteTransactionKeepsItsDeadline},
	{"TestDeferredWritesAreSeenAndWrittenOnce", TestDeferredWritesAreSeenAndWrittenOnce},
	{"TestDeferredMarkOfUnknownMessageFailsTheCommit", TestDeferredMarkOfUnknownMessageFailsTheCommit},
	{"TestMigrationsBothWays", TestMigrationsBothWays},
	{"TestSlowWriteLog", TestSlowWriteLog},
}

// sqliteOnly are the tests that use MustOpen but test SQLite itself, with why.
var sqliteOnly = map[string]string{
	"TestCheckBackup":                      "VACUUM INTO backups of the file; PostgreSQL markets use pg_dump -n",
	"TestWriteStatementsStartNoGoroutine":  "go-sqlite3's per-statement goroutine; pgx watches the context its own way",
	"TestReadTransactionsStartNoGoroutine": "go-sqlite3's per-statement goroutine",
	"TestReaderPoolUnderConcurrency":       "opens the SQLite file read-only beside the writer",
	"TestConversationCache":                "writes the SQLite file behind the store and reopens it by path; the cache's code is the same on both backends",
}

func onPostgres(tb testing.TB) bool { return strings.HasPrefix(tb.Name(), "TestOnPostgres/") }

// TestOnPostgres runs the conformance suite against PostgreSQL.
func TestOnPostgres(t *testing.T) {
	for _, c := range onBothBackends {
		t.Run(c.name, c.fn)
	}
}

// TestConformanceSuiteIsComplete keeps the suite whole: every test that
// opens a database with MustOpen runs on both backends or says why not.
func TestConformanceSuiteIsComplete(t *testing.T) {
	listed := map[string]bool{}
	for _, c := range onBothBackends {
		listed[c.name] = true
	}
	files, _ := filepath.Glob("*_test.go")
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || !strings.HasPrefix(fn.Name.Name, "Test") || fn.Recv != nil {
				continue
			}
			usesMustOpen := false
			ast.Inspect(fn, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Name == "MustOpen" {
					usesMustOpen = true
				}
				return true
			})
			name := fn.Name.Name
			if usesMustOpen && !listed[name] && sqliteOnly[name] == "" {
				t.Errorf("%s (%s) opens a database with MustOpen but is neither in onBothBackends nor in sqliteOnly", name, f)
			}
		}
	}
}
