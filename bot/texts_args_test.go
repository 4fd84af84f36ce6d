package bot

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// verbRe finds the formatting verbs of a message text: "%s", "%[2]s", "%d".
var verbRe = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

// argsWanted is how many arguments a text's verbs use.
func argsWanted(s string) int {
	n, next := 0, 0
	for _, m := range verbRe.FindAllStringSubmatch(s, -1) {
		if strings.HasSuffix(m[0], "%") {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		} else {
			next++
		}
		n = max(n, next)
	}
	return n
}

// Every call of a message text passes exactly the arguments its verbs use,
// in both languages: a missing one shows the buyer "%!s(MISSING)".
func TestTextCallsMatchTheirVerbs(t *testing.T) {
	for key, pair := range messages {
		if a, b := argsWanted(pair[0]), argsWanted(pair[1]); a != b {
			t.Errorf("%s: Indonesian uses %d arguments, English %d", key, a, b)
		}
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	calls := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || call.Ellipsis.IsValid() {
				return true
			}
			keyAt := -1
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				if fn.Sel.Name == "t" {
					keyAt = 0
				}
			case *ast.Ident:
				if fn.Name == "text" {
					keyAt = 1
				}
			}
			if keyAt < 0 || len(call.Args) <= keyAt {
				return true
			}
			lit, ok := call.Args[keyAt].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			pair, ok := messages[key]
			if !ok {
				t.Errorf("%s: no text %q", fset.Position(call.Pos()), key)
				return true
			}
			calls++
			if got, want := len(call.Args)-keyAt-1, argsWanted(pair[0]); got != want {
				t.Errorf("%s: %q gets %d arguments, its text uses %d", fset.Position(call.Pos()), key, got, want)
			}
			return true
		})
	}
	if calls < 100 {
		t.Fatalf("found only %d calls of message texts; the scan is broken", calls)
	}
}
