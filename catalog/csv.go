package catalog

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Columns are the catalog CSV columns, in the order export writes them.
var Columns = []string{"sku", "name", "aliases", "category", "unit", "price", "group", "kind", "min_qty", "step_qty", "floor_price", "available"}

const (
	colSKU = iota
	colName
	colAliases
	colCategory
	colUnit
	colPrice
	colGroup
	colKind
	colMinQty
	colStepQty
	colFloorPrice
	colAvailable
	numColumns
)

// RowError is one problem in a catalog CSV, at a 1-based line of the file.
type RowError struct {
	Line   int
	Reason string
}

func (e RowError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// CSVError lists every problem found in a catalog CSV, so a market admin
// fixes the spreadsheet once instead of once per error.
type CSVError struct {
	Rows []RowError
}

func (e *CSVError) Error() string {
	var b strings.Builder
	for i, r := range e.Rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(r.Error())
	}
	return b.String()
}

// ReadCSV reads a catalog CSV: a header naming the twelve Columns (any
// order, exact names), then one product per row. It accepts UTF-8 with or
// without a byte-order mark and a ',' or ';' separator (Indonesian
// spreadsheets export ';'), detected from the header line. groups, when not
// nil, is the set of seller group ids a row may name.
//
// Either every row is good and all products come back, or the error is a
// *CSVError listing every bad row; a caller never imports half a file.
func ReadCSV(r io.Reader, groups map[string]bool) ([]Product, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	sep, err := detectSeparator(br)
	if err != nil {
		return nil, &CSVError{Rows: []RowError{{Line: 1, Reason: err.Error()}}}
	}
	cr := csv.NewReader(br)
	cr.Comma = sep
	cr.FieldsPerRecord = -1 // column counts are checked per row, to report them all
	cr.ReuseRecord = true

	var errs []RowError
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &CSVError{Rows: []RowError{{Line: 1, Reason: "empty file: the header line is required"}}}
		}
		return nil, &CSVError{Rows: []RowError{{Line: 1, Reason: csvReason(err)}}}
	}
	order, herrs := mapHeader(header)
	if len(herrs) > 0 {
		for _, h := range herrs {
			errs = append(errs, RowError{Line: 1, Reason: h})
		}
		return nil, &CSVError{Rows: errs}
	}

	var products []Product
	seen := map[string]int{} // lowercased sku → line
	fields := make([]string, numColumns)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				errs = append(errs, RowError{Line: 0, Reason: err.Error()})
				break
			}
			errs = append(errs, RowError{Line: pe.StartLine, Reason: csvReason(err)})
			continue
		}
		if blankRecord(rec) {
			continue // spreadsheets leave rows of empty cells: ";;;;"
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != numColumns {
			errs = append(errs, RowError{Line: line, Reason: fmt.Sprintf("%d columns, want %d", len(rec), numColumns)})
			continue
		}
		for i, c := range order {
			fields[c] = strings.TrimSpace(rec[i])
		}
		p, reasons := parseRow(fields, groups)
		if key := strings.ToLower(p.SKU); key != "" {
			if first, dup := seen[key]; dup {
				reasons = append(reasons, fmt.Sprintf("duplicate sku %q (first on line %d)", p.SKU, first))
			} else {
				seen[key] = line
			}
		}
		for _, r := range reasons {
			errs = append(errs, RowError{Line: line, Reason: r})
		}
		if len(reasons) == 0 {
			products = append(products, p)
		}
	}
	if len(errs) > 0 {
		return nil, &CSVError{Rows: errs}
	}
	return products, nil
}

// detectSeparator picks ';' when the header line has more semicolons than
// commas, else ','.
func detectSeparator(br *bufio.Reader) (rune, error) {
	// The header is short; 4 KiB is plenty and Peek does not consume it.
	b, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return 0, err
	}
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	if bytes.Count(b, []byte{';'}) > bytes.Count(b, []byte{','}) {
		return ';', nil
	}
	return ',', nil
}

