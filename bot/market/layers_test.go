package market_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// layer is where a package sits in the placement rule of the README
// ("Where code lives"): imports point to the same layer or lower, and
// adapters never import each other.
type layer int

const (
	domain  layer = iota // the market's rules, standard library only
	engine               // the conversation and its ports, over the domain
	adapter              // implements the engine's ports: SQL, whatsmeow
	wiring               // builds and runs the rest; holds no rules of its own
)

var layers = map[string]layer{
	"catalog": domain, "orders": domain, "orders/qris": domain,
	"bot": engine, "bot/parse": engine, "bot/hours": engine, "bot/command": engine, "bot/config": engine, "bot/qrpng": engine,
	"store": adapter, "bot/whatsapp": adapter,
	"bot/market": wiring, "bot/ops": wiring, "bot/charts": wiring, "bot/sim": wiring, "bot/sim/simtest": wiring, "cmd/pasarbot": wiring,
	"store/storetest": wiring,
}

var layerNames = []string{"domain", "engine", "adapter", "wiring"}

// TestPlacementRule reads every package's non-test imports: each package
// has a layer, and none imports upwards (or across adapters). A new
// package fails here until it is placed.
func TestPlacementRule(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	imports := map[string]map[string]bool{}
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		if imports[pkg] == nil {
			imports[pkg] = map[string]bool{}
		}
		for _, is := range f.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			if q, ok := strings.CutPrefix(p, "pasarbot/"); ok {
				imports[pkg][q] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < len(layers) {
		t.Fatalf("found %d packages, the rule names %d: is the walk rooted at the module?", len(imports), len(layers))
	}
	for pkg, imps := range imports {
		l, ok := layers[pkg]
		if !ok {
			t.Errorf("%s has no layer: place it in the README's rule and here", pkg)
			continue
		}
		for imp := range imps {
			il, ok := layers[imp]
			if !ok {
				continue // reported as its own package
			}
			if il > l || il == l && l == adapter {
				t.Errorf("%s (%s) imports %s (%s)", pkg, layerNames[l], imp, layerNames[il])
			}
		}
	}
}
