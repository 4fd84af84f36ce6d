package sim_test

import (
	"path/filepath"
	"testing"

	"pasarbot/bot/config"
)

// TestQRISScripts plays testdata/scripts/qris/*.txt on the market its
// config.yaml describes (QRIS, pay first): paid, expired unpaid, and a
// partial rejection of a paid order → refund → refund closed.
func TestQRISScripts(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "scripts", "qris")
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) < 3 {
		t.Fatalf("want the QRIS scripts in %s: %v %v", dir, paths, err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			t.Parallel()
			cfg, err := config.Load(filepath.Join(dir, "config.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			playRealWith(t, parseScriptFile(t, p), cfg)
		})
	}
}
