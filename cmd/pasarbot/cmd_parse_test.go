package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runParseMain(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = Main(context.Background(), e, append([]string{"parse"}, args...))
	return code, out.String(), errb.String()
}

func TestParseCommand(t *testing.T) {
	t.Run("Text", func(t *testing.T) {
		code, out, errs := runParseMain(t, "", "pesan", "bawang merah 1/2 kg,", "cabe rawit 5rb, pakcoy 2 ikat, tomat goceng yg mateng")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		for _, want := range []string{
			`item      Bawang Merah 0,5 kg [bawang-merah] ← "bawang merah 1/2 kg"`,
			`item      Tomat ±0,25 kg (Rp5.000) [tomat] ← "tomat goceng" note "yg mateng"`,
			`unknown   "pakcoy 2 ikat"`,
			`question  ambiguous ← "cabe rawit 5rb": Maksudnya yang mana kak? 1. Cabai Rawit Merah 2. Cabai Rawit Hijau (balas angkanya)`,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("PriceQuery", func(t *testing.T) {
		_, out, _ := runParseMain(t, "", "gula sekilo berapa?")
		if !strings.Contains(out, "price query") || !strings.Contains(out, "Gula Pasir 1 kg") {
			t.Errorf("output:\n%s", out)
		}
	})
	t.Run("Nothing", func(t *testing.T) {
		_, out, _ := runParseMain(t, "", "makasih ya kak")
		if got, want := out, "nothing to order\n"; got != want {
			t.Errorf("output = %q, want %q", got, want)
		}
	})
	t.Run("JSONL", func(t *testing.T) {
		in := `{"id": "m1", "text": "tomat 3 ons\nkangkung 2 ikat\ntahu 10 biji"}
{"id": 2, "text": "cabe rawit merah 5rb, gula"}
not json

{"id": "m4"}
{"id": "m5", "text": "gula sekilo berapa?"}
`
		code, out, errs := runParseMain(t, in, "--jsonl")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if got, want := len(lines), 5; got != want {
			t.Fatalf("%d output lines, want %d:\n%s", got, want, out)
		}
		var first struct {
			ID    string `json:"id"`
			Items []struct {
				SKU  string          `json:"sku"`
				Qty  json.RawMessage `json:"qty"`
				Unit string          `json:"unit"`
				Said string          `json:"said"`
			} `json:"items"`
			Unknown   []string `json:"unknown"`
			Questions []string `json:"questions"`
		}
		if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
			t.Fatal(err)
		}
		if first.ID != "m1" || len(first.Items) != 3 || first.Items[0].SKU != "tomat" || string(first.Items[0].Qty) != "0.25" ||
			first.Items[0].Unit != "kg" || first.Items[0].Said != "tomat 3 ons" || first.Unknown == nil || first.Questions == nil {
			t.Errorf("line 1 = %s", lines[0])
		}
		if want := `{"id":2,"items":[{"sku":"cabai-rawit-merah","name":"Cabai Rawit Merah","qty":0.1,"unit":"kg","said":"cabe rawit merah 5rb","note":"","amount":5000}],"unknown":[],"questions":["Gulanya mau berapa kg, kak?"]}`; lines[1] != want {
			t.Errorf("line 2 = %s\nwant     %s", lines[1], want)
		}
		if !strings.HasPrefix(lines[2], `{"line":3,"error":"bad JSON`) {
			t.Errorf("line 3 = %s", lines[2])
		}
		if want := `{"line":5,"error":"missing \"text\""}`; lines[3] != want {
			t.Errorf("line 4 = %s, want %s", lines[3], want)
		}
		if !strings.Contains(lines[4], `"price_query":true`) {
			t.Errorf("line 5 = %s", lines[4])
		}
	})
	t.Run("TooLong", func(t *testing.T) {
		msg := strings.Repeat("gula 1 kg, ", 500)
		b, _ := json.Marshal(map[string]string{"id": "long", "text": msg})
		_, out, _ := runParseMain(t, string(b)+"\n", "--jsonl")
		if !strings.Contains(out, `"too_long":true`) || !strings.Contains(out, "terlalu panjang") {
			t.Errorf("output = %s", out)
		}
	})
	t.Run("Catalog", func(t *testing.T) {
		csv := "sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available\n" +
			"ikan-asin-tumpuk,Ikan Asin Tumpukan,asin tumpuk,ikan,tumpuk,10000,ikan,goods,,,,true\n"
		path := filepath.Join(t.TempDir(), "cat.csv")
		if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runParseMain(t, "", "--catalog", path, "ikan asin tumpukan satu tumpuk")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, "Ikan Asin Tumpukan 1 tumpuk") {
			t.Errorf("output:\n%s", out)
		}
	})
	t.Run("BadCatalog", func(t *testing.T) {
		code, _, errs := runParseMain(t, "", "--catalog", filepath.Join(t.TempDir(), "none.csv"), "gula 1 kg")
		if code != 1 || !strings.Contains(errs, "none.csv") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
	t.Run("Help", func(t *testing.T) {
		code, _, errs := runParseMain(t, "", "-h")
		if code != 0 || !strings.Contains(errs, "Usage: pasarbot parse") || !strings.Contains(errs, "-jsonl") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
	t.Run("NoText", func(t *testing.T) {
		if code, _, _ := runParseMain(t, ""); code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
	})
}
