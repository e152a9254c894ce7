/** Rows of `results` and `site_results` (migration 6; 标牌编号 migration 10). */
import type { Db } from '../connection'

export type ResultStatus = 'matched' | 'review' | 'unmatched' | 'confirmed'
export type ResultOutcome = 'rated' | 'rejected'
export type MatchMethod = 'code' | 'name' | 'manual'

/** The row as it was read from the published list, kept for the record and for display. */
export interface ResultSource {
  code: string
  name: string
  recommender: string
  enterprise: string
  type: string
  star: string
}

export interface ResultRecord {
  id: number
  campaignId: number
  siteId: number | null
  batch: string
  rowKey: string
  sourceFile: string
  sourceRow: number
  source: ResultSource
  awardedStar: number | null
  certificateNo: string
  /** 标牌编号, when the results file has the column (the office's does); '' otherwise. */
  plaqueNo: string
  outcome: ResultOutcome
  matchMethod: MatchMethod | null
  status: ResultStatus
  candidates: number[]
  reason: string
  importedAt: string
  confirmedAt: string | null
}

interface ResultRow {
  id: number
  campaign_id: number
  site_id: number | null
  batch: string
  row_key: string
  source_file: string
  source_row: number
  source_json: string
  awarded_star: number | null
  certificate_no: string
  plaque_no: string
  outcome: ResultOutcome
  match_method: MatchMethod | null
  status: ResultStatus
  candidates_json: string
  reason: string
  imported_at: string
  confirmed_at: string | null
}

const fromRow = (r: ResultRow): ResultRecord => ({
  id: r.id,
  campaignId: r.campaign_id,
  siteId: r.site_id,
  batch: r.batch,
  rowKey: r.row_key,
  sourceFile: r.source_file,
  sourceRow: r.source_row,
  source: JSON.parse(r.source_json) as ResultSource,
  awardedStar: r.awarded_star,
  certificateNo: r.certificate_no,
  plaqueNo: r.plaque_no,
  outcome: r.outcome,
  matchMethod: r.match_method,
  status: r.status,
  candidates: JSON.parse(r.candidates_json) as number[],
  reason: r.reason,
  importedAt: r.imported_at,
  confirmedAt: r.confirmed_at,
})

export type NewResult = Omit<ResultRecord, 'id' | 'confirmedAt'>

export function listResults(db: Db, campaignId: number): ResultRecord[] {
  return (db.prepare('SELECT * FROM results WHERE campaign_id = ? ORDER BY id').all(campaignId) as ResultRow[]).map(fromRow)
}

export function getResult(db: Db, id: number): ResultRecord | null {
  const row = db.prepare('SELECT * FROM results WHERE id = ?').get(id) as ResultRow | undefined
  return row ? fromRow(row) : null
}

export function findResultByKey(db: Db, campaignId: number, batch: string, rowKey: string): ResultRecord | null {
  const row = db
    .prepare('SELECT * FROM results WHERE campaign_id = ? AND batch = ? AND row_key = ?')
    .get(campaignId, batch, rowKey) as ResultRow | undefined
  return row ? fromRow(row) : null
}

