/**
 * Version 7: indexes that no query reads, paid for by every insert. Sites are matched by name and 推荐单位 in
 * memory (the import plan reads all sites once), never by an index lookup; findings are listed per campaign
 * through their sites. The one query that does read findings by rule — which sites' duplicate findings name a
 * given code, run on every recheck — gets a partial index over just those rows.
 */
export const sql = `
DROP INDEX sites_name_recommender;
DROP INDEX findings_rule;
CREATE INDEX findings_duplicate_site ON findings (fingerprint, site_id) WHERE rule = 'duplicate-site';
`
