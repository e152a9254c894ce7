import { attachmentSummariesByCampaign, type AttachmentSummary } from '../../db/repositories/attachments'
import type { SiteRecord } from '../../db/repositories/sites'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'

/** The site list with each site's attachments, in two queries whatever the number of sites. */
export function listSitesWithAttachments(
  app: AppContext,
  options: { deleted?: boolean } = {},
): Array<SiteRecord & { attachments: AttachmentSummary[] }> {
  const { campaign } = requireSetup(app)
  const sites = app.sites.list(campaign.id, options)
  const bySite = attachmentSummariesByCampaign(app.db, campaign.id, options)
  return sites.map((s) => ({ ...s, attachments: bySite.get(s.id) ?? [] }))
}
