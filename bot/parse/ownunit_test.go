package parse_test

import (
	"strings"
	"testing"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

// A unit the unit table does not hold, written by an operator in the CSV
// ("potong" of lemang), is the product's own counted unit: read after a
// quantity of that product, and nowhere else: of other goods it is a unit
// they are not sold by.
func TestOperatorsOwnUnit(t *testing.T) {
	ps, err := catalog.ReadCSV(strings.NewReader(`sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available
lemang,Lemang,lamang,Kue,potong,6.000,kue,,,,,
ayam,Ayam Potong,,Daging,ekor,45.000,daging,,,,,
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := parse.New(catalog.NewIndex(ps))
	for text, w := range map[string]want{
		"lemang 2 potong":     items("lemang 2"),
		"lamang tigo potong":  items("lemang 3"),
		"ayam potong 1 ekor":  items("ayam 1"),
		"ayam 2 potong":       asks("incompatible_unit ayam"),
		"lemang 2 potong aja": items("lemang 2"),
	} {
		w.check(t, p, text)
	}
	if _, err := catalog.ReadCSV(strings.NewReader(`sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available
x,X,,Kue,2 potong,6.000,kue,,,,,
`), nil); err == nil {
		t.Error("a unit cell that is not one word was taken")
	}
}
