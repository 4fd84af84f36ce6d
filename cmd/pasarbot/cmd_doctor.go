package main

import (
	"context"
	"fmt"
	"time"

	"pasarbot/bot/ops"
)

func runDoctor(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "doctor", "[--config FILE] [--market ID] [--db FILE] [--device FILE] [--quiet]")
	cf := addConfigFlags(fs)
	df := addDeviceFlags(fs)
	quiet := fs.Bool("quiet", false, "print only what needs fixing (for ExecStartPre and health checks)")
	if err := parseArgs(fs, args, 0); err != nil {
		return err
	}
	base := ops.Deployment{ConfigPath: *cf.config, Now: time.Now()}
	if base.ConfigPath == "" && e.getenv != nil {
		base.ConfigPath = e.getenv("PASARBOT_CONFIG")
	}
	// Without --market every market is checked, each under its id.
	var checks []ops.Deployment
	_, markets, err := cf.markets(e, true)
	if err != nil {
		base.ConfigErr = err
		checks = append(checks, base)
	}
	for _, cfg := range markets {
		d := base
		d.Config, d.DeviceFile = cfg, df.path(cfg)
		checks = append(checks, d)
	}
	if len(markets) > 1 && *df.device != "" {
		return exitError{code: 2, msg: "--device is one market's: add --market ID"}
	}
	failed := 0
	for _, d := range checks {
		if len(markets) > 1 {
			fmt.Fprintf(e.stdout, "market %s (%s)\n", d.Config.Market.ID, d.Config.Market.Name)
		}
		for _, f := range ops.Doctor(ctx, d) {
			if f.Severity == ops.Fail {
				failed++
			}
			if *quiet && f.Severity == ops.OK {
				continue
			}
			fmt.Fprintf(e.stdout, "%-4s %-11s %s\n", f.Severity, f.Check, f.Detail)
			if f.Fix != "" {
				fmt.Fprintf(e.stdout, "     %-11s → %s\n", "", f.Fix)
			}
		}
	}
	if failed > 0 {
		return exitError{code: 1, msg: fmt.Sprintf("%d problem(s) to fix before pasarbot can run here", failed)}
	}
	return nil
}
