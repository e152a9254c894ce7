/** 所在地市 should be a city of the association's own province (a typo or a site of another province). */
import { BoundedMemo } from '../../memo'
import { citiesOfProvince, matchCity } from '../../regions/cities'
import { finding, type Rule } from '../types'

function inProvince(province: string, city: string): boolean {
  return citiesOfProvince(province).length === 0 || matchCity(province, city) !== null
}

/**
 * Whether a city value is one of `province`'s, remembered: a campaign's thousands of sites name a few dozen
 * distinct cities, and the answer is a pure function of the bundled table. A check context made for that
 * province carries one (CheckContext.cityInProvince).
 */
export function cityInProvinceMemo(province: string): BoundedMemo<string, boolean> {
  const known = citiesOfProvince(province).length > 0
  return new BoundedMemo((city: string) => !known || matchCity(province, city) !== null)
}

export const cityInProvinceRule: Rule = {
  id: 'city-in-province',
  severity: 'warning',
  evaluate(site, ctx) {
    if (!site.city || !ctx.province) return []
    if (ctx.cityInProvince ? ctx.cityInProvince.get(site.city) : inProvince(ctx.province, site.city)) return []
    const sample = citiesOfProvince(ctx.province).slice(0, 4).join('、')
    return [
      finding(this, 'city', `所在地市“${site.city}”不是${ctx.province}的地市（如 ${sample} 等），请核对`),
    ]
  },
}
