package main

import (
	"context"
	"fmt"
	"time"

	"pasarbot/bot/ops"
)

func runDoctor(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "doctor", "[--config FILE] [--db FILE] [--device FILE] [--quiet]")
	cf := addConfigFlags(fs)
	df := addDeviceFlags(fs)
	quiet := fs.Bool("quiet", false, "print only what needs fixing (for ExecStartPre and health checks)")
	if err := parseArgs(fs, args, 0); err != nil {
		return err
	}
	d := ops.Deployment{ConfigPath: *cf.config, Now: time.Now()}
	if d.ConfigPath == "" && e.getenv != nil {
		d.ConfigPath = e.getenv("PASARBOT_CONFIG")
	}
	d.Config, d.ConfigErr = cf.load(e)
	if d.Config != nil {
		d.DeviceFile = df.path(d.Config)
	}
	failed := 0
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
	if failed > 0 {
		return exitError{code: 1, msg: fmt.Sprintf("%d problem(s) to fix before pasarbot can run here", failed)}
	}
	return nil
}
