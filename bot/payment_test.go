package bot_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/bot/sim"
	"pasarbot/orders"
	"pasarbot/orders/qris"
	"pasarbot/store"
)

const testStaticQRIS = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458C7"

func withQRIS(methods, flow string) func(*config.Config) {
	return func(c *config.Config) {
		c.Payments.Methods, c.Payments.QRISFlow, c.Payments.QRISStatic = methods, flow, testStaticQRIS
	}
}

// images returns the pictures sent to chat since the last step.
func (h *harness) images(name string) []sim.Entry {
	var out []sim.Entry
	for _, e := range h.rec.Since(h.mark) {
		if e.Kind == sim.EntryOut && sim.ChatName(e.Chat) == name && e.Image != nil {
			out = append(out, e)
		}
	}
	return out
}

func (h *harness) payment(code string) *orders.Payment {
	h.t.Helper()
	var p *orders.Payment
	if err := h.m.DB().View(h.ctx, func(tx *store.Tx) (err error) {
		p, err = tx.Payment(code)
		return err
	}); err != nil {
		h.t.Fatal(err)
	}
	return p
}

// orderQRIS places a one-group delivery order (bumbu) for buyer1.
func (h *harness) orderQRIS() string {
	h.t.Helper()
	h.say(buyer1, "bawang merah 1/2 kg")
	h.say(buyer1, "itu aja")
	h.say(buyer1, "antar")
	h.say(buyer1, "Bu Rina, Jl. Yos Sudarso 12, Langkai")
	h.say(buyer1, "ya")
	return h.lastCode()
}

func TestPaymentChoice(t *testing.T) {
	both := bot.NewEngine(bot.SettingsFrom(mustConfig(t, withQRIS("both", "pay_first"))), bot.SystemClock{}, zerolog.Nop())
	if got := strings.Join(both.PaymentOptions(), ","); got != "cod,qris" {
		t.Errorf("options %s", got)
	}
	if q := bot.PaymentQuestion(both); !strings.Contains(q, "1. Tunai") || !strings.Contains(q, "2. QRIS") {
		t.Errorf("question %q", q)
	}
	for text, want := range map[string]string{"1": "cod", "2": "qris", "qris aja": "qris", "bayar di tempat": "cod", "tunai": "cod", "pakai gopay": "qris"} {
		if got, ok := bot.ReadPaymentChoice(both, text); !ok || got != want {
			t.Errorf("%q → %q %v, want %q", text, got, ok, want)
		}
	}
	for _, text := range []string{"3", "nanti", ""} {
		if got, ok := bot.ReadPaymentChoice(both, text); ok {
			t.Errorf("%q read as %q", text, got)
		}
	}
	codOnly := bot.NewEngine(bot.SettingsFrom(config.Default()), bot.SystemClock{}, zerolog.Nop())
	if bot.PaymentQuestion(codOnly) != "" {
		t.Error("a COD-only market asks how to pay")
	}
	if _, ok := bot.ReadPaymentChoice(codOnly, "qris"); ok {
		t.Error("QRIS accepted in a COD-only market")
	}
}

func mustConfig(t *testing.T, edit func(*config.Config)) *config.Config {
	c := config.Default()
	edit(c)
	return c
}

