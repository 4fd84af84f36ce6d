package catalog_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"pasarbot/catalog"
)

const header = "sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available\n"

var testGroups = map[string]bool{"sayur": true, "bumbu": true, "ikan": true, "daging": true, "sembako": true, "buah": true, "kue": true, "jasa": true}

func TestDefault(t *testing.T) {
	ps := MustDefault(t)
	t.Run("OKSize", func(t *testing.T) {
		if len(ps) < 90 {
			t.Fatalf("default catalog has %d products, want at least 90", len(ps))
		}
		services := 0
		for _, p := range ps {
			if p.Kind == catalog.Service {
				services++
			}
		}
		if services < 5 {
			t.Errorf("%d services, want at least 5", services)
		}
	})
	t.Run("OKGroups", func(t *testing.T) {
		seen := map[string]bool{}
		for _, p := range ps {
			if !testGroups[p.Group] {
				t.Errorf("%s: group %q is not one of the example configuration's", p.SKU, p.Group)
			}
			seen[p.Group] = true
		}
		for g := range testGroups {
			if !seen[g] {
				t.Errorf("no product in group %q", g)
			}
		}
	})
	t.Run("OKValid", func(t *testing.T) {
		for _, p := range ps {
			if err := p.Validate(); err != nil {
				t.Errorf("%s: %v", p.SKU, err)
			}
			if p.Price <= 0 {
				t.Errorf("%s: no price", p.SKU)
			}
		}
	})
	t.Run("OKRoundTrip", func(t *testing.T) {
		var b bytes.Buffer
		if err := catalog.WriteCSV(&b, ps); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), catalog.DefaultCSV) {
			t.Fatalf("export of the default catalog differs from default_catalog.csv:\n%s", firstDiff(b.String(), string(catalog.DefaultCSV)))
		}
	})
	t.Run("OKFreshCopy", func(t *testing.T) {
		a := MustDefault(t)
		a[0].Aliases[0] = "changed"
		if b := MustDefault(t); b[0].Aliases[0] == "changed" {
			t.Fatal("Default shares memory between calls")
		}
	})
	t.Run("OKAmbiguityOnPurpose", func(t *testing.T) {
		want := []string{"cabai-rawit-merah", "cabai-rawit-hijau", "cabai-merah-keriting", "cabai-merah-besar",
			"bawang-merah", "bawang-putih", "bawang-bombay", "ayam-potong", "daging-ayam-fillet",
			"ikan-tongkol", "ikan-tuna", "tahu-putih", "tempe", "beras-premium", "beras-medium",
			"minyak-goreng-curah", "minyak-goreng-kemasan", "gula-pasir", "penyedap-sasa", "telur-ayam-ras"}
		ix := catalog.NewIndex(ps)
		for _, sku := range want {
			if _, ok := ix.Product(sku); !ok {
				t.Errorf("default catalog lacks %s", sku)
			}
		}
	})
}

