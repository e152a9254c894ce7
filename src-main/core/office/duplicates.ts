/**
 * Duplicates across the national register: the same 统一社会信用代码 at the same address, the same normalised
 * name in the same city, or the same address — within one province or across provinces. The keys are the
 * province check's own (core/checks/duplicates), so the office and a province agree on what "the same" is.
 * Sites are filed by key and only sites sharing a key are paired: no comparison of every site with every other.
 */
import { addressKey, cityKey, nameCityKey } from '../checks/duplicates'
import { BoundedMemo } from '../memo'
import { nameKey } from '../text'

export type DuplicateReason = 'uscc-address' | 'name-city' | 'address'

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  'uscc-address': '统一社会信用代码与地址相同',
  'name-city': '同一地市名称相同',
  address: '地址相同',
}

export interface OfficeSiteKeys {
  province: string
  code: string
  name: string
  city: string
  address: string
  uscc: string
}

export interface OfficeDuplicatePair<S extends OfficeSiteKeys = OfficeSiteKeys> {
  /** Stable identity: the two sites' 省份:编号, sorted — the same pair after any re-ingest. */
  key: string
  a: S
  b: S
  reasons: DuplicateReason[]
}

export function siteRef(site: { province: string; code: string }): string {
  return `${site.province}:${site.code}`
}

/** The pair identity of two sites, whichever order they are given in. */
export function pairKey(x: { province: string; code: string }, y: { province: string; code: string }): string {
  const [p, q] = [siteRef(x), siteRef(y)].sort()
  return `${p}|${q}`
}

const REASON_ORDER: DuplicateReason[] = ['uscc-address', 'name-city', 'address']

export function findOfficeDuplicates<S extends OfficeSiteKeys>(sites: readonly S[]): OfficeDuplicatePair<S>[] {
  const groups: Record<DuplicateReason, Map<string, number[]>> = { 'uscc-address': new Map(), 'name-city': new Map(), address: new Map() }
  const file = (reason: DuplicateReason, key: string, i: number) => {
    if (!key) return
    const list = groups[reason].get(key)
    if (list) list.push(i)
    else groups[reason].set(key, [i])
  }
  const cities = new BoundedMemo(cityKey)
  sites.forEach((s, i) => {
    const address = addressKey(s.address)
    const uscc = nameKey(s.uscc).toUpperCase()
    if (uscc && address) file('uscc-address', `${uscc}|${address}`, i)
    file('name-city', nameCityKey(s.name, s.city, cities), i)
    file('address', address, i)
  })
  const pairs = new Map<string, OfficeDuplicatePair<S>>()
  for (const reason of REASON_ORDER)
    for (const members of groups[reason].values())
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++) {
          let [a, b] = [sites[members[x]], sites[members[y]]]
          if (siteRef(a) > siteRef(b)) [a, b] = [b, a]
          const key = pairKey(a, b)
          const pair = pairs.get(key)
          if (pair) pair.reasons.push(reason)
          else pairs.set(key, { key, a, b, reasons: [reason] })
        }
  return [...pairs.values()].sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0))
}
