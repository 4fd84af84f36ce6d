-- 0001: the whole first schema: catalog, people, conversations, inbox/outbox, orders, couriers.
-- Times are RFC 3339 UTC text; money is integer rupiah; quantities are integer thousandths of a unit.

CREATE TABLE settings (
	key        TEXT PRIMARY KEY,
	value      TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

CREATE TABLE seller_groups (
	id       TEXT PRIMARY KEY,           -- short id used in commands: sayur
	name     TEXT NOT NULL,
	category TEXT NOT NULL DEFAULT '',
	stall    TEXT NOT NULL DEFAULT '',   -- pickup location text for couriers
	chat_id  TEXT UNIQUE                 -- bound WhatsApp group JID (DAFTAR GRUP)
);

CREATE TABLE group_members (
	group_id  TEXT NOT NULL REFERENCES seller_groups(id) ON DELETE CASCADE,
	phone     TEXT NOT NULL,             -- normalized 62812...
	name      TEXT NOT NULL DEFAULT '',
	is_leader INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (group_id, phone)
);

CREATE TABLE products (
	sku         TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	aliases     TEXT NOT NULL DEFAULT '',   -- '|'-separated
	category    TEXT NOT NULL DEFAULT '',
	unit        TEXT NOT NULL,
	price       INTEGER NOT NULL CHECK (price >= 0),
	group_id    TEXT NOT NULL REFERENCES seller_groups(id),
	kind        TEXT NOT NULL CHECK (kind IN ('goods', 'service')),
	min_qty     INTEGER NOT NULL DEFAULT 0,
	step_qty    INTEGER NOT NULL DEFAULT 0,
	floor_price INTEGER NOT NULL DEFAULT 0,
	available   INTEGER NOT NULL DEFAULT 1,
	position    INTEGER NOT NULL DEFAULT 0, -- import order, kept for export
	updated_at  TEXT NOT NULL
);
CREATE INDEX products_group ON products(group_id);

-- Every price or availability change, with who and when (also the daily price report).
CREATE TABLE price_changes (
	id        INTEGER PRIMARY KEY,
	sku       TEXT NOT NULL,
	price     INTEGER NOT NULL,
	available INTEGER NOT NULL,
	actor     TEXT NOT NULL,             -- phone, 'import', 'admin'
	at        TEXT NOT NULL
);
CREATE INDEX price_changes_sku_at ON price_changes(sku, at);

-- A person is anyone who writes to the market number. Phone and LID are optional
-- (WhatsApp may hide the phone number), but at least one is set.
CREATE TABLE people (
	id           INTEGER PRIMARY KEY,
	phone        TEXT UNIQUE,
	lid          TEXT UNIQUE,
	name         TEXT NOT NULL DEFAULT '',
	last_name    TEXT NOT NULL DEFAULT '',  -- delivery name last used
	last_address TEXT NOT NULL DEFAULT '',  -- delivery address last used
	last_lat     REAL,
	last_lng     REAL,
	blocked      INTEGER NOT NULL DEFAULT 0,
	created_at   TEXT NOT NULL
);

-- One row per chat: the conversation state machine's state and its data (cart,
-- pending question, delivery draft) as JSON.
CREATE TABLE conversations (
	chat       TEXT PRIMARY KEY,          -- chat address exactly as it arrived
	state      TEXT NOT NULL,
	data       TEXT NOT NULL DEFAULT '{}',
	updated_at TEXT NOT NULL
);

-- Transactional inbox: a message id is processed once, however often it arrives.
CREATE TABLE inbox (
	message_id   TEXT PRIMARY KEY,
	chat         TEXT NOT NULL,
	payload      TEXT NOT NULL,           -- JSON of the inbound message
	received_at  TEXT NOT NULL,
	processed_at TEXT
);
CREATE INDEX inbox_pending ON inbox(received_at) WHERE processed_at IS NULL;

