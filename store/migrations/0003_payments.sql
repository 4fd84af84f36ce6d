-- 0003: payments (issue 20): one digital payment per order, refunds owed to buyers.
CREATE TABLE payments (
	order_code   TEXT PRIMARY KEY REFERENCES orders(code),
	method       TEXT NOT NULL,                 -- qris
	amount       INTEGER NOT NULL,              -- rupiah asked for
	payload      TEXT NOT NULL DEFAULT '',      -- the dynamic QRIS the buyer scanned
	state        TEXT NOT NULL,                 -- unpaid, paid, expired
	due_at       TEXT NOT NULL,
	confirmed_by TEXT NOT NULL DEFAULT '',      -- phone, or gateway:<name>
	reference    TEXT NOT NULL DEFAULT '',      -- a gateway's transaction id
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX payments_state ON payments(state);

CREATE TABLE refunds (
	id         INTEGER PRIMARY KEY,
	order_code TEXT NOT NULL REFERENCES orders(code),
	amount     INTEGER NOT NULL CHECK (amount > 0),
	reason     TEXT NOT NULL,
	state      TEXT NOT NULL DEFAULT 'pending', -- pending, done
	how        TEXT NOT NULL DEFAULT '',        -- transfer, tunai
	created_by TEXT NOT NULL,
	closed_by  TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	closed_at  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX refunds_order ON refunds(order_code, id);
CREATE INDEX refunds_pending ON refunds(state) WHERE state = 'pending';
