// Package config loads pasarbot's YAML configuration. Unknown keys and
// invalid values are errors that name the key and its line, reported before
// anything starts.
package config

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Example is the documented example configuration (config.example.yaml at the
// repository root is a copy; a test keeps them equal).
//
//go:embed example.yaml
var Example []byte

// Config is the whole configuration file.
type Config struct {
	Market       Market        `yaml:"market"`
	Database     Database      `yaml:"database"`
	WhatsApp     WhatsApp      `yaml:"whatsapp"`
	Admins       []string      `yaml:"admins"`
	Hours        Hours         `yaml:"hours"`
	SellerGroups []SellerGroup `yaml:"seller_groups"`
	Couriers     Couriers      `yaml:"couriers"`
	Delivery     Delivery      `yaml:"delivery"`
	Bargaining   Bargaining    `yaml:"bargaining"`
	Orders       Orders        `yaml:"orders"`
	Payments     Payments      `yaml:"payments"`
	Limits       Limits        `yaml:"limits"`
	Log          Log           `yaml:"log"`
	Backup       Backup        `yaml:"backup"`
	Ops          Ops           `yaml:"ops"`
	Webhooks     []Webhook     `yaml:"webhooks"`
	location     *time.Location
	adminPhones  []string
	sourceName   string
	root         *yaml.Node
	entry        *yaml.Node // this market's item of markets:, nil in a single-market file
	entryKey     string     // "markets[2]"
	warnings     []string
}

type Market struct {
	// ID names the market in logs, metrics, --market and file paths: a
	// short slug (see ValidateID). Default: DefaultMarketID.
	ID       string  `yaml:"id"`
	Name     string  `yaml:"name"`
	Timezone string  `yaml:"timezone"`
	Language string  `yaml:"language"`
	Catalog  string  `yaml:"catalog"`
	Location *LatLng `yaml:"location"`
	Address  string  `yaml:"address"`
}

type LatLng struct {
	Lat float64 `yaml:"lat"`
	Lng float64 `yaml:"lng"`
}

type Database struct {
	Path string `yaml:"path"`
	// Postgres, when set, keeps the market on PostgreSQL instead of the
	// SQLite file at Path: a postgres:// URL; the market's tables (and its
	// WhatsApp device keys) live in the schema Schema.
	Postgres string `yaml:"postgres"`
	Schema   string `yaml:"schema"`
}

// OnPostgres reports whether the market is kept on PostgreSQL.
func (d Database) OnPostgres() bool { return d.Postgres != "" }

type WhatsApp struct {
	DeviceStore   string        `yaml:"device_store"`
	HistoryWindow time.Duration `yaml:"history_window"`
	SendInterval  time.Duration `yaml:"send_interval"`
	SendBurst     int           `yaml:"send_burst"`
	ChatInterval  time.Duration `yaml:"chat_interval"`
	Typing        bool          `yaml:"typing"`
	MarkRead      bool          `yaml:"mark_read"`
}

type Hours struct {
	Open        string            `yaml:"open"`
	Close       string            `yaml:"close"`
	Days        map[string]string `yaml:"days"`
	ClosedDates []string          `yaml:"closed_dates"`
	PreOrders   bool              `yaml:"preorders"`
	OnClose     string            `yaml:"on_close"`
	PriceCheck  bool              `yaml:"price_check_reminder"`
	ReportAt    string            `yaml:"report_at"`
}

type SellerGroup struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Category string   `yaml:"category"`
	Stall    string   `yaml:"stall"`
	Leaders  []string `yaml:"leaders"`
	Members  []Member `yaml:"members"`
}

type Member struct {
	Phone string `yaml:"phone"`
	Name  string `yaml:"name"`
}

type Couriers struct {
	PaymentMode  string        `yaml:"payment_mode"`
	ClaimTimeout time.Duration `yaml:"claim_timeout"`
	Rebroadcasts int           `yaml:"rebroadcasts"`
	MaskPhones   bool          `yaml:"mask_phones"`
	Drivers      []Driver      `yaml:"drivers"`
}

type Driver struct {
	Phone string `yaml:"phone"`
	Name  string `yaml:"name"`
	Plate string `yaml:"plate"`
}

type Delivery struct {
	SelfPickup bool    `yaml:"self_pickup"`
	Zones      []Zone  `yaml:"zones"`
	BaseFee    int64   `yaml:"base_fee"`
	PerKm      int64   `yaml:"per_km"`
	MaxKm      float64 `yaml:"max_km"`
	DefaultFee int64   `yaml:"default_fee"`
}

type Zone struct {
	Name     string   `yaml:"name"`
	Keywords []string `yaml:"keywords"`
	Fee      int64    `yaml:"fee"`
}

type Bargaining struct {
	Enabled            bool          `yaml:"enabled"`
	MaxRounds          int           `yaml:"max_rounds"`
	MaxDiscountPercent int           `yaml:"max_discount_percent"`
	ResponseTimeout    time.Duration `yaml:"response_timeout"`
}

