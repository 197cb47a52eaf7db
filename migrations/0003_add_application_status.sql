-- The applicant's private status link and where the selection stands.
-- SHA-256 of the status link's token; the token itself is only ever in the applicant's mail.
ALTER TABLE applications ADD COLUMN status_token_hash TEXT;
-- Index into the opening's stages: 0 = 受付, then each selection step of the opening (content/jobs).
ALTER TABLE applications ADD COLUMN stage INTEGER NOT NULL DEFAULT 0;
ALTER TABLE applications ADD COLUMN stage_at TEXT;
-- An optional word from staff to the applicant about the current stage.
ALTER TABLE applications ADD COLUMN stage_message TEXT;
CREATE UNIQUE INDEX applications_by_status_token ON applications (status_token_hash);
