import type { Db } from '../connection'

export type ReceivedStatus = 'ingested' | 'pending-confirmation' | 'superseded'

export interface ReceivedBundle {
  id: number
  sha256: string
  size: number
  originalName: string
  province: string
  association: string
  campaignYear: number
  createdAt: string
  fingerprint: string
  keyId: number | null
  receivedAt: string
  receivedBy: string
  status: ReceivedStatus
  sites: number
  files: number
  supersededBy: number | null
  diff: unknown
}

interface BundleRow {
  id: number
  sha256: string
  size: number
  original_name: string
  province: string
  association: string
  campaign_year: number
  created_at: string
  fingerprint: string
  key_id: number | null
  received_at: string
  received_by: string
  status: ReceivedStatus
  sites: number
  files: number
  superseded_by: number | null
  diff_json: string | null
}

const toBundle = (r: BundleRow): ReceivedBundle => ({
  id: r.id,
  sha256: r.sha256,
  size: r.size,
  originalName: r.original_name,
  province: r.province,
  association: r.association,
  campaignYear: r.campaign_year,
  createdAt: r.created_at,
  fingerprint: r.fingerprint,
  keyId: r.key_id,
  receivedAt: r.received_at,
  receivedBy: r.received_by,
  status: r.status,
  sites: r.sites,
  files: r.files,
  supersededBy: r.superseded_by,
  diff: r.diff_json === null ? null : JSON.parse(r.diff_json),
})

export function bundleBySha(db: Db, sha256: string): ReceivedBundle | null {
  const row = db.prepare('SELECT * FROM received_bundles WHERE sha256 = ?').get(sha256) as BundleRow | undefined
  return row ? toBundle(row) : null
}

/** Whether a row holds this stored file (the orphan sweep's question: no row to build). */
export function hasReceivedBundle(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM received_bundles WHERE sha256 = ?').get(sha256) !== undefined
}

/** The province's bundle the register shows now, if any. */
export function ingestedBundle(db: Db, province: string): ReceivedBundle | null {
  const row = db.prepare("SELECT * FROM received_bundles WHERE province = ? AND status = 'ingested'").get(province) as BundleRow | undefined
  return row ? toBundle(row) : null
}

export function listReceivedBundles(db: Db): ReceivedBundle[] {
  return (db.prepare('SELECT * FROM received_bundles ORDER BY id').all() as BundleRow[]).map(toBundle)
}

export type NewBundle = Omit<ReceivedBundle, 'id' | 'supersededBy' | 'diff'> & { diff: unknown }

export function insertReceivedBundle(db: Db, b: NewBundle): number {
  return Number(
    db
      .prepare(
        `INSERT INTO received_bundles (sha256, size, original_name, province, association, campaign_year, created_at,
           fingerprint, key_id, received_at, received_by, status, sites, files, diff_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        b.sha256, b.size, b.originalName, b.province, b.association, b.campaignYear, b.createdAt, b.fingerprint,
        b.keyId, b.receivedAt, b.receivedBy, b.status, b.sites, b.files, b.diff == null ? null : JSON.stringify(b.diff),
      ).lastInsertRowid,
  )
}

export function markSuperseded(db: Db, id: number, by: number): void {
  db.prepare("UPDATE received_bundles SET status = 'superseded', superseded_by = ? WHERE id = ?").run(by, id)
}

export function bundleById(db: Db, id: number): ReceivedBundle | null {
  const row = db.prepare('SELECT * FROM received_bundles WHERE id = ?').get(id) as BundleRow | undefined
  return row ? toBundle(row) : null
}

/** A pending bundle confirmed by a person: now the province's register (or, when older, straight to history). */
export function settleConfirmed(db: Db, id: number, keyId: number, outcome: { status: 'ingested'; diff: unknown } | { status: 'superseded'; supersededBy: number }): void {
  if (outcome.status === 'ingested')
    db.prepare("UPDATE received_bundles SET status = 'ingested', key_id = ?, diff_json = ? WHERE id = ?").run(keyId, outcome.diff == null ? null : JSON.stringify(outcome.diff), id)
  else db.prepare("UPDATE received_bundles SET status = 'superseded', key_id = ?, superseded_by = ? WHERE id = ?").run(keyId, outcome.supersededBy, id)
}