/** Insert, or replace the not yet confirmed row with the same key; returns the id. */
export function putResult(db: Db, r: NewResult, existingId: number | null): number {
  const values = [
    r.siteId,
    r.sourceFile,
    r.sourceRow,
    JSON.stringify(r.source),
    r.awardedStar,
    r.certificateNo,
    r.plaqueNo,
    r.outcome,
    r.matchMethod,
    r.status,
    JSON.stringify(r.candidates),
    r.reason,
    r.importedAt,
  ]
  if (existingId !== null) {
    db.prepare(
      `UPDATE results SET site_id = ?, source_file = ?, source_row = ?, source_json = ?, awarded_star = ?, certificate_no = ?, plaque_no = ?,
       outcome = ?, match_method = ?, status = ?, candidates_json = ?, reason = ?, imported_at = ?, confirmed_at = NULL WHERE id = ?`,
    ).run(...values, existingId)
    return existingId
  }
  const info = db
    .prepare(
      `INSERT INTO results (campaign_id, batch, row_key, site_id, source_file, source_row, source_json, awarded_star, certificate_no,
       plaque_no, outcome, match_method, status, candidates_json, reason, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.campaignId, r.batch, r.rowKey, ...values)
  return Number(info.lastInsertRowid)
}

export function setResultMatch(
  db: Db,
  id: number,
  m: { siteId: number | null; status: ResultStatus; method: MatchMethod | null; candidates?: number[]; reason?: string; confirmedAt?: string | null },
): void {
  db.prepare(
    `UPDATE results SET site_id = ?, status = ?, match_method = ?, candidates_json = COALESCE(?, candidates_json),
     reason = COALESCE(?, reason), confirmed_at = ? WHERE id = ?`,
  ).run(
    m.siteId,
    m.status,
    m.method,
    m.candidates ? JSON.stringify(m.candidates) : null,
    m.reason ?? null,
    m.confirmedAt ?? null,
    id,
  )
}

export interface SiteResultRecord {
  siteId: number
  resultId: number
  outcome: ResultOutcome
  awardedStar: number | null
  certificateNo: string
  plaqueNo: string
  batch: string
  certificateReceivedOn: string | null
  plaqueReceivedOn: string | null
  handler: string
  updatedAt: string
}

interface SiteResultRow {
  site_id: number
  result_id: number
  outcome: ResultOutcome
  awarded_star: number | null
  certificate_no: string
  plaque_no: string
  batch: string
  certificate_received_on: string | null
  plaque_received_on: string | null
  handler: string
  updated_at: string
}

const siteResultFromRow = (r: SiteResultRow): SiteResultRecord => ({
  siteId: r.site_id,
  resultId: r.result_id,
  outcome: r.outcome,
  awardedStar: r.awarded_star,
  certificateNo: r.certificate_no,
  plaqueNo: r.plaque_no,
  batch: r.batch,
  certificateReceivedOn: r.certificate_received_on,
  plaqueReceivedOn: r.plaque_received_on,
  handler: r.handler,
  updatedAt: r.updated_at,
})

/** The result in force for each site of a campaign (live sites only). */
export function listSiteResults(db: Db, campaignId: number): SiteResultRecord[] {
  return (
    db
      .prepare(
        `SELECT sr.* FROM site_results sr JOIN sites s ON s.id = sr.site_id
         WHERE s.campaign_id = ? AND s.deleted_at IS NULL ORDER BY s.code`,
      )
      .all(campaignId) as SiteResultRow[]
  ).map(siteResultFromRow)
}

export function getSiteResult(db: Db, siteId: number): SiteResultRecord | null {
  const row = db.prepare('SELECT * FROM site_results WHERE site_id = ?').get(siteId) as SiteResultRow | undefined
  return row ? siteResultFromRow(row) : null
}

/** The awarded result of a site; the hand-over columns stay as they were. */
export function putSiteResult(
  db: Db,
  r: Pick<SiteResultRecord, 'siteId' | 'resultId' | 'outcome' | 'awardedStar' | 'certificateNo' | 'plaqueNo' | 'batch'>,
  now: string,
): void {
  db.prepare(
    `INSERT INTO site_results (site_id, result_id, outcome, awarded_star, certificate_no, plaque_no, batch, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (site_id) DO UPDATE SET result_id = excluded.result_id, outcome = excluded.outcome,
       awarded_star = excluded.awarded_star, certificate_no = excluded.certificate_no, plaque_no = excluded.plaque_no,
       batch = excluded.batch, updated_at = excluded.updated_at`,
  ).run(r.siteId, r.resultId, r.outcome, r.awardedStar, r.certificateNo, r.plaqueNo, r.batch, now)
}

export function putHandover(
  db: Db,
  siteId: number,
  h: { certificateReceivedOn: string | null; plaqueReceivedOn: string | null; handler: string },
  now: string,
): void {
  db.prepare(
    'UPDATE site_results SET certificate_received_on = ?, plaque_received_on = ?, handler = ?, updated_at = ? WHERE site_id = ?',
  ).run(h.certificateReceivedOn, h.plaqueReceivedOn, h.handler, now, siteId)
}
