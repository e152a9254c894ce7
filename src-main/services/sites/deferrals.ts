/** 暂缓报送 as the clerk sees it: each deferred site with its reason and the open errors it still has. */
import { listDeferrals } from '../../db/repositories/deferrals'
import type { SiteStatus } from '../../core/sites/fields'
import { blockingSites } from '../checks/findings'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'

export interface DeferredSite {
  siteId: number
  code: string
  name: string
  reason: string
  previousStatus: SiteStatus
  deferredAt: string
  deferredBy: string
  errors: { rule: string; message: string }[]
}

export function listDeferredSites(app: AppContext): DeferredSite[] {
  const { campaign } = requireSetup(app)
  const deferrals = listDeferrals(app.db, campaign.id)
  if (!deferrals.length) return []
  const errors = new Map(blockingSites(app, deferrals.map((d) => d.siteId)).map((b) => [b.siteId, b.reasons]))
  return deferrals.map((d) => {
    const site = app.sites.get(d.siteId)!
    return { ...d, code: site.code, name: site.name, errors: errors.get(d.siteId) ?? [] }
  })
}
