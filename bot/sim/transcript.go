package sim

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Transcript writes simulator log entries as readable text:
//
//	--- Rabu, 25 Nov 2026 06:30 ---
//	[06:30] 6281234567001 > cabe rawit 1/4
//	[06:30] → 6281234567001: Siap kak, keranjang:
//	                         - Cabe rawit 1/4 kg
//	[06:31] sayur/6282200000001 > OK A7K2
//	--- 06:45 (+15m) ---
type Transcript struct {
	w        io.Writer
	loc      *time.Location
	lastDate string // date of the last separator, to show it only when it changes
	comment  bool   // the last thing written was a comment
	err      error  // first write error; later writes are skipped

	// ImageDir, when set, receives every image the bot sends as a file
	// (named by the image, else by the message id); the transcript shows
	// the file name where the picture was.
	ImageDir string
}

// NewTranscript writes to w, showing times in loc (the market's zone).
func NewTranscript(w io.Writer, loc *time.Location) *Transcript {
	if loc == nil {
		loc = time.UTC
	}
	return &Transcript{w: w, loc: loc}
}

// Err returns the first write error.
func (t *Transcript) Err() error { return t.err }

// Entries writes entries in order.
func (t *Transcript) Entries(es []Entry) {
	for _, e := range es {
		t.Entry(e)
	}
}

// Entry writes one entry.
func (t *Transcript) Entry(e Entry) {
	at := e.At.In(t.loc)
	hm := at.Format("15:04")
	switch e.Kind {
	case EntryClock:
		label := hm
		if date := at.Format("2006-01-02"); date != t.lastDate {
			t.lastDate = date
			label = DayName(at) + ", " + at.Format("2 Jan 2006") + " " + hm
		}
		if e.Advance > 0 {
			label += " (+" + FormatDuration(e.Advance) + ")"
		}
		t.line("--- " + label + " ---")
	case EntryIn:
		who := e.From
		if IsGroupChat(e.Chat) {
			who = ChatName(e.Chat) + "/" + e.From
		}
		t.message("["+hm+"] "+who+" > ", e)
	case EntryOut:
		t.message("["+hm+"] → "+ChatName(e.Chat)+": ", e)
	}
}

// Comment writes a script comment as narration, set off by a blank line.
func (t *Transcript) Comment(text string) {
	if !t.comment {
		t.line("")
	}
	t.line("# " + text)
	t.comment = true
}

// message writes prefix + text, indenting further lines under the text.
func (t *Transcript) message(prefix string, e Entry) {
	text := e.Text
	if e.Location != nil {
		pin := fmt.Sprintf("📍 %.5f,%.5f", e.Location.Lat, e.Location.Lng)
		if e.Location.Name != "" {
			pin += " " + e.Location.Name
		}
		text = strings.TrimSpace(pin + "\n" + text)
	}
	if e.Image != nil {
		text = strings.TrimSpace("🖼 " + t.saveImage(e) + "\n" + text)
	}
	indent := strings.Repeat(" ", utf8.RuneCountInString(prefix))
	for i, l := range strings.Split(text, "\n") {
		switch {
		case i == 0:
			t.line(prefix + l)
		case l == "":
			t.line("")
		default:
			t.line(indent + l)
		}
	}
}

// saveImage writes an entry's image into ImageDir and returns its file
// name (without the directory, so transcripts read the same on every run).
func (t *Transcript) saveImage(e Entry) string {
	name := filepath.Base(e.Image.Name)
	if e.Image.Name == "" {
		name = e.ID + imageExt(e.Image.MIME)
	}
	if t.ImageDir != "" && t.err == nil {
		if t.err = os.MkdirAll(t.ImageDir, 0o755); t.err == nil {
			t.err = os.WriteFile(filepath.Join(t.ImageDir, name), e.Image.Data, 0o644)
		}
	}
	return fmt.Sprintf("%s (%s, %d bytes)", name, e.Image.MIME, len(e.Image.Data))
}

func imageExt(mime string) string {
	if mime == "image/jpeg" {
		return ".jpg"
	}
	return ".png"
}

func (t *Transcript) line(s string) {
	t.comment = false
	if t.err != nil {
		return
	}
	_, t.err = io.WriteString(t.w, s+"\n")
}

// dayNames are Indonesian weekday names, Sunday first as time.Weekday.
var dayNames = [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// DayName is t's weekday in Indonesian.
func DayName(t time.Time) string { return dayNames[t.Weekday()] }

// FormatDuration writes d as a script would: "45m", "1h30m", "2h", "90s".
func FormatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
