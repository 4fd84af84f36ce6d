package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

// maxJSONLine bounds one input line of --jsonl; a message is capped at
// parse.MaxBytes anyway, so a line this long is an error, not an order.
const maxJSONLine = 1 << 20

func runParse(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "parse", "[--catalog FILE.csv] [--jsonl] [TEXT...]")
	catFile := fs.String("catalog", "", "catalog CSV to match against (default: the built-in market catalog)")
	jsonl := fs.Bool("jsonl", false, `read {"id": ..., "text": "..."} objects on stdin, one per line, and write one result per line`)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: pasarbot parse [--catalog FILE.csv] [--jsonl] [TEXT...]")
		fmt.Fprintln(e.stderr, "\nShows how an order message is understood: items in the product's unit,")
		fmt.Fprintln(e.stderr, "unknown words, and the questions the bot would ask. TEXT words form one message.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	products, err := loadParseCatalog(*catFile)
	if err != nil {
		return err
	}
	p := parse.New(catalog.NewIndex(products))
	if *jsonl {
		if fs.NArg() > 0 {
			fmt.Fprintln(e.stderr, "pasarbot parse: --jsonl reads stdin; give no TEXT")
			return errUsage
		}
		return parseJSONL(ctx, e, p)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	printResult(e.stdout, p.Parse(strings.Join(fs.Args(), " ")))
	return nil
}

func loadParseCatalog(path string) ([]catalog.Product, error) {
	if path == "" {
		return catalog.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ps, err := catalog.ReadCSV(f, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ps, nil
}

// printResult writes the understanding for people: one line per item,
// unknown phrase and question.
func printResult(w io.Writer, r parse.Result) {
	if r.TooLong {
		fmt.Fprintf(w, "too long (over %d bytes): %s\n", parse.MaxBytes, parse.TooLongText)
		return
	}
	if r.PriceQuery {
		fmt.Fprintln(w, "price query: answer with prices, do not change the cart")
	}
	for _, it := range r.Items {
		qty := it.Qty.ID() + " " + it.Unit
		if it.Amount > 0 {
			qty = "±" + qty + " (" + catalog.Rupiah(it.Amount) + ")"
		}
		fmt.Fprintf(w, "item      %s %s [%s] ← %q", it.Name, qty, it.SKU, it.Said)
		if it.Note != "" {
			fmt.Fprintf(w, " note %q", it.Note)
		}
		fmt.Fprintln(w)
	}
	for _, u := range r.Unknown {
		fmt.Fprintf(w, "unknown   %q", u.Said)
		if len(u.Suggestions) > 0 {
			names := make([]string, len(u.Suggestions))
			for i, p := range u.Suggestions {
				names[i] = p.Name
			}
			fmt.Fprintf(w, " (nearest: %s)", strings.Join(names, ", "))
		}
		fmt.Fprintln(w)
	}
	for _, q := range r.Questions {
		fmt.Fprintf(w, "question  %s ← %q: %s\n", q.Kind, q.Said, q.Text)
	}
	if r.Empty() {
		fmt.Fprintln(w, "nothing to order")
	}
}

type jsonIn struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

type jsonItem struct {
	SKU    string      `json:"sku"`
	Name   string      `json:"name"`
	Qty    json.Number `json:"qty"` // exact decimal from catalog.Qty, never a float
	Unit   string      `json:"unit"`
	Said   string      `json:"said"`
	Note   string      `json:"note"`
	Amount int64       `json:"amount,omitempty"`
}

type jsonOut struct {
	ID         json.RawMessage `json:"id"`
	Items      []jsonItem      `json:"items"`
	Unknown    []string        `json:"unknown"`
	Questions  []string        `json:"questions"`
	PriceQuery bool            `json:"price_query,omitempty"`
	TooLong    bool            `json:"too_long,omitempty"`
}

type jsonErr struct {
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// parseJSONL reads one JSON object per line and writes one per line. A bad
// line gets an error object and the rest still runs.
func parseJSONL(ctx context.Context, e env, p *parse.Parser) error {
	br := bufio.NewReader(e.stdin)
	bw := bufio.NewWriter(e.stdout)
	defer bw.Flush()
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, maxJSONLine)
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		eof := errors.Is(err, io.EOF)
		switch {
		case tooLong:
			if err := enc.Encode(jsonErr{n, fmt.Sprintf("line longer than %d bytes", maxJSONLine)}); err != nil {
				return err
			}
		case len(strings.TrimSpace(string(line))) == 0:
		default:
			if err := enc.Encode(parseLine(p, line, n)); err != nil {
				return err
			}
		}
		if eof {
			return nil
		}
	}
}

func parseLine(p *parse.Parser, line []byte, n int) any {
	var in jsonIn
	if err := json.Unmarshal(line, &in); err != nil {
		return jsonErr{n, "bad JSON: " + err.Error()}
	}
	if in.Text == nil {
		return jsonErr{n, `missing "text"`}
	}
	if len(in.ID) == 0 {
		in.ID = json.RawMessage("null")
	}
	r := p.Parse(*in.Text)
	out := jsonOut{ID: in.ID, Items: []jsonItem{}, Unknown: []string{}, Questions: []string{}, PriceQuery: r.PriceQuery, TooLong: r.TooLong}
	for _, it := range r.Items {
		out.Items = append(out.Items, jsonItem{
			SKU: it.SKU, Name: it.Name, Qty: json.Number(it.Qty.String()), Unit: it.Unit, Said: it.Said, Note: it.Note, Amount: it.Amount,
		})
	}
	for _, u := range r.Unknown {
		out.Unknown = append(out.Unknown, u.Said)
	}
	for _, q := range r.Questions {
		out.Questions = append(out.Questions, q.Text)
	}
	if r.TooLong {
		out.Questions = append(out.Questions, parse.TooLongText)
	}
	return out
}

// readLine reads up to '\n'. A line over max is consumed and reported as
// too long rather than held in memory.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return line, tooLong, err
	}
}
