import type { Db } from '../../db/connection'
import { attachmentNamesByCampaign } from '../../db/repositories/attachments'
import { blockingSites } from '../checks/findings'
import type { AppContext } from '../context'

/** Which sites may not get a letter, and what the 附件说明 lists: read where the checks and attachments keep them. */

/** Sites with open error-level findings (errors are never waived), with the findings' messages. */
export function openErrorsBySite(app: AppContext): Map<number, string[]> {
  return new Map(blockingSites(app).map((b) => [b.siteId, b.reasons.map((r) => r.message)]))
}

/** Attachments of the campaign's sites for the 附件说明, read straight from the attachments table. */
export function attachmentsBySite(db: Db, campaignId: number): Map<number, { kind: string; originalName: string }[]> {
  return attachmentNamesByCampaign(db, campaignId)
}
