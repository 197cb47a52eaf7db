-- The every-minute cron looks for seats whose claim window has passed (claim_until < now); only promoted,
-- unconfirmed seats have one, so a partial index keeps that look-up from scanning every registration.
CREATE INDEX registrations_by_claim_until ON registrations (claim_until) WHERE claim_until IS NOT NULL;
