package catalog

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// DefaultCSV is the built-in market catalog: a realistic Indonesian pasar
// (see docs/catalog.md for where its prices come from). It is in canonical
// form, so WriteCSV of Default() reproduces it byte for byte.
//
//go:embed default_catalog.csv
var DefaultCSV []byte

// DefaultGroupIDs are the seller groups the default catalog sells through;
// the example configuration defines exactly these.
var DefaultGroupIDs = []string{"sayur", "bumbu", "ikan", "daging", "sembako", "buah", "kue", "jasa"}

var defaultOnce struct {
	sync.Once
	products []Product
	err      error
}

// Default returns the built-in catalog, parsed by ReadCSV like any import.
// Each call returns a fresh copy the caller may change.
func Default() ([]Product, error) {
	defaultOnce.Do(func() {
		groups := map[string]bool{}
		for _, g := range DefaultGroupIDs {
			groups[g] = true
		}
		defaultOnce.products, defaultOnce.err = ReadCSV(bytes.NewReader(DefaultCSV), groups)
		if defaultOnce.err != nil {
			defaultOnce.err = fmt.Errorf("catalog: built-in default catalog: %w", defaultOnce.err)
		}
	})
	if defaultOnce.err != nil {
		return nil, defaultOnce.err
	}
	return CloneProducts(defaultOnce.products), nil
}

// CloneProducts copies products deeply (aliases included), so a copy can be
// changed without touching the original.
func CloneProducts(ps []Product) []Product {
	out := make([]Product, len(ps))
	for i, p := range ps {
		p.Aliases = append([]string(nil), p.Aliases...)
		out[i] = p
	}
	return out
}
