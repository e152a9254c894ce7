/** 所在地市 should be a city of the association's own province (a typo or a site of another province). */
import { citiesOfProvince, matchCity } from '../../regions/cities'
import { finding, type Rule } from '../types'

/**
 * The province's cities and whether a city value matches one, remembered for the province last asked about:
 * a campaign's thousands of sites name a few dozen distinct cities, and both lookups are pure functions of
 * the bundled table. Bounded, so odd values cannot grow it without limit.
 */
const MEMO_LIMIT = 4096
let memo: { province: string; cities: string[]; matches: Map<string, boolean> } | null = null

function inProvince(province: string, city: string): boolean {
  if (!memo || memo.province !== province) memo = { province, cities: citiesOfProvince(province), matches: new Map() }
  let ok = memo.matches.get(city)
  if (ok === undefined) {
    ok = memo.cities.length === 0 || matchCity(province, city) !== null
    if (memo.matches.size >= MEMO_LIMIT) memo.matches.clear()
    memo.matches.set(city, ok)
  }
  return ok
}

export const cityInProvinceRule: Rule = {
  id: 'city-in-province',
  severity: 'warning',
  evaluate(site, ctx) {
    if (!site.city || !ctx.province) return []
    if (inProvince(ctx.province, site.city)) return []
    const sample = citiesOfProvince(ctx.province).slice(0, 4).join('、')
    return [
      finding(this, 'city', `所在地市“${site.city}”不是${ctx.province}的地市（如 ${sample} 等），请核对`),
    ]
  },
}
