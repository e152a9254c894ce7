/** Two applications for one site: the same name in the same city, or the same address. */
import { addressKey, nameCityKey } from '../duplicates'
import { finding, type FindingDraft, type Rule } from '../types'

export const duplicateSiteRule: Rule = {
  id: 'duplicate-site',
  severity: 'error',
  evaluate(site, ctx) {
    const out: FindingDraft[] = []
    const seen = new Set<number>()
    for (const other of ctx.duplicates.byNameCity.get(nameCityKey(site.name, site.city)) ?? []) {
      if (other.id === site.id) continue
      seen.add(other.id)
      out.push(
        finding(
          this,
          'name',
          `与现场 ${other.code}“${other.name}”名称和所在地市相同，疑似重复申报：请确认后删除重复的一条，或修改名称加以区分`,
          { detail: other.code },
        ),
      )
    }
    for (const other of ctx.duplicates.byAddress.get(addressKey(site.address)) ?? []) {
      if (other.id === site.id || seen.has(other.id)) continue
      out.push(
        finding(
          this,
          'address',
          `与现场 ${other.code}“${other.name}”详细地址相同，疑似重复申报：请确认后删除重复的一条，或更正地址`,
          { detail: other.code },
        ),
      )
    }
    return out
  },
}
