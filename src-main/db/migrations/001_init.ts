/** Version 1: association profile, campaigns, sites with their stable codes, the audit log. */
export const sql = `
CREATE TABLE association (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  name          TEXT NOT NULL,
  short_name    TEXT NOT NULL,
  province      TEXT NOT NULL,
  doc_prefix    TEXT NOT NULL DEFAULT '',
  address       TEXT NOT NULL DEFAULT '',
  contact       TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  updated_at    TEXT NOT NULL
);

CREATE TABLE campaigns (
  id            INTEGER PRIMARY KEY,
  year          INTEGER NOT NULL UNIQUE,
  config_json   TEXT NOT NULL,
  is_active     INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX campaigns_one_active ON campaigns (is_active) WHERE is_active = 1;

-- Site codes are never reused: the counter only goes up, even when a site is deleted.
CREATE TABLE site_code_counters (
  prefix        TEXT PRIMARY KEY,
  last_value    INTEGER NOT NULL
);

CREATE TABLE sites (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL,
  type          TEXT NOT NULL CHECK (type IN ('hall', 'callcenter', 'installation')),
  enterprise    TEXT NOT NULL,
  recommender   TEXT NOT NULL,
  recommender_key TEXT NOT NULL,
  uscc          TEXT NOT NULL,
  city          TEXT NOT NULL,
  district      TEXT NOT NULL DEFAULT '',
  address       TEXT NOT NULL,
  star_level    INTEGER NOT NULL,
  manager       TEXT NOT NULL,
  phone         TEXT NOT NULL,
  email         TEXT NOT NULL DEFAULT '',
  staff_count   INTEGER,
  area_sqm      REAL,
  seats         INTEGER,
  certificates  TEXT NOT NULL DEFAULT '[]',
  highlights    TEXT NOT NULL DEFAULT '',
  apply_date    TEXT NOT NULL,
  remarks       TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'pending',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
);
CREATE INDEX sites_campaign ON sites (campaign_id, deleted_at);
CREATE INDEX sites_name_recommender ON sites (name_key, recommender_key);

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
