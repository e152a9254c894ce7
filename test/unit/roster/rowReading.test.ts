/**
 * readRosterRow's one-literal draft and displayValues' field-by-field preview equal the general forms they
 * replace (a draft of the cells present, walked with Object.entries; the values walked with Object.entries),
 * key order included, for arbitrary cells.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cellText, type PlainCell } from '../../../src-main/core/roster/cellValue'
import type { RosterField } from '../../../src-main/core/roster/columns'
import { fieldLabel, letterOf, rawDisplay, readRosterRow, type RawRow, type ReadRow } from '../../../src-main/core/roster/siteRow'
import { readSiteDraft, type SiteDraft } from '../../../src-main/core/sites/draft'
import { SITE_TYPE_INFO, STAR_LABELS } from '../../../src-main/core/sites/fields'
import { cleanText } from '../../../src-main/core/text'
import { displayValues } from '../../../src-main/services/roster/preview'

function refDraftValue(field: RosterField, value: PlainCell): unknown {
  if (value === null) return null
  if (field === 'applyDate') {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 19000101 && value <= 21001231) return String(value)
    return value
  }
  if (field === 'starLevel' || field === 'staffCount' || field === 'areaSqm' || field === 'seats') {
    return value instanceof Date ? cellText(value) : value
  }
  return cellText(value)
}

function refReadRosterRow(raw: RawRow, columns: ReadonlyMap<RosterField, number>, date1904: boolean): ReadRow {
  const draft: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(raw.cells) as [RosterField, PlainCell][]) {
    if (field === 'seq' || field === 'code') continue
    draft[field] = refDraftValue(field, value)
  }
  const { values, problems } = readSiteDraft(draft as SiteDraft, { date1904 })
  return {
    row: raw.row,
    code: raw.cells.code == null ? '' : cleanText(cellText(raw.cells.code)).replace(/\s+/g, '').toUpperCase(),
    values,
    problems: problems.map((p) => ({
      row: raw.row,
      column: letterOf(columns, p.field),
      field: p.field,
      label: fieldLabel(p.field),
      kind: 'error' as const,
      message: p.message,
    })),
    cells: raw.cells,
  }
}

function refDisplayValues(read: ReadRow): Partial<Record<RosterField, string>> {
  const v = read.values
  if (!v) return rawDisplay(read.cells)
  const out: Partial<Record<RosterField, string>> = {}
  if (read.cells.seq != null) out.seq = String(read.cells.seq)
  for (const [key, value] of Object.entries(v) as [RosterField, unknown][]) {
    if (key === 'type') out.type = SITE_TYPE_INFO[v.type].label
    else if (key === 'starLevel') out.starLevel = STAR_LABELS[v.starLevel] || `${v.starLevel}星级`
    else if (key === 'certificates') out.certificates = v.certificates.join('、')
    else out[key] = value === null ? '' : String(value)
  }
  if (read.code) out.code = read.code
  return out
}

const FIELDS: RosterField[] = [
  'seq', 'code', 'name', 'type', 'enterprise', 'recommender', 'uscc', 'city', 'district', 'address', 'starLevel',
  'manager', 'phone', 'email', 'staffCount', 'areaSqm', 'seats', 'certificates', 'highlights', 'applyDate', 'remarks',
]
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '\u3000', 'ＡＢ１', '\u200b', ' gd-2021-y001 '),
)
const cell: fc.Arbitrary<PlainCell> = fc.oneof(
  text,
  fc.integer({ min: -2, max: 30_000_000 }),
  fc.double({ noNaN: false }),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
)
/** A row that reads (so values exist), with a few cells replaced by arbitrary ones. */
const goodCells = fc.record({
  seq: fc.integer({ min: 1, max: 9 }),
  name: fc.constantFrom('广州天河路营业厅', '深圳 南山 客服中心'),
  type: fc.constantFrom('营业厅', '客服中心', '装维中心'),
  enterprise: fc.constantFrom('中国电信', '移动'),
  recommender: fc.constantFrom('中国电信广州分公司'),
  uscc: fc.constantFrom('91440300MA5DC1RX2Y'),
  city: fc.constantFrom('广州市'),
  address: fc.constantFrom('广州市天河路1号'),
  starLevel: fc.oneof(fc.constantFrom('三星级', '★★★★★'), fc.integer({ min: 1, max: 7 })),
  manager: fc.constantFrom('王伟'),
  phone: fc.constantFrom('13800138000', '020-12345678'),
  staffCount: fc.integer({ min: 0, max: 300 }),
  areaSqm: fc.double({ min: 0, max: 2000, noNaN: true }),
  certificates: fc.constantFrom('GD1、gd2', ''),
  applyDate: fc.oneof(fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01') }), fc.constant(20210506)),
})
const cells = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), cell, { maxKeys: FIELDS.length }),
  goodCells,
  goodCells.chain((g) => fc.dictionary(fc.constantFrom(...FIELDS), cell, { maxKeys: 3 }).map((d) => ({ ...g, ...d }))),
) as fc.Arbitrary<Partial<Record<RosterField, PlainCell>>>
const columns = new Map<RosterField, number>(FIELDS.filter((_, i) => i % 4 !== 3).map((f, i) => [f, i + 1]))

describe('reading roster rows', () => {
  it('readRosterRow and displayValues equal their general forms', () => {
    fc.assert(
      fc.property(cells, fc.boolean(), (c, date1904) => {
        const raw = { row: 12, cells: c }
        const read = readRosterRow(raw, columns, date1904)
        expect(read).toEqual(refReadRosterRow(raw, columns, date1904))
        const shown = displayValues(read)
        const want = refDisplayValues(read)
        expect(shown).toEqual(want)
        expect(Object.keys(shown)).toEqual(Object.keys(want))
      }),
      { numRuns: 2000 },
    )
  })
})
