/** site_deferrals: why a site is 暂缓报送 and the status it returns to. Rows are mapped here, never leave raw. */
import type { SiteStatus } from '../../core/sites/fields'
import type { Db } from '../connection'

export interface DeferralRecord {
  siteId: number
  reason: string
  previousStatus: SiteStatus
  deferredAt: string
  deferredBy: string
}

interface DeferralRow {
  site_id: number
  reason: string
  previous_status: SiteStatus
  deferred_at: string
  deferred_by: string
}

const fromRow = (r: DeferralRow): DeferralRecord => ({
  siteId: r.site_id,
  reason: r.reason,
  previousStatus: r.previous_status,
  deferredAt: r.deferred_at,
  deferredBy: r.deferred_by,
})

export function getDeferral(db: Db, siteId: number): DeferralRecord | null {
  const row = db.prepare('SELECT * FROM site_deferrals WHERE site_id = ?').get(siteId) as DeferralRow | undefined
  return row ? fromRow(row) : null
}

export function putDeferral(db: Db, d: DeferralRecord): void {
  db.prepare(
    `INSERT INTO site_deferrals (site_id, reason, previous_status, deferred_at, deferred_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (site_id) DO UPDATE SET reason = excluded.reason, deferred_at = excluded.deferred_at, deferred_by = excluded.deferred_by`,
  ).run(d.siteId, d.reason, d.previousStatus, d.deferredAt, d.deferredBy)
}

export function removeDeferral(db: Db, siteId: number): void {
  db.prepare('DELETE FROM site_deferrals WHERE site_id = ?').run(siteId)
}

/** The deferrals of a campaign's live (not deleted) sites that are still 暂缓报送, oldest site first. */
export function listDeferrals(db: Db, campaignId: number): DeferralRecord[] {
  const rows = db
    .prepare(
      `SELECT d.* FROM site_deferrals d JOIN sites s ON s.id = d.site_id
       WHERE s.campaign_id = ? AND s.deleted_at IS NULL AND s.status = 'deferred' ORDER BY s.id`,
    )
    .all(campaignId) as DeferralRow[]
  return rows.map(fromRow)
}
