/**
 * The list as the table shows it: searched, filtered and sorted. Pure functions over an index built once per
 * list, so a keystroke over ten thousand sites costs one pass of substring tests and no sorting: the index
 * is sorted when a header is clicked, and filtering keeps that order.
 */
import { SITE_STATUSES, SITE_STATUS_LABELS, SITE_TYPE_INFO, type OpOutput } from '@contract'

/**
 * A site as the registry table lists it (`sites.rows`): the columns it shows and searches, with its open errors
 * and warnings counted. The whole record is read (`sites.get`) when the site is opened.
 */
export type ListedSite = OpOutput<'sites.rows'>['sites'][number]

/** What the 审核 filter offers; a site can be in both of the first two. */
export const CHECK_STATES = [
  { value: 'errors', label: '有错误', test: (s: ListedSite) => s.checks.errors > 0 },
  { value: 'warnings', label: '有警告', test: (s: ListedSite) => s.checks.warnings > 0 },
  { value: 'clean', label: '无问题', test: (s: ListedSite) => s.checks.errors === 0 && s.checks.warnings === 0 },
] as const

/**
 * A listed site and the lower-cased text the search box matches against. The text is built on the first search
 * that reads it, not with the list: the first screen shows the rows without waiting for thousands of joins.
 */
export class IndexedSite {
  private text: string | null = null

  constructor(readonly site: ListedSite) {}

  get haystack(): string {
    if (this.text === null) {
      const s = this.site
      this.text = [s.code, s.name, s.address, s.recommender, s.city, s.district, s.enterprise, SITE_TYPE_INFO[s.type].label, SITE_STATUS_LABELS[s.status]]
        .join('\u0000')
        .toLowerCase()
    }
    return this.text
  }
}

export function indexSites(sites: ListedSite[]): IndexedSite[] {
  return sites.map((site) => new IndexedSite(site))
}

export type SortKey = 'code' | 'name' | 'type' | 'enterprise' | 'recommender' | 'city' | 'starLevel' | 'status' | 'checks'
export type SortDir = 'asc' | 'desc'
export interface SortState {
  key: SortKey
  dir: SortDir
}

/** Chinese in pinyin order, numbers inside text by value (Y2 before Y10). */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })

const STATUS_ORDER = new Map(SITE_STATUSES.map((s, i) => [s, i]))

/** The text or number a column sorts by. */
function sortValue(site: ListedSite, key: SortKey): string | number {
  switch (key) {
    case 'checks':
      // Errors outweigh any number of warnings: descending puts the sites that block a submission first.
      return site.checks.errors * 1_000_000 + site.checks.warnings
    case 'starLevel':
      return site.starLevel
    case 'status':
      return STATUS_ORDER.get(site.status) ?? 0
    case 'type':
      return SITE_TYPE_INFO[site.type].label
    default:
      return site[key]
  }
}

/**
 * Sorted copy of the index. Text columns repeat few values (cities, enterprises): those are ranked once with
 * the collator and the rows then sort by number, which keeps a click on a header quick at 10,000 rows.
 * Ties keep the code order, so the result is stable and predictable.
 */
export function sortIndex(index: IndexedSite[], sort: SortState | null): IndexedSite[] {
  if (!sort) return index
  const values = index.map((i) => sortValue(i.site, sort.key))
  let ranks: number[]
  if (values.every((v) => typeof v === 'number')) {
    ranks = values as number[]
  } else {
    const distinct = [...new Set(values.map(String))].sort(collator.compare)
    const rank = new Map(distinct.map((v, i) => [v, i]))
    ranks = values.map((v) => rank.get(String(v)) ?? 0)
  }
  const codes = [...new Set(index.map((i) => i.site.code))].sort(collator.compare)
  const codeRank = new Map(codes.map((c, i) => [c, i]))
  const sign = sort.dir === 'asc' ? 1 : -1
  const order = index.map((_, i) => i)
  order.sort(
    (a, b) =>
      sign * (ranks[a] - ranks[b]) ||
      (codeRank.get(index[a].site.code) ?? 0) - (codeRank.get(index[b].site.code) ?? 0),
  )
  return order.map((i) => index[i])
}

export interface SiteFilters {
  types: string[]
  enterprises: string[]
  cities: string[]
  statuses: string[]
  /** CHECK_STATES values; a site passes when it is in any of them. */
  checks: string[]
}

export const NO_FILTERS: SiteFilters = { types: [], enterprises: [], cities: [], statuses: [], checks: [] }

/** The toolbar's filters, in order, with the width each takes (also while the dropdowns are still loading). */
export const FILTER_FIELDS: { key: keyof SiteFilters; label: string; width: number }[] = [
  { key: 'types', label: '现场类型', width: 140 },
  { key: 'enterprises', label: '所属企业', width: 180 },
  { key: 'cities', label: '所在地市', width: 170 },
  { key: 'statuses', label: '状态', width: 160 },
  { key: 'checks', label: '审核', width: 150 },
]

export const hasFilters = (f: SiteFilters): boolean =>
  f.types.length > 0 || f.enterprises.length > 0 || f.cities.length > 0 || f.statuses.length > 0 || f.checks.length > 0

/** Sites whose text holds every word of the query (split by spaces) and that pass every filter. */
export function filterIndex(index: IndexedSite[], query: string, filters: SiteFilters): ListedSite[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  const types = filters.types.length ? new Set(filters.types) : null
  const enterprises = filters.enterprises.length ? new Set(filters.enterprises) : null
  const cities = filters.cities.length ? new Set(filters.cities) : null
  const statuses = filters.statuses.length ? new Set(filters.statuses) : null
  const checks = filters.checks.length ? CHECK_STATES.filter((c) => filters.checks.includes(c.value)).map((c) => c.test) : null
  if (!words.length && !types && !enterprises && !cities && !statuses && !checks) return index.map((i) => i.site)
  const out: ListedSite[] = []
  for (const item of index) {
    const s = item.site
    if (types && !types.has(s.type)) continue
    if (enterprises && !enterprises.has(s.enterprise)) continue
    if (cities && !cities.has(s.city)) continue
    if (statuses && !statuses.has(s.status)) continue
    if (checks && !checks.some((test) => test(s))) continue
    if (words.length && !words.every((w) => item.haystack.includes(w))) continue
    out.push(s)
  }
  return out
}

export interface Option {
  value: string
  label: string
}

/** The distinct values of a field among the sites, in pinyin order, as Select options. */
export function optionsOf<S>(sites: S[], pick: (site: S) => string, label: (value: string) => string = (v) => v): Option[] {
  const values = new Set<string>()
  for (const s of sites) {
    const v = pick(s)
    if (v) values.add(v)
  }
  return [...values].sort(collator.compare).map((value) => ({ value, label: label(value) }))
}
