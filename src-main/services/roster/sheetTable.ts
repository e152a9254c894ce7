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

/** exceljs ValueType.Merge; the enum is not importable as a value from the type-only import. */
const MERGE = 1

export interface SheetTable<F extends string> {
  sheet: string
  header: HeaderMatch<F>
  rows: RawRow<F>[]
  date1904: boolean
}

/** Rows are read in slices; between slices we yield so a cancel request can arrive, and report progress. */
const SLICE = 500

function headerCells(ws: ExcelJS.Worksheet, rowNumber: number): HeaderCell[] {
  const row = ws.findRow(rowNumber)
  if (!row) return []
  const cells: HeaderCell[] = []
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const mergedFromLeft = cell.type === MERGE && Number(cell.master.row) === rowNumber && Number(cell.master.col) < col
    cells.push({ col, text: cellText(plainCellValue(cell.value)), mergedFromLeft })
  })
  return cells
}

function isBlankSheet(ws: ExcelJS.Worksheet): boolean {
  return ws.actualRowCount === 0
}

export async function readSheetTable<F extends string>(
  workbook: ExcelJS.Workbook,
  fileName: string,
  columns: ColumnSet<F>[],
  skipInBlankTest: F[],
  job?: JobHandle,
): Promise<SheetTable<F>> {
  // Hidden sheets hold lists for drop-downs (our own template does), never the roster.
  const sheets = workbook.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden')
  let header: HeaderMatch<F> | null = null
  let ws: ExcelJS.Worksheet | undefined
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

  const date1904 = Boolean(workbook.properties?.date1904)
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
    const row = ws.findRow(r)
    if (!row) continue
    const cells: Partial<Record<F, PlainCell>> = {}
    let blank = true
    for (const [field, col] of mapped) {
      const cell = row.findCell(col)
      if (!cell) continue
      // A cell merged down from the header belongs to the header, not to this row.
      if (cell.type === MERGE && Number(cell.master.row) <= header.row) continue
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
