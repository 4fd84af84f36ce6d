package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasarbot/catalog"
	"pasarbot/store"
)

func runCatalogMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = Main(context.Background(), e, append([]string{"catalog"}, args...))
	return code, out.String(), errb.String()
}

func writeCatalogFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCatalogCommand(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "pasar.db")
	defaultFile := writeCatalogFile(t, "default.csv", string(catalog.DefaultCSV))

	t.Run("OKExportDefault", func(t *testing.T) {
		code, out, errs := runCatalogMain(t, "export", "--default")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if out != string(catalog.DefaultCSV) {
			t.Error("export --default differs from the built-in catalog")
		}
	})
	t.Run("ErrExportNoDatabase", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "none.db")
		code, _, errs := runCatalogMain(t, "export", "--db", missing)
		if code != 1 || !strings.Contains(errs, "no database") {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Error("export created a database")
		}
	})
	t.Run("OKImportThenExport", func(t *testing.T) {
		code, out, errs := runCatalogMain(t, "import", "--db", dbPath, defaultFile)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, "163 products imported") && !strings.Contains(out, " products imported into "+dbPath) {
			t.Errorf("summary: %q", out)
		}
		code, out, errs = runCatalogMain(t, "export", "--db", dbPath)
		if code != 0 {
			t.Fatalf("export exit %d: %s", code, errs)
		}
		if out != string(catalog.DefaultCSV) {
			t.Error("import → export of the default catalog is not byte-identical")
		}
		// The configured groups came along, with normalized phone numbers.
		db, err := store.Open(context.Background(), dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var gs []catalog.SellerGroup
		if err := db.View(context.Background(), func(tx *store.Tx) (err error) {
			gs, err = tx.Groups()
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if got, want := len(gs), 8; got != want {
			t.Fatalf("%d groups, want %d", got, want)
		}
		if !gs[0].IsLeader("6282200000001") {
			t.Errorf("sayur leaders = %v", gs[0].Leaders)
		}
	})
	t.Run("OKFlagsAfterFile", func(t *testing.T) {
		semi := "\xEF\xBB\xBFsku;name;aliases;category;unit;price;group;kind;min_qty;step_qty;floor_price;available\n" +
			"tomat;Tomat;;sayur;kg;Rp15.000;sayur;;0,25;0,25;;ya\n"
		f := writeCatalogFile(t, "semi.csv", semi)
		db := filepath.Join(t.TempDir(), "semi.db")
		code, out, errs := runCatalogMain(t, "import", f, "--db", db)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, "1 products imported") {
			t.Errorf("summary: %q", out)
		}
		_, out, _ = runCatalogMain(t, "export", "--db", db)
		if got, want := out, "sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available\ntomat,Tomat,,sayur,kg,15000,sayur,goods,0.25,0.25,,true\n"; got != want {
			t.Errorf("export = %q, want %q", got, want)
		}
	})
	t.Run("OKImportSaysWhatEmptyStepsMean", func(t *testing.T) {
		csv := "sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available\n" +
			"kunyit,Kunyit,,bumbu,kg,20000,bumbu,,,,,\n" +
			"santan,Santan,,sembako,ml,30,sembako,,,,,\n" +
			"tempe,Tempe,,lauk,papan,6000,sayur,,,,,\n" +
			"beras,Beras,,sembako,kg,13000,sembako,,5,5,,\n"
		f := writeCatalogFile(t, "steps.csv", csv)
		code, out, errs := runCatalogMain(t, "import", f, "--db", filepath.Join(t.TempDir(), "steps.db"))
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		for _, want := range []string{
			"empty step_qty on 2 weighed or measured product(s) (kunyit per kg, santan per ml): any amount, to the gram or millilitre",
			"empty step_qty on 1 counted product(s) (tempe per papan): whole units",
			"empty min_qty on 3 product(s): the minimum is one step",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("summary lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("ErrBadRowsWriteNothing", func(t *testing.T) {
		bad := "sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available\n" +
			"tomat,Tomat,,sayur,kg,12000,sayur,,,,,\n" +
			"cabe,Cabe,,bumbu,sekarung,60000,bumbu,,,,,\n" +
			"bawang,Bawang,,bumbu,kg,-45000,bumbu,,,,,\n" +
			"tomat,Tomat lagi,,sayur,kg,12000,sayur,,,,,\n" +
			"tongkol,Tongkol,,ikan,kg,50000,laut,,,,,\n" +
			"telur,Telur,,telur,kg,30rbx,sembako,,,,,\n"
		f := writeCatalogFile(t, "bad.csv", bad)
		code, out, errs := runCatalogMain(t, "import", "--db", dbPath, f)
		if code != 1 {
			t.Fatalf("exit %d, want 1: %s", code, errs)
		}
		for _, line := range []string{":line 3: ", ":line 4: ", ":line 5: ", ":line 6: ", ":line 7: "} {
			if !strings.Contains(errs, f+line) {
				t.Errorf("stderr lacks %q:\n%s", f+line, errs)
			}
		}
		if !strings.Contains(errs, "nothing imported") || out != "" {
			t.Errorf("stdout %q, stderr:\n%s", out, errs)
		}
		_, exported, _ := runCatalogMain(t, "export", "--db", dbPath)
		if exported != string(catalog.DefaultCSV) {
			t.Error("a failed import changed the stored catalog")
		}
	})
	t.Run("ErrBadFileCreatesNoDatabase", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "never.db")
		f := writeCatalogFile(t, "bad.csv", "nonsense\n")
		if code, _, _ := runCatalogMain(t, "import", "--db", db, f); code != 1 {
			t.Fatalf("exit %d, want 1", code)
		}
		if _, err := os.Stat(db); err == nil {
			t.Error("a rejected file created a database")
		}
	})
	t.Run("ErrUsage", func(t *testing.T) {
		for _, args := range [][]string{{}, {"import"}, {"import", "a.csv", "b.csv"}, {"frobnicate"}, {"export", "extra"}, {"import", "--nope", "a.csv"}} {
			if code, _, _ := runCatalogMain(t, args...); code != 2 {
				t.Errorf("catalog %v: exit %d, want 2", args, code)
			}
		}
	})
	t.Run("OKHelp", func(t *testing.T) {
		code, out, _ := runCatalogMain(t, "-h")
		if code != 0 || !strings.Contains(out, "pasarbot catalog import") {
			t.Errorf("exit %d: %q", code, out)
		}
	})
	t.Run("ErrMissingFile", func(t *testing.T) {
		if code, _, _ := runCatalogMain(t, "import", "--db", dbPath, filepath.Join(t.TempDir(), "nope.csv")); code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
	})
}
