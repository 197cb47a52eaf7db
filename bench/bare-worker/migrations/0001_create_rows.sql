-- One row per POST to the bare benchmark Worker: the body as received and when.
CREATE TABLE rows (
  id INTEGER PRIMARY KEY,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL
);
