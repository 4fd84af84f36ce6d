package whatsapp

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/store"

	"pasarbot/bot"
	"pasarbot/bot/config"
)

// Options configure a Client. OptionsFromConfig fills them from the
// whatsapp section of the configuration.
type Options struct {
	SendInterval time.Duration // market-wide minimum gap between sends
	SendBurst    int           // sends allowed back to back
	ChatInterval time.Duration // minimum gap within one chat (plus jitter)
	Typing       bool          // show "typing…" briefly before each answer
	MarkRead     bool          // send read receipts for accepted messages

	Log zerolog.Logger

	// OnResume is called, in its own goroutine, when the connection is back
	// after a temporary ban, so the engine can tell the admins.
	OnResume func(ctx context.Context, bannedUntil time.Time)

	// OnConnection is called with true on every connection to WhatsApp and
	// false when it drops or stops (metrics and /healthz). It must not block.
	OnConnection func(up bool)

	// Dial replaces the network dialer of the WhatsApp websocket (tests,
	// special networks). nil dials directly, honouring https_proxy.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)

	// Now is the clock (nil: time.Now).
	Now func() time.Time
}

// OptionsFromConfig takes the pacing, typing and read-receipt settings
// from the configuration.
func OptionsFromConfig(cfg config.WhatsApp, log zerolog.Logger) Options {
	return Options{
		SendInterval: cfg.SendInterval,
		SendBurst:    cfg.SendBurst,
		ChatInterval: cfg.ChatInterval,
		Typing:       cfg.Typing,
		MarkRead:     cfg.MarkRead,
		Log:          log,
	}
}

// acceptTimeout bounds one inbox write inside the event handler: a stuck
// database must not stall every chat; the message is then refused and
// delivered again later.
const acceptTimeout = time.Minute

// Client is the market number's WhatsApp connection. It implements
// bot.Messenger; inbound messages go to the bot.Inbox given to New.
type Client struct {
	wa    *whatsmeow.Client
	dev   *DeviceStore
	inbox bot.Inbox
	opts  Options
	log   zerolog.Logger
	pacer *Pacer
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error

	// runCtx is the connection's life: whatsmeow's socket, keepalive and
	// event contexts hang off it. It is not the caller's context, so a
	// SIGINT lets the message in hand finish and the outbox send its last
	// row; Disconnect ends it.
	runCtx    context.Context
	cancelRun context.CancelFunc

	// evMu guards event intake: handlers hold it shared, StopEvents takes
	// it exclusively, which waits for the message in hand.
	evMu     sync.RWMutex
	stopping bool

	mu          sync.Mutex
	banned      bool
	pausedUntil time.Time
	banTimer    *time.Timer
	err         error
	done        chan struct{}

	recent  *recentSenders
	reads   chan readReceipt
	workers sync.WaitGroup
	started bool
}

// New builds a client on a device store. inbox receives inbound messages;
// it may be nil for a client used only to log out, which then refuses
// (does not acknowledge) any message that arrives meanwhile.
func New(dev *DeviceStore, inbox bot.Inbox, opts Options) *Client {
	log := opts.Log.With().Str("module", "whatsapp").Logger()
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	nameDevice()
	wa := whatsmeow.NewClient(dev.device, newWALogger(opts.Log, "client"))
	// Transient drops are retried by whatsmeow itself; permanent failures
	// arrive as events (see handleEvent).
	wa.EnableAutoReconnect = true
	// Ack only after our handler returned true, i.e. after Accept committed;
	// keep decrypted plaintext until then so a redelivery can be read.
	wa.SynchronousAck = true
	wa.EnableDecryptedEventBuffer = true
	// A message this device cannot decrypt (sessions still settling after
	// linking, a LID migration) is asked for again from the market phone,
	// which has its own copy: an order is not lost to a key mix-up.
	wa.AutomaticMessageRerequestFromPhone = true
	if opts.Dial != nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.DialContext = opts.Dial
		h := &http.Client{Transport: t}
		wa.SetPreLoginHTTPClient(h)
		wa.SetWebsocketHTTPClient(h)
	}
	runCtx, cancel := context.WithCancel(log.WithContext(context.Background()))
	wa.BackgroundEventCtx = runCtx

	pacer := NewPacer(opts.SendInterval, opts.SendBurst, opts.ChatInterval)
	pacer.Now = now
	c := &Client{
		wa:        wa,
		dev:       dev,
		inbox:     inbox,
		opts:      opts,
		log:       log,
		pacer:     pacer,
		now:       now,
		sleep:     sleepCtx,
		runCtx:    runCtx,
		cancelRun: cancel,
		done:      make(chan struct{}),
		recent:    newRecentSenders(recentSendersSize),
		reads:     make(chan readReceipt, readQueueSize),
	}
	wa.AddEventHandlerWithSuccessStatus(c.handleEvent)
	return c
}

