/**
 * Keys under which two applications are "the same site": the normalised name within one city, or the
 * normalised address. Shared by the check and (later) the importer's preview so they agree.
 */
import { BoundedMemo } from '../memo'
import { nameKey } from '../text'
import type { DuplicateIndex, IndexedKeys, SiteRef } from './types'

const CITY_SUFFIX = /(市|地区|自治州|盟)$/
const ADDRESS_NOISE = /[\s,，.。、;；:：'"“”‘’()（）[\]【】#＃\-—_]/g
/** ADDRESS_NOISE for a test: most addresses have none, and a test is cheaper than a replace that finds nothing. */
const HAS_ADDRESS_NOISE = /[\s,，.。、;；:：'"“”‘’()（）[\]【】#＃\-—_]/

export function cityKey(city: string): string {
  return nameKey(city).replace(CITY_SUFFIX, '')
}

/** `cities`: city keys remembered by the caller (building an index: thousands of sites, a few dozen cities). */
export function nameCityKey(name: string, city: string, cities?: BoundedMemo<string, string>): string {
  const n = nameKey(name)
  return n ? `${n}|${cities ? cities.get(city) : cityKey(city)}` : ''
}

/** 广州市天河区天河路1号 and "广州市 天河区 天河路 1 号。" are one address. */
export function addressKey(address: string): string {
  const k = nameKey(address)
  return HAS_ADDRESS_NOISE.test(k) ? k.replace(ADDRESS_NOISE, '') : k
}

function add(map: Map<string, SiteRef[]>, key: string, ref: SiteRef): void {
  if (!key) return
  const list = map.get(key)
  if (list) list.push(ref)
  else map.set(key, [ref])
}

export function buildDuplicateIndex(
  sites: Iterable<{ id: number; code: string; name: string; city: string; address: string }>,
): DuplicateIndex {
  const byNameCity = new Map<string, SiteRef[]>()
  const byAddress = new Map<string, SiteRef[]>()
  const keysOf = new Map<number, IndexedKeys>()
  const cities = new BoundedMemo(cityKey)
  for (const s of sites) {
    const ref = { id: s.id, code: s.code, name: s.name }
    const keys = { name: s.name, city: s.city, address: s.address, nameCityKey: nameCityKey(s.name, s.city, cities), addressKey: addressKey(s.address) }
    keysOf.set(s.id, keys)
    add(byNameCity, keys.nameCityKey, ref)
    add(byAddress, keys.addressKey, ref)
  }
  return { byNameCity, byAddress, keysOf }
}