type Orders struct {
	BurstWindow      time.Duration `yaml:"burst_window"`
	CartIdle         time.Duration `yaml:"cart_idle"`
	HandoverIdle     time.Duration `yaml:"handover_idle"`
	SellerTimeout    time.Duration `yaml:"seller_timeout"`
	MembersMayAnswer bool          `yaml:"members_may_answer"`
	WeighTolerance   int           `yaml:"weigh_tolerance_percent"`
	DailyCap         int           `yaml:"daily_cap"`
	GroupDailyCap    int           `yaml:"group_daily_cap"`
	CodeSeed         int64         `yaml:"code_seed"`
}

type Limits struct {
	MessagesPerMinute int   `yaml:"messages_per_minute"`
	MaxMessageBytes   int   `yaml:"max_message_bytes"`
	MaxKg             int64 `yaml:"max_kg"`
	MaxLiter          int64 `yaml:"max_liter"`
	MaxPieces         int64 `yaml:"max_pieces"`
	MaxPrice          int64 `yaml:"max_price"`
	MaxLineAmount     int64 `yaml:"max_line_amount"`
	MaxOrderTotal     int64 `yaml:"max_order_total"`
	MaxOutboundBytes  int   `yaml:"max_outbound_bytes"`
}

type Log struct {
	Level  string `yaml:"level"`
	Format string `yaml:"format"`
}

// Error is a configuration problem at a line of the file.
type Error struct {
	File   string
	Line   int
	Market string // the market's id (or markets[i]) in a file listing markets
	Key    string
	Msg    string
}

func (e *Error) Error() string {
	at := e.File
	if e.Line > 0 {
		at = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Market != "" {
		return fmt.Sprintf("%s: market %s: %s: %s", at, e.Market, e.Key, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", at, e.Key, e.Msg)
}

// Default returns the configuration used when no file is given: the example
// file's values.
func Default() *Config {
	c, err := Parse("config.example.yaml", Example)
	if err != nil {
		panic("config: embedded example is invalid: " + err.Error())
	}
	return c
}

// Load reads and validates a configuration file of one market (a file
// listing several markets is refused: use LoadDeployment).
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, b)
}

// Path picks the configuration file: the --config flag, else
// $PASARBOT_CONFIG, else "" (built-in defaults).
func Path(flag string) string {
	if flag != "" {
		return flag
	}
	return os.Getenv("PASARBOT_CONFIG")
}

// Parse decodes and validates the configuration of one market. Omitted
// keys take the defaults of the example configuration. A file listing
// several markets is an error here (ParseDeployment reads it).
func Parse(name string, data []byte) (*Config, error) {
	d, err := ParseDeployment(name, data)
	if err != nil {
		return nil, err
	}
	if len(d.Markets) != 1 {
		return nil, fmt.Errorf("config: %s lists %d markets; choose one (--market ID)", name, len(d.Markets))
	}
	return d.Markets[0], nil
}

// yamlError turns yaml.v3's messages ("line 7: field foo not found in type
// config.Market") into our form, keeping the line.
func yamlError(name string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		var lines []string
		for _, e := range te.Errors {
			lines = append(lines, name+":"+strings.TrimPrefix(e, "line "))
		}
		return fmt.Errorf("config: %s", strings.Join(lines, "\n"))
	}
	return fmt.Errorf("config: %s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
}

// defaults are applied before the file is decoded, so an omitted key keeps
// these values. They match the comments in example.yaml.
func defaults() *Config {
	return &Config{
		Market:   Market{Name: "Pasar", Timezone: "Asia/Jakarta", Language: "id"},
		Database: Database{Path: "pasarbot.db"},
		WhatsApp: WhatsApp{
			DeviceStore:   "pasarbot-device.db",
			HistoryWindow: 30 * time.Minute,
			SendInterval:  time.Second,
			SendBurst:     3,
			ChatInterval:  1500 * time.Millisecond,
			Typing:        true,
			MarkRead:      true,
		},
		Hours: Hours{Open: "06:00", Close: "12:00", PreOrders: true, OnClose: "expire", ReportAt: "20:00"},
		Couriers: Couriers{
			PaymentMode:  "talangan",
			ClaimTimeout: 10 * time.Minute,
			Rebroadcasts: 2,
			MaskPhones:   true,
		},
		Delivery:   Delivery{SelfPickup: true, DefaultFee: 10000},
		Bargaining: Bargaining{Enabled: true, MaxRounds: 3, MaxDiscountPercent: 20, ResponseTimeout: 15 * time.Minute},
		Orders: Orders{
			BurstWindow:    3 * time.Second,
			CartIdle:       30 * time.Minute,
			HandoverIdle:   30 * time.Minute,
			SellerTimeout:  20 * time.Minute,
			WeighTolerance: 10,
			CodeSeed:       0,
		},
		Payments: paymentDefaults(),
		Limits: Limits{MessagesPerMinute: 20, MaxMessageBytes: 4096,
			MaxKg: 100, MaxLiter: 100, MaxPieces: 500, MaxPrice: 10_000_000,
			MaxLineAmount: 10_000_000, MaxOrderTotal: 20_000_000, MaxOutboundBytes: 4000},
		Log:    Log{Level: "info", Format: "console"},
		Backup: Backup{Dir: "backups", At: "02:00", Keep: 14},
		Ops:    Ops{OutboxMaxAge: 5 * time.Minute},
	}
}
