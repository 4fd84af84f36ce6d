-- 0002: hardening (issue 16): a courier's held jobs are looked up by courier (KURIR HAPUS).
CREATE INDEX courier_jobs_held ON courier_jobs(courier) WHERE status IN ('claimed', 'picked_up');

-- Message rate per sender (phone, else hidden id), in every chat: the limiter runs before
-- any reply, and a refused sender is answered at most once per window.
CREATE TABLE rate_windows (
	sender       TEXT PRIMARY KEY,
	window_start TEXT NOT NULL,
	count        BIGINT NOT NULL DEFAULT 0,
	warned       BIGINT NOT NULL DEFAULT 0,  -- the over-limit notice went out this window
	refused      BIGINT NOT NULL DEFAULT 0   -- a refusal went out this window
);

-- Outbox: low-priority rows (refusals, flood notices) never hold up a chat's other messages,
-- and a message WhatsApp refuses for good is set aside (dead_at) instead of blocking its chat.
ALTER TABLE outbox ADD COLUMN priority BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN dead_at TEXT;
CREATE INDEX outbox_chat_pending ON outbox(chat, priority, id) WHERE sent_at IS NULL;
