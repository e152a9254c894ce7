/** 'results.list': the imported rows with their sites and candidates, and the results in force per site. */
import { SITE_TYPE_INFO } from '../../core/sites/fields'
import { listResults, listSiteResults, type ResultRecord, type SiteResultRecord } from '../../db/repositories/results'
import type { SiteRecord } from '../../db/repositories/sites'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'
import { outcomeText } from './review'

export interface SiteBrief {
  id: number
  code: string
  name: string
  type: string
  enterprise: string
  recommender: string
  city: string
}

const brief = (s: SiteRecord): SiteBrief => ({
  id: s.id,
  code: s.code,
  name: s.name,
  type: SITE_TYPE_INFO[s.type].label,
  enterprise: s.enterprise,
  recommender: s.recommender,
  city: s.city,
})

export interface ResultListItem extends Omit<ResultRecord, 'candidates' | 'campaignId' | 'rowKey'> {
  outcomeText: string
  site: SiteBrief | null
  candidates: SiteBrief[]
}

export interface SiteResultItem extends SiteResultRecord {
  outcomeText: string
  site: SiteBrief
}

export function listResultsView(app: AppContext): { rows: ResultListItem[]; sites: SiteResultItem[] } {
  const { campaign } = requireSetup(app)
  const sites = new Map(app.sites.list(campaign.id).map((s) => [s.id, s]))
  const find = (id: number | null): SiteBrief | null => {
    const s = id === null ? undefined : sites.get(id)
    return s ? brief(s) : null
  }
  const rows = listResults(app.db, campaign.id).map(({ candidates, campaignId: _c, rowKey: _k, ...r }) => ({
    ...r,
    outcomeText: outcomeText(r),
    site: find(r.siteId),
    candidates: candidates.map(find).filter((s): s is SiteBrief => s !== null),
  }))
  const siteResults = listSiteResults(app.db, campaign.id).flatMap((sr) => {
    const site = find(sr.siteId)
    return site ? [{ ...sr, outcomeText: outcomeText(sr), site }] : []
  })
  return { rows, sites: siteResults }
}