// TestPayAfterConfirm: the group sees the order at once; once it confirmed,
// the buyer gets the QR for the final total; a leader's LUNAS dispatches
// with nothing left to collect.
func TestPayAfterConfirm(t *testing.T) {
	h := newHarness(t, withQRIS("qris", "pay_after_confirm"))
	code := h.orderQRIS()
	if card := h.to("bumbu"); !strings.Contains(card, code) {
		t.Fatalf("the group did not get the order at once: %q", card)
	}
	if len(h.images(buyer1)) != 0 {
		t.Fatal("QR sent before the group confirmed")
	}
	h.group("bumbu", bumbuL, "OK "+code)
	imgs := h.images(buyer1)
	if len(imgs) != 1 {
		t.Fatalf("want one QR image to the buyer, got %d", len(imgs))
	}
	if img := imgs[0].Image; img.MIME != "image/png" || !bytes.HasPrefix(img.Data, []byte("\x89PNG")) || img.Name != "qris-"+code+".png" {
		t.Errorf("image %s %s %d bytes", img.Name, img.MIME, len(img.Data))
	}
	contains(t, "caption", imgs[0].Text, code, "Warung Sayur Bu Sugeng", "Rp30.500", "sebelum jam *07.30*")
	p := h.payment(code)
	dyn, err := qris.Parse(p.Payload)
	if err != nil {
		t.Fatalf("stored payload: %v", err)
	}
	if amount, _ := dyn.Get(qris.TagAmount); amount != "30500" || p.Amount != 30500 {
		t.Errorf("amount %s / %d, want the confirmed total 30500", amount, p.Amount)
	}
	if err := h.m.DB().View(h.ctx, func(tx *store.Tx) error {
		if j, err := tx.Job(code); err != nil || j != nil {
			t.Errorf("dispatched before payment: %v %v", j, err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	contains(t, "group", h.lastTo("bumbu"), "LUNAS "+code)

	// A member who is not a leader cannot confirm money.
	contains(t, "member", h.group("bumbu", "6282200000012", "LUNAS "+code), "hanya bisa dikonfirmasi")
	h.group("bumbu", bumbuL, "LUNAS "+code)
	if p := h.payment(code); p.State != orders.PaymentPaid || p.ConfirmedBy != bumbuL {
		t.Fatalf("payment %+v", p)
	}
	j := h.job(code)
	if j == nil || j.COD != 0 {
		t.Fatalf("job %+v, want COD 0", j)
	}
	contains(t, "buyer", h.lastTo(buyer1), "sudah dibayar lewat QRIS")

	t.Run("DailyReport", func(t *testing.T) {
		contains(t, "report", h.say(admin, "LAPORAN"), "QRIS dikonfirmasi Rp30.500", "refund menunggu Rp0")
	})
}

func TestPayAfterConfirmExpires(t *testing.T) {
	h := newHarness(t, withQRIS("qris", "pay_after_confirm"))
	code := h.orderQRIS()
	h.group("bumbu", bumbuL, "OK "+code)
	h.advance(31 * 60e9)
	contains(t, "buyer", h.lastTo(buyer1), "Waktu bayar pesanan *"+code+"*")
	contains(t, "group", h.lastTo("bumbu"), code, "tidak perlu disiapkan")
	if o := h.order(code); o.Status != orders.Cancelled {
		t.Errorf("order %s, want cancelled", o.Status)
	}
	if p := h.payment(code); p.State != orders.PaymentExpired {
		t.Errorf("payment %s", p.State)
	}
}

// TestPaymentScreenshot: a buyer's picture while an order is unpaid goes to
// the admins with the order code; with no unpaid order it is not taken.
func TestPaymentScreenshot(t *testing.T) {
	h := newHarness(t, withQRIS("qris", "pay_first"))
	code := h.orderQRIS()
	shot := &bot.Image{Data: []byte("\xff\xd8\xffreceipt"), MIME: "image/jpeg"}
	send := func() {
		h.seq++
		h.mark = h.rec.Len()
		in := sim.Direct(fmt.Sprintf("T-%d", h.seq), buyer1, "", h.m.Now())
		in.Kind, in.Image = bot.KindImage, shot
		if err := h.m.Deliver(h.ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	send()
	fwd := h.images(admin)
	if len(fwd) != 1 || !bytes.Equal(fwd[0].Image.Data, shot.Data) {
		t.Fatalf("admins got %d images", len(fwd))
	}
	contains(t, "forward caption", fwd[0].Text, "Bukti bayar", code, "LUNAS "+code)
	contains(t, "buyer", h.to(buyer1), "sudah diteruskan")
	if len(h.images("bumbu")) != 0 {
		t.Error("a pay-first group saw the screenshot of an order it has not seen")
	}

	// Paid: a later picture is no longer a receipt.
	h.say(admin, "LUNAS "+code)
	send()
	if len(h.images(admin)) != 0 || strings.Contains(h.to(buyer1), "diteruskan") {
		t.Error("a picture after payment was forwarded as a receipt")
	}
}

// TestGatewayConfirm: the interface a gateway's webhook would use.
func TestGatewayConfirm(t *testing.T) {
	h := newHarness(t, withQRIS("qris", "pay_first"))
	code := h.orderQRIS()
	eng := bot.NewEngine(bot.SettingsFrom(h.cfg), h.m, zerolog.Nop())
	if err := h.m.DB().Update(h.ctx, func(tx *store.Tx) error { return eng.ConfirmPayment(tx, code, "gateway:test", "TX-991") }); err != nil {
		t.Fatal(err)
	}
	p := h.payment(code)
	if p.State != orders.PaymentPaid || p.ConfirmedBy != "gateway:test" || p.Reference != "TX-991" {
		t.Errorf("payment %+v", p)
	}
	if o := h.order(code); o.Status != orders.Placed {
		t.Errorf("order %s, want placed (sent to the groups)", o.Status)
	}
	err := h.m.DB().Update(h.ctx, func(tx *store.Tx) error { return eng.ConfirmPayment(tx, code, "gateway:test", "TX-991") })
	if err == nil {
		t.Error("a second confirmation was accepted")
	}
}

// TestRefundByHand: a COD order's "uang kembali" dispute gets the same trail.
func TestRefundByHand(t *testing.T) {
	h := newHarness(t)
	code := h.orderQRIS() // COD market: an ordinary order
	contains(t, "usage", h.say(admin, "REFUND "+code+" lima ribu"), "Cara pakai")
	contains(t, "buyer not admin", h.say(buyer1, "REFUND "+code+" 5000 kembalian kurang"), "")
	if strings.Contains(h.to(buyer1), "uang kembali") {
		t.Error("a buyer created a refund")
	}
	h.say(admin, "REFUND "+code+" 5000 kembalian kurang")
	contains(t, "buyer", h.lastTo(buyer1), "uang kembali *Rp5.000*", "kembalian kurang")
	contains(t, "list", h.say(admin, "REFUND "+code), "Rp5.000 — kembalian kurang — menunggu")
	contains(t, "close", h.say(admin, "REFUND "+code+" selesai tunai"), "dicatat selesai (tunai)")
	contains(t, "report", h.say(admin, "LAPORAN"), "refund selesai Rp5.000")
}
