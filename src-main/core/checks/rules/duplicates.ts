/** Two applications for one site: the same name in the same city, or the same address. */
import { addressKey, nameCityKey } from '../duplicates'
import { finding, type FindingDraft, type Rule, type SiteRef } from '../types'

/** How many of the other applications a message names; a roster with 40 copies of one address says "等 40 个". */
const NAMED = 3

/** Rows of a roster not yet stored carry a negative id (minus their Excel row number) in the importer's index. */
const describe = (o: SiteRef) => (o.id < 0 ? `本表第 ${-o.id} 行“${o.name}”` : `现场 ${o.code}“${o.name}”`)

function summarise(others: readonly SiteRef[]): { text: string; detail: string } {
  const named = others.slice(0, NAMED).map(describe).join('、')
  const text = others.length > NAMED ? `${named}等 ${others.length} 个申报` : named
  // One finding per site and field however many twins there are: its fingerprint names the first few.
  const detail = others
    .slice(0, NAMED)
    .map((o) => o.code)
    .join(',')
  return { text, detail }
}

const NONE: readonly SiteRef[] = []

/** The other sites filed under a key; usually there are none but the site itself, and no list is made then. */
function othersIn(list: SiteRef[] | undefined, id: number): readonly SiteRef[] {
  if (!list || (list.length === 1 && list[0].id === id)) return NONE
  return list.filter((o) => o.id !== id)
}

export const duplicateSiteRule: Rule = {
  id: 'duplicate-site',
  severity: 'error',
  evaluate(site, ctx) {
    const out: FindingDraft[] = []
    // The keys the index filed this site under, when it was indexed with these very values (a full run).
    const k = ctx.duplicates.keysOf?.get(site.id)
    const same = k !== undefined && k.name === site.name && k.city === site.city && k.address === site.address
    const nameList = ctx.duplicates.byNameCity.get(same ? k.nameCityKey : nameCityKey(site.name, site.city))
    const addressList = ctx.duplicates.byAddress.get(same ? k.addressKey : addressKey(site.address))
    const byName = othersIn(nameList, site.id)
    // Usually the site is alone under its name key: no Set of name twins to build then.
    const seen = byName.length ? new Set(byName.map((o) => o.id)) : null
    const byAddress = seen && addressList ? addressList.filter((o) => o.id !== site.id && !seen.has(o.id)) : othersIn(addressList, site.id)
    if (byName.length) {
      const { text, detail } = summarise(byName)
      out.push(
        finding(this, 'name', `与${text}名称和所在地市相同，疑似重复申报：请确认后删除重复的一条，或修改名称加以区分`, {
          detail,
        }),
      )
    }
    if (byAddress.length) {
      const { text, detail } = summarise(byAddress)
      out.push(finding(this, 'address', `与${text}详细地址相同，疑似重复申报：请确认后删除重复的一条，或更正地址`, { detail }))
    }
    return out
  },
}
