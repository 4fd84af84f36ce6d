package catalog

import (
	"fmt"
	"strings"
)

// What an empty step_qty means. An operator who leaves the cell empty for
// cabe sold per kg does not mean "whole kilos only": the market weighs
// whatever the buyer asks for, down to what its scale shows. Counted goods
// (ikat, biji, ekor, papan …) come in whole units.
const (
	// MassResolution is the finest mass a market weighs, in grams: digital
	// market scales show grams, and "cabe 75 gram" must stay 75 grams.
	MassResolution = 1
	// VolumeResolution is the finest volume measured out, in millilitres.
	VolumeResolution = 1
)

// Divisible reports whether a unit is weighed or measured (kg, ons, gram,
// kwintal, liter, ml) rather than counted.
func (u Unit) Divisible() bool {
	return u.Dimension == Mass || u.Dimension == Volume
}

// DefaultStep is the step of a product whose step_qty is empty: one gram or
// millilitre expressed in the unit (0,001 kg, 0,01 ons, 1 gram, 0,001
// liter), at least one thousandth of the unit (Qty's own resolution:
// 100 g for a kwintal); one whole unit for counted units.
func DefaultStep(u Unit) Qty {
	var base int64
	switch u.Dimension {
	case Mass:
		base = MassResolution
	case Volume:
		base = VolumeResolution
	default:
		return Whole(1)
	}
	if u.Base <= 0 {
		return Whole(1)
	}
	return Qty(max(1, base*QtyScale/u.Base))
}

// DescribeEmptySteps says, in English lines for `catalog import`, what the
// empty step_qty and min_qty cells of products mean, naming a few of each
// kind, so an operator sees how the market will sell them.
func DescribeEmptySteps(products []Product) []string {
	const shown = 4
	var measured, counted []string
	nMeasured, nCounted, nMin := 0, 0, 0
	for _, p := range products {
		if p.MinQty == 0 {
			nMin++
		}
		if p.StepQty != 0 {
			continue
		}
		what := p.SKU + " per " + p.Unit
		if p.SellingUnit().Divisible() {
			nMeasured++
			if len(measured) < shown {
				measured = append(measured, what)
			}
		} else {
			nCounted++
			if len(counted) < shown {
				counted = append(counted, what)
			}
		}
	}
	list := func(names []string, n int) string {
		s := strings.Join(names, ", ")
		if n > len(names) {
			s += ", …"
		}
		return s
	}
	var out []string
	if nMeasured > 0 {
		out = append(out, fmt.Sprintf("empty step_qty on %d weighed or measured product(s) (%s): any amount, to the gram or millilitre",
			nMeasured, list(measured, nMeasured)))
	}
	if nCounted > 0 {
		out = append(out, fmt.Sprintf("empty step_qty on %d counted product(s) (%s): whole units", nCounted, list(counted, nCounted)))
	}
	if nMin > 0 {
		out = append(out, fmt.Sprintf("empty min_qty on %d product(s): the minimum is one step", nMin))
	}
	return out
}
