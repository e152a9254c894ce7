/**
 * The national register as the table shows it: filtered as the clerk types, like the province's site list
 * (pages/sites/siteView.ts): an index of lower-cased text built once per list, so a keystroke over 10,000
 * rows is one pass of substring tests.
 */
import { SITE_TYPE_INFO, type OpOutput } from '@contract'

export type RegisterRow = OpOutput<'office.register.list'>['sites'][number]

export interface IndexedRow {
  row: RegisterRow
  haystack: string
}

const typeLabel = (type: string): string => (SITE_TYPE_INFO as Record<string, { label: string } | undefined>)[type]?.label ?? type

export function indexRegister(rows: RegisterRow[]): IndexedRow[] {
  return rows.map((row) => ({
    row,
    haystack: [row.province, row.code, row.name, row.city, row.address, row.enterprise, row.recommender, typeLabel(row.type)].join('\u0000').toLowerCase(),
  }))
}

/** Rows whose text holds every word typed (spaces separate words), of one province when chosen. */
export function filterRegister(index: IndexedRow[], query: string, province: string | null): RegisterRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const out: RegisterRow[] = []
  for (const item of index) {
    if (province !== null && item.row.province !== province) continue
    if (words.every((w) => item.haystack.includes(w))) out.push(item.row)
  }
  return out
}

export { typeLabel }
