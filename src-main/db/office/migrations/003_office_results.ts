/**
 * Office version 3: each site's rating per batch (two batches a year), with the certificate and plaque
 * numbers the office issued. Keyed by (province, code, batch) like the duplicate resolutions: a re-sent
 * bundle makes new register rows, and the rating still belongs to the site. The name as rated stays for the
 * export should the province later withdraw the site (the province's import needs a 现场名称 on every row).
 */
export const sql = `
CREATE TABLE site_results (
  province        TEXT NOT NULL,
  code            TEXT NOT NULL,
  batch           TEXT NOT NULL,
  name            TEXT NOT NULL,
  star            INTEGER NOT NULL CHECK (star BETWEEN 1 AND 7),
  certificate_no  TEXT NOT NULL,
  plaque_no       TEXT NOT NULL,
  recorded_at     TEXT NOT NULL,
  recorded_by     TEXT NOT NULL,
  PRIMARY KEY (province, code, batch)
);
`
