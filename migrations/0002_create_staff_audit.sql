-- Who looked at, exported or changed personal data, and when. Never the data itself.
CREATE TABLE staff_audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  -- The staff member: the Access identity's e-mail in production, the local login's user name locally.
  actor TEXT NOT NULL,
  -- e.g. view_application, export_roster_csv, delete_application.
  action TEXT NOT NULL,
  -- What it was done to: a reference, a job id or a session id.
  target TEXT NOT NULL
);
CREATE INDEX staff_audit_by_time ON staff_audit (at);
