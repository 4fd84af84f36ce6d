package whatsapp_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"

	"pasarbot/bot"
	"pasarbot/bot/whatsapp"
)

// inbox is a bot.Inbox that records messages, or fails or panics on demand.
type inbox struct {
	mu    sync.Mutex
	got   []bot.Inbound
	err   error
	panic any
}

func (b *inbox) Accept(ctx context.Context, msg bot.Inbound) error {
	if b.panic != nil {
		panic(b.panic)
	}
	if b.err != nil {
		return b.err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.got = append(b.got, msg)
	return nil
}

func (b *inbox) messages() []bot.Inbound {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]bot.Inbound(nil), b.got...)
}

// MustOpenDevice opens a device store in a temporary directory.
func MustOpenDevice(tb testing.TB) *whatsapp.DeviceStore {
	tb.Helper()
	dev, err := whatsapp.OpenDeviceStore(context.Background(), filepath.Join(tb.TempDir(), "device.db"), zerolog.Nop())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { dev.Close() })
	return dev
}

// refuseDial is a network that fails at once, like a machine offline.
func refuseDial(ctx context.Context, network, addr string) (net.Conn, error) {
	return nil, &net.OpError{Op: "dial", Net: network, Err: errors.New("test network: connection refused")}
}

// MustClient builds a client that can never reach WhatsApp.
func MustClient(tb testing.TB, in bot.Inbox, f func(*whatsapp.Options)) (*whatsapp.Client, *whatsapp.DeviceStore) {
	tb.Helper()
	dev := MustOpenDevice(tb)
	opts := whatsapp.Options{SendInterval: time.Second, SendBurst: 3, ChatInterval: 1500 * time.Millisecond,
		MarkRead: true, Typing: true, Log: zerolog.Nop(), Dial: refuseDial}
	if f != nil {
		f(&opts)
	}
	c := whatsapp.New(dev, in, opts)
	tb.Cleanup(c.Disconnect)
	return c, dev
}

func textEvent(text string) *events.Message {
	return event(direct(), &waE2E.Message{Conversation: proto.String(text)})
}

func TestHandleEvent_Message(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		in := &inbox{}
		c, _ := MustClient(t, in, nil)
		if !c.HandleEvent(textEvent("cabe 1 kg")) {
			t.Fatal("committed message not acknowledged")
		}
		got := in.messages()
		if len(got) != 1 || got[0].Text != "cabe 1 kg" || got[0].Chat != "6281234567001@s.whatsapp.net" {
			t.Fatalf("inbox got %+v", got)
		}
	})
	t.Run("AcceptError", func(t *testing.T) {
		c, _ := MustClient(t, &inbox{err: errors.New("database is locked")}, nil)
		if c.HandleEvent(textEvent("cabe 1 kg")) {
			t.Error("message acknowledged although the inbox refused it")
		}
	})
	t.Run("Panic", func(t *testing.T) {
		c, _ := MustClient(t, &inbox{panic: "nil map"}, nil)
		if c.HandleEvent(textEvent("cabe 1 kg")) {
			t.Error("message acknowledged although the handler panicked")
		}
	})
	t.Run("IgnoredIsAcknowledged", func(t *testing.T) {
		in := &inbox{err: errors.New("must not be called")}
		c, _ := MustClient(t, in, nil)
		own := textEvent("pesanan diterima")
		own.Info.IsFromMe = true
		if !c.HandleEvent(own) {
			t.Error("own message not acknowledged")
		}
		status := textEvent("promo")
		status.Info.Chat = types.StatusBroadcastJID
		if !c.HandleEvent(status) {
			t.Error("status update not acknowledged")
		}
	})
	t.Run("AfterStopEvents", func(t *testing.T) {
		in := &inbox{}
		c, _ := MustClient(t, in, nil)
		c.StopEvents()
		if c.HandleEvent(textEvent("cabe 1 kg")) {
			t.Error("message acknowledged after StopEvents")
		}
		if len(in.messages()) != 0 {
			t.Error("message accepted after StopEvents")
		}
	})
	t.Run("NoInbox", func(t *testing.T) {
		c, _ := MustClient(t, nil, nil)
		if c.HandleEvent(textEvent("cabe 1 kg")) {
			t.Error("message acknowledged without an inbox")
		}
	})
	t.Run("OtherEventsNeverFail", func(t *testing.T) {
		c, _ := MustClient(t, &inbox{}, nil)
		for _, evt := range []any{&events.HistorySync{}, &events.Disconnected{}, &events.Receipt{}, &events.QR{Codes: []string{"x"}}, "unknown"} {
			if !c.HandleEvent(evt) {
				t.Errorf("%T returned false; later handlers would be skipped", evt)
			}
		}
	})
}

