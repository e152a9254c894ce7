/**
 * Version 10: the plaque number (标牌编号) of a rating, as the office's results file carries it, kept with the
 * imported row and with the result in force, so the province's own results export can show it. Rows from
 * before have none ('').
 */
export const sql = `
ALTER TABLE results ADD COLUMN plaque_no TEXT NOT NULL DEFAULT '';
ALTER TABLE site_results ADD COLUMN plaque_no TEXT NOT NULL DEFAULT '';
`
