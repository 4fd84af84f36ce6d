package catalog

import (
	"fmt"
	"strings"
)

// Dimension groups units that convert into each other. Units of different
// dimensions never convert: 2 butir of a per-kg product is a question for the
// buyer, not a guess.
type Dimension string

const (
	Mass    Dimension = "mass"    // base: gram
	Volume  Dimension = "volume"  // base: millilitre
	Piece   Dimension = "piece"   // base: one piece (butir, biji, buah, pcs); papan = 30
	Animal  Dimension = "animal"  // ekor
	Bunch   Dimension = "bunch"   // ikat
	Hand    Dimension = "hand"    // sisir (bananas)
	Pack    Dimension = "pack"    // bungkus
	Strip   Dimension = "strip"   // renteng
	Sack    Dimension = "sack"    // karung
	Portion Dimension = "portion" // porsi, for services and cooked food
	Pile    Dimension = "pile"    // tumpuk: a lot sold as one
)

// Unit is a selling or spoken unit. Base is how many base units of its
// dimension one of it holds (kg = 1000 g).
type Unit struct {
	Code      string    // canonical code, as used in CSV: "kg", "ons", "butir"
	Name      string    // display name in Indonesian
	Dimension Dimension //
	Base      int64     // size in the dimension's base unit
}

// Units is the unit table. Codes are canonical; spoken forms and
// abbreviations are read by ParseUnit.
var Units = map[string]Unit{
	"kg":      {"kg", "kg", Mass, 1000},
	"ons":     {"ons", "ons", Mass, 100}, // the Dutch ons: 100 g, not an ounce
	"gram":    {"gram", "gram", Mass, 1},
	"kwintal": {"kwintal", "kwintal", Mass, 100_000},
	"liter":   {"liter", "liter", Volume, 1000},
	"ml":      {"ml", "ml", Volume, 1},
	"butir":   {"butir", "butir", Piece, 1},
	"biji":    {"biji", "biji", Piece, 1},
	"buah":    {"buah", "buah", Piece, 1},
	"pcs":     {"pcs", "pcs", Piece, 1},
	"papan":   {"papan", "papan", Piece, 30}, // a tray of 30 eggs
	"ekor":    {"ekor", "ekor", Animal, 1},
	"ikat":    {"ikat", "ikat", Bunch, 1},
	"sisir":   {"sisir", "sisir", Hand, 1},
	"bungkus": {"bungkus", "bungkus", Pack, 1},
	"renteng": {"renteng", "renteng", Strip, 1},
	"karung":  {"karung", "karung", Sack, 1},
	"porsi":   {"porsi", "porsi", Portion, 1},
	"tumpuk":  {"tumpuk", "tumpuk", Pile, 1},
	// Containers and parts a market may sell by. Each converts to nothing
	// else: how many grams a bottle or a bulb holds is the trader's to say.
	"botol":     own("botol"),
	"kaleng":    own("kaleng"),
	"dus":       own("dus"),
	"plastik":   own("plastik"),
	"cup":       own("cup"),
	"tabung":    own("tabung"),
	"keranjang": own("keranjang"),
	"lembar":    own("lembar"),
	"batang":    own("batang"),
	"bonggol":   own("bonggol"),
	"tandan":    own("tandan"),
}

// own is a unit of a dimension of its own.
func own(code string) Unit { return Unit{code, code, Dimension(code), 1} }

// OwnUnitWord reports whether a unit the table does not hold may still be
// a product's selling unit: one plain lower-case word ("potong", "toples",
// "gelas"). Such a unit is counted in whole units, converts to nothing,
// and is read in a message only after a quantity of that product ("lemang
// 2 potong") — so a word that is mostly something else elsewhere ("ayam
// potong") stays what it is.
func OwnUnitWord(w string) bool {
	if len(w) < 3 || len(w) > 12 {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	// A known unit with "se-" ("sekarung": one sack) or a letter off
	// ("ikatt", "kgg") is a mistake in the cell, reported, not a new unit.
	if _, ok := ParseUnit(strings.TrimPrefix(w, "se")); ok {
		return false
	}
	for known := range unitWords {
		if len(known) >= 3 && osaDistance(w, known, 1) == 1 {
			return false
		}
	}
	for known := range Units {
		if osaDistance(w, known, 1) == 1 {
			return false
		}
	}
	return true
}

// LookupUnit returns the unit for a canonical code.
func LookupUnit(code string) (Unit, bool) {
	u, ok := Units[strings.ToLower(strings.TrimSpace(code))]
	return u, ok
}

// IncompatibleUnitsError reports a conversion across dimensions.
type IncompatibleUnitsError struct{ From, To Unit }

func (e IncompatibleUnitsError) Error() string {
	return fmt.Sprintf("cannot convert %s to %s", e.From.Code, e.To.Code)
}

// Convert expresses q of unit from in unit to, rounding to the nearest
// thousandth. Units of different dimensions are refused.
func Convert(q Qty, from, to Unit) (Qty, error) {
	if from.Dimension != to.Dimension {
		return 0, IncompatibleUnitsError{from, to}
	}
	if from.Base == to.Base {
		return q, nil
	}
	n, ok := MulDiv(int64(q), from.Base, to.Base)
	if !ok {
		return Qty(saturate(q < 0)), nil
	}
	return Qty(n), nil
}
