package main

import (
	"context"
	"fmt"
	"os"

	"pasarbot/bot/qrpng"
	"pasarbot/orders/qris"
)

// runQris lets an operator test the merchant's QRIS before going live:
// --check explains a payload field by field; --static with --amount prints
// the dynamic payload pasarbot would send (and draws it with --png).
func runQris(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "qris", "--static PAYLOAD --amount RUPIAH [--png FILE] | --check PAYLOAD")
	static := fs.String("static", "", "the merchant's static QRIS payload (the text inside the printed code)")
	amountText := fs.String("amount", "", "amount in rupiah: 47500, or with decimals 47500.50")
	pngPath := fs.String("png", "", "also write the dynamic code as a PNG image to this file")
	check := fs.String("check", "", "explain this payload field by field and validate it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *check != "" && *static == "":
		out := qris.Explain(*check)
		fmt.Fprint(e.stdout, out)
		if _, err := qris.Parse(*check); err != nil {
			return exitError{code: 1}
		}
		return nil
	case *static != "" && *amountText != "" && *check == "":
		p, err := qris.ParseStatic(*static)
		if err != nil {
			return err
		}
		amount, err := qris.ParseAmount(*amountText)
		if err != nil {
			return err
		}
		payload, err := qris.Dynamic(p, amount)
		if err != nil {
			return err
		}
		if *pngPath != "" {
			pic, err := qrpng.Encode(payload)
			if err != nil {
				return err
			}
			if err := os.WriteFile(*pngPath, pic, 0o644); err != nil {
				return err
			}
		}
		fmt.Fprintln(e.stdout, payload)
		return nil
	}
	fs.Usage()
	return errUsage
}
