/**
 * Version 2: attachments in a content-addressed store, and training records (培训合格名单).
 * A stored file is keyed by its SHA-256 and shared by every attachment with the same bytes.
 */
export const sql = `
CREATE TABLE stored_files (
  sha256        TEXT PRIMARY KEY,
  size          INTEGER NOT NULL,
  created_at    TEXT NOT NULL
);

CREATE TABLE attachments (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites (id),
  kind          TEXT NOT NULL CHECK (kind IN
                  ('superior-letter', 'training-certificate', 'lecturer-letter', 'self-assessment', 'photo', 'other')),
  sha256        TEXT NOT NULL REFERENCES stored_files (sha256),
  original_name TEXT NOT NULL,
  ext           TEXT NOT NULL,
  size          INTEGER NOT NULL,
  mime          TEXT NOT NULL,
  added_at      TEXT NOT NULL
);
CREATE INDEX attachments_site ON attachments (site_id);
CREATE INDEX attachments_sha ON attachments (sha256);

CREATE TABLE training_records (
  id              INTEGER PRIMARY KEY,
  trainee         TEXT NOT NULL,
  work_unit       TEXT NOT NULL DEFAULT '',
  certificate_no  TEXT NOT NULL UNIQUE,
  class           TEXT NOT NULL CHECK (class IN ('lecturer', 'hall', 'installation', 'callcenter')),
  issued_on       TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
`
