package bot

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/hours"
	"pasarbot/bot/parse"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// Settings are the market rules the conversation follows, taken from the
// configuration by the wiring code.
type Settings struct {
	MarketName        string
	MarketAddress     string
	Lang              string // id or en
	Location          *time.Location
	Hours             config.Hours
	Admins            []string // normalized phones
	Fees              orders.FeeTable
	Bargain           orders.BargainRules
	SelfPickup        bool
	CartIdle          time.Duration
	HandoverIdle      time.Duration
	SellerTimeout     time.Duration
	OfferTimeout      time.Duration
	ClaimTimeout      time.Duration
	Rebroadcasts      int
	MembersMayAnswer  bool
	WeighTolerance    int
	DailyCap          int
	GroupDailyCap     int
	PaymentMode       orders.PaymentMode
	MaskPhones        bool
	PreOrders         bool
	OnClose           string // expire | carry_over
	PriceCheck        bool
	ReportAt          string
	CodeSeed          int64
	MaxMessageBytes   int
	MessagesPerMinute int
	HistoryWindow     time.Duration
	Limits            catalog.Limits // bounds on lines, orders and prices
	MaxOutboundBytes  int            // longer outbound texts are split into pages
	Payments          config.Payments
}

// SettingsFrom maps a validated configuration onto the bot's settings.
func SettingsFrom(c *config.Config) Settings {
	s := Settings{
		MarketName:    c.Market.Name,
		MarketAddress: c.Market.Address,
		Lang:          c.Market.Language,
		Location:      c.Location(),
		Hours:         c.Hours,
		Admins:        c.AdminPhones(),
		Fees: orders.FeeTable{
			BaseFee: c.Delivery.BaseFee, PerKm: c.Delivery.PerKm, MaxKm: c.Delivery.MaxKm,
			DefaultFee: c.Delivery.DefaultFee,
		},
		Bargain: orders.BargainRules{
			Enabled: c.Bargaining.Enabled, MaxRounds: c.Bargaining.MaxRounds,
			MaxDiscountPercent: c.Bargaining.MaxDiscountPercent,
		},
		SelfPickup:        c.Delivery.SelfPickup,
		CartIdle:          c.Orders.CartIdle,
		HandoverIdle:      c.Orders.HandoverIdle,
		SellerTimeout:     c.Orders.SellerTimeout,
		OfferTimeout:      c.Bargaining.ResponseTimeout,
		ClaimTimeout:      c.Couriers.ClaimTimeout,
		Rebroadcasts:      c.Couriers.Rebroadcasts,
		MembersMayAnswer:  c.Orders.MembersMayAnswer,
		WeighTolerance:    c.Orders.WeighTolerance,
		DailyCap:          c.Orders.DailyCap,
		GroupDailyCap:     c.Orders.GroupDailyCap,
		PaymentMode:       orders.PaymentMode(c.Couriers.PaymentMode),
		MaskPhones:        c.Couriers.MaskPhones,
		PreOrders:         c.Hours.PreOrders,
		OnClose:           c.Hours.OnClose,
		PriceCheck:        c.Hours.PriceCheck,
		ReportAt:          c.Hours.ReportAt,
		CodeSeed:          c.Orders.CodeSeed,
		MaxMessageBytes:   c.Limits.MaxMessageBytes,
		MessagesPerMinute: c.Limits.MessagesPerMinute,
		HistoryWindow:     c.WhatsApp.HistoryWindow,
		Limits:            c.CatalogLimits(),
		MaxOutboundBytes:  c.Limits.MaxOutboundBytes,
		Payments:          c.Payments,
	}
	for _, z := range c.Delivery.Zones {
		s.Fees.Zones = append(s.Fees.Zones, orders.Zone{Name: z.Name, Keywords: z.Keywords, Fee: z.Fee})
	}
	if l := c.Market.Location; l != nil {
		s.Fees.MarketLat, s.Fees.MarketLng, s.Fees.HasMarket = l.Lat, l.Lng, true
	}
	return s
}

