package whatsapp_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"pasarbot/bot/whatsapp"
)

// TestConnect_PairingReachesDial: an unpaired device goes down the QR
// path up to the websocket dial; cancelling the caller's context there
// ends Connect promptly, without panics.
func TestConnect_PairingReachesDial(t *testing.T) {
	for _, phone := range []string{"", "0812-3456-7001"} {
		name := "QR"
		if phone != "" {
			name = "PairPhone"
		}
		t.Run(name, func(t *testing.T) {
			dialing := make(chan string, 1)
			c, _ := MustClient(t, &inbox{}, func(o *whatsapp.Options) {
				o.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
					dialing <- addr
					<-ctx.Done() // a network that never answers
					return nil, ctx.Err()
				}
			})
			if c.Paired() {
				t.Fatal("fresh device store is paired")
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var out bytes.Buffer
			done := make(chan error, 1)
			go func() { done <- c.Connect(ctx, whatsapp.Pairing{Out: &out, Phone: phone}) }()

			select {
			case addr := <-dialing:
				if addr != "web.whatsapp.com:443" {
					t.Errorf("dialled %q", addr)
				}
			case err := <-done:
				t.Fatalf("Connect returned before dialling: %v", err)
			case <-time.After(10 * time.Second):
				t.Fatal("Connect never dialled")
			}
			cancel()
			select {
			case err := <-done:
				if !errors.Is(err, context.Canceled) {
					t.Errorf("Connect = %v, want context.Canceled", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Connect did not return after cancel")
			}
			if out.Len() != 0 {
				t.Errorf("printed a code without a connection: %q", out.String())
			}
		})
	}
}

// TestConnect_PairingNetworkDown: a refused dial is reported at once.
func TestConnect_PairingNetworkDown(t *testing.T) {
	c, _ := MustClient(t, &inbox{}, nil) // refuseDial
	start := time.Now()
	err := c.Connect(context.Background(), whatsapp.Pairing{Out: &bytes.Buffer{}})
	if err == nil || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("Connect = %v, want the dial error", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("Connect took too long to fail")
	}
}

// TestConnect_CancelledBeforeStart never touches the network.
func TestConnect_CancelledBeforeStart(t *testing.T) {
	var dials atomic.Int32
	c, _ := MustClient(t, &inbox{}, func(o *whatsapp.Options) {
		o.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
			dials.Add(1)
			return nil, errors.New("no")
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Connect(ctx, whatsapp.Pairing{Out: &bytes.Buffer{}}); !errors.Is(err, context.Canceled) {
		t.Errorf("Connect = %v", err)
	}
	if dials.Load() != 0 {
		t.Error("dialled with a cancelled context")
	}
}

// TestConnect_BadPairPhone: a malformed --pair-phone is refused before
// any network traffic.
func TestConnect_BadPairPhone(t *testing.T) {
	var dials atomic.Int32
	c, _ := MustClient(t, &inbox{}, func(o *whatsapp.Options) {
		o.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
			dials.Add(1)
			return nil, errors.New("no")
		}
	})
	err := c.Connect(context.Background(), whatsapp.Pairing{Out: &bytes.Buffer{}, Phone: "0812-ABC"})
	if err == nil || !strings.Contains(err.Error(), "not a phone number") {
		t.Errorf("Connect = %v", err)
	}
	if dials.Load() != 0 {
		t.Error("dialled with an invalid pairing phone")
	}
}

func TestConnect_NeedsOutput(t *testing.T) {
	c, _ := MustClient(t, &inbox{}, nil)
	if err := c.Connect(context.Background(), whatsapp.Pairing{}); err == nil {
		t.Error("pairing without an output accepted")
	}
}

func TestValidatePairPhone(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"6281234567001", "6281234567001"},
		{"081234567001", "6281234567001"},
		{"+62 812-3456-7001", "6281234567001"},
		{"62-812-3456-7001", "6281234567001"},
		{"81234567001", "6281234567001"},
		{"+1 (415) 555-0100", "14155550100"},
		{"+81 90-1234-5678", "819012345678"},
		{" 6281234567001 ", "6281234567001"},
	} {
		got, err := whatsapp.ValidatePairPhone(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ValidatePairPhone(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "0812", "6281", "0812-ABC-123", "62812345678901234", "+0 812 3456", "+", "+1 555", "halo"} {
		if got, err := whatsapp.ValidatePairPhone(bad); err == nil {
			t.Errorf("ValidatePairPhone(%q) = %q, want an error", bad, got)
		}
	}
}

func TestFormatPairCode(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"ABCD-EFGH", "ABCD-EFGH"},
		{"ABCDEFGH", "ABCD-EFGH"},
		{"ABC", "ABC"},
	} {
		if got := whatsapp.FormatPairCode(tt.in); got != tt.want {
			t.Errorf("FormatPairCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLogout_NotPaired(t *testing.T) {
	c, _ := MustClient(t, nil, nil)
	if err := c.Logout(context.Background()); !errors.Is(err, whatsapp.ErrNotPaired) {
		t.Errorf("Logout = %v, want ErrNotPaired", err)
	}
}

func TestShowQR(t *testing.T) {
	var out bytes.Buffer
	whatsapp.ShowQR(&out, "2@AbCdEf==,XyZ==,QwE==,RtY==")
	s := out.String()
	if !strings.Contains(s, "Linked devices") || !strings.ContainsAny(s, "▀▄█") {
		t.Errorf("QR output:\n%s", s)
	}
	if strings.Contains(s, "\x1b[") {
		t.Error("QR output has escape sequences (sixel probing or colours)")
	}
}
