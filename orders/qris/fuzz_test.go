package qris_test

import (
	"testing"

	"pasarbot/orders/qris"
)

// FuzzParseTLV: any text either fails with an error or splits into fields
// that encode back to exactly the same text; validation and the
// explanation never panic on it.
func FuzzParseTLV(f *testing.F) {
	for _, s := range publishedStatic {
		f.Add(s)
	}
	f.Add("0002016304")
	f.Add("64200002ZH0104最佳运输0202北京")
	f.Add("00")
	f.Fuzz(func(t *testing.T, s string) {
		fields, err := qris.ParseTLV(s)
		if err == nil {
			back, err := qris.EncodeTLV(fields)
			if err != nil {
				t.Fatalf("parsed fields do not encode: %v", err)
			}
			if back != s {
				t.Fatalf("round trip changed the text:\n%q\n%q", s, back)
			}
		}
		_, _ = qris.Parse(s)
		_ = qris.Explain(s)
	})
}

// FuzzDynamic: every static payload that validates gives a dynamic one
// that validates too, with the amount and initiation 12, and the same
// fields otherwise.
func FuzzDynamic(f *testing.F) {
	for _, s := range publishedStatic {
		f.Add(s, "25000")
	}
	f.Fuzz(func(t *testing.T, static, amountText string) {
		p, err := qris.ParseStatic(static)
		if err != nil {
			return
		}
		amount, err := qris.ParseAmount(amountText)
		if err != nil {
			return
		}
		out, err := qris.Dynamic(p, amount)
		if err != nil {
			t.Fatalf("Dynamic: %v", err)
		}
		d, err := qris.Parse(out)
		if err != nil {
			t.Fatalf("dynamic payload invalid: %v\n%s", err, out)
		}
		if v, _ := d.Get(qris.TagAmount); v != amount.String() {
			t.Fatalf("amount %q, want %q", v, amount)
		}
		if v, _ := d.Get(qris.TagInitiation); v != qris.InitiationDyn {
			t.Fatalf("initiation %q", v)
		}
		for _, f := range p.Fields {
			if f.ID == qris.TagCRC || f.ID == qris.TagInitiation {
				continue
			}
			if v, _ := d.Get(f.ID); v != f.Value {
				t.Fatalf("tag %s changed: %q → %q", f.ID, f.Value, v)
			}
		}
	})
}
