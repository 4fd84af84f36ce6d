package whatsapp_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"go.mau.fi/whatsmeow/types"

	"pasarbot/bot/whatsapp"
)

func TestOpenDeviceStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pasarbot-device.db")
	dev, err := whatsapp.OpenDeviceStore(ctx, path, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	if dev.Paired() || dev.JID() != "" {
		t.Errorf("new store paired as %q", dev.JID())
	}
	if dev.Path() != path {
		t.Errorf("Path = %q", dev.Path())
	}
	if err := dev.Close(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("device file mode %o, want 600 (it holds the keys)", perm)
	}
	// Reopening the (upgraded) file works and still holds no device.
	dev, err = whatsapp.OpenDeviceStore(ctx, path, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	if dev.Paired() {
		t.Error("reopened store paired")
	}
}

func TestOpenDeviceStore_BadPath(t *testing.T) {
	ctx := context.Background()
	for _, p := range []string{"", "dev?x.db", filepath.Join(t.TempDir(), "missing", "dir", "dev.db")} {
		if dev, err := whatsapp.OpenDeviceStore(ctx, p, zerolog.Nop()); err == nil {
			dev.Close()
			t.Errorf("OpenDeviceStore(%q) succeeded", p)
		}
	}
}

func TestNewMessageID(t *testing.T) {
	format := regexp.MustCompile(`^3EB0[0-9A-F]{18}$`)
	seen := map[string]bool{}
	for range 1000 {
		id := whatsapp.NewMessageID()
		if !format.MatchString(id) {
			t.Fatalf("id %q has not whatsmeow's format", id)
		}
		if seen[id] {
			t.Fatalf("id %q repeated", id)
		}
		seen[id] = true
	}
	// whatsmeow's own generator, unpaired and offline, has the same shape.
	c, _ := MustClient(t, &inbox{}, nil)
	if id := c.GenerateMessageID(); !format.MatchString(id) {
		t.Errorf("client id %q has another format", id)
	}
}

func TestWALogger_MasksPhones(t *testing.T) {
	var buf bytes.Buffer
	log := whatsapp.NewWALogger(zerolog.New(&buf).Level(zerolog.DebugLevel), "client")
	log.Infof("Updated LID to %s for %s", types.NewJID("204938475629384", types.HiddenUserServer),
		types.JID{User: "6281234567001", Device: 3, Server: types.DefaultUserServer})
	log.Sub("Socket").Warnf("group %s from 6281234567001@s.whatsapp.net", "120363012345678901@g.us")
	log.Debugf("raw %s", "6281234567001@s.whatsapp.net")
	out := buf.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines:\n%s", len(lines), out)
	}
	for _, l := range lines[:2] {
		if strings.Contains(l, "6281234567001") || strings.Contains(l, "204938475629384") {
			t.Errorf("info/warn line shows a full id: %s", l)
		}
	}
	for _, want := range []string{"62812****7001:3@s.whatsapp.net", "20493****9384@lid", `"module":"whatsmeow/client"`} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("line %s lacks %s", lines[0], want)
		}
	}
	if !strings.Contains(lines[1], "120363012345678901@g.us") || !strings.Contains(lines[1], `"module":"whatsmeow/client/Socket"`) {
		t.Errorf("group id or module wrong: %s", lines[1])
	}
	if !strings.Contains(lines[2], "6281234567001@s.whatsapp.net") {
		t.Errorf("debug line should keep the id for troubleshooting: %s", lines[2])
	}
}

func TestMaskJIDs(t *testing.T) {
	got := whatsapp.MaskJIDs("Failed to get LID for 6281234567001@s.whatsapp.net: x; ts 1767225600")
	if want := "Failed to get LID for 62812****7001@s.whatsapp.net: x; ts 1767225600"; got != want {
		t.Errorf("MaskJIDs = %q, want %q", got, want)
	}
}

func TestMaskedError(t *testing.T) {
	inner := errors.New("failed to get LID for PN 6281234567001@s.whatsapp.net: timeout")
	err := whatsapp.MaskErr("whatsapp: send", inner)
	if strings.Contains(err.Error(), "6281234567001") || !strings.Contains(err.Error(), "62812****7001@s.whatsapp.net") {
		t.Errorf("error text %q", err)
	}
	if !errors.Is(err, inner) {
		t.Error("original error lost")
	}
}
