package main

import (
	"context"
	"errors"
	"fmt"

	"pasarbot/bot/whatsapp"
)

func runLogout(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "logout", "[--config FILE] [--market ID] [--db FILE] [--device FILE]")
	cf := addConfigFlags(fs)
	df := addDeviceFlags(fs)
	if err := parseArgs(fs, args, 0); err != nil {
		return err
	}
	cfg, err := cf.load(e)
	if err != nil {
		return err
	}
	log := newLogger(cfg, e.stderr)
	ctx = log.WithContext(ctx)

	dev, err := openDevice(ctx, cfg, df.path(cfg), log)
	if err != nil {
		return err
	}
	path := dev.Path()
	defer dev.Close()
	wa := whatsapp.New(dev, nil, whatsapp.OptionsFromConfig(cfg.WhatsApp, log))
	defer wa.Disconnect()
	switch err := wa.Logout(ctx); {
	case errors.Is(err, whatsapp.ErrNotPaired):
		fmt.Fprintf(e.stdout, "%s holds no linked device; nothing to unlink.\n", path)
		return nil
	case err != nil:
		return fmt.Errorf("%w\nWithout WhatsApp's servers: on the market phone open WhatsApp → Linked devices, "+
			"tap pasarbot → Log out, then delete %s", err, path)
	}
	fmt.Fprintf(e.stdout, "Unlinked from the market phone; %s no longer holds its keys.\n", path)
	return nil
}
