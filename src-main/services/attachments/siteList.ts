import { attachmentSummariesByCampaign, type AttachmentSummary } from '../../db/repositories/attachments'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'
import { listSites, type ListedSite } from '../sites/sites'

/** The site list with each site's attachments (and check counts), in three queries whatever the number of sites. */
export function listSitesWithAttachments(
  app: AppContext,
  options: { deleted?: boolean } = {},
): Array<ListedSite & { attachments: AttachmentSummary[] }> {
  const { campaign } = requireSetup(app)
  const sites = listSites(app, options)
  const bySite = attachmentSummariesByCampaign(app.db, campaign.id, options)
  return sites.map((s) => ({ ...s, attachments: bySite.get(s.id) ?? [] }))
}
