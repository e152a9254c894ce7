/**
 * `office export`: the national register as one workbook — 省份 first, then the province roster's own columns
 * in the province's order, each value as the province's bundle carried it. Written by the province export's
 * atomic writer, every text as a string cell (a name like “=HYPERLINK(...)” never becomes a live formula).
 */
import type ExcelJS from 'exceljs'
import { ROSTER_COLUMNS } from '../../core/roster/columns'
import { fieldValueText } from '../../core/office/fieldValues'
import { currentRegisterFields } from '../../db/office/register'
import { dateStamp, resolveOutPath, setTextCell, writeWorkbookAtomically } from '../roster/outputFile'
import type { OfficeContext } from './context'
import { loadExcelJS } from '../files/exceljs'
import { applyPrintSetup } from '../files/printSetup'

export const REGISTER_SHEET = '全国名册'

export async function exportRegister(office: OfficeContext, outPath: string | undefined): Promise<{ path: string; size: number; sites: number }> {
  const target = resolveOutPath(office, outPath, `全国名册_${dateStamp(office.now())}.xlsx`)
  const sites = currentRegisterFields(office.db)
  const workbook: ExcelJS.Workbook = new (await loadExcelJS()).Workbook()
  workbook.creator = 'starsite 星级服务现场推荐报送系统'
  const ws = workbook.addWorksheet(REGISTER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = [{ width: 10 }, ...ROSTER_COLUMNS.map((c) => ({ width: c.width }))]
  const header = ws.getRow(1)
  ;['省份', ...ROSTER_COLUMNS.map((c) => c.header)].forEach((h, i) => (header.getCell(i + 1).value = h))
  header.font = { bold: true }
  sites.forEach((site, i) => {
    const row = ws.getRow(i + 2)
    setTextCell(row.getCell(1), site.province)
    ROSTER_COLUMNS.forEach((c, j) => {
      const value = c.field === 'seq' ? i + 1 : c.field === 'code' ? site.code : c.field === 'name' ? site.name : site.fields[c.field]
      const cell = row.getCell(j + 2)
      // Numbers stay numbers (staff, area, seats); a type code or a star level prints as its Chinese name.
      if (typeof value === 'number' && c.field !== 'starLevel') cell.value = value
      else if (value !== null && value !== undefined) setTextCell(cell, fieldValueText(c.field, value))
    })
  })
  // Its 22 columns on one A4 page across print at 28 % in LibreOffice: unreadable. Two pages across, each
  // repeating 省份, 序号 and 现场编号 at the left, print at 51 %.
  applyPrintSetup(ws, { title: REGISTER_SHEET, pagesWide: 2, titleColumns: 'A:C' })
  const size = await writeWorkbookAtomically(office, workbook, target)
  return { path: target, size, sites: sites.length }
}
