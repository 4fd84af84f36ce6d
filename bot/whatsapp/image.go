package whatsapp

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/png" // payment QR codes are PNG

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"google.golang.org/protobuf/proto"

	"pasarbot/bot"
)

// checkImage refuses an image WhatsApp could not show: no data, a type
// other than PNG or JPEG. Such a message fails the same way on every retry.
func checkImage(img *bot.Image) error {
	if len(img.Data) == 0 {
		return fmt.Errorf("whatsapp: image %q has no data", img.Name)
	}
	if img.MIME != "image/png" && img.MIME != "image/jpeg" {
		return fmt.Errorf("whatsapp: image %q has type %q; WhatsApp shows image/png or image/jpeg", img.Name, img.MIME)
	}
	return nil
}

// uploadImage encrypts and uploads the picture to WhatsApp's media servers.
// A retry uploads again (a new media key): the message id stays the same,
// so the phone still shows one message.
func (c *Client) uploadImage(ctx context.Context, img *bot.Image) (whatsmeow.UploadResponse, error) {
	up, err := c.wa.Upload(ctx, img.Data, whatsmeow.MediaImage)
	if err != nil {
		return up, classifySend(maskErr("whatsapp: upload image", err))
	}
	return up, nil
}

// ImageMessage is the WhatsApp image message for an uploaded picture: the
// upload's URL, path, keys and hashes copied as whatsmeow asks, the
// message's Text as caption, and the quote when it is a reply.
func ImageMessage(msg bot.Outbound, up whatsmeow.UploadResponse, participant string) *waE2E.Message {
	im := &waE2E.ImageMessage{
		Caption:       nonEmpty(msg.Text),
		Mimetype:      proto.String(msg.Image.MIME),
		URL:           proto.String(up.URL),
		DirectPath:    proto.String(up.DirectPath),
		MediaKey:      up.MediaKey,
		FileEncSHA256: up.FileEncSHA256,
		FileSHA256:    up.FileSHA256,
		FileLength:    proto.Uint64(up.FileLength),
		ContextInfo:   quote(msg, participant),
	}
	// The size lets the phone lay out the bubble before the download.
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(msg.Image.Data)); err == nil {
		im.Width, im.Height = proto.Uint32(uint32(cfg.Width)), proto.Uint32(uint32(cfg.Height))
	}
	return &waE2E.Message{ImageMessage: im}
}

// maxInboundImage bounds a buyer's picture that is downloaded and kept in
// the inbox row: a phone screenshot of a payment is 100–500 kB; anything
// far larger is not a receipt and would bloat the database.
const maxInboundImage = 1 << 20

// wantsImage says whether an inbound picture is worth downloading: only
// pictures without caption in direct chats (a buyer's payment receipt, to
// be forwarded to whoever confirms), of a type WhatsApp shows, not too big.
func wantsImage(in bot.Inbound, img *waE2E.ImageMessage) bool {
	if in.IsGroup || in.Kind != bot.KindImage || img == nil {
		return false
	}
	mime := img.GetMimetype()
	return (mime == "image/jpeg" || mime == "image/png") && img.GetFileLength() > 0 && img.GetFileLength() <= maxInboundImage
}

// attachImage downloads a direct chat's picture into in.Image. Best
// effort: without it the engine tells the confirmers the picture is on the
// market phone, so a failed download must not withhold the message.
func (c *Client) attachImage(ctx context.Context, m *waE2E.Message, in *bot.Inbound) {
	img := m.GetImageMessage()
	if !wantsImage(*in, img) {
		return
	}
	data, err := c.wa.Download(ctx, img)
	if err != nil {
		c.logger(ctx).Warn().Err(maskErr("whatsapp: download image", err)).Msg("picture not downloaded; passed on without it")
		return
	}
	in.Image = &bot.Image{Data: data, MIME: img.GetMimetype()}
}
