/**
 * Version 9: notification letters (评定结果通知, one per 推荐单位) are letters too, with a 文号 from a counter
 * of their own per year (推荐函 and 报送函 keep sharing theirs), kept when a notice is regenerated.
 *
 * SQLite cannot change a CHECK constraint in place, so `letters` is rebuilt (create new, copy, drop, rename,
 * recreate indexes) inside the migration's transaction. The usual procedure turns foreign keys off first,
 * which a transaction cannot do; it is not needed here: no table references `letters` (the drop's implicit
 * delete then checks nothing), and the copy keeps every site_id and campaign_id, which still reference rows
 * that exist. The migration test runs PRAGMA foreign_key_check on a database made by the previous release.
 */
export const sql = `
CREATE TABLE letters_v9 (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('site', 'cover', 'notice')),
  site_id       INTEGER REFERENCES sites (id),
  -- The 推荐单位 a notice is addressed to: the subject of a notice, as site_id is of a 推荐函.
  recipient     TEXT,
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
  CHECK ((kind = 'notice') = (recipient IS NOT NULL AND recipient <> ''))
);

INSERT INTO letters_v9 (id, kind, site_id, recipient, campaign_id, year, seq, doc_no, issued_on, file_path, sha256,
    params_json, generated_at, generated_by)
  SELECT id, kind, site_id, NULL, campaign_id, year, seq, doc_no, issued_on, file_path, sha256,
    params_json, generated_at, generated_by
  FROM letters;

DROP TABLE letters;
ALTER TABLE letters_v9 RENAME TO letters;

-- One letter per site, one cover letter per campaign, one notice per 推荐单位: regeneration updates the row
-- and keeps its number.
CREATE UNIQUE INDEX letters_one_per_subject ON letters (campaign_id, kind, COALESCE(site_id, 0), COALESCE(recipient, ''));
-- Two series of numbers a year: 推荐函 and 报送函 together, notices apart.
CREATE UNIQUE INDEX letters_number ON letters (kind = 'notice', year, seq);

CREATE TABLE notice_counters (
  year          INTEGER PRIMARY KEY,
  last_value    INTEGER NOT NULL
);
`
