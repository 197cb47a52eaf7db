-- Job alerts by mail: a double opt-in subscription to the openings of one listing (its facet), sent as a
-- daily or weekly digest through the outbox. Times are ISO 8601 UTC strings.
CREATE TABLE job_alerts (
  id INTEGER PRIMARY KEY,
  -- As typed, for sending; blanked when the alert is stopped.
  email TEXT NOT NULL,
  -- NFKC, trimmed, lower case: for the per-address limit on confirmation mails.
  email_key TEXT NOT NULL,
  -- JSON { type?, family?, employment? }: facet keys of the listing it was subscribed from.
  filters TEXT NOT NULL,
  frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'stopped')),
  -- SHA-256 of the confirmation link's token; NULL once confirmed.
  confirm_token_hash TEXT UNIQUE,
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  -- A pending alert cannot be confirmed after this instant, and is deleted by the next digest run.
  expires_at TEXT,
  last_digest_at TEXT,
  -- The digest run that last claimed this alert, so two runs never send the same digest.
  digest_run TEXT,
  stopped_at TEXT
);
CREATE INDEX job_alerts_by_email ON job_alerts (email_key, created_at);
CREATE INDEX job_alerts_by_status ON job_alerts (status, expires_at);

-- The manage / unsubscribe tokens of an alert, one per mail (SHA-256 only; the token is only ever in the mail).
CREATE TABLE job_alert_tokens (
  token_hash TEXT PRIMARY KEY,
  alert_id INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX job_alert_tokens_by_alert ON job_alert_tokens (alert_id);

-- An opening is in at most one digest per alert.
CREATE TABLE job_alert_sent (
  alert_id INTEGER NOT NULL,
  job_id TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  PRIMARY KEY (alert_id, job_id)
);

-- Extra mail headers (JSON object), e.g. List-Unsubscribe and List-Unsubscribe-Post.
ALTER TABLE outbox ADD COLUMN headers TEXT;
