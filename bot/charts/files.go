package charts

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// Written lists the files WriteFiles wrote.
type Written []string

// WriteFiles writes, into dir (created 0750 when missing), each chart as
// <day>-<name>.png, the sheet of all of them as <day>-report.png (the
// image the daily report is about), and the numbers as <day>-<table>.csv.
func WriteFiles(dir string, n Numbers, cs []Chart) (Written, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	var out Written
	write := func(name string, data []byte) error {
		path := filepath.Join(dir, n.Day+"-"+name)
		if err := writeWhole(path, data); err != nil {
			return err
		}
		out = append(out, path)
		return nil
	}
	sheet, err := Sheet(cs)
	if err != nil {
		return nil, err
	}
	if err := write("report.png", sheet); err != nil {
		return nil, err
	}
	for _, c := range cs {
		b, err := PNG(c)
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", c.Name, err)
		}
		if err := write(c.Name+".png", b); err != nil {
			return nil, err
		}
	}
	for _, t := range n.Tables() {
		if err := write(t.Name+".csv", t.CSV()); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// writeWhole writes data beside path and renames it into place, so a file
// with the final name is never half written.
func writeWhole(path string, data []byte) error {
	tmp := path + ".partial"
	if err := os.WriteFile(tmp, data, 0o640); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// Table is one CSV table of the numbers.
type Table struct {
	Name string
	Rows [][]string // the first row is the header
}

// CSV renders the table.
func (t Table) CSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(t.Rows) // writes to memory: cannot fail
	return b.Bytes()
}

// Tables are the numbers behind the charts.
func (n Numbers) Tables() []Table {
	itoa := strconv.Itoa
	i64 := func(v int64) string { return strconv.FormatInt(v, 10) }
	hours := Table{Name: "by-hour", Rows: [][]string{{"day", "hour", "orders", "revenue"}}}
	for h, c := range n.Hours {
		hours.Rows = append(hours.Rows, []string{n.Day, itoa(h), itoa(c.Orders), i64(c.Revenue)})
	}
	groups := Table{Name: "by-group", Rows: [][]string{{"day", "group", "orders", "revenue"}}}
	for _, g := range n.Groups {
		groups.Rows = append(groups.Rows, []string{n.Day, g.Group, itoa(g.Orders), i64(g.Revenue)})
	}
	durations := func(name, who string, ds []Durations) Table {
		t := Table{Name: name, Rows: [][]string{{"day", who, "seconds"}}}
		for _, d := range ds {
			for _, s := range d.Times {
				t.Rows = append(t.Rows, []string{n.Day, d.Label, strconv.FormatFloat(s.Seconds(), 'f', 0, 64)})
			}
		}
		return t
	}
	prices := Table{Name: "prices-week", Rows: [][]string{{"date", "sku", "name", "price"}}}
	for _, m := range n.Prices {
		for i, d := range m.Days {
			if m.Price[i] != 0 {
				prices.Rows = append(prices.Rows, []string{d, m.SKU, m.Name, i64(m.Price[i])})
			}
		}
	}
	return []Table{hours, groups, durations("seller-answers", "group", n.Answers),
		durations("courier-deliveries", "courier", n.Trips), prices}
}
