/**
 * The fields a bundle's roster workbook (01_推荐汇总表.xlsx, written by the province's roster export) carries
 * beyond the manifest's few, per site code. Columns are recognised by the province's own header table, so a
 * column the province adds later is picked up by name; a bundle without a roster just has none.
 *
 * The roster is signed, but any key signs (an unregistered one is only held), so it is judged as an imported
 * workbook is (roster/safety.ts: size, zip bomb, damage) before exceljs inflates it in memory; a refusal
 * throws the Chinese AppError naming the file.
 *
 * The cells are read like a roster import reads them (roster/workbookFile.ts): from the parts the safety check
 * inflated, by the lite reader (exceljs's values without its object model: ~10× less CPU per bundle), and
 * with exceljs only when the lite reader declines the file.
 */
import { ROSTER_PATH } from '../../core/bundle/layout'
import { headerIndex, headerKey, ROSTER_COLUMNS } from '../../core/roster/columns'
import { invalid } from '../../core/errors'
import { MB, ROSTER_LIMITS } from '../roster/limits'
import { inspectWorkbook } from '../roster/safety'
import { fromExcelJs, fromLite, type TableBook } from '../roster/sheetTable'
import { isLitePart, readLiteWorkbook } from '../roster/xlsxLite'
import { readVerifiedEntry } from './manifestOf'
import { loadExcelJS } from '../files/exceljs'

function plain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'object' && 'richText' in value) return (value.richText as { text: string }[]).map((r) => r.text).join('')
  if (typeof value === 'object' && 'result' in value) return plain(value.result)
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
  if (bytes.length > ROSTER_LIMITS.maxFileMb * MB)
    throw invalid(`“${ROSTER_PATH}”有 ${(bytes.length / MB).toFixed(1)} MB，超过 ${ROSTER_LIMITS.maxFileMb} MB 的上限，已拒绝读取`)
  const parts = await inspectWorkbook(bytes, ROSTER_PATH, isLitePart)
  const lite = readLiteWorkbook(parts)
  let book: TableBook
  if (lite) book = fromLite(lite)
  else {
    const workbook = new (await loadExcelJS()).Workbook()
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    } catch {
      return bySite
    }
    book = fromExcelJs(workbook)
  }
  const ws = book.sheets[0]
  if (!ws) return bySite
  const index = headerIndex(ROSTER_COLUMNS)
  const columns: { col: number; field: string }[] = []
  for (const [col, cell] of [...(ws.row(1) ?? [])].sort((a, b) => a[0] - b[0])) {
    if (cell.value === null) continue
    const field = index.get(headerKey(String(plain(cell.value) ?? '')))
    if (field && field !== 'seq') columns.push({ col, field })
  }
  const codeCol = columns.find((c) => c.field === 'code')?.col
  if (!codeCol) return bySite
  for (let n = 2; n <= ws.rowCount; n++) {
    const row = ws.row(n)
    if (!row) continue
    const code = plain(row.get(codeCol)?.value)
    if (typeof code !== 'string' || !code) continue
    const fields: Record<string, unknown> = {}
    for (const c of columns) if (c.field !== 'code') fields[c.field] = plain(row.get(c.col)?.value ?? null)
    bySite.set(code, fields)
  }
  return bySite
}
