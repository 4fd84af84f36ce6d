package sim

import (
	"bytes"
	_ "embed"
)

// demoScript is the market morning `pasarbot demo` plays.
//
//go:embed demo.txt
var demoScript []byte

// DemoName is how the demo script is named in messages.
const DemoName = "demo.txt"

// Demo returns the built-in demo script, written for the default
// configuration's market (config.Default).
func Demo() *Script {
	s, err := Parse(DemoName, bytes.NewReader(demoScript))
	if err != nil {
		panic("sim: embedded demo script: " + err.Error()) // a test keeps it parseable
	}
	return s
}