func mapHeader(header []string) ([]int, []string) {
	index := map[string]int{}
	for i, c := range Columns {
		index[c] = i
	}
	order := make([]int, len(header))
	got := make([]bool, numColumns)
	var errs []string
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		c, ok := index[name]
		switch {
		case !ok:
			errs = append(errs, fmt.Sprintf("unknown column %q (the header must be: %s)", h, strings.Join(Columns, ",")))
		case got[c]:
			errs = append(errs, fmt.Sprintf("column %q appears twice", name))
		default:
			got[c] = true
			order[i] = c
		}
	}
	for c, ok := range got {
		if !ok {
			errs = append(errs, fmt.Sprintf("missing column %q (the header must be: %s)", Columns[c], strings.Join(Columns, ",")))
		}
	}
	return order, errs
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvReason drops encoding/csv's "record on line N:" prefix; RowError
// carries the line.
func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// parseRow turns one row's fields (in Columns order) into a product and
// every reason it is unacceptable.
func parseRow(f []string, groups map[string]bool) (Product, []string) {
	var reasons []string
	bad := func(format string, args ...any) { reasons = append(reasons, fmt.Sprintf(format, args...)) }

	p := Product{
		SKU:       f[colSKU],
		Name:      f[colName],
		Category:  f[colCategory],
		Group:     f[colGroup],
		Kind:      Goods,
		Available: true,
	}
	switch {
	case p.SKU == "":
		bad("sku is empty")
	case strings.ContainsAny(p.SKU, " \t,;|"):
		bad("sku %q has spaces or separators", p.SKU)
	}
	if p.Name == "" {
		bad("name is empty")
	}
	p.Aliases = splitAliases(f[colAliases])

	if u, ok := ParseUnit(f[colUnit]); ok {
		p.Unit = u.Code
	} else if f[colUnit] == "" {
		bad("unit is empty")
	} else if w := strings.ToLower(strings.TrimSpace(f[colUnit])); OwnUnitWord(w) {
		p.Unit = w // "potong" of lemang: a counted unit of the product's own
	} else {
		bad("unknown unit %q", f[colUnit])
	}

	if f[colPrice] == "" {
		bad("price is empty")
	} else if n, err := ParseRupiah(f[colPrice]); err != nil {
		bad("bad price %q", f[colPrice])
	} else if n < 0 {
		bad("negative price %s", f[colPrice])
	} else {
		p.Price = n
	}

	switch {
	case p.Group == "":
		bad("group is empty")
	case groups != nil && !groups[p.Group]:
		bad("unknown group %q", p.Group)
	}

	switch strings.ToLower(f[colKind]) {
	case "", "goods", "barang":
		p.Kind = Goods
	case "service", "jasa":
		p.Kind = Service
	default:
		bad("kind %q is not goods or service", f[colKind])
	}

	p.MinQty = parseOptionalQty(f[colMinQty], "min_qty", bad)
	p.StepQty = parseOptionalQty(f[colStepQty], "step_qty", bad)
	if p.StepQty > 0 && p.MinQty > 0 && p.MinQty%p.StepQty != 0 {
		bad("min_qty %s is not a whole number of step_qty %s", p.MinQty, p.StepQty)
	}

	if s := f[colFloorPrice]; s != "" {
		if n, err := ParseRupiah(s); err != nil {
			bad("bad floor_price %q", s)
		} else if n < 0 {
			bad("negative floor_price %s", s)
		} else if n > p.Price && p.Price > 0 {
			bad("floor_price %s is above price %s", s, f[colPrice])
		} else {
			p.FloorPrice = n
		}
	}

	if s := f[colAvailable]; s != "" {
		if v, ok := parseAvailable(s); ok {
			p.Available = v
		} else {
			bad("available %q is not one of true/false, ya/tidak, tersedia/habis, 1/0", s)
		}
	}
	return p, reasons
}

func parseOptionalQty(s, column string, bad func(string, ...any)) Qty {
	if s == "" {
		return 0
	}
	q, err := ParseQty(s)
	if err != nil {
		bad("bad %s %q", column, s)
		return 0
	}
	return q
}

func splitAliases(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func parseAvailable(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "1", "ya", "y", "yes", "tersedia", "ada":
		return true, true
	case "false", "0", "tidak", "t", "no", "habis", "kosong":
		return false, true
	}
	return false, false
}

// WriteCSV writes products in the canonical form: ',' separator, the
// Columns header, plain integer prices, '.' decimals, empty cells for zero
// optional values, and true/false availability. Importing a canonical file
// and exporting it again gives the same bytes.
func WriteCSV(w io.Writer, products []Product) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	rec := make([]string, numColumns)
	for _, p := range products {
		rec[colSKU] = p.SKU
		rec[colName] = p.Name
		rec[colAliases] = strings.Join(p.Aliases, "|")
		rec[colCategory] = p.Category
		rec[colUnit] = p.Unit
		rec[colPrice] = strconv.FormatInt(p.Price, 10)
		rec[colGroup] = p.Group
		rec[colKind] = string(p.Kind)
		if p.Kind == "" {
			rec[colKind] = string(Goods)
		}
		rec[colMinQty] = optionalQty(p.MinQty)
		rec[colStepQty] = optionalQty(p.StepQty)
		rec[colFloorPrice] = ""
		if p.FloorPrice != 0 {
			rec[colFloorPrice] = strconv.FormatInt(p.FloorPrice, 10)
		}
		rec[colAvailable] = strconv.FormatBool(p.Available)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func optionalQty(q Qty) string {
	if q == 0 {
		return ""
	}
	return q.String()
}
