package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"pasarbot/catalog"
	"pasarbot/store"
)

const catalogUsage = `Usage:
  pasarbot catalog import [--config FILE] [--market ID] [--db FILE] FILE.csv
  pasarbot catalog export [--config FILE] [--market ID] [--db FILE] [--default]

import  replaces the whole catalog with FILE.csv, all or nothing: every bad
        row is reported as FILE:line N: reason and nothing is written. The
        seller groups are taken from the configuration first.
export  writes the stored catalog as CSV to standard output; --default writes
        the built-in default market instead.

CSV columns (header required, any order; ',' or ';' separated):
  sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available

An empty step_qty means any amount, to the gram or millilitre, for products
sold by weight or volume (kg, ons, gram, liter, ml), and whole units for
counted ones (ikat, biji, ekor, papan, bungkus, sisir ...). An empty min_qty
means one step.
`

func runCatalog(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, catalogUsage)
		return errUsage
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		fmt.Fprint(e.stdout, catalogUsage)
		return flag.ErrHelp
	case "import":
		return runCatalogImport(ctx, e, args[1:])
	case "export":
		return runCatalogExport(ctx, e, args[1:])
	}
	fmt.Fprintf(e.stderr, "pasarbot catalog: unknown subcommand %q\n\n%s", args[0], catalogUsage)
	return errUsage
}

// parseInterspersed parses flags placed before or after positional
// arguments ("import file.csv --db x" as well as "import --db x file.csv").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runCatalogImport(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "catalog import", "[--config FILE] [--market ID] [--db FILE] FILE.csv")
	cf := addConfigFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	file := pos[0]
	cfg, err := cf.load(e)
	if err != nil {
		return err
	}
	groups := cfg.CatalogGroups()
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	// Validate the whole file before touching the database, so a bad file
	// does not even create one.
	known := map[string]bool{}
	for _, g := range groups {
		known[g.ID] = true
	}
	products, err := catalog.ReadCSV(bytes.NewReader(data), known)
	var ce *catalog.CSVError
	if errors.As(err, &ce) {
		for _, r := range ce.Rows {
			fmt.Fprintf(e.stderr, "%s:%s\n", file, r.Error())
		}
		return exitError{code: 1, msg: fmt.Sprintf("%s: %d problem(s); nothing imported", file, len(ce.Rows))}
	}
	if err != nil {
		return err
	}

	db, err := openConfigured(ctx, cfg, openMarketDB, store.OpenPostgres)
	if err != nil {
		return err
	}
	defer db.Close()
	var added, changed, removed int
	err = db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.SyncGroups(groups); err != nil {
			return err
		}
		before, err := tx.Products()
		if err != nil {
			return err
		}
		added, changed, removed = catalogDiff(before, products)
		if err := tx.ReplaceProducts(products, "import", time.Now()); err != nil {
			return err
		}
		// Again, now that the new catalog no longer names them: groups
		// dropped from the configuration can go.
		return tx.SyncGroups(groups)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: %d products imported into %s (%d new, %d with a new price or availability, %d removed)\n",
		file, len(products), cfg.Database.Path, added, changed, removed)
	for _, line := range catalog.DescribeEmptySteps(products) {
		fmt.Fprintf(e.stdout, "  %s\n", line)
	}
	return nil
}

// catalogDiff counts what an import changes, for the summary line.
func catalogDiff(before, after []catalog.Product) (added, changed, removed int) {
	old := map[string]catalog.Product{}
	for _, p := range before {
		old[p.SKU] = p
	}
	for _, p := range after {
		o, ok := old[p.SKU]
		switch {
		case !ok:
			added++
		case o.Price != p.Price || o.Available != p.Available:
			changed++
		}
		delete(old, p.SKU)
	}
	return added, changed, len(old)
}

func runCatalogExport(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "catalog export", "[--config FILE] [--market ID] [--db FILE] [--default]")
	cf := addConfigFlags(fs)
	builtin := fs.Bool("default", false, "write the built-in default market catalog")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		fs.Usage()
		return errUsage
	}
	if *builtin {
		_, err := io.Copy(e.stdout, bytes.NewReader(catalog.DefaultCSV))
		return err
	}
	cfg, err := cf.load(e)
	if err != nil {
		return err
	}
	// Exporting never creates a database, and works while `run` holds it.
	if _, err := os.Stat(cfg.Database.Path); err != nil && !cfg.Database.OnPostgres() {
		return exitError{code: 1, msg: fmt.Sprintf("no database at %s (import a catalog first, or use --default)", cfg.Database.Path)}
	}
	db, err := readOnlyStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	var products []catalog.Product
	if err := db.View(ctx, func(tx *store.Tx) (err error) {
		products, err = tx.Products()
		return err
	}); err != nil {
		return err
	}
	return catalog.WriteCSV(e.stdout, products)
}
