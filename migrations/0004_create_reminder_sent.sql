-- Reminders already queued: one row per registration and reminder (e.g. "2026-02-15/2" = two days before
-- 15 February), so a reminder goes out at most once even if the job runs twice.
CREATE TABLE reminder_sent (
  registration_id INTEGER NOT NULL,
  reminder_key TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (registration_id, reminder_key)
);
