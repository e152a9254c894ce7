/**
 * Version 3: check findings and waivers. A finding's fingerprint (rule + what it is about) survives
 * re-runs, so a waiver given to a warning stays attached to that same warning.
 */
export const sql = `
CREATE TABLE check_runs (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT NOT NULL,
  scope         TEXT NOT NULL,
  sites         INTEGER NOT NULL,
  errors        INTEGER NOT NULL,
  warnings      INTEGER NOT NULL
);

CREATE TABLE findings (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites (id),
  rule          TEXT NOT NULL,
  severity      TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  target        TEXT,
  message       TEXT NOT NULL,
  fingerprint   TEXT NOT NULL,
  found_at      TEXT NOT NULL,
  UNIQUE (site_id, fingerprint)
);
CREATE INDEX findings_rule ON findings (rule, severity);

CREATE TABLE waivers (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites (id),
  fingerprint   TEXT NOT NULL,
  reason        TEXT NOT NULL,
  actor         TEXT NOT NULL,
  at            TEXT NOT NULL,
  UNIQUE (site_id, fingerprint)
);
`
