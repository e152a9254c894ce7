/**
 * One roster row read into a site with readSiteDraft — the same reader as the form — and its problems placed
 * on the row and column they came from.
 */
import { readSiteDraft, type SiteDraft, type SiteValues } from '../sites/draft'
import { SITE_FIELD_LABELS } from '../sites/fields'
import { cleanProse, cleanText, withoutSpaces } from '../text'
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

/** A text field as the reader should see it: a date typed into 名称 is its ISO date, not a Date. */
const asText = (value: PlainCell | undefined): string | undefined => (value == null ? undefined : cellText(value))

/** 申报星级 and the figures: numbers stay numbers, a date is read as its text. */
const asFigure = (value: PlainCell | undefined): unknown => (value instanceof Date ? cellText(value) : (value ?? undefined))

/** 申报日期: 20210506 typed as a number is a date written without separators, not serial day 20 million. */
function asDate(value: PlainCell | undefined): unknown {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 19000101 && value <= 21001231) return String(value)
  return value ?? undefined
}

/**
 * The draft readSiteDraft reads, every field in one literal (one object shape for all rows); a cell that is
 * absent or null is undefined, which the reader treats as it treats null.
 */
function draftOf(c: Partial<Record<RosterField, PlainCell>>): SiteDraft {
  return {
    name: asText(c.name),
    type: asText(c.type),
    enterprise: asText(c.enterprise),
    recommender: asText(c.recommender),
    uscc: asText(c.uscc),
    city: asText(c.city),
    district: asText(c.district),
    address: asText(c.address),
    starLevel: asFigure(c.starLevel),
    manager: asText(c.manager),
    phone: asText(c.phone),
    email: asText(c.email),
    staffCount: asFigure(c.staffCount),
    areaSqm: asFigure(c.areaSqm),
    seats: asFigure(c.seats),
    certificates: asText(c.certificates),
    highlights: asText(c.highlights),
    applyDate: asDate(c.applyDate),
    remarks: asText(c.remarks),
  }
}

export interface ReadRow {
  row: number
  code: string
  values: SiteValues | null
  problems: RowProblem[]
  /** The cells as read, for display when the row cannot be read (cleaned only then: most rows never need it). */
  cells: Partial<Record<RosterField, PlainCell>>
}

/** Every recognised cell as typed (cleanProse), for display. */
export function rawDisplay(cells: Partial<Record<RosterField, PlainCell>>): Partial<Record<RosterField, string>> {
  const out: Partial<Record<RosterField, string>> = {}
  for (const [field, value] of Object.entries(cells) as [RosterField, PlainCell][]) out[field] = cleanProse(cellText(value))
  return out
}

export function readRosterRow(raw: RawRow, columns: ReadonlyMap<RosterField, number>, date1904: boolean): ReadRow {
  const { values, problems } = readSiteDraft(draftOf(raw.cells), { date1904 })
  return {
    row: raw.row,
    code: raw.cells.code == null ? '' : withoutSpaces(cleanText(cellText(raw.cells.code))).toUpperCase(),
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