// TestDefaultBapanasPrices checks that every commodity Badan Pangan
// Nasional reports for Kota Bandung carries its latest non-zero price.
func TestDefaultBapanasPrices(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "bapanas_bandung_harga_konsumen.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("price data not available: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	latest := map[string]int64{}
	day := map[string]string{}
	for _, r := range rows[1:] {
		price, _ := strconv.ParseFloat(r[4], 64)
		if price > 0 && r[0] >= day[r[2]] {
			latest[r[2]], day[r[2]] = int64(price), r[0]
		}
	}
	bySKU := map[string]catalog.Product{}
	for _, p := range MustDefault(t) {
		bySKU[p.SKU] = p
	}
	for commodity, sku := range map[string]string{
		"Bawang Merah":          "bawang-merah",
		"Bawang Putih Bonggol":  "bawang-putih",
		"Beras Medium":          "beras-medium",
		"Beras Premium":         "beras-premium",
		"Beras SPHP":            "beras-sphp",
		"Cabai Merah Besar":     "cabai-merah-besar",
		"Cabai Merah Keriting":  "cabai-merah-keriting",
		"Cabai Rawit Merah":     "cabai-rawit-merah",
		"Daging Ayam Ras":       "daging-ayam-ras",
		"Daging Sapi Murni":     "daging-sapi",
		"Garam Konsumsi":        "garam",
		"Gula Konsumsi":         "gula-pasir",
		"Ikan Bandeng":          "ikan-bandeng",
		"Ikan Kembung":          "ikan-kembung",
		"Ikan Tongkol":          "ikan-tongkol",
		"Minyak Goreng Curah":   "minyak-goreng-curah",
		"Minyak Goreng Kemasan": "minyak-goreng-kemasan",
		"Minyakita":             "minyakita",
		"Telur Ayam Ras":        "telur-ayam-ras",
		"Tepung Terigu (Curah)": "tepung-terigu-curah",
		"Tepung Terigu Kemasan": "tepung-terigu-kemasan",
	} {
		want, ok := latest[commodity]
		if !ok {
			t.Errorf("%s: no price in the data", commodity)
			continue
		}
		if got := bySKU[sku].Price; got != want {
			t.Errorf("%s (%s): price %d, Bapanas %s says %d", sku, commodity, got, day[commodity], want)
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + al[i] + "\n want " + bl[i]
		}
	}
	return "lengths differ"
}

