/**
 * Keys under which two applications are "the same site": the normalised name within one city, or the
 * normalised address. Shared by the check and (later) the importer's preview so they agree.
 */
import { nameKey } from '../text'
import type { DuplicateIndex, SiteRef } from './types'

const CITY_SUFFIX = /(市|地区|自治州|盟)$/
const ADDRESS_NOISE = /[\s,，.。、;；:：'"“”‘’()（）\[\]【】#＃\-—_]/g

export function cityKey(city: string): string {
  return nameKey(city).replace(CITY_SUFFIX, '')
}

export function nameCityKey(name: string, city: string): string {
  const n = nameKey(name)
  return n ? `${n}|${cityKey(city)}` : ''
}

/** 广州市天河区天河路1号 and "广州市 天河区 天河路 1 号。" are one address. */
export function addressKey(address: string): string {
  return nameKey(address).replace(ADDRESS_NOISE, '')
}

export function buildDuplicateIndex(
  sites: Iterable<{ id: number; code: string; name: string; city: string; address: string }>,
): DuplicateIndex {
  const byNameCity = new Map<string, SiteRef[]>()
  const byAddress = new Map<string, SiteRef[]>()
  const add = (map: Map<string, SiteRef[]>, key: string, ref: SiteRef) => {
    if (!key) return
    const list = map.get(key)
    if (list) list.push(ref)
    else map.set(key, [ref])
  }
  for (const s of sites) {
    const ref = { id: s.id, code: s.code, name: s.name }
    add(byNameCity, nameCityKey(s.name, s.city), ref)
    add(byAddress, addressKey(s.address), ref)
  }
  return { byNameCity, byAddress }
}
