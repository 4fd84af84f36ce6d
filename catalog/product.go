// Package catalog holds what a market sells: products, units, prices and the
// seller groups that answer for them. It imports only the standard library.
package catalog

import (
	"fmt"
	"strings"
)

// Kind tells goods from services (kaligrafi, jahit are legitimate items).
type Kind string

const (
	Goods   Kind = "goods"
	Service Kind = "service"
)

// Product is one thing a buyer can order, sold by exactly one seller group.
type Product struct {
	SKU        string   // stable id, e.g. "cabai-rawit-merah"
	Name       string   // display name, e.g. "Cabai Rawit Merah"
	Aliases    []string // local names and spellings: cabe rawit, cengek, lombok rawit
	Category   string   // sayur, bumbu dapur, ikan, ...
	Unit       string   // selling unit code (see Units)
	Price      int64    // rupiah per selling unit
	Group      string   // seller group id
	Kind       Kind     //
	MinQty     Qty      // smallest orderable quantity; 0 means one step
	StepQty    Qty      // quantity increment; 0 means DefaultStep of the unit
	FloorPrice int64    // lowest acceptable price per unit when bargaining; 0 = no floor
	Available  bool     // tersedia (true) or habis (false)
}

// Step returns the product's quantity increment; when step_qty is empty,
// DefaultStep of its unit (any weighable amount for kg, whole units for ikat).
func (p Product) Step() Qty {
	if p.StepQty > 0 {
		return p.StepQty
	}
	return DefaultStep(p.SellingUnit())
}

// Min returns the smallest orderable quantity (one step when unset).
func (p Product) Min() Qty {
	if p.MinQty > 0 {
		return p.MinQty
	}
	return p.Step()
}

// SellingUnit returns the product's unit from the unit table.
func (p Product) SellingUnit() Unit {
	u, ok := LookupUnit(p.Unit)
	if !ok {
		return Unit{Code: p.Unit, Name: p.Unit, Dimension: Dimension("unknown:" + p.Unit), Base: 1}
	}
	return u
}

// Validate checks a product's fields and returns the first problem found.
func (p Product) Validate() error {
	switch {
	case strings.TrimSpace(p.SKU) == "":
		return fmt.Errorf("sku is empty")
	case strings.ContainsAny(p.SKU, " \t,;|"):
		return fmt.Errorf("sku %q has spaces or separators", p.SKU)
	case strings.TrimSpace(p.Name) == "":
		return fmt.Errorf("name is empty")
	case p.Price < 0:
		return fmt.Errorf("negative price %d", p.Price)
	case p.FloorPrice < 0:
		return fmt.Errorf("negative floor_price %d", p.FloorPrice)
	case p.FloorPrice > p.Price && p.Price > 0:
		return fmt.Errorf("floor_price %d is above price %d", p.FloorPrice, p.Price)
	case p.MinQty < 0 || p.StepQty < 0:
		return fmt.Errorf("negative min_qty or step_qty")
	case strings.TrimSpace(p.Group) == "":
		return fmt.Errorf("group is empty")
	}
	if _, ok := LookupUnit(p.Unit); !ok && !OwnUnitWord(p.Unit) {
		return fmt.Errorf("unknown unit %q", p.Unit)
	}
	if p.Kind != Goods && p.Kind != Service {
		return fmt.Errorf("kind %q is not goods or service", p.Kind)
	}
	return nil
}

// RoundToStep rounds q down to a whole number of steps, never above what
// was asked. It does not apply the minimum: a result below Min() (even 0)
// is for the caller to raise or question.
func (p Product) RoundToStep(q Qty) Qty {
	step := p.Step()
	return q / step * step
}
