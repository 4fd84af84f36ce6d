package bot

import (
	"context"
	"time"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// Tx is what the conversation needs from storage, inside one transaction.
// The store package implements it on SQLite; everything a message changes
// (conversation, orders, outbox rows, its inbox mark) commits together.
type Tx interface {
	// Catalog and seller groups.
	Groups() ([]catalog.SellerGroup, error)
	BindGroupChat(groupID, chatID string) error
	GroupByChat(chatID string) (catalog.SellerGroup, bool, error)
	Products() ([]catalog.Product, error)
	SetPrice(sku string, price int64, actor string, at time.Time) error
	SetAvailable(sku string, available bool, actor string, at time.Time) error

	// Conversations; a chat never seen is returned in StateIdle.
	Conversation(chat string) (*Conversation, error)
	SaveConversation(c *Conversation) error
	ConversationsIn(states ...State) ([]*Conversation, error)

	// Inbox and outbox.
	InsertInbound(in Inbound, at time.Time) (fresh bool, err error)
	PendingInbound(limit int) ([]Inbound, error)
	MarkProcessed(id string, at time.Time) error
	Enqueue(out Outbound, at time.Time) error

	// Orders.
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

	// Couriers and jobs.
	Couriers() ([]orders.Courier, error)
	SaveCourier(c orders.Courier, at time.Time) error
	Job(code string) (*orders.Job, error) // nil, nil when none
	SaveJob(j *orders.Job) error
	JobsOfDay(day string) ([]*orders.Job, error)
	JobsOfCourier(phone string) ([]*orders.Job, error) // claimed or picked up, oldest first

	// Timers survive restarts: every deadline is a row.
	SetTimer(kind, ref string, due time.Time) error
	ClearTimer(kind, ref string) error
	DueTimers(now time.Time, limit int) ([]Timer, error)

	// Scheduled jobs run once per key; settings hold small state.
	JobRan(key string) (bool, error)
	MarkJobRan(key string, at time.Time) error
	Setting(key string) (string, error) // "" when unset
	SetSetting(key, value string, at time.Time) error

	// Message rate per sender, everywhere.
	RateWindow(sender string) (RateWindow, error)
	SaveRateWindow(w RateWindow) error

	// People: blocklist.
	SetBlocked(phone string, blocked bool, at time.Time) error
	Blocked(phone string) (bool, error)
	BlockedPhones() ([]string, error)
	LogAdmin(actor, command string, at time.Time) error

	// Payments and refunds (payment_tx.go).
	PaymentTx
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