// Engine is the conversation: it turns one inbound message or one clock
// firing into state changes and outbound messages, inside the caller's
// transaction. It holds no per-chat state in memory; only caches of the
// catalog, rebuilt when it changes.
type Engine struct {
	set   Settings
	clock Clock
	log   zerolog.Logger

	// Dispatcher publishes delivery jobs; nil means the WhatsApp courier group.
	Dispatcher Dispatcher
	// ReportChart draws the daily report's charts as one image for the
	// admins; nil sends the text alone. The wiring sets it (bot/charts
	// reads the store, which the engine must not import).
	ReportChart func(day string) (*Image, error)
	// Payments builds what a buyer pays a digital order with; nil means the
	// market's static QRIS from the configuration (see payment.go).
	Payments PaymentProvider

	catalogDirty bool
	products     []catalog.Product
	bySKU        map[string]catalog.Product
	groups       []catalog.SellerGroup
	index        *catalog.Index
	parser       *parse.Parser
	sched        *hours.Schedule
	blocked      map[string]bool // nil: load from the store
	// serviceProducts are the catalog's services (services.go); nil until
	// first needed after a catalog load.
	serviceProducts []catalog.Product
	zoneKeyCache    []zoneKey // the zones' keywords (clauses.go); settings do not change

	// loaded is the catalog the fields above were loaded from, published
	// for the readers that read buyers' messages ahead of the writer
	// (readahead.go); nil until loaded and after an invalidation.
	loaded        atomic.Pointer[loadedCatalog]
	readAheadUsed atomic.Int64 // readings done ahead that the writer used
}

// loadedCatalog is one load of the catalog. It is never changed after it
// is published: engines reading ahead share it with the writer, and a
// reading done on it is the writer's only while the writer still has it.
type loadedCatalog struct {
	products []catalog.Product
	bySKU    map[string]catalog.Product
	groups   []catalog.SellerGroup
	index    *catalog.Index
	parser   *parse.Parser
}

// useCatalog makes lc the engine's catalog.
func (e *Engine) useCatalog(lc *loadedCatalog) {
	e.products, e.bySKU, e.groups, e.index, e.parser = lc.products, lc.bySKU, lc.groups, lc.index, lc.parser
	e.serviceProducts = nil
	e.catalogDirty = false
	e.loaded.Store(lc)
}

// NewEngine builds an engine. The catalog is loaded from the store on first use.
func NewEngine(set Settings, clock Clock, log zerolog.Logger) *Engine {
	if set.Location == nil {
		set.Location = time.UTC
	}
	if set.Lang == "" {
		set.Lang = "id"
	}
	return &Engine{set: set, clock: clock, log: log, catalogDirty: true}
}

// Settings returns the engine's market rules.
func (e *Engine) Settings() Settings { return e.set }

// InvalidateCatalog makes the next turn reload products, groups, the
// hours overrides and the blocklist: after a change, or after a rolled
// back transaction may have left the caches ahead of the database.
func (e *Engine) InvalidateCatalog() {
	e.catalogDirty = true
	e.loaded.Store(nil)
	e.sched = nil
	e.blocked = nil
}

func (e *Engine) loadCatalog(tx Tx) error {
	if !e.catalogDirty && e.index != nil {
		return nil
	}
	ps, err := tx.Products()
	if err != nil {
		return err
	}
	gs, err := tx.Groups()
	if err != nil {
		return err
	}
	lc := &loadedCatalog{products: ps, groups: gs, bySKU: make(map[string]catalog.Product, len(ps))}
	for _, p := range ps {
		lc.bySKU[p.SKU] = p
	}
	lc.index = catalog.NewIndex(ps)
	lc.parser = parse.New(lc.index)
	e.useCatalog(lc)
	return nil
}

// group returns the seller group with id.
func (e *Engine) group(id string) (catalog.SellerGroup, bool) {
	for _, g := range e.groups {
		if g.ID == id {
			return g, true
		}
	}
	return catalog.SellerGroup{}, false
}