// TestHandleEvent_ResolvesLID: a direct message with only a LID gets its
// phone number from the device's LID store, so the engine recognises a
// configured 0812… number.
func TestHandleEvent_ResolvesLID(t *testing.T) {
	in := &inbox{}
	c, dev := MustClient(t, in, nil)
	ctx := context.Background()
	if err := dev.PutLIDMapping(ctx, "99887766554433@lid", "6282200000001@s.whatsapp.net"); err != nil {
		t.Fatal(err)
	}
	evt := event(types.MessageInfo{
		MessageSource: types.MessageSource{Chat: groupJID, Sender: leaderLID, IsGroup: true, AddressingMode: types.AddressingModeLID},
		ID:            "3EB0GROUPMSG00000003", Timestamp: sentAt,
	}, &waE2E.Message{Conversation: proto.String("OK 7Q2")})
	if !c.HandleEvent(evt) {
		t.Fatal("not acknowledged")
	}
	got := in.messages()
	if len(got) != 1 {
		t.Fatalf("inbox got %d messages", len(got))
	}
	if got[0].SenderPhone != "6282200000001" || got[0].SenderLID != "99887766554433@lid" {
		t.Errorf("sender phone %q, LID %q", got[0].SenderPhone, got[0].SenderLID)
	}
}

func TestResolve(t *testing.T) {
	c, dev := MustClient(t, &inbox{}, nil)
	ctx := context.Background()
	if err := dev.PutLIDMapping(ctx, "204938475629384@lid", "6281234567001@s.whatsapp.net"); err != nil {
		t.Fatal(err)
	}
	t.Run("PhoneFromLID", func(t *testing.T) {
		in := bot.Inbound{SenderLID: "204938475629384@lid"}
		c.Resolve(ctx, &in)
		if in.SenderPhone != "6281234567001" {
			t.Errorf("SenderPhone = %q", in.SenderPhone)
		}
	})
	t.Run("LIDFromPhone", func(t *testing.T) {
		in := bot.Inbound{SenderPhone: "6281234567001"}
		c.Resolve(ctx, &in)
		if in.SenderLID != "204938475629384@lid" {
			t.Errorf("SenderLID = %q", in.SenderLID)
		}
	})
	t.Run("Unknown", func(t *testing.T) {
		in := bot.Inbound{SenderLID: "111@lid"}
		c.Resolve(ctx, &in)
		if in.SenderPhone != "" {
			t.Errorf("SenderPhone = %q for an unknown LID", in.SenderPhone)
		}
	})
}

