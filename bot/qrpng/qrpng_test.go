package qrpng_test

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxingqr "github.com/makiuchi-d/gozxing/qrcode"

	"pasarbot/bot/qrpng"
	"pasarbot/orders/qris"
)

// decode reads the QR code in a PNG back to text with an independent
// decoder (a port of ZXing).
func decode(t *testing.T, pngBytes []byte) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := zxingqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return res.GetText()
}

func TestEncodeRoundTrip(t *testing.T) {
	static, err := qris.ParseStatic("00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458C7")
	if err != nil {
		t.Fatal(err)
	}
	for _, rupiah := range []int64{1, 47500, 1250000} {
		amount, _ := qris.Rupiah(rupiah)
		payload, err := qris.Dynamic(static, amount)
		if err != nil {
			t.Fatal(err)
		}
		pic, err := qrpng.Encode(payload)
		if err != nil {
			t.Fatal(err)
		}
		if got := decode(t, pic); got != payload {
			t.Errorf("decoded\n%s\nwant\n%s", got, payload)
		}
		cfg, _ := png.DecodeConfig(bytes.NewReader(pic))
		if cfg.Width < 300 || cfg.Width > 900 || cfg.Width != cfg.Height {
			t.Errorf("image %dx%d, want a square of 300-900 px", cfg.Width, cfg.Height)
		}
	}
}

func TestEncodeEmpty(t *testing.T) {
	if _, err := qrpng.Encode(""); err == nil {
		t.Error("an empty payload was drawn")
	}
}