// Paired reports whether the device is linked to a phone.
func (c *Client) Paired() bool { return c.wa.Store.ID != nil }

// Connect connects to WhatsApp. An unpaired device is linked first
// (Pairing says how; Connect returns once the phone accepted the link);
// a paired one connects silently, and if the network is down it keeps
// trying in the background instead of failing. Cancelling ctx during
// Connect abandons the attempt; afterwards the connection lives until
// Disconnect.
func (c *Client) Connect(ctx context.Context, p Pairing) error {
	if err := c.Err(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, c.cancelRun)
	defer stop()
	c.startWorkers()
	// InitialAutoReconnect turns a failed first dial into background
	// retries. Only once paired: whatsmeow never retries an unpaired
	// device, so during pairing it would hide the error and leave the
	// operator waiting for a QR code that cannot come.
	if !c.Paired() {
		if err := c.pair(ctx, p); err != nil {
			return err
		}
		c.wa.InitialAutoReconnect = true
		return nil
	}
	c.wa.InitialAutoReconnect = true
	if err := c.wa.ConnectContext(c.runCtx); err != nil && !errors.Is(err, whatsmeow.ErrAlreadyConnected) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	return nil
}

// startWorkers starts the read-receipt sender once.
func (c *Client) startWorkers() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.started {
		return
	}
	c.started = true
	c.workers.Add(1)
	go func() {
		defer c.workers.Done()
		c.readLoop()
	}()
}

// StopEvents stops taking inbound messages and waits for the one in hand
// to be committed. Later messages are not acknowledged, so WhatsApp keeps
// them for the next start. Call it first when shutting down.
func (c *Client) StopEvents() {
	c.evMu.Lock()
	c.stopping = true
	c.evMu.Unlock()
}

// Disconnect stops events (if not yet done), closes the connection and
// stops the client's goroutines. Call it after the outbox sender returned,
// and before closing the device store.
func (c *Client) Disconnect() {
	c.StopEvents()
	c.wa.Disconnect()
	c.mu.Lock()
	if c.banTimer != nil {
		c.banTimer.Stop()
	}
	c.mu.Unlock()
	c.cancelRun()
	c.workers.Wait()
}

// Done is closed when the client stopped for good (see StoppedError).
func (c *Client) Done() <-chan struct{} { return c.done }

// Err is the reason the client stopped, or nil while it runs.
func (c *Client) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// stop ends the client for good with err; the first reason wins.
func (c *Client) stop(err *StoppedError) {
	c.mu.Lock()
	first := c.err == nil
	if first {
		c.err = err
		close(c.done)
	}
	c.mu.Unlock()
	c.connection(false)
	if first {
		c.log.Error().Str("reason", err.Reason).Str("action", err.Action).Msg("WhatsApp connection stopped")
	}
}

// connection reports the connection going up or down to OnConnection.
func (c *Client) connection(up bool) {
	if c.opts.OnConnection != nil {
		c.opts.OnConnection(up)
	}
}

// logger is the caller's logger from ctx, else the client's.
func (c *Client) logger(ctx context.Context) *zerolog.Logger {
	if l := zerolog.Ctx(ctx); l != zerolog.DefaultContextLogger && l.GetLevel() != zerolog.Disabled {
		return l
	}
	return &c.log
}

// deviceName is how pasarbot appears in the phone's list of linked devices
// after a QR link. whatsmeow keeps it in a package variable; set it once.
var deviceName sync.Once

func nameDevice() {
	deviceName.Do(func() { store.SetOSInfo("pasarbot", [3]uint32{1, 0, 0}) })
}
