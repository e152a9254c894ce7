/**
 * The fields a bundle's roster workbook (01_推荐汇总表.xlsx, written by the province's roster export) carries
 * beyond the manifest's few, per site code. Columns are recognised by the province's own header table, so a
 * column the province adds later is picked up by name; a bundle without a readable roster just has none.
 */
import ExcelJSLib from 'exceljs'
import type ExcelJS from 'exceljs'
import { ROSTER_PATH } from '../../core/bundle/layout'
import { headerIndex, headerKey, ROSTER_COLUMNS } from '../../core/roster/columns'
import { readVerifiedEntry } from './manifestOf'

function plain(value: ExcelJS.CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('')
  if (typeof value === 'object' && 'result' in value) return plain(value.result as ExcelJS.CellValue)
  if (typeof value === 'object' && 'text' in value) return String(value.text)
  return String(value)
}

export async function rosterFields(bundleFile: string): Promise<Map<string, Record<string, unknown>>> {
  return rosterFieldsOf(await readVerifiedEntry(bundleFile, ROSTER_PATH))
}

/** The same from the workbook's bytes, as the verifier handed them over (receive reads the bundle once). */
export async function rosterFieldsOf(bytes: Buffer | null | undefined): Promise<Map<string, Record<string, unknown>>> {
  const bySite = new Map<string, Record<string, unknown>>()
  if (!bytes) return bySite
  const workbook: ExcelJS.Workbook = new ExcelJSLib.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    return bySite
  }
  const ws = workbook.worksheets[0]
  if (!ws) return bySite
  const index = headerIndex(ROSTER_COLUMNS)
  const columns: { col: number; field: string }[] = []
  ws.getRow(1).eachCell((cell, col) => {
    const field = index.get(headerKey(String(plain(cell.value) ?? '')))
    if (field && field !== 'seq') columns.push({ col, field })
  })
  const codeCol = columns.find((c) => c.field === 'code')?.col
  if (!codeCol) return bySite
  ws.eachRow((row, n) => {
    if (n === 1) return
    const code = plain(row.getCell(codeCol).value)
    if (typeof code !== 'string' || !code) return
    const fields: Record<string, unknown> = {}
    for (const c of columns) if (c.field !== 'code') fields[c.field] = plain(row.getCell(c.col).value)
    bySite.set(code, fields)
  })
  return bySite
}
