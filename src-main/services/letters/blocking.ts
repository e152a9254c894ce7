import type { Db } from '../../db/connection'
import { blockingSites } from '../checks/findings'
import type { AppContext } from '../context'

/** Which sites may not get a letter, and what the 附件说明 lists: read where the checks and attachments keep them. */

/** Sites with open error-level findings (errors are never waived), with the findings' messages. */
export function openErrorsBySite(app: AppContext): Map<number, string[]> {
  return new Map(blockingSites(app).map((b) => [b.siteId, b.reasons.map((r) => r.message)]))
}

/** Attachments of the campaign's sites for the 附件说明, read straight from the attachments table. */
export function attachmentsBySite(db: Db, campaignId: number): Map<number, { kind: string; originalName: string }[]> {
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
