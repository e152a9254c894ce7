/**
 * Office version 2: how the office resolved each duplicate pair. Keyed by the two sites' (province, code),
 * sorted, not by register row ids: a re-sent bundle makes new rows, and the resolution must still apply.
 */
export const sql = `
CREATE TABLE duplicate_resolutions (
  province_a   TEXT NOT NULL,
  code_a       TEXT NOT NULL,
  province_b   TEXT NOT NULL,
  code_b       TEXT NOT NULL,
  resolution   TEXT NOT NULL CHECK (resolution IN ('duplicate', 'distinct')),
  reason       TEXT NOT NULL,
  resolved_at  TEXT NOT NULL,
  resolved_by  TEXT NOT NULL,
  PRIMARY KEY (province_a, code_a, province_b, code_b)
);
`
