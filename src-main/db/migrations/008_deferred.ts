/**
 * Version 8: 暂缓报送. A deferred site keeps its row in `sites` (status 'deferred'); why it was held back, by
 * whom, and the status it comes back to live here, one row per currently deferred site. A separate table
 * rather than columns on `sites`: the hot insert and list paths of thousands of sites stay as they are.
 */
export const sql = `
CREATE TABLE site_deferrals (
  site_id         INTEGER PRIMARY KEY REFERENCES sites (id),
  reason          TEXT NOT NULL CHECK (length(reason) > 0),
  previous_status TEXT NOT NULL,
  deferred_at     TEXT NOT NULL,
  deferred_by     TEXT NOT NULL
);
`
