package main

import (
	"context"
	"fmt"

	"pasarbot/bot/config"
	"pasarbot/bot/sim"
)

func runDemo(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "demo", "[-v]")
	verbose := fs.Bool("v", false, "log the market's work to stderr")
	if err := parseArgs(fs, args, 0); err != nil {
		return err
	}
	// The script is written for the built-in market, so --config and
	// $PASARBOT_CONFIG do not apply; the database is a temporary file.
	cfg := config.Default()
	header := fmt.Sprintf("pasarbot demo — satu pagi di %s (simulasi, tanpa WhatsApp)", cfg.Market.Name)
	return play(ctx, e, cfg, "", sim.Demo(), playOptions{verbose: *verbose, narrate: true, header: header})
}