// schedule builds the market hours including admin overrides, reusing the
// last one while the stored overrides are unchanged.
func (e *Engine) schedule(tx Tx) (*hours.Schedule, error) {
	// Only the engine writes the overrides (admin commands, maintenance),
	// and it drops the cache when it does; a failed transaction drops it too.
	if e.sched != nil {
		return e.sched, nil
	}
	raw, err := tx.Setting(settingOverrides)
	if err != nil {
		return nil, err
	}
	var ov hours.Overrides
	if raw != "" {
		if err := json.Unmarshal([]byte(raw), &ov); err != nil {
			return nil, fmt.Errorf("bot: stored hours overrides: %w", err)
		}
	}
	s, err := hours.New(e.set.Hours, e.set.Location, ov)
	if err != nil {
		return nil, err
	}
	e.sched = s
	return s, nil
}

// turn collects what one message or firing causes, so the caller commits it
// together with the state change.
type turn struct {
	e     *Engine
	tx    Tx
	now   time.Time
	cause string // inbound message id or firing key: outbound ids derive from it
	out   []Outbound
	log   zerolog.Logger

	window      *RateWindow // the sender's rate window, when the turn answers a message
	windowDirty bool        // window changed after limit saved it
}

func (e *Engine) newTurn(tx Tx, cause string, now time.Time) *turn {
	return &turn{e: e, tx: tx, now: now, cause: cause, log: e.log}
}

// send queues a text to chat, split into numbered pages when it is longer
// than the market's outbound limit.
func (t *turn) send(chat, text string) { t.queue(chat, text, false) }

// lowReply queues a low-priority answer (a refusal, a flood notice): it
// waits behind the chat's other messages, so it never delays an order card.
func (t *turn) lowReply(in Inbound, text string) { t.queue(in.Chat, text, true) }

func (t *turn) queue(chat, text string, low bool) {
	for _, page := range Pages(strings.TrimSpace(text), t.e.set.MaxOutboundBytes) {
		t.out = append(t.out, Outbound{ID: OutboundID(t.cause, len(t.out)), Chat: chat, Text: page, Low: low})
	}
}

// reply queues a text to the chat the message came from. It is sent as a
// plain message, not a WhatsApp quote of the buyer's message.
func (t *turn) reply(in Inbound, text string) {
	t.send(in.Chat, text)
}

// flush writes the turn's messages to the outbox.
func (t *turn) flush() error {
	if t.window != nil && t.windowDirty {
		if err := t.tx.SaveRateWindow(*t.window); err != nil {
			return err
		}
		t.windowDirty = false
	}
	for _, o := range t.out {
		if err := t.tx.Enqueue(o, t.now); err != nil {
			return err
		}
	}
	t.out = nil
	return nil
}

// OutboundID derives a WhatsApp-style message id from what caused the
// message and its position, so re-running the same cause after a crash
// yields the same ids and never a second message with another id.
func OutboundID(cause string, n int) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s#%d", cause, n)))
	return "3EB0" + strings.ToUpper(hex.EncodeToString(h[:9]))
}

// t picks the text for the market's language.
// Apology is the answer, in the market's language, to a message the engine
// could not process (the pipeline sets such a message aside).
func (e *Engine) Apology() string { return e.t("internal_error") }

func (e *Engine) t(key string, args ...any) string {
	return text(e.set.Lang, key, args...)
}

func (e *Engine) isAdmin(phone string) bool {
	for _, a := range e.set.Admins {
		if a == phone && phone != "" {
			return true
		}
	}
	return false
}

// marketDay is the market-local date of t.
func (e *Engine) marketDay(t time.Time) string {
	return t.In(e.set.Location).Format("2006-01-02")
}

// clockText is HH.MM in market time, as Indonesians write it.
func (e *Engine) clockText(t time.Time) string {
	return t.In(e.set.Location).Format("15.04")
}

// mask hides most of a phone number unless the market shows them.
func (e *Engine) mask(phone string) string {
	if !e.set.MaskPhones {
		return phone
	}
	return MaskPhone(phone)
}
