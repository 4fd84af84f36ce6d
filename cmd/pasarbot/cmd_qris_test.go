package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasarbot/orders/qris"
)

const testStaticQRIS = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458C7"

func runQrisMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = Main(context.Background(), e, append([]string{"qris"}, args...))
	return code, out.String(), errb.String()
}

func TestQrisCommand(t *testing.T) {
	t.Run("Dynamic", func(t *testing.T) {
		pngPath := filepath.Join(t.TempDir(), "pay.png")
		code, out, errs := runQrisMain(t, "--static", testStaticQRIS, "--amount", "47500", "--png", pngPath)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		payload := strings.TrimSpace(out)
		p, err := qris.Parse(payload)
		if err != nil {
			t.Fatalf("printed payload invalid: %v", err)
		}
		if v, _ := p.Get(qris.TagAmount); v != "47500" {
			t.Errorf("amount %q", v)
		}
		if !strings.Contains(payload, "010212") || !strings.Contains(payload, "5303360540547500") {
			t.Errorf("payload %s", payload)
		}
		pic, err := os.ReadFile(pngPath)
		if err != nil || !bytes.HasPrefix(pic, []byte("\x89PNG")) {
			t.Errorf("no PNG written: %v", err)
		}
	})
	t.Run("Check", func(t *testing.T) {
		code, out, _ := runQrisMain(t, "--check", testStaticQRIS)
		if code != 0 || !strings.Contains(out, "59 22 merchant name") || !strings.Contains(out, "OK:") {
			t.Errorf("exit %d:\n%s", code, out)
		}
	})
	t.Run("ErrCheckBadCRC", func(t *testing.T) {
		code, out, _ := runQrisMain(t, "--check", testStaticQRIS[:len(testStaticQRIS)-4]+"1234")
		if code != 1 || !strings.Contains(out, "checksum is 1234 but the payload computes to 58C7") {
			t.Errorf("exit %d:\n%s", code, out)
		}
	})
	t.Run("ErrBadStatic", func(t *testing.T) {
		code, _, errs := runQrisMain(t, "--static", testStaticQRIS[:50], "--amount", "5000")
		if code != 1 || !strings.Contains(errs, "pasarbot qris: qris: at character") {
			t.Errorf("exit %d: %s", code, errs)
		}
	})
	t.Run("ErrAmount", func(t *testing.T) {
		code, _, errs := runQrisMain(t, "--static", testStaticQRIS, "--amount", "47.500")
		if code != 1 || !strings.Contains(errs, "one or two decimals") {
			t.Errorf("exit %d: %s", code, errs)
		}
	})
	t.Run("ErrUsage", func(t *testing.T) {
		if code, _, _ := runQrisMain(t, "--static", testStaticQRIS); code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
	})
}
