/**
 * Attachments and the content-addressed files behind them. A stored_files row exists exactly while at least
 * one attachment refers to its SHA-256; the service keeps the file on disk in step with that row.
 */
import type { AttachmentKind } from '../../core/attachments/fileTypes'
import type { Db } from '../connection'

interface AttachmentRow {
  id: number
  site_id: number
  kind: AttachmentKind
  sha256: string
  original_name: string
  ext: string
  size: number
  mime: string
  added_at: string
}

export interface AttachmentRecord {
  id: number
  siteId: number
  kind: AttachmentKind
  sha256: string
  originalName: string
  ext: string
  size: number
  mime: string
  addedAt: string
}

const fromRow = (r: AttachmentRow): AttachmentRecord => ({
  id: r.id,
  siteId: r.site_id,
  kind: r.kind,
  sha256: r.sha256,
  originalName: r.original_name,
  ext: r.ext,
  size: r.size,
  mime: r.mime,
  addedAt: r.added_at,
})

export type NewAttachment = Omit<AttachmentRecord, 'id' | 'addedAt'>

/** Records the stored file unless it is already known; true when the row is new. */
export function putStoredFile(db: Db, sha256: string, size: number, now: string): boolean {
  const info = db
    .prepare('INSERT INTO stored_files (sha256, size, created_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING')
    .run(sha256, size, now)
  return info.changes > 0
}

export function deleteStoredFile(db: Db, sha256: string): void {
  db.prepare('DELETE FROM stored_files WHERE sha256 = ?').run(sha256)
}

export function insertAttachment(db: Db, a: NewAttachment, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO attachments (site_id, kind, sha256, original_name, ext, size, mime, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.siteId, a.kind, a.sha256, a.originalName, a.ext, a.size, a.mime, now)
  return Number(info.lastInsertRowid)
}

export function getAttachment(db: Db, id: number): AttachmentRecord | null {
  const row = db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined
  return row ? fromRow(row) : null
}

export function deleteAttachment(db: Db, id: number): void {
  db.prepare('DELETE FROM attachments WHERE id = ?').run(id)
}

export function countReferences(db: Db, sha256: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM attachments WHERE sha256 = ?').get(sha256) as { n: number }).n
}

export function listAttachmentsOfSite(db: Db, siteId: number): AttachmentRecord[] {
  return (db.prepare('SELECT * FROM attachments WHERE site_id = ? ORDER BY id').all(siteId) as AttachmentRow[]).map(fromRow)
}

/** Every attachment, or those of some sites: what the integrity checks walk. */
export function listAttachments(db: Db, filter: { siteIds?: number[] } = {}): AttachmentRecord[] {
  if (!filter.siteIds) return (db.prepare('SELECT * FROM attachments ORDER BY id').all() as AttachmentRow[]).map(fromRow)
  if (!filter.siteIds.length) return []
  // json_each keeps one statement whatever the number of ids (no 999-parameter limit).
  return (
    db
      .prepare('SELECT * FROM attachments WHERE site_id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(JSON.stringify(filter.siteIds)) as AttachmentRow[]
  ).map(fromRow)
}

export interface AttachmentSummary {
  kind: AttachmentKind
  size: number
  sha256: string
  originalName: string
}

/**
 * The attachments of every site of a campaign in one query, grouped by site id: what a site list with
 * attachments needs, without one query per site.
 */
export function attachmentSummariesByCampaign(
  db: Db,
  campaignId: number,
  options: { deleted?: boolean } = {},
): Map<number, AttachmentSummary[]> {
  const rows = db
    .prepare(
      `SELECT a.site_id, a.kind, a.size, a.sha256, a.original_name FROM attachments a
       JOIN sites s ON s.id = a.site_id
       WHERE s.campaign_id = ? AND s.deleted_at IS ${options.deleted ? 'NOT NULL' : 'NULL'}
       ORDER BY a.id`,
    )
    .raw()
    .all(campaignId) as [number, AttachmentKind, number, string, string][]
  const bySite = new Map<number, AttachmentSummary[]>()
  for (const [siteId, kind, size, sha256, originalName] of rows) {
    let list = bySite.get(siteId)
    if (!list) bySite.set(siteId, (list = []))
    list.push({ kind, size, sha256, originalName })
  }
  return bySite
}

/** Kind and original name of the attachments of every site of a campaign (deleted ones too), by site id. */
export function attachmentNamesByCampaign(db: Db, campaignId: number): Map<number, { kind: string; originalName: string }[]> {
  const rows = db
    .prepare(
      `SELECT a.site_id AS siteId, a.kind AS kind, a.original_name AS originalName FROM attachments a
       JOIN sites s ON s.id = a.site_id WHERE s.campaign_id = ? ORDER BY a.site_id, a.id`,
    )
    .all(campaignId) as { siteId: number; kind: string; originalName: string }[]
  const map = new Map<number, { kind: string; originalName: string }[]>()
  for (const r of rows) {
    const list = map.get(r.siteId) ?? []
    list.push({ kind: r.kind, originalName: r.originalName })
    map.set(r.siteId, list)
  }
  return map
}
