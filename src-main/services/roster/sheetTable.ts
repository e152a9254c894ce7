/**
 * From a loaded workbook to header + raw rows: the first sheet with a recognisable header, merged cells read
 * from their master, formulas by their cached result, rich text and links as their text, blank rows skipped.
 * Generic over the column set, so the site roster and the training roster are read alike.
 */
import type ExcelJS from 'exceljs'
import { invalid } from '../../core/errors'
import { plainCellValue, cellText, type PlainCell } from '../../core/roster/cellValue'
import { findHeader, headerList, HEADER_SEARCH_ROWS, type ColumnSet, type HeaderCell, type HeaderMatch } from '../../core/roster/header'
import type { RawRow } from '../../core/roster/siteRow'
import { cleanText } from '../../core/text'
import type { JobHandle } from '../jobs'
import { ROSTER_LIMITS } from './limits'
import type { LiteWorkbook } from './xlsxLite'

/** exceljs ValueType.Merge and ValueType.Null; the enum is not importable as a value from the type-only import. */
const MERGE = 1
const NULL = 0

/** One cell as the table reader sees it; `master` is set on the non-master cells of a merged range. */
export interface TableCell {
  value: unknown
  master?: { row: number; col: number }
}

/** A sheet of either reader (xlsxLite or exceljs), with what readSheetTable needs of it. */
export interface TableSheet {
  name: string
  hidden: boolean
  rowCount: number
  blank: boolean
  /** The row's cells by column, or undefined when the row is absent. */
  row(r: number): ReadonlyMap<number, TableCell> | undefined
}

export interface TableBook {
  date1904: boolean
  sheets: TableSheet[]
}

export function fromLite(book: LiteWorkbook): TableBook {
  return {
    date1904: book.date1904,
    sheets: book.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rowCount: s.rowCount, blank: s.blank, row: (r) => s.rows.get(r) })),
  }
}

export function fromExcelJs(workbook: ExcelJS.Workbook): TableBook {
  return {
    date1904: Boolean(workbook.properties?.date1904),
    sheets: workbook.worksheets.map((ws) => ({
      name: ws.name,
      hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
      rowCount: ws.rowCount,
      blank: ws.actualRowCount === 0,
      row: (r) => {
        const row = ws.findRow(r)
        if (!row) return undefined
        const cells = new Map<number, TableCell>()
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          if (cell.type === NULL && cell.value === null) return cells.set(col, { value: null })
          cells.set(
            col,
            cell.type === MERGE ? { value: cell.value, master: { row: Number(cell.master.row), col: Number(cell.master.col) } } : { value: cell.value },
          )
        })
        return cells
      },
    })),
  }
}

export interface SheetTable<F extends string> {
  sheet: string
  header: HeaderMatch<F>
  rows: RawRow<F>[]
  date1904: boolean
}

/** Rows are read in slices; between slices we yield so a cancel request can arrive, and report progress. */
const SLICE = 500

function headerCells(ws: TableSheet, rowNumber: number): HeaderCell[] {
  const row = ws.row(rowNumber)
  if (!row) return []
  const cells: HeaderCell[] = []
  const sorted = [...row.entries()].sort((a, b) => a[0] - b[0])
  for (const [col, cell] of sorted) {
    const mergedFromLeft = cell.master !== undefined && cell.master.row === rowNumber && cell.master.col < col
    cells.push({ col, text: cellText(plainCellValue(cell.value)), mergedFromLeft })
  }
  return cells
}

function isBlankSheet(ws: TableSheet): boolean {
  return ws.blank
}

export async function readSheetTable<F extends string>(
  workbook: TableBook,
  fileName: string,
  columns: ColumnSet<F>[],
  skipInBlankTest: F[],
  job?: JobHandle,
): Promise<SheetTable<F>> {
  // Hidden sheets hold lists for drop-downs (our own template does), never the roster.
  const sheets = workbook.sheets.filter((ws) => !ws.hidden)
  let header: HeaderMatch<F> | null = null
  let ws: TableSheet | undefined
  for (const candidate of sheets) {
    if (isBlankSheet(candidate)) continue
    const rows = []
    for (let r = 1; r <= Math.min(candidate.rowCount, HEADER_SEARCH_ROWS); r++) rows.push({ row: r, cells: headerCells(candidate, r) })
    header = findHeader(rows, columns)
    if (header) {
      ws = candidate
      break
    }
  }
  const required = columns.filter((c) => c.required).map((c) => c.field)
  if (!header || !ws) {
    if (sheets.every(isBlankSheet)) throw invalid(`“${fileName}”的工作表为空，没有可导入的内容`)
    throw invalid(
      `“${fileName}”中找不到表头：前 ${HEADER_SEARCH_ROWS} 行中没有包含这些必填列的表头行：${headerList(required, columns)}。请使用导入模板，或把表头改成模板中的列名`,
    )
  }
  if (header.missing.length)
    throw invalid(
      `“${fileName}”工作表“${ws.name}”第 ${header.row} 行的表头缺少必填列：${headerList(header.missing, columns)}。请补上这些列后再导入`,
    )

  const date1904 = workbook.date1904
  const mapped = [...header.columns.entries()]
  const counted = new Set(mapped.map(([f]) => f).filter((f) => !skipInBlankTest.includes(f)))
  const last = ws.rowCount
  if (last - header.row > ROSTER_LIMITS.maxRows)
    throw invalid(`“${fileName}”有 ${last - header.row} 行数据，超过一次导入 ${ROSTER_LIMITS.maxRows} 行的上限，请分成几个文件导入`)
  const total = Math.max(0, last - header.row)
  const rows: RawRow<F>[] = []
  for (let r = header.row + 1; r <= last; r++) {
    if ((r - header.row) % SLICE === 0) {
      job?.progress('读取工作表', r - header.row, total)
      await new Promise((resolve) => setImmediate(resolve))
      job?.throwIfCancelled()
    }
    const row = ws.row(r)
    if (!row) continue
    const cells: Partial<Record<F, PlainCell>> = {}
    let blank = true
    for (const [field, col] of mapped) {
      const cell = row.get(col)
      if (!cell) continue
      // A cell merged down from the header belongs to the header, not to this row.
      if (cell.master && cell.master.row <= header.row) continue
      const value = plainCellValue(cell.value)
      if (value === null) continue
      cells[field] = value
      if (blank && counted.has(field) && cleanText(cellText(value)) !== '') blank = false
    }
    if (!blank) rows.push({ row: r, cells })
  }
  job?.progress('读取工作表', total, total)
  return { sheet: ws.name, header, rows, date1904 }
}
