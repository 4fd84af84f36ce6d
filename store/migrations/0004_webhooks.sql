-- 0004: signed webhooks (issue 21): one row per order event and receiver, written in the
-- transaction that stored the event, so a rolled-back turn queues nothing and a crash loses
-- nothing; the webhook sender delivers each at least once, a receiver's rows in order.
CREATE TABLE webhook_outbox (
	id              INTEGER PRIMARY KEY,
	event_id        TEXT NOT NULL,           -- the Idempotency-Key: one per event, every receiver
	url             TEXT NOT NULL,           -- the receiver, as configured
	payload         TEXT NOT NULL,           -- the JSON body, signed as stored
	created_at      TEXT NOT NULL,
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_attempt_at TEXT NOT NULL,
	sent_at         TEXT,                    -- delivered (2xx) or given up (dead_at set)
	dead_at         TEXT,
	last_error      TEXT NOT NULL DEFAULT '',
	UNIQUE (event_id, url)
);
CREATE INDEX webhook_outbox_pending ON webhook_outbox(url, id) WHERE sent_at IS NULL;
