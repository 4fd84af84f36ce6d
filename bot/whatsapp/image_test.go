package whatsapp_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"google.golang.org/protobuf/proto"

	"pasarbot/bot"
	"pasarbot/bot/qrpng"
	"pasarbot/bot/whatsapp"
)

func TestImageMessage(t *testing.T) {
	pic, err := qrpng.Encode("00020101021226570011ID.DANA.WWW6304ABCD")
	if err != nil {
		t.Fatal(err)
	}
	up := whatsmeow.UploadResponse{
		URL:           "https://mmg.whatsapp.net/o1/v/t62.7118-24/f1/m231/abc?ccb=9-4",
		DirectPath:    "/o1/v/t62.7118-24/f1/m231/abc?ccb=9-4",
		MediaKey:      []byte("0123456789abcdef0123456789abcdef"),
		FileEncSHA256: []byte("enc-sha256-enc-sha256-enc-sha256"),
		FileSHA256:    []byte("sha256-sha256-sha256-sha256-sha2"),
		FileLength:    uint64(len(pic)),
	}
	const buyer = "6281234567001@s.whatsapp.net"
	msg := bot.Outbound{ID: "3EB0QR", Chat: buyer, Text: "Bayar Rp47.500 untuk pesanan A7K2", ReplyTo: "3EB0BUYER",
		Image: &bot.Image{Data: pic, MIME: "image/png", Name: "qris-A7K2.png"}}
	got := whatsapp.ImageMessage(msg, up, buyer)
	side := uint32(0)
	if g := got.GetImageMessage(); g != nil {
		side = g.GetWidth()
	}
	want := &waE2E.Message{ImageMessage: &waE2E.ImageMessage{
		Caption:       proto.String("Bayar Rp47.500 untuk pesanan A7K2"),
		Mimetype:      proto.String("image/png"),
		URL:           proto.String(up.URL),
		DirectPath:    proto.String(up.DirectPath),
		MediaKey:      up.MediaKey,
		FileEncSHA256: up.FileEncSHA256,
		FileSHA256:    up.FileSHA256,
		FileLength:    proto.Uint64(uint64(len(pic))),
		Width:         proto.Uint32(side),
		Height:        proto.Uint32(side),
		ContextInfo:   &waE2E.ContextInfo{StanzaID: proto.String("3EB0BUYER"), Participant: proto.String(buyer)},
	}}
	if side < 100 {
		t.Errorf("width %d: the PNG's size was not read", side)
	}
	if !proto.Equal(got, want) {
		t.Errorf("ImageMessage =\n%v\nwant\n%v", got, want)
	}
	t.Run("NoCaption", func(t *testing.T) {
		msg := msg
		msg.Text, msg.ReplyTo = "", ""
		im := whatsapp.ImageMessage(msg, up, buyer).GetImageMessage()
		if im.Caption != nil || im.ContextInfo != nil {
			t.Errorf("caption %v, context %v", im.Caption, im.ContextInfo)
		}
	})
}

func TestSend_ImageRefusals(t *testing.T) {
	c, _ := MustClient(t, &inbox{}, nil)
	ctx := context.Background()
	const buyer = "6281234567001@s.whatsapp.net"
	for _, tt := range []struct {
		name string
		img  bot.Image
		want string
	}{
		{"NoData", bot.Image{MIME: "image/png", Name: "qris.png"}, "has no data"},
		{"NotAnImage", bot.Image{Data: []byte("%PDF"), MIME: "application/pdf"}, "image/png or image/jpeg"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := c.Send(ctx, bot.Outbound{ID: "3EB0X", Chat: buyer, Image: &tt.img})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !bot.IsPermanent(err) {
				t.Errorf("Send = %v, want a permanent error about %q", err, tt.want)
			}
		})
	}
	t.Run("ImageWithoutCaptionIsNotEmpty", func(t *testing.T) {
		err := c.Send(ctx, bot.Outbound{ID: "3EB0X", Chat: buyer, Image: &bot.Image{Data: []byte("\x89PNG"), MIME: "image/png"}})
		if !errors.Is(err, whatsapp.ErrNotConnected) {
			t.Errorf("Send = %v, want ErrNotConnected (valid, just offline)", err)
		}
	})
}

func TestWantsImage(t *testing.T) {
	direct := bot.Inbound{Kind: bot.KindImage, Chat: "6281234567001@s.whatsapp.net"}
	receipt := &waE2E.ImageMessage{Mimetype: proto.String("image/jpeg"), FileLength: proto.Uint64(250_000)}
	if !whatsapp.WantsImage(direct, receipt) {
		t.Error("a buyer's receipt is not downloaded")
	}
	group := direct
	group.IsGroup = true
	huge := &waE2E.ImageMessage{Mimetype: proto.String("image/jpeg"), FileLength: proto.Uint64(5 << 20)}
	webp := &waE2E.ImageMessage{Mimetype: proto.String("image/webp"), FileLength: proto.Uint64(1000)}
	text := direct
	text.Kind = bot.KindText
	for name, c := range map[string]struct {
		in  bot.Inbound
		img *waE2E.ImageMessage
	}{"Group": {group, receipt}, "Huge": {direct, huge}, "WebP": {direct, webp}, "Captioned": {text, receipt}, "None": {direct, nil}} {
		if whatsapp.WantsImage(c.in, c.img) {
			t.Errorf("%s downloaded", name)
		}
	}
}
