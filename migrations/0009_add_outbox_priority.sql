-- Mail a person is waiting for goes first (0: confirmations, status links, promotions, cancellations; 1: reminders;
-- 2: notices to the ward, digests), so a flood of one kind never holds back another.
ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 2;
-- The address compared for the per-address cap (NFKC, trimmed, lower case, without a +tag); NULL where the address
-- was read from a stored row in the same statement (promotions, cancellations), which nobody can aim at a stranger.
ALTER TABLE outbox ADD COLUMN recipient_key TEXT;
CREATE INDEX outbox_relay ON outbox (status, priority, id);
CREATE INDEX outbox_by_recipient ON outbox (recipient_key, created_at) WHERE recipient_key IS NOT NULL;
-- A cancellation's own id: its mail is written only by the request whose UPDATE cancelled the row, however many
-- cancel at once (a millisecond timestamp let two concurrent cancels both mail).
ALTER TABLE registrations ADD COLUMN change_id TEXT;