func TestReadCSV(t *testing.T) {
	t.Run("OKSemicolonBOMRupiah", func(t *testing.T) {
		in := "\xEF\xBB\xBFsku;name;aliases;category;unit;price;group;kind;min_qty;step_qty;floor_price;available\r\n" +
			"cabe;Cabai Rawit Merah;cabe rawit|cengek;bumbu dapur;KG;Rp60.000;bumbu;;0,1;0,05;Rp 55.000;ya\r\n" +
			"tomat;Tomat;;sayur;kg;15.000;sayur;goods;;;;habis\r\n" +
			"jahit;Vermak;;jasa;porsi;Rp15.000,-;jasa;service;;;;\r\n" +
			";;;;;;;;;;;\r\n"
		ps, err := catalog.ReadCSV(strings.NewReader(in), testGroups)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(ps), 3; got != want {
			t.Fatalf("%d products, want %d", got, want)
		}
		c := ps[0]
		if got, want := c.Price, int64(60000); got != want {
			t.Errorf("price = %d, want %d", got, want)
		}
		if got, want := c.FloorPrice, int64(55000); got != want {
			t.Errorf("floor = %d, want %d", got, want)
		}
		if got, want := c.MinQty, catalog.Qty(100); got != want {
			t.Errorf("min = %v, want %v", got, want)
		}
		if got, want := c.StepQty, catalog.Qty(50); got != want {
			t.Errorf("step = %v, want %v", got, want)
		}
		if got, want := c.Unit, "kg"; got != want {
			t.Errorf("unit = %q, want %q", got, want)
		}
		if got, want := strings.Join(c.Aliases, "|"), "cabe rawit|cengek"; got != want {
			t.Errorf("aliases = %q, want %q", got, want)
		}
		if got, want := c.Kind, catalog.Goods; got != want {
			t.Errorf("kind = %q, want %q", got, want)
		}
		if !c.Available {
			t.Error("ya should be available")
		}
		if got, want := ps[1].Price, int64(15000); got != want {
			t.Errorf("15.000 = %d, want %d", got, want)
		}
		if ps[1].Available {
			t.Error("habis should be unavailable")
		}
		if got, want := ps[2].Price, int64(15000); got != want {
			t.Errorf("Rp15.000,- = %d, want %d", got, want)
		}
		if got, want := ps[2].Kind, catalog.Service; got != want {
			t.Errorf("kind = %q, want %q", got, want)
		}
		if !ps[2].Available {
			t.Error("empty available should default to true")
		}
	})
	t.Run("OKHeaderAnyOrder", func(t *testing.T) {
		in := "name,sku,price,unit,group,aliases,category,kind,min_qty,step_qty,floor_price,available\n" +
			"Tomat,tomat,12000,kg,sayur,,sayur,,,,,\n"
		ps, err := catalog.ReadCSV(strings.NewReader(in), nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ps[0].SKU+" "+ps[0].Name, "tomat Tomat"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("OKNilGroupsAcceptsAny", func(t *testing.T) {
		in := header + "x,X,,,kg,1000,anything,,,,,\n"
		if _, err := catalog.ReadCSV(strings.NewReader(in), nil); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrEveryBadRow", func(t *testing.T) {
		in := header +
			"ok1,Tomat,,sayur,kg,12000,sayur,,,,,\n" + // line 2: fine
			"bad1,Cabe,,bumbu,sekarung,60000,bumbu,,,,,\n" + // line 3: unknown unit
			"bad2,Bawang,,bumbu,kg,-45000,bumbu,,,,,\n" + // line 4: negative price
			"ok1,Tomat lagi,,sayur,kg,12000,sayur,,,,,\n" + // line 5: duplicate sku
			"bad4,Tongkol,,ikan,kg,50000,laut,,,,,\n" + // line 6: unknown group
			"bad5,Telur,,telur,kg,30rbx,sembako,,,,,\n" + // line 7: bad number
			"bad6,Beras,,sembako,kg,14000,sembako\n" + // line 8: wrong column count
			"ok2,Kangkung,,sayur,ikat,4000,sayur,,,,,\n" // line 9: fine
		_, err := catalog.ReadCSV(strings.NewReader(in), testGroups)
		var ce *catalog.CSVError
		if !errors.As(err, &ce) {
			t.Fatalf("err = %v, want *CSVError", err)
		}
		var lines []int
		for _, r := range ce.Rows {
			lines = append(lines, r.Line)
		}
		if got, want := intsString(lines), "3,4,5,6,7,8"; got != want {
			t.Fatalf("error lines = %s, want %s\n%v", got, want, err)
		}
		for i, want := range []string{"unknown unit", "negative price", "duplicate sku", "unknown group", "bad price", "columns"} {
			if !strings.Contains(ce.Rows[i].Reason, want) {
				t.Errorf("line %d: reason %q, want it to mention %q", ce.Rows[i].Line, ce.Rows[i].Reason, want)
			}
		}
		if !strings.HasPrefix(err.Error(), "line 3: ") {
			t.Errorf("Error() = %q, want it to start with \"line 3: \"", err.Error())
		}
	})
	t.Run("ErrFieldProblems", func(t *testing.T) {
		for _, tt := range []struct{ row, want string }{
			{",Tomat,,sayur,kg,1,sayur,,,,,", "sku is empty"},
			{"to mat,Tomat,,sayur,kg,1,sayur,,,,,", "spaces"},
			{"t,,,sayur,kg,1,sayur,,,,,", "name is empty"},
			{"t,T,,sayur,,1,sayur,,,,,", "unit is empty"},
			{"t,T,,sayur,kg,,sayur,,,,,", "price is empty"},
			{"t,T,,sayur,kg,15.5,sayur,,,,,", "bad price"},
			{"t,T,,sayur,kg,1000,,,,,,", "group is empty"},
			{"t,T,,sayur,kg,1000,sayur,barang jadi,,,,", "kind"},
			{"t,T,,sayur,kg,1000,sayur,,x,,,", "bad min_qty"},
			{"t,T,,sayur,kg,1000,sayur,,,0.0001,,", "bad step_qty"},
			{"t,T,,sayur,kg,1000,sayur,,0.3,0.25,,", "whole number of step_qty"},
			{"t,T,,sayur,kg,1000,sayur,,,,2000,", "above price"},
			{"t,T,,sayur,kg,1000,sayur,,,,-1,", "negative floor_price"},
			{"t,T,,sayur,kg,1000,sayur,,,,,mungkin", "available"},
			{`t,"T,,sayur,kg,1000,sayur,,,,,`, "quote"},
		} {
			_, err := catalog.ReadCSV(strings.NewReader(header+tt.row+"\n"), testGroups)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "line 2:") {
				t.Errorf("row %q: err = %v, want line 2 and %q", tt.row, err, tt.want)
			}
		}
	})
	t.Run("ErrHeader", func(t *testing.T) {
		for _, in := range []string{
			"",
			"\xEF\xBB\xBF",
			"sku,name\n",
			"sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available,extra\n",
			"sku,sku,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available\n",
			"tomat,Tomat,,sayur,kg,12000,sayur,,,,,\n",
		} {
			_, err := catalog.ReadCSV(strings.NewReader(in), nil)
			if err == nil || !strings.HasPrefix(err.Error(), "line 1: ") {
				t.Errorf("ReadCSV(%q) err = %v, want a line 1 error", in, err)
			}
		}
	})
	t.Run("OKHeaderOnly", func(t *testing.T) {
		ps, err := catalog.ReadCSV(strings.NewReader(header), nil)
		if err != nil || len(ps) != 0 {
			t.Fatalf("got %v, %v; want no products and no error", ps, err)
		}
	})
	t.Run("ErrReader", func(t *testing.T) {
		_, err := catalog.ReadCSV(io.MultiReader(strings.NewReader(header+"a,A,,,kg,1,g,,,,,\n"), errReader{}), nil)
		if err == nil {
			t.Fatal("a failing reader gave no error")
		}
	})
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func intsString(xs []int) string {
	var s []string
	for _, x := range xs {
		s = append(s, strconv.Itoa(x))
	}
	return strings.Join(s, ",")
}

func TestWriteCSV(t *testing.T) {
	t.Run("OKQuoting", func(t *testing.T) {
		ps := []catalog.Product{{SKU: "x", Name: `Kue "Spesial", enak`, Unit: "biji", Price: 1000, Group: "kue", Available: false, MinQty: 1500}}
		var b bytes.Buffer
		if err := catalog.WriteCSV(&b, ps); err != nil {
			t.Fatal(err)
		}
		got, err := catalog.ReadCSV(&b, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got[0].Name != ps[0].Name || got[0].Available || got[0].MinQty != 1500 || got[0].Kind != catalog.Goods {
			t.Errorf("round trip = %+v", got[0])
		}
	})
}

func BenchmarkReadCSV(b *testing.B) {
	var buf bytes.Buffer
	if err := catalog.WriteCSV(&buf, syntheticCatalog(b, 500)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalog.ReadCSV(bytes.NewReader(data), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(catalog.DefaultCSV[:2000])
	f.Add([]byte(header + "a,A,,,kg,Rp1.000,g,,0,5;,,\n"))
	f.Add([]byte("\xEF\xBB\xBFsku;name;aliases;category;unit;price;group;kind;min_qty;step_qty;floor_price;available\nx;X;;;kg;15.000;g;;;;;habis\n"))
	f.Add([]byte(header + "\"a\nb\",A,,,kg,1,g,,,,,\n\"unterminated"))
	// Written unit forms and container units (issue 17).
	f.Add([]byte(header + "a,A,,,Kilo,1,g,,,,,\nb,B,,,btl,1,g,,,,,\nc,C,,,Tandan,1,g,,,,,\nd,D,,,sabuting,1,g,,,,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := catalog.ReadCSV(bytes.NewReader(data), nil)
		if err != nil {
			var ce *catalog.CSVError
			if !errors.As(err, &ce) || len(ce.Rows) == 0 {
				t.Fatalf("error %v is not a non-empty *CSVError", err)
			}
			return
		}
		// What was accepted must survive export and import unchanged.
		var b bytes.Buffer
		if err := catalog.WriteCSV(&b, ps); err != nil {
			t.Fatal(err)
		}
		again, err := catalog.ReadCSV(bytes.NewReader(b.Bytes()), nil)
		if err != nil {
			t.Fatalf("re-import of export failed: %v\n%s", err, b.String())
		}
		var b2 bytes.Buffer
		catalog.WriteCSV(&b2, again)
		if !bytes.Equal(b.Bytes(), b2.Bytes()) {
			t.Fatalf("export not stable:\n%s\n---\n%s", b.String(), b2.String())
		}
	})
}
