/**
 * Finding the header row of a roster and mapping its columns to fields. Pure: it sees header candidates as
 * text cells, never a workbook, so the same logic serves the site roster and the training roster.
 */
import { columnLetter } from './letters'
import { headerIndex, headerKey } from './columns'

export interface HeaderCell {
  col: number
  text: string
  /** Part of a merged range whose master lies to the left in the same row: the same header, not a new one. */
  mergedFromLeft?: boolean
}

export interface ColumnSet<F extends string> {
  field: F
  header: string
  required: boolean
  aliases: string[]
}

export interface IgnoredColumn {
  column: string
  header: string
}

export interface HeaderMatch<F extends string> {
  /** 1-based Excel row number of the header. */
  row: number
  /** Recognised field -> 1-based column number (the first column when a header appears twice). */
  columns: Map<F, number>
  ignored: IgnoredColumn[]
  /** Required fields whose column is missing. */
  missing: F[]
}

/** How far down a header may sit (title rows, notes, a blank line above it). */
export const HEADER_SEARCH_ROWS = 10

/** A row counts as the header when it names at least this many known columns. */
const MIN_RECOGNISED = 3

export function matchHeaderRow<F extends string>(
  row: number,
  cells: HeaderCell[],
  columns: ColumnSet<F>[],
): HeaderMatch<F> {
  const index = headerIndex(columns)
  const found = new Map<F, number>()
  const ignored: IgnoredColumn[] = []
  for (const cell of cells) {
    if (cell.mergedFromLeft) continue
    const text = cell.text.trim()
    if (!text) continue
    const field = index.get(headerKey(text))
    if (field === undefined) ignored.push({ column: columnLetter(cell.col), header: text })
    else if (found.has(field)) ignored.push({ column: columnLetter(cell.col), header: `${text}（与 ${columnLetter(found.get(field)!)} 列重复）` })
    else found.set(field, cell.col)
  }
  const missing = columns.filter((c) => c.required && !found.has(c.field)).map((c) => c.field)
  return { row, columns: found, ignored, missing }
}

/**
 * The best header among the first rows: the one naming the most known columns (at least MIN_RECOGNISED).
 * Null when no row qualifies; the caller then lists the required columns it looked for.
 */
export function findHeader<F extends string>(
  rows: { row: number; cells: HeaderCell[] }[],
  columns: ColumnSet<F>[],
): HeaderMatch<F> | null {
  let best: HeaderMatch<F> | null = null
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const match = matchHeaderRow(r.row, r.cells, columns)
    if (match.columns.size < MIN_RECOGNISED) continue
    if (!best || match.columns.size > best.columns.size) best = match
  }
  return best
}

/** "现场名称、现场类型…" for messages. */
export function headerList<F extends string>(fields: F[], columns: ColumnSet<F>[]): string {
  return fields.map((f) => columns.find((c) => c.field === f)?.header ?? f).join('、')
}
