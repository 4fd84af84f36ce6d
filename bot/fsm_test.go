package bot

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// Every state can be left by cancelling (or, in handover, by the admin)
// and by the clock, and every state is reachable from idle.
func TestTransitionTable(t *testing.T) {
	t.Run("EveryStateHasAnExit", func(t *testing.T) {
		for _, s := range States {
			exit := EvCancel
			if s == StateHandover {
				exit = EvHandoverEnd
			}
			tr, err := Next(s, exit)
			if err != nil {
				t.Errorf("%s: no exit on %s: %v", s, exit, err)
				continue
			}
			if tr.To != Form {
				t.Errorf("%s on %s goes to %s, want the order form's next step", s, exit, tr.To)
			}
		}
	})
	t.Run("EveryStateTakesText", func(t *testing.T) {
		for _, s := range States {
			if _, err := Next(s, EvText); err != nil {
				t.Errorf("%s does not take free text: %v", s, err)
			}
		}
	})
	t.Run("AnyTimeIntentsEverywhere", func(t *testing.T) {
		for _, s := range States {
			if s == StateHandover {
				continue
			}
			for _, ev := range []Event{EvCancel, EvHelp, EvStatus, EvMenu, EvOrderCmd, EvHandover, EvQuestion, EvItems, EvFinish} {
				if _, err := Next(s, ev); err != nil {
					t.Errorf("%s does not take %s: %v", s, ev, err)
				}
			}
		}
	})
	t.Run("NoUnreachableStates", func(t *testing.T) {
		seen := map[State]bool{StateIdle: true}
		for changed := true; changed; {
			changed = false
			for _, tr := range transitions {
				from := []State{tr.From}
				if tr.From == Any || tr.From == Form {
					from = States
				}
				var to []State
				switch tr.To {
				case Same:
				case Form:
					for s := range formStates {
						to = append(to, s)
					}
				default:
					to = []State{tr.To}
				}
				for _, f := range from {
					if !seen[f] {
						continue
					}
					for _, s := range to {
						if !seen[s] {
							seen[s] = true
							changed = true
						}
					}
				}
			}
		}
		for _, s := range States {
			if !seen[s] {
				t.Errorf("state %s is unreachable from idle", s)
			}
		}
	})
	t.Run("EveryActionExists", func(t *testing.T) {
		for _, tr := range transitions {
			if _, ok := buyerActions[tr.Action]; !ok {
				t.Errorf("%s/%s: no action %q", tr.From, tr.On, tr.Action)
			}
		}
	})
	t.Run("StateRowsWinOverFormAndAny", func(t *testing.T) {
		tr, err := Next(StateAddress, EvText)
		if err != nil || tr.Action != "take_address" {
			t.Fatalf("Next(address, text) = %+v, %v", tr, err)
		}
		tr, err = Next(StateCart, EvText)
		if err != nil || tr.Action != "fallback" || tr.To != Form {
			t.Fatalf("Next(cart, text) = %+v, %v", tr, err)
		}
		tr, err = Next(StateConfirm, EvIdle)
		if err != nil || tr.Action != "remind_idle" {
			t.Fatalf("Next(confirm, idle) = %+v, %v", tr, err)
		}
	})
	t.Run("HandoverTakesOnlyItsRows", func(t *testing.T) {
		if _, err := Next(StateHandover, EvItems); err == nil {
			t.Fatal("handover took items; a human is talking")
		}
	})
	t.Run("FormStepsAreFormStates", func(t *testing.T) {
		c := &Conversation{}
		for _, r := range []formRules{{}, {selfPickup: true}, {choosePayment: true}} {
			if s := formStep(c, r); !formStates[s] {
				t.Errorf("formStep = %s", s)
			}
		}
	})
}

// docs/states.md shows the table; keep it in step with the code.
func TestStatesDocMentionsEveryRow(t *testing.T) {
	b, err := os.ReadFile("../docs/states.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), RenderTable()) {
		t.Error("docs/states.md is out of date: run `go run ./cmd/pasarbot states > docs/states.md`")
	}
}

// isConversation tells the expressions this package names conversations
// by (c, conv, b.conv) from other values with a State (payments, jobs).
func isConversation(x ast.Expr) bool {
	switch v := x.(type) {
	case *ast.Ident:
		return v.Name == "c" || v.Name == "conv"
	case *ast.SelectorExpr:
		return v.Sel.Name == "conv"
	}
	return false
}

// The table is the truth only if nothing else moves a conversation: the
// one assignment to a conversation's State is in step.
func TestOnlyStepAssignsState(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range pkgs {
		for name, f := range pkg.Files {
			for _, d := range f.Decls {
				fn, ok := d.(*ast.FuncDecl)
				if !ok || fn.Body == nil {
					continue
				}
				ast.Inspect(fn.Body, func(n ast.Node) bool {
					as, ok := n.(*ast.AssignStmt)
					if !ok {
						return true
					}
					for _, l := range as.Lhs {
						if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "State" && isConversation(sel.X) && fn.Name.Name != "step" {
							t.Errorf("%s: %s assigns a conversation's State; only step may", fset.Position(as.Pos()), name)
						}
					}
					return true
				})
			}
		}
	}
}
