package main

import (
	"context"
	"fmt"
)

// notYet is the honest answer of a command whose feature has not landed.
func notYet(name, issue string) func(context.Context, env, []string) error {
	return func(ctx context.Context, e env, args []string) error {
		return exitError{code: 3, msg: fmt.Sprintf("not yet available (%s)", issue)}
	}
}

var ()