func TestConnectionLife(t *testing.T) {
	t.Run("TemporaryBanPausesSendsUntilReconnected", func(t *testing.T) {
		clk := newFakeClock()
		resumed := make(chan time.Time, 1)
		c, _ := MustClient(t, &inbox{}, func(o *whatsapp.Options) {
			o.Now = clk.Now
			o.OnResume = func(ctx context.Context, until time.Time) { resumed <- until }
		})
		c.HandleEvent(&events.TemporaryBan{Code: events.TempBanSentToTooManyPeople, Expire: 2 * time.Hour})
		msg := bot.Outbound{ID: whatsapp.NewMessageID(), Chat: "6281234567001@s.whatsapp.net", Text: "halo"}
		var paused whatsapp.SendPausedError
		if err := c.Send(context.Background(), msg); !errors.As(err, &paused) {
			t.Fatalf("Send during ban: %v", err)
		}
		if want := clk.Now().Add(2 * time.Hour); !paused.Until.Equal(want) {
			t.Errorf("paused until %v, want %v", paused.Until, want)
		}
		clk.Advance(3 * time.Hour) // ban over, not yet reconnected
		if err := c.Send(context.Background(), msg); !errors.Is(err, whatsapp.ErrNotConnected) {
			t.Errorf("Send after the ban, before reconnecting: %v", err)
		}
		c.HandleEvent(&events.Connected{})
		select {
		case until := <-resumed:
			if !until.Equal(paused.Until) {
				t.Errorf("OnResume until %v, want %v", until, paused.Until)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("OnResume not called after reconnecting")
		}
		var again whatsapp.SendPausedError
		if err := c.Send(context.Background(), msg); errors.As(err, &again) {
			t.Errorf("still paused after reconnecting: %v", err)
		}
	})
	for _, tt := range []struct {
		name   string
		evt    any
		action string
	}{
		{"LoggedOut", &events.LoggedOut{OnConnect: true, Reason: events.ConnectFailureLoggedOut}, "link the phone anew"},
		{"StreamReplaced", &events.StreamReplaced{}, "run only one pasarbot"},
		{"ClientOutdated", &events.ClientOutdated{}, "newer pasarbot"},
		{"ConnectFailure", &events.ConnectFailure{Reason: events.ConnectFailureReason(418), Message: "unknown"}, "Open WhatsApp on the market phone"},
		{"CATRefreshError", &events.CATRefreshError{Error: errors.New("x")}, "Open WhatsApp on the market phone"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := MustClient(t, &inbox{}, nil)
			select {
			case <-c.Done():
				t.Fatal("Done before any failure")
			default:
			}
			if !c.HandleEvent(tt.evt) {
				t.Error("handler returned false")
			}
			select {
			case <-c.Done():
			default:
				t.Fatal("Done not closed")
			}
			var stopped *whatsapp.StoppedError
			if !errors.As(c.Err(), &stopped) || !strings.Contains(stopped.Error(), tt.action) {
				t.Errorf("Err = %v, want the action %q", c.Err(), tt.action)
			}
			err := c.Send(context.Background(), bot.Outbound{ID: "3EB0X", Chat: "6281234567001@s.whatsapp.net", Text: "halo"})
			if !errors.As(err, &stopped) {
				t.Errorf("Send after stop: %v", err)
			}
			if err := c.Connect(context.Background(), whatsapp.Pairing{Out: &bytes.Buffer{}}); !errors.As(err, &stopped) {
				t.Errorf("Connect after stop: %v", err)
			}
		})
	}
}

func TestSend_Refusals(t *testing.T) {
	c, _ := MustClient(t, &inbox{}, nil)
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		msg  bot.Outbound
		want string
	}{
		{"NoID", bot.Outbound{Chat: "6281234567001@s.whatsapp.net", Text: "halo"}, "no id"},
		{"MalformedChat", bot.Outbound{ID: "3EB0X", Chat: "0812345", Text: "halo"}, "malformed chat"},
		{"Empty", bot.Outbound{ID: "3EB0X", Chat: "6281234567001@s.whatsapp.net", Text: "  "}, "empty"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := c.Send(ctx, tt.msg); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Send = %v, want an error about %q", err, tt.want)
			}
		})
	}
	t.Run("NotConnected", func(t *testing.T) {
		err := c.Send(ctx, bot.Outbound{ID: "3EB0X", Chat: "6281234567001@s.whatsapp.net", Text: "halo"})
		if !errors.Is(err, whatsapp.ErrNotConnected) {
			t.Errorf("Send = %v, want ErrNotConnected", err)
		}
	})
}

func TestGroupInfo_Refusals(t *testing.T) {
	c, _ := MustClient(t, &inbox{}, nil)
	ctx := context.Background()
	if _, _, err := c.GroupInfo(ctx, "6281234567001@s.whatsapp.net"); err == nil || !strings.Contains(err.Error(), "not a group") {
		t.Errorf("GroupInfo of a person: %v", err)
	}
	if _, _, err := c.GroupInfo(ctx, "120363012345678901@g.us"); !errors.Is(err, whatsapp.ErrNotConnected) {
		t.Errorf("GroupInfo offline: %v", err)
	}
}

func TestTypingTime(t *testing.T) {
	if d := whatsapp.TypingTime(""); d != 500*time.Millisecond {
		t.Errorf("empty text types %v", d)
	}
	if d := whatsapp.TypingTime(strings.Repeat("x", 1000)); d != 2*time.Second {
		t.Errorf("long text types %v", d)
	}
}
