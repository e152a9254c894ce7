/**
 * How the roster workbooks print: the template's and the export's 推荐汇总表 two A4 landscape pages across
 * with 序号, 现场编号 and 现场名称 repeated at the left, the 填表说明 on its own pages, the hidden lists untouched.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { exportRoster } from '../../../src-main/services/roster/export'
import { GUIDE_SHEET, LISTS_SHEET, ROSTER_SHEET, writeTemplate } from '../../../src-main/services/roster/template'
import { createSite } from '../../../src-main/services/sites/sites'
import type { AppContext } from '../../../src-main/services/context'
import { draft, freshApp, setUpGuangdong } from '../services/helpers'
import { tempDir } from '../../fixtures/roster/tempDir'

let app: AppContext | undefined
afterEach(() => app?.close())

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb
}

function expectRosterPrint(ws: ExcelJS.Worksheet): void {
  expect(ws.pageSetup).toMatchObject({
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 2,
    fitToHeight: 0,
    pageOrder: 'overThenDown',
    printTitlesRow: '1:1',
    printTitlesColumn: 'A:C',
  })
  expect(ws.headerFooter).toMatchObject({ oddHeader: `&C&"-,Bold"${ROSTER_SHEET}`, oddFooter: '&C第 &P 页，共 &N 页' })
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
}

describe('roster workbooks print setup', () => {
  it('sets the page of the template and the export; the hidden lists sheet gets none', async () => {
    app = freshApp()
    setUpGuangdong(app)
    createSite(app, draft())
    const dir = tempDir()
    const template = await read((await writeTemplate(app, path.join(dir, 'template.xlsx'))).path)
    expectRosterPrint(template.getWorksheet(ROSTER_SHEET)!)
    const guide = template.getWorksheet(GUIDE_SHEET)!
    expect(guide.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 })
    expect(guide.pageSetup.printTitlesRow).toBeUndefined()
    expect(guide.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页')
    const lists = template.getWorksheet(LISTS_SHEET)!
    expect(lists.state).toBe('hidden')
    expect(lists.pageSetup.fitToPage).toBe(false)
    expect(lists.headerFooter?.oddFooter).toBeUndefined()

    const exported = await read((await exportRoster(app, path.join(dir, 'export.xlsx'))).path)
    expectRosterPrint(exported.getWorksheet(ROSTER_SHEET)!)
  })
})
