/** Version 5: the history of submission bundles built (报送包), with the zip's own hash and the signing key. */
export const sql = `
CREATE TABLE bundles (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  sites         INTEGER NOT NULL,
  files         INTEGER NOT NULL,
  fingerprint   TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
);
`
