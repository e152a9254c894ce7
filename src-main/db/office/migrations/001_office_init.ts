/**
 * Office version 1: the national office's own database (office.db). The role row marks the file so that a
 * province's folder is never opened as the office's and the other way round. Register rows are keyed by the
 * bundle they came from: a re-sent bundle adds rows, the older ones stay as history, and register_current
 * shows only the sites of each province's ingested (latest) bundle.
 */
export const sql = `
CREATE TABLE office_meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
INSERT INTO office_meta (key, value) VALUES ('role', 'office');

CREATE TABLE office_profile (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL,
  year        INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE province_keys (
  id             INTEGER PRIMARY KEY,
  province       TEXT NOT NULL,
  public_key     TEXT,
  fingerprint    TEXT NOT NULL,
  source         TEXT NOT NULL CHECK (source IN ('file', 'fingerprint')),
  registered_at  TEXT NOT NULL,
  registered_by  TEXT NOT NULL,
  superseded_at  TEXT
);
CREATE UNIQUE INDEX province_keys_current ON province_keys (province) WHERE superseded_at IS NULL;
CREATE INDEX province_keys_fingerprint ON province_keys (fingerprint);

CREATE TABLE received_bundles (
  id             INTEGER PRIMARY KEY,
  sha256         TEXT NOT NULL UNIQUE,
  size           INTEGER NOT NULL,
  original_name  TEXT NOT NULL,
  province       TEXT NOT NULL,
  association    TEXT NOT NULL,
  campaign_year  INTEGER NOT NULL,
  created_at     TEXT NOT NULL,
  fingerprint    TEXT NOT NULL,
  key_id         INTEGER REFERENCES province_keys (id),
  received_at    TEXT NOT NULL,
  received_by    TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('ingested', 'pending-confirmation', 'superseded')),
  sites          INTEGER NOT NULL,
  files          INTEGER NOT NULL,
  superseded_by  INTEGER REFERENCES received_bundles (id),
  diff_json      TEXT
);
CREATE INDEX received_bundles_province ON received_bundles (province, status);

CREATE TABLE register_sites (
  id           INTEGER PRIMARY KEY,
  bundle_id    INTEGER NOT NULL REFERENCES received_bundles (id),
  province     TEXT NOT NULL,
  code         TEXT NOT NULL,
  name         TEXT NOT NULL,
  type         TEXT NOT NULL,
  recommender  TEXT NOT NULL,
  star_level   REAL NOT NULL,
  fields_json  TEXT NOT NULL,
  UNIQUE (bundle_id, code)
);

CREATE TABLE register_files (
  id       INTEGER PRIMARY KEY,
  site_id  INTEGER NOT NULL REFERENCES register_sites (id),
  path     TEXT NOT NULL,
  size     INTEGER NOT NULL,
  sha256   TEXT NOT NULL
);
CREATE INDEX register_files_site ON register_files (site_id);

CREATE VIEW register_current AS
  SELECT s.* FROM register_sites s JOIN received_bundles b ON b.id = s.bundle_id WHERE b.status = 'ingested';

CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  entity        TEXT NOT NULL,
  entity_id     TEXT,
  summary       TEXT NOT NULL,
  details_json  TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
`
