/**
 * Version 4: issued letters (推荐函 per site, 报送函 per campaign), the per-year document-number counter,
 * and a small key/value table for settings that are not part of the association profile (letter wording,
 * font names, letter format).
 */
export const sql = `
CREATE TABLE doc_counters (
  year          INTEGER PRIMARY KEY,
  last_value    INTEGER NOT NULL
);

CREATE TABLE letters (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('site', 'cover')),
  site_id       INTEGER REFERENCES sites (id),
  campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),
  year          INTEGER NOT NULL,
  seq           INTEGER NOT NULL,
  doc_no        TEXT NOT NULL,
  issued_on     TEXT NOT NULL,
  file_path     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  params_json   TEXT,
  generated_at  TEXT NOT NULL,
  generated_by  TEXT NOT NULL,
  CHECK ((kind = 'site') = (site_id IS NOT NULL)),
  UNIQUE (year, seq)
);
-- One letter per site, one cover letter per campaign: regeneration updates the row and keeps its number.
CREATE UNIQUE INDEX letters_one_per_subject ON letters (campaign_id, kind, COALESCE(site_id, 0));

CREATE TABLE app_settings (
  key           TEXT PRIMARY KEY,
  value_json    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
`
