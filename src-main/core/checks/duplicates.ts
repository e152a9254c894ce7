/**
 * Keys under which two applications are "the same site": the normalised name within one city, or the
 * normalised address. Shared by the check and (later) the importer's preview so they agree.
 */
import { nameKey } from '../text'
import type { DuplicateIndex, IndexedKeys, SiteRef } from './types'

const CITY_SUFFIX = /(市|地区|自治州|盟)$/
const ADDRESS_NOISE = /[\s,，.。、;；:：'"“”‘’()（）\[\]【】#＃\-—_]/g

/**
 * Any character nameKey changes besides case: full-width ASCII and U+3000 (made half-width), whitespace
 * (collapsed, trimmed, then dropped) and the invisible characters cleanText strips (core/text's INVISIBLE).
 */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\uFF01-\uFF5E\u3000\s\u00A0\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069]/

/**
 * nameKey, with one scan instead of six passes for the usual value that has none of those characters (then
 * nameKey is just lower case): keys are built for every site twice on each check run.
 */
function key(value: string): string {
  return typeof value === 'string' && !NEEDS_CLEANING.test(value) ? value.toLowerCase() : nameKey(value)
}

export function cityKey(city: string): string {
  return key(city).replace(CITY_SUFFIX, '')
}

export function nameCityKey(name: string, city: string): string {
  const n = key(name)
  return n ? `${n}|${cityKey(city)}` : ''
}

/** 广州市天河区天河路1号 and "广州市 天河区 天河路 1 号。" are one address. */
export function addressKey(address: string): string {
  return key(address).replace(ADDRESS_NOISE, '')
}

export function buildDuplicateIndex(
  sites: Iterable<{ id: number; code: string; name: string; city: string; address: string }>,
): DuplicateIndex {
  const byNameCity = new Map<string, SiteRef[]>()
  const byAddress = new Map<string, SiteRef[]>()
  const keysOf = new Map<number, IndexedKeys>()
  const add = (map: Map<string, SiteRef[]>, key: string, ref: SiteRef) => {
    if (!key) return
    const list = map.get(key)
    if (list) list.push(ref)
    else map.set(key, [ref])
  }
  for (const s of sites) {
    const ref = { id: s.id, code: s.code, name: s.name }
    const keys = { name: s.name, city: s.city, address: s.address, nameCityKey: nameCityKey(s.name, s.city), addressKey: addressKey(s.address) }
    keysOf.set(s.id, keys)
    add(byNameCity, keys.nameCityKey, ref)
    add(byAddress, keys.addressKey, ref)
  }
  return { byNameCity, byAddress, keysOf }
}