-- Transactional outbox: written with the state change that caused it; the
-- WhatsApp message id is chosen here so a retry re-sends the same id.
CREATE TABLE outbox (
	id              INTEGER PRIMARY KEY,
	message_id      TEXT NOT NULL UNIQUE,
	chat            TEXT NOT NULL,
	payload         TEXT NOT NULL,        -- JSON of the outbound message
	created_at      TEXT NOT NULL,
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_attempt_at TEXT NOT NULL,
	sent_at         TEXT,
	last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox(id) WHERE sent_at IS NULL;

CREATE TABLE couriers (
	phone      TEXT PRIMARY KEY,          -- normalized 62812...
	name       TEXT NOT NULL,
	plate      TEXT NOT NULL DEFAULT '',
	active     INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL
);

CREATE TABLE orders (
	code        TEXT PRIMARY KEY,         -- short code buyers and traders use: A7K2
	buyer_chat  TEXT NOT NULL,
	buyer_phone TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL,
	delivery    TEXT NOT NULL,            -- antar | ambil
	name        TEXT NOT NULL DEFAULT '',
	address     TEXT NOT NULL DEFAULT '',
	area        TEXT NOT NULL DEFAULT '', -- zone/kelurahan shown to traders
	lat         REAL,
	lng         REAL,
	ongkir      INTEGER NOT NULL DEFAULT 0,
	payment     TEXT NOT NULL DEFAULT 'cod',
	market_day  TEXT NOT NULL,            -- YYYY-MM-DD in market time
	data        TEXT NOT NULL DEFAULT '{}', -- less-queried details (JSON)
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX orders_buyer ON orders(buyer_chat, created_at);
CREATE INDEX orders_day ON orders(market_day);

-- One sub-order per seller group in an order.
CREATE TABLE sub_orders (
	order_code   TEXT NOT NULL REFERENCES orders(code),
	group_id     TEXT NOT NULL,
	status       TEXT NOT NULL,
	list_total   INTEGER NOT NULL,        -- at list prices
	agreed_total INTEGER NOT NULL,        -- last agreed total: what the receipt and COD use
	confirmed_by TEXT NOT NULL DEFAULT '',
	trader       TEXT NOT NULL DEFAULT '',
	deadline_at  TEXT,
	data         TEXT NOT NULL DEFAULT '{}',
	PRIMARY KEY (order_code, group_id)
);

CREATE TABLE order_lines (
	order_code  TEXT NOT NULL REFERENCES orders(code),
	line_no     INTEGER NOT NULL,
	group_id    TEXT NOT NULL,
	sku         TEXT NOT NULL,
	name        TEXT NOT NULL,
	unit        TEXT NOT NULL,
	qty         INTEGER NOT NULL,         -- thousandths of unit
	price       INTEGER NOT NULL,         -- per unit, rupiah
	amount      INTEGER NOT NULL,         -- line total, rupiah
	note        TEXT NOT NULL DEFAULT '',
	if_sold_out TEXT NOT NULL DEFAULT 'ask',
	PRIMARY KEY (order_code, line_no)
);

-- Append-only audit of every status change, with who and when.
CREATE TABLE order_events (
	id          INTEGER PRIMARY KEY,
	order_code  TEXT NOT NULL REFERENCES orders(code),
	group_id    TEXT NOT NULL DEFAULT '',
	from_status TEXT NOT NULL,
	to_status   TEXT NOT NULL,
	actor       TEXT NOT NULL,
	detail      TEXT NOT NULL DEFAULT '',
	at          TEXT NOT NULL
);
CREATE INDEX order_events_order ON order_events(order_code, id);

-- Bargaining: every offer and counter.
CREATE TABLE offers (
	id         INTEGER PRIMARY KEY,
	order_code TEXT NOT NULL REFERENCES orders(code),
	group_id   TEXT NOT NULL,
	side       TEXT NOT NULL CHECK (side IN ('buyer', 'seller')),
	amount     INTEGER NOT NULL,
	outcome    TEXT NOT NULL DEFAULT 'open', -- open, accepted, countered, refused, auto_refused
	actor      TEXT NOT NULL,
	at         TEXT NOT NULL
);
CREATE INDEX offers_order ON offers(order_code, group_id, id);

CREATE TABLE courier_jobs (
	order_code   TEXT PRIMARY KEY REFERENCES orders(code),
	status       TEXT NOT NULL,            -- open, claimed, picked_up, delivered, cancelled
	courier      TEXT,                     -- courier phone
	ongkir       INTEGER NOT NULL,
	cod          INTEGER NOT NULL,
	payment_mode TEXT NOT NULL,            -- talangan | prepaid
	pins         TEXT NOT NULL DEFAULT '{}', -- pickup PIN per seller group (JSON)
	broadcasts   INTEGER NOT NULL DEFAULT 0,
	created_at   TEXT NOT NULL,
	claimed_at   TEXT,
	picked_at    TEXT,
	delivered_at TEXT
);

CREATE TABLE ratings (
	order_code TEXT NOT NULL REFERENCES orders(code),
	target     TEXT NOT NULL,              -- group:<id> or courier:<phone>
	stars      INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
	comment    TEXT NOT NULL DEFAULT '',
	at         TEXT NOT NULL,
	PRIMARY KEY (order_code, target)
);

CREATE TABLE complaints (
	id         INTEGER PRIMARY KEY,
	order_code TEXT NOT NULL,
	chat       TEXT NOT NULL,
	text       TEXT NOT NULL,
	at         TEXT NOT NULL
);

-- Deadlines survive downtime: every timer is a row, checked at startup and by the clock.
CREATE TABLE timers (
	id     INTEGER PRIMARY KEY,
	kind   TEXT NOT NULL,                  -- cart_idle, seller_answer, courier_claim, ...
	ref    TEXT NOT NULL,                  -- chat or order code (+ group)
	due_at TEXT NOT NULL,
	done   INTEGER NOT NULL DEFAULT 0,
	UNIQUE (kind, ref)
);
CREATE INDEX timers_due ON timers(due_at) WHERE done = 0;

-- Scheduled jobs run once per key (e.g. open:2026-11-25), so a restart never repeats them.
CREATE TABLE job_runs (
	key    TEXT PRIMARY KEY,
	ran_at TEXT NOT NULL
);

-- Admin actions, with who and when.
CREATE TABLE admin_log (
	id      INTEGER PRIMARY KEY,
	actor   TEXT NOT NULL,
	command TEXT NOT NULL,
	at      TEXT NOT NULL
);
