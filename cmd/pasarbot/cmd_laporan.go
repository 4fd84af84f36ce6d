package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"pasarbot/bot/config"
	"pasarbot/bot/ops"
	"pasarbot/catalog"
	"pasarbot/store"
)

// runLaporan writes reports; `laporan harga` is the daily price list a
// local trade office (Disperindag) collects, `laporan grafik` the daily
// report's charts (PNG) and the numbers behind them (CSV).
func runLaporan(ctx context.Context, e env, args []string) error {
	const usage = "Usage: pasarbot laporan harga|grafik [--config FILE] [--market ID|all] [--db FILE] [--date YYYY-MM-DD] [--out DIR (grafik)]"
	if len(args) == 0 || (args[0] != "harga" && args[0] != "grafik") {
		fmt.Fprintln(e.stderr, usage)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return errUsage
	}
	what := args[0]
	fs := newFlags(e, "laporan "+what, "[--config FILE] [--market ID|all] [--db FILE] [--date YYYY-MM-DD]")
	cf := addConfigFlags(fs)
	date := fs.String("date", "", "market day (default: today in the market's time zone)")
	out := fs.String("out", "", "grafik: directory for the PNG and CSV files (default: "+ops.ReportDir+" next to the database)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	// --market all: every market in one file, with a market column (the
	// Disperindag's view of its markets); each market's day is its own
	// time zone's.
	all := *cf.market == config.AllMarkets
	_, markets, err := cf.markets(e, false)
	if err != nil {
		return err
	}
	if what == "grafik" {
		for _, cfg := range markets {
			dir := *out
			switch {
			case dir != "" && all:
				dir = filepath.Join(dir, cfg.Market.ID)
			case dir == "":
				dir = ops.ResolveDir(ops.ReportDir, cfg.Database.Path)
			}
			day, err := reportDay(*date, cfg.Location())
			if err != nil {
				return err
			}
			files, err := writeReportCharts(ctx, cfg, dir, day.Format("2006-01-02"), cfg.Location())
			for _, f := range files {
				fmt.Fprintln(e.stdout, f)
			}
			if err != nil {
				return fmt.Errorf("market %s: %w", cfg.Market.ID, err)
			}
		}
		return nil
	}
	w := csv.NewWriter(e.stdout)
	header := []string{"date", "sku", "name", "unit", "price", "previous_price", "change", "available", "changed_by"}
	if all {
		header = append([]string{"market", "market_name"}, header...)
	}
	w.Write(header)
	for _, cfg := range markets {
		day, err := reportDay(*date, cfg.Location())
		if err != nil {
			return err
		}
		rows, err := marketPrices(ctx, cfg, day)
		if err != nil {
			return fmt.Errorf("market %s: %w", cfg.Market.ID, err)
		}
		for _, r := range rows {
			prev := ""
			change := ""
			if r.HasPrevious {
				prev = strconv.FormatInt(r.Previous, 10)
				change = strconv.FormatInt(r.Price-r.Previous, 10)
			}
			rec := []string{day.Format("2006-01-02"), r.SKU, r.Name, r.Unit, strconv.FormatInt(r.Price, 10), prev, change,
				strconv.FormatBool(r.Available), r.ChangedBy}
			if all {
				rec = append([]string{cfg.Market.ID, cfg.Market.Name}, rec...)
			}
			w.Write(rec)
		}
	}
	w.Flush()
	return w.Error()
}

// reportDay is --date in loc, else today there; midnight.
func reportDay(date string, loc *time.Location) (time.Time, error) {
	if date == "" {
		now := time.Now().In(loc)
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc), nil
	}
	day, err := time.ParseInLocation("2006-01-02", date, loc)
	if err != nil {
		return day, fmt.Errorf("--date %q is not a date like 2026-11-25", date)
	}
	return day, nil
}

// marketPrices reads one market's price report for the day starting at
// start, from its database opened read-only (it works while run serves).
func marketPrices(ctx context.Context, cfg *config.Config, start time.Time) ([]PriceRow, error) {
	end := start.AddDate(0, 0, 1)
	db, err := readOnlyStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var products []catalog.Product
	var changes []store.PriceChange
	if err := db.View(ctx, func(tx *store.Tx) error {
		var err error
		if products, err = tx.Products(); err != nil {
			return err
		}
		changes, err = tx.PriceChanges(time.Time{}, end)
		return err
	}); err != nil {
		return nil, err
	}
	return PriceReport(products, changes, start, end), nil
}

// PriceRow is one product's price on a day.
type PriceRow struct {
	SKU, Name, Unit string
	Price           int64 // last price set before the day ended
	Previous        int64 // last price before the day began
	HasPrevious     bool
	Available       bool
	ChangedBy       string // who set the day's price, when it changed that day
}

// PriceReport computes each product's price on [start, end) from the
// recorded changes. Products with no change recorded by the end of the day
// are left out: their price that day is not known.
func PriceReport(products []catalog.Product, changes []store.PriceChange, start, end time.Time) []PriceRow {
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].At.Before(changes[j].At) })
	bySKU := map[string][]store.PriceChange{}
	for _, c := range changes {
		bySKU[c.SKU] = append(bySKU[c.SKU], c)
	}
	var rows []PriceRow
	for _, p := range products {
		r := PriceRow{SKU: p.SKU, Name: p.Name, Unit: p.Unit}
		found := false
		for _, c := range bySKU[p.SKU] {
			if !c.At.Before(end) {
				break
			}
			if c.At.Before(start) {
				r.Previous, r.HasPrevious = c.Price, true
				r.ChangedBy = ""
			} else {
				r.ChangedBy = c.Actor
			}
			r.Price, r.Available, found = c.Price, c.Available, true
		}
		if found {
			rows = append(rows, r)
		}
	}
	return rows
}

// writeReportCharts writes the charts and numbers of market day day from
// cfg's database (opened read-only: it works while run serves).
func writeReportCharts(ctx context.Context, cfg *config.Config, dir, day string, loc *time.Location) ([]string, error) {
	db, err := readOnlyStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return ops.WriteReportCharts(ctx, db, dir, day, loc)
}
