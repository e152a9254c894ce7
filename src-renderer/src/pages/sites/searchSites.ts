import { SITE_STATUS_LABELS, SITE_TYPE_INFO, type Site } from '../../../../src-main/api/contract'

export interface IndexedSite {
  site: Site
  /** Lower-cased text the search box matches against. */
  haystack: string
}

export function indexSites(sites: Site[]): IndexedSite[] {
  return sites.map((site) => ({
    site,
    haystack: [
      site.code,
      site.name,
      site.address,
      site.recommender,
      site.city,
      site.district,
      site.enterprise,
      SITE_TYPE_INFO[site.type].label,
      SITE_STATUS_LABELS[site.status],
    ]
      .join('\u0000')
      .toLowerCase(),
  }))
}

/** Sites whose text holds every word of the query (words split by spaces). */
export function searchSites(index: IndexedSite[], query: string): Site[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return index.map((i) => i.site)
  const out: Site[] = []
  for (const item of index) if (words.every((w) => item.haystack.includes(w))) out.push(item.site)
  return out
}
