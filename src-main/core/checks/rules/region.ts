/** 所在地市 should be a city of the association's own province (a typo or a site of another province). */
import { citiesOfProvince, matchCity } from '../../regions/cities'
import { finding, type Rule } from '../types'

export const cityInProvinceRule: Rule = {
  id: 'city-in-province',
  severity: 'warning',
  evaluate(site, ctx) {
    if (!site.city || !ctx.province) return []
    const cities = citiesOfProvince(ctx.province)
    if (!cities.length || matchCity(ctx.province, site.city)) return []
    const sample = cities.slice(0, 4).join('、')
    return [
      finding(this, 'city', `所在地市“${site.city}”不是${ctx.province}的地市（如 ${sample} 等），请核对`),
    ]
  },
}
