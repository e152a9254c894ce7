/**
 * One roster row read into a site with readSiteDraft — the same reader as the form — and its problems placed
 * on the row and column they came from.
 */
import { readSiteDraft, type SiteDraft, type SiteValues } from '../sites/draft'
import { SITE_FIELD_LABELS } from '../sites/fields'
import { cleanText } from '../text'
import { cellText, type PlainCell } from './cellValue'
import type { RosterField } from './columns'
import { columnLetter } from './letters'
import type { RowProblem } from './problems'

export interface RawRow<F extends string = RosterField> {
  /** Excel row number. */
  row: number
  cells: Partial<Record<F, PlainCell>>
}

export function fieldLabel(field: string): string {
  return field === 'seq' ? '序号' : ((SITE_FIELD_LABELS as Record<string, string>)[field] ?? field)
}

export function letterOf<F extends string>(columns: ReadonlyMap<F, number>, field: string): string {
  const col = columns.get(field as F)
  return col === undefined ? '' : columnLetter(col)
}

/** What the reader should see: text fields as text (a date typed into 名称 is its ISO date, not a Date). */
function draftValue(field: RosterField, value: PlainCell): unknown {
  if (value === null) return null
  if (field === 'applyDate') {
    // 20210506 typed as a number is a date written without separators, not serial day 20 million.
    if (typeof value === 'number' && Number.isInteger(value) && value >= 19000101 && value <= 21001231) return String(value)
    return value
  }
  if (field === 'starLevel' || field === 'staffCount' || field === 'areaSqm' || field === 'seats') {
    return value instanceof Date ? cellText(value) : value
  }
  return cellText(value)
}

export interface ReadRow {
  row: number
  code: string
  values: SiteValues | null
  problems: RowProblem[]
  /** The cells as read, for display when the row cannot be read (cleaned only then: most rows never need it). */
  cells: Partial<Record<RosterField, PlainCell>>
}

/** Cleaned text of every recognised cell. */
export function rawDisplay(cells: Partial<Record<RosterField, PlainCell>>): Partial<Record<RosterField, string>> {
  const out: Partial<Record<RosterField, string>> = {}
  for (const [field, value] of Object.entries(cells) as [RosterField, PlainCell][]) out[field] = cleanText(cellText(value))
  return out
}

export function readRosterRow(raw: RawRow, columns: ReadonlyMap<RosterField, number>, date1904: boolean): ReadRow {
  const draft: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(raw.cells) as [RosterField, PlainCell][]) {
    if (field === 'seq' || field === 'code') continue
    draft[field] = draftValue(field, value)
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
