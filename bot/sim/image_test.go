package sim_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/bot/sim"
)

var testPNG = []byte("\x89PNG\r\n\x1a\nnot really drawn")

func TestTranscriptImage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "images")
	r := sim.NewRecorder()
	at := time.Date(2026, 11, 25, 6, 30, 0, 0, time.UTC)
	r.SetClock(func() time.Time { return at })
	if err := r.Send(context.Background(), bot.Outbound{ID: "o1", Chat: sim.DirectChat("6281234567001"), Text: "Bayar Rp47.500",
		Image: &bot.Image{Data: testPNG, MIME: "image/png", Name: "qris-A7K2.png"}}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	tr := sim.NewTranscript(&out, time.UTC)
	tr.ImageDir = dir
	tr.Entries(r.Since(0))
	if err := tr.Err(); err != nil {
		t.Fatal(err)
	}
	if want := "[06:30] → 6281234567001: 🖼 qris-A7K2.png (image/png, 24 bytes)\n                         Bayar Rp47.500\n"; out.String() != want {
		t.Errorf("transcript\n%q\nwant\n%q", out.String(), want)
	}
	got, err := os.ReadFile(filepath.Join(dir, "qris-A7K2.png"))
	if err != nil || !bytes.Equal(got, testPNG) {
		t.Errorf("image file: %v", err)
	}
}

func TestWebEventsImage(t *testing.T) {
	srv, rec, _ := newWeb(t)
	if err := rec.Send(context.Background(), bot.Outbound{ID: "o1", Chat: sim.DirectChat("6281234567001"), Text: "Bayar",
		Image: &bot.Image{Data: testPNG, MIME: "image/png"}}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	res := openEvents(t, ctx, srv.URL)
	ev := readEvents(t, res.Body, 2)[1]
	if img, _ := ev["image"].(string); img != "data:image/png;base64,iVBORw0KGgpub3QgcmVhbGx5IGRyYXdu" {
		t.Errorf("image = %v", ev["image"])
	}
	if _, ok := ev["text"]; !ok {
		t.Errorf("caption lost: %v", ev)
	}
	page, err := http.Get(srv.URL + "/app.js")
	if err != nil {
		t.Fatal(err)
	}
	defer page.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(page.Body)
	if page.StatusCode != http.StatusOK || !strings.Contains(b.String(), `createElement("img")`) {
		t.Errorf("the page does not draw images (status %d)", page.StatusCode)
	}
}
