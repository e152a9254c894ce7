/**
 * The page header carries typed text (an association's or a province's name): an `&` in it is a literal
 * ampersand on paper, not the start of a header code that would swallow the next character.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { applyPrintSetup } from '../../../src-main/services/files/printSetup'
import { pdfPages, tempDir, toPdf } from '../letters/helpers'

describe('applyPrintSetup', () => {
  it('prints a title with & as typed, and keeps a frozen header deeper than one row', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('名单', { views: [{ state: 'frozen', ySplit: 2 }] })
    ws.addRow(['现场编号', '现场名称'])
    ws.addRow(['编号', '名称'])
    ws.addRow(['GD-2021-Y001', '广州天河营业厅'])
    applyPrintSetup(ws, { title: 'A&B 通信协会（评定结果）&P', headerRows: 2 })
    expect(ws.headerFooter.oddHeader).toBe('&C&"-,Bold"A&&B 通信协会（评定结果）&&P')
    expect(ws.pageSetup.printTitlesRow).toBe('1:2')
    expect(ws.views).toEqual([{ state: 'frozen', ySplit: 2 }])

    const dir = tempDir('starsite-print-')
    const file = path.join(dir, '名单.xlsx')
    await wb.xlsx.writeFile(file)
    const [pdf] = await toPdf([file], dir)
    const [page] = await pdfPages(pdf)
    expect(page).toContain('A&B 通信协会（评定结果）&P')
    expect(page.replace(/\s+/g, ' ')).toContain('第 1 页，共 1 页')
  }, 120_000)
})
