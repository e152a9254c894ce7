/**
 * What the check engine reads besides findings: sites and attachments straight from their tables (so checks
 * do not depend on those features' services), in the few columns the rules judge. Site-id lists travel as
 * one JSON parameter (json_each): one statement whatever the number of sites.
 */
import type { CheckSite } from '../../core/checks'
import type { Db } from '../connection'

/** [id, site_id, kind, sha256, original_name, recorded size] */
export type AttachmentCheckRow = [number, number, string, string, string, number]

export interface SiteCheckKeys {
  id: number
  code: string
  name: string
  city: string
  address: string
}

const ids = (list: number[]) => JSON.stringify(list)

/**
 * Every live site of a campaign, or only the listed ones (deleted ones are left out either way), with the
 * columns the rules read: the long free-text fields (突出表现, 备注) are not judged, so not loaded.
 */
export function checkSites(db: Db, campaignId: number, siteIds?: number[]): CheckSite[] {
  const select = `SELECT id, code, name, type, enterprise, recommender, uscc, city, district, address, star_level,
    manager, phone, email, staff_count, area_sqm, seats, certificates, apply_date
    FROM sites WHERE campaign_id = ? AND deleted_at IS NULL`
  // Raw rows (arrays in the column order above): one object per site, not a row object and then a copy.
  const rows = (
    siteIds
      ? db.prepare(`${select} AND id IN (SELECT value FROM json_each(?)) ORDER BY id`).raw().all(campaignId, ids(siteIds))
      : db.prepare(`${select} ORDER BY id`).raw().all(campaignId)
  ) as unknown[][]
  const out: CheckSite[] = new Array(rows.length)
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]
    const certificates = r[17] as string
    out[i] = {
      id: r[0] as number,
      code: r[1] as string,
      name: r[2] as string,
      type: r[3] as string,
      enterprise: r[4] as string,
      recommender: r[5] as string,
      uscc: r[6] as string,
      city: r[7] as string,
      district: r[8] as string,
      address: r[9] as string,
      starLevel: r[10] as number | null,
      manager: r[11] as string,
      phone: r[12] as string,
      email: r[13] as string,
      staffCount: r[14] as number | null,
      areaSqm: r[15] as number | null,
      seats: r[16] as number | null,
      certificates: certificates === '[]' ? [] : (JSON.parse(certificates) as string[]),
      highlights: '',
      applyDate: r[18] as string,
      remarks: '',
    }
  }
  return out
}

/** The few columns the duplicate index needs, for every live site of the campaign. */
export function checkSiteKeys(db: Db, campaignId: number): SiteCheckKeys[] {
  return db
    .prepare('SELECT id, code, name, city, address FROM sites WHERE campaign_id = ? AND deleted_at IS NULL')
    .all(campaignId) as SiteCheckKeys[]
}

/** Codes of the listed sites (deleted ones included: their partners still name them). */
export function checkSiteCodes(db: Db, siteIds: number[]): string[] {
  return (db.prepare('SELECT code FROM sites WHERE id IN (SELECT value FROM json_each(?))').all(ids(siteIds)) as { code: string }[]).map(
    (r) => r.code,
  )
}

/**
 * Raw rows [id, site_id, kind, sha256, original_name, size] — 40,000 of them should not cost 40,000 objects.
 * The size is the attachment's recorded one (what the attachments store's quickCheck compares too), which
 * spares a join on the 64-character hash key. Rows come in index order (per site, then by id).
 */
export function checkAttachments(db: Db, campaignId: number, siteIds?: number[]): AttachmentCheckRow[] {
  const select = `SELECT a.id, a.site_id, a.kind, a.sha256, a.original_name, a.size FROM attachments a
    WHERE a.site_id IN (SELECT id FROM sites WHERE campaign_id = ? AND deleted_at IS NULL)`
  if (!siteIds) return db.prepare(select).raw().all(campaignId) as AttachmentCheckRow[]
  return db
    .prepare(`${select} AND a.site_id IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(campaignId, ids(siteIds)) as AttachmentCheckRow[]
}

/** Live sites of the campaign, for the dashboard's count beside the findings. */
export function liveSiteCount(db: Db, campaignId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM sites WHERE campaign_id = ? AND deleted_at IS NULL').get(campaignId) as { n: number }).n
}
