-- Applications, registrations and the mail outbox. Times are ISO 8601 UTC strings.

CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  -- What the applicant quotes: short, unguessable, easy to read aloud.
  reference TEXT NOT NULL UNIQUE,
  job_id TEXT NOT NULL,
  -- From the form: a double click or a retry stores one application.
  idempotency_key TEXT NOT NULL UNIQUE,
  -- Every field exactly as submitted (JSON), nothing normalised.
  payload TEXT NOT NULL,
  email_key TEXT NOT NULL,
  -- R2 object key of the CV, if one was sent.
  cv_key TEXT,
  status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'handled', 'withdrawn')),
  created_at TEXT NOT NULL,
  -- Deleted by the purge after this instant (the privacy notice states the period).
  purge_after TEXT NOT NULL
);
CREATE INDEX applications_by_job ON applications (job_id, created_at);
CREATE INDEX applications_by_purge ON applications (purge_after);

CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  -- Sensitive: kept apart so it can be deleted soon after the session.
  support_needs TEXT,
  email_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  -- SHA-256 of the cancel link's token; the token itself is only ever in the mail.
  cancel_token_hash TEXT NOT NULL UNIQUE,
  -- Set on the row a cancellation promoted, so the same batch can write its mail.
  promotion_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  support_purge_after TEXT NOT NULL,
  purge_after TEXT NOT NULL
);
CREATE INDEX registrations_by_session ON registrations (session_id, status, id);
-- One seat (or waiting place) per person per session.
CREATE UNIQUE INDEX registrations_one_per_person ON registrations (session_id, email_key) WHERE status != 'cancelled';
CREATE INDEX registrations_by_purge ON registrations (purge_after);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  -- Which mail, for counts and alerts (e.g. application_received).
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  -- Rendered when stored, so what is sent is exactly what was decided at submission.
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  -- JSON [{ filename, content (base64), contentType }] or NULL.
  attachments TEXT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'parked')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  -- While 'sending': after this instant another relay may try again (same idempotency key).
  lease_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
