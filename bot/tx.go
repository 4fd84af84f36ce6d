package bot

import (
	"context"
	"time"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// Tx is what the conversation needs from storage, inside one transaction:
// small interfaces per concern (as whatsmeow's store does), so a reader
// sees what a piece of code may touch and a test can fake one slice. The
// store package implements all of them on SQLite; everything a message
// changes (conversation, orders, outbox rows, its inbox mark) commits
// together.
type Tx interface {
	CatalogTx
	ConversationTx
	QueueTx
	OrderTx
	CourierTx
	TimerTx
	SettingTx
	PeopleTx
	PaymentTx // payments and refunds (payment_tx.go)
}

// CatalogTx: products and seller groups.
type CatalogTx interface {
	Groups() ([]catalog.SellerGroup, error)
	BindGroupChat(groupID, chatID string) error
	GroupByChat(chatID string) (catalog.SellerGroup, bool, error)
	Products() ([]catalog.Product, error)
	SetPrice(sku string, price int64, actor string, at time.Time) error
	SetAvailable(sku string, available bool, actor string, at time.Time) error
}

// ConversationTx: buyer conversations; a chat never seen is returned in
// StateIdle.
type ConversationTx interface {
	Conversation(chat string) (*Conversation, error)
	SaveConversation(c *Conversation) error
	ConversationsIn(states ...State) ([]*Conversation, error)
}

// QueueTx: the inbox (each inbound message once) and the outbox.
type QueueTx interface {
	InsertInbound(in Inbound, at time.Time) (fresh bool, err error)
	PendingInbound(limit int) ([]Inbound, error)
	MarkProcessed(id string, at time.Time) error
	Enqueue(out Outbound, at time.Time) error
}

// OrderTx: orders, their offers, complaints and ratings.
type OrderTx interface {
	OrderCount() (int, error)
	OrderExists(code string) (bool, error)
	CreateOrder(o *orders.Order) error
	Order(code string) (*orders.Order, error) // nil, nil when unknown
	SaveOrder(o *orders.Order) error          // also appends o.NewEvents
	OrdersOf(chat string, limit int) ([]*orders.Order, error)
	OrdersIn(statuses ...orders.Status) ([]*orders.Order, error)
	OrdersOfDay(day string) ([]*orders.Order, error)
	AddOffer(o Offer) error
	Offers(code string) ([]Offer, error)
	AddComplaint(code, chat, text string, at time.Time) error
	AddRating(code, target string, stars int, comment string, at time.Time) error
	RecentBuyers(since time.Time) ([]string, error)
}

// CourierTx: couriers and delivery jobs.
type CourierTx interface {
	Couriers() ([]orders.Courier, error)
	SaveCourier(c orders.Courier, at time.Time) error
	Job(code string) (*orders.Job, error) // nil, nil when none
	SaveJob(j *orders.Job) error
	JobsOfDay(day string) ([]*orders.Job, error)
	JobsOfCourier(phone string) ([]*orders.Job, error) // claimed or picked up, oldest first
}

// TimerTx: deadlines survive restarts, every one a row.
type TimerTx interface {
	SetTimer(kind, ref string, due time.Time) error
	ClearTimer(kind, ref string) error
	DueTimers(now time.Time, limit int) ([]Timer, error)
}

// SettingTx: scheduled jobs run once per key; settings hold small state.
type SettingTx interface {
	JobRan(key string) (bool, error)
	MarkJobRan(key string, at time.Time) error
	Setting(key string) (string, error) // "" when unset
	SetSetting(key, value string, at time.Time) error
}

// PeopleTx: the message rate per sender, the blocklist and the admins' log.
type PeopleTx interface {
	RateWindow(sender string) (RateWindow, error)
	SaveRateWindow(w RateWindow) error
	SetBlocked(phone string, blocked bool, at time.Time) error
	Blocked(phone string) (bool, error)
	BlockedPhones() ([]string, error)
	LogAdmin(actor, command string, at time.Time) error
}

// Store opens transactions. store.DB satisfies it through the adapter in
// store/bot.go, so bot never imports SQL.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Offer is one bargaining move, stored for the audit trail.
type Offer struct {
	Order   string
	Group   string
	Side    string // buyer | seller
	Amount  int64
	Outcome string // open, accepted, countered, refused, auto_refused
	Actor   string
	At      time.Time
}

// Timer is a stored deadline.
type Timer struct {
	Kind string
	Ref  string
	Due  time.Time
}
