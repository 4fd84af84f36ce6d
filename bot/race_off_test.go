//go:build !race

package bot_test

// raceEnabled: the race detector slows every dialog several times over.
const raceEnabled = false
