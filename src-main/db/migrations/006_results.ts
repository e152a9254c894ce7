/**
 * Version 6: rating results published by the national office (评定结果), matched to our sites, and what each
 * rated site was awarded together with the hand-over of its certificate and plaque (证书、标牌领取).
 */
export const sql = `
CREATE TABLE results (
  id              INTEGER PRIMARY KEY,
  campaign_id     INTEGER NOT NULL REFERENCES campaigns (id),
  site_id         INTEGER REFERENCES sites (id),
  batch           TEXT NOT NULL DEFAULT '',
  row_key         TEXT NOT NULL,
  source_file     TEXT NOT NULL,
  source_row      INTEGER NOT NULL,
  source_json     TEXT NOT NULL,
  awarded_star    INTEGER,
  certificate_no  TEXT NOT NULL DEFAULT '',
  outcome         TEXT NOT NULL CHECK (outcome IN ('rated', 'rejected')),
  match_method    TEXT CHECK (match_method IN ('code', 'name', 'manual')),
  status          TEXT NOT NULL CHECK (status IN ('matched', 'review', 'unmatched', 'confirmed')),
  candidates_json TEXT NOT NULL DEFAULT '[]',
  reason          TEXT NOT NULL DEFAULT '',
  imported_at     TEXT NOT NULL,
  confirmed_at    TEXT,
  CHECK ((outcome = 'rated') = (awarded_star IS NOT NULL)),
  CHECK (status NOT IN ('matched', 'confirmed') OR site_id IS NOT NULL),
  UNIQUE (campaign_id, batch, row_key)
);
CREATE INDEX results_site ON results (site_id);

-- One line per site that received a result: the result in force, and the hand-over of certificate and plaque.
CREATE TABLE site_results (
  site_id                 INTEGER PRIMARY KEY REFERENCES sites (id),
  result_id               INTEGER NOT NULL REFERENCES results (id),
  outcome                 TEXT NOT NULL CHECK (outcome IN ('rated', 'rejected')),
  awarded_star            INTEGER,
  certificate_no          TEXT NOT NULL DEFAULT '',
  batch                   TEXT NOT NULL DEFAULT '',
  certificate_received_on TEXT,
  plaque_received_on      TEXT,
  handler                 TEXT NOT NULL DEFAULT '',
  updated_at              TEXT NOT NULL
);
`
