/**
 * Office version 4: the office's acknowledgements (回执), one per received bundle, numbered by the office's
 * own counter per year (推进办函〔2021〕1号). A regenerated receipt updates its row and keeps its number and
 * date, like the province's letters. The profile gains the office's 发文代字 (null: its short name).
 */
export const sql = `
ALTER TABLE office_profile ADD COLUMN doc_prefix TEXT;

CREATE TABLE receipt_counters (
  year        INTEGER PRIMARY KEY,
  last_value  INTEGER NOT NULL
);

CREATE TABLE receipts (
  id            INTEGER PRIMARY KEY,
  bundle_id     INTEGER NOT NULL UNIQUE REFERENCES received_bundles (id),
  year          INTEGER NOT NULL,
  seq           INTEGER NOT NULL,
  doc_no        TEXT NOT NULL,
  issued_on     TEXT NOT NULL,
  file_path     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  generated_at  TEXT NOT NULL,
  generated_by  TEXT NOT NULL,
  UNIQUE (year, seq)
);
`
