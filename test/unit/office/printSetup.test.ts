/**
 * The 全国名册 as it prints: written from a register of a few hundred sites, opened by LibreOffice and printed
 * to PDF, then read page by page. What the national reader sees on paper is what is asserted.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROSTER_COLUMNS } from '../../../src-main/core/roster/columns'
import { currentRegister, insertRegisterSites } from '../../../src-main/db/office/register'
import { exportRegister } from '../../../src-main/services/office/export'
import { pdfInfo, pdfPages, toPdf } from '../letters/helpers'
import { tempDir } from './helpers'
import { buildRegister, freshOffice, type RegisterFixture } from './resultsFixture'

let fixture: RegisterFixture
beforeAll(async () => {
  fixture = await buildRegister()
}, 120_000)
afterAll(() => fixture?.cleanup())

const SITES = 300

describe('全国名册 print setup', () => {
  it('prints on A4 landscape, two pages across with 省份/序号/现场编号 and the header row on every page, numbered 第 N 页，共 M 页', async () => {
    const office = freshOffice(fixture)
    // The received 广东 sites, copied under new codes into the same bundle: a register long enough for
    // several pages, every row as full as a real one.
    const [model] = currentRegister(office.db, { province: '广东省' })
    insertRegisterSites(
      office.db,
      model.bundleId,
      model.province,
      Array.from({ length: SITES - 4 }, (_, i) => {
        const code = `GD-2021-Y${String(i + 100).padStart(3, '0')}`
        return { code, name: `广州天河路第${i + 1}营业厅`, type: model.type, recommender: model.recommender, starLevel: model.starLevel, fields: { ...model.fields, code }, files: [] }
      }),
    )
    const out = path.join(tempDir('starsite-print-'), '全国名册.xlsx')
    expect((await exportRegister(office, out)).sites).toBe(SITES)

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.getWorksheet('全国名册')!
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 2,
      fitToHeight: 0,
      pageOrder: 'overThenDown',
      horizontalCentered: true,
      printTitlesRow: '1:1',
      printTitlesColumn: 'A:C',
    })
    expect(ws.headerFooter).toMatchObject({ oddHeader: '&C&"-,Bold"全国名册', oddFooter: '&C第 &P 页，共 &N 页' })
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })

    const [pdf] = await toPdf([out], tempDir('starsite-print-pdf-'))
    const info = await pdfInfo(pdf)
    const [width, height] = /([\d.]+) x ([\d.]+) pts/.exec(info.size)!.slice(1).map(Number)
    expect(width).toBeGreaterThan(height)
    expect(info.size).toContain('A4')
    const pages = await pdfPages(pdf)
    expect(pages).toHaveLength(info.pages)
    // Several pages tall, exactly two across: no column spills onto a third page.
    expect(pages.length).toBeGreaterThanOrEqual(4)
    expect(pages.length % 2).toBe(0)
    const headers = ['省份', ...ROSTER_COLUMNS.map((c) => c.header)]
    pages.forEach((text, i) => {
      for (const repeated of ['全国名册', '省份', '序号', '现场编号']) expect(text, `page ${i + 1}`).toContain(repeated)
      expect(text.replace(/\s+/g, ' '), `page ${i + 1}`).toContain(`第 ${i + 1} 页，共 ${pages.length} 页`)
    })
    // Left half then right half of the same rows: between them, every column's header.
    for (let i = 0; i < pages.length; i += 2) {
      const pair = pages[i] + pages[i + 1]
      for (const h of headers) expect(pair, `pages ${i + 1}–${i + 2}`).toContain(h)
      expect(pages[i + 1], `page ${i + 2}`).toContain(headers.at(-1)!)
    }
    // Every site is printed (its code shows on both halves, as a repeated column).
    const all = pages.join('\n')
    for (const code of ['GD-2021-Y100', `GD-2021-Y${SITES - 4 + 99}`]) expect(all.split(code).length - 1).toBe(2)
  }, 180_000)
})
