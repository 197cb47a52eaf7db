-- The cancel / claim links of a registration mailed after the first one (a reminder, a promotion from the waiting
-- list), one per mail (SHA-256 only; the token is only ever in the mail). The first mail's token stays in
-- registrations.cancel_token_hash. A later mail adds its own instead of replacing an earlier one, so every link a
-- person was sent keeps working until the registration is cancelled or purged (the purge deletes these with it).
CREATE TABLE registration_links (
  token_hash TEXT PRIMARY KEY,
  registration_id INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX registration_links_by_registration ON registration_links (registration_id);
