/**
 * The province's results export (评定结果名单) carries 省份 and 标牌编号. The whole path with real parts: the
 * office records ratings for a received register and exports the province file; the province imports it,
 * applies it and exports its list; the province's own import reads that list back (another folder with the
 * same sites ends with the same results), and the office's import reads it with its 省份 and 标牌编号.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { addKey } from '../../../src-main/services/office/keys'
import { receive } from '../../../src-main/services/office/receive'
import { exportProvinceResults, setOfficeResult } from '../../../src-main/services/office/results'
import { previewResultsImport } from '../../../src-main/services/office/resultsImport'
import type { OfficeContext } from '../../../src-main/services/office/context'
import type { AppContext } from '../../../src-main/services/context'
import { exportResults } from '../../../src-main/services/results/export'
import { importResults } from '../../../src-main/services/results/import'
import { listResultsView } from '../../../src-main/services/results/list'
import { applyMatchedResults } from '../../../src-main/services/results/review'
import { newOffice, province, tempDir, type Province } from './helpers'

const B1 = '2021年第一批'

/** An office that received the province's bundle: its register holds the province's sites under their codes. */
async function officeWith(gd: Province, drop: string): Promise<OfficeContext> {
  const office = newOffice()
  addKey(office, { province: '广东', file: gd.publicKeyFile })
  expect((await receive(office, [drop])).map((o) => o.status)).toEqual(['ingested'])
  return office
}

/** The sheet as header -> text per data row. */
async function readSheet(file: string): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.worksheets[0]
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String)
  const rows: Record<string, string>[] = []
  for (let r = 2; r <= ws.rowCount; r++) rows.push(Object.fromEntries(header.map((h, i) => [h, ws.getRow(r).getCell(i + 1).text])))
  return { header, rows }
}

/** How the first sheet prints: A4, fit across, the page header and the numbered footer. */
async function printOf(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.worksheets[0]
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToHeight: 0 })
  expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页')
  return { ...ws.pageSetup, ...ws.headerFooter }
}

const resultsOf = (app: AppContext) =>
  listResultsView(app).sites.map((s) => [s.site.code, s.outcome, s.awardedStar, s.certificateNo, s.plaqueNo, s.batch])

describe('province results export: 省份 and 标牌编号', () => {
  it('office file → province import and apply → province export with 省份 and 标牌编号; both imports read that export', async () => {
    const gd = await province('广东')
    const drop = tempDir('starsite-drop-')
    await gd.bundle(path.join(drop, '广东.zip'))
    const office = await officeWith(gd, drop)
    const [c0, c1] = gd.siteIds.map((id) => gd.app.sites.get(id)!.code)
    setOfficeResult(office, { site: `广东:${c0}`, star: 4, batch: B1, certificateNo: 'GD2021-0001', plaqueNo: 'pb-0001' })
    setOfficeResult(office, { site: `广东:${c1}`, star: 3, batch: B1, certificateNo: 'GD2021-0002' })
    const dir = tempDir('starsite-res-x-')
    const officeFile = (await exportProvinceResults(office, { province: '广东', out: path.join(dir, '广东_评定结果.xlsx') })).path
    // The office's file now carries the plaque numbers too, and the province keeps them with the result.
    expect((await readSheet(officeFile)).rows.map((r) => r['标牌编号'])).toEqual(['PB-0001', ''])
    expect(await printOf(officeFile)).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1', oddHeader: '&C&"-,Bold"广东省评定结果' })
    expect(await importResults(gd.app, { path: officeFile })).toMatchObject({ total: 2, matched: 2, review: 0, unmatched: 0, errors: [] })
    expect(applyMatchedResults(gd.app)).toEqual({ applied: 2 })
    expect(resultsOf(gd.app)).toEqual([
      [c0, 'rated', 4, 'GD2021-0001', 'PB-0001', B1],
      [c1, 'rated', 3, 'GD2021-0002', '', B1],
    ])

    const out = (await exportResults(gd.app, path.join(dir, '评定结果名单.xlsx'))).path
    const sheet = await readSheet(out)
    expect(await printOf(out)).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1', oddHeader: '&C&"-,Bold"广东省2021年评定结果' })
    expect(sheet.header).toEqual(['序号', '省份', '现场编号', '现场名称', '现场类型', '所属企业', '推荐单位', '评定结果', '证书编号', '标牌编号', '批次', '证书领取日期', '标牌领取日期', '经办人'])
    expect(sheet.rows.map((r) => [r['省份'], r['现场编号'], r['评定结果'], r['证书编号'], r['标牌编号'], r['批次']])).toEqual([
      ['广东省', c0, '四星级', 'GD2021-0001', 'PB-0001', B1],
      ['广东省', c1, '三星级', 'GD2021-0002', '', B1],
    ])

    // The province's own import reads its export: another folder with the same sites ends with the same results.
    const again = await province('广东')
    expect(again.siteIds.map((id) => again.app.sites.get(id)!.code)).toEqual([c0, c1])
    expect(await importResults(again.app, { path: out })).toMatchObject({ total: 2, matched: 2, review: 0, unmatched: 0, errors: [] })
    applyMatchedResults(again.app)
    expect(resultsOf(again.app)).toEqual(resultsOf(gd.app))
    // And in the folder that wrote it, the list reads back as what is already confirmed.
    expect(await importResults(gd.app, { path: out, dryRun: true })).toMatchObject({ total: 2, kept: 2, errors: [] })

    // The office reads it with its 省份 and 标牌编号: an office with no ratings yet records them as the province has them.
    const fresh = await officeWith(gd, drop)
    const preview = await previewResultsImport(fresh, { path: out })
    expect(preview).toMatchObject({ total: 2, recorded: 2, changed: 0, errors: [], warnings: [] })
    expect(preview.rows!.map((r) => [r.row, r.province, r.code, r.star, r.certificateNo, r.plaqueNo, r.batch])).toEqual([
      [2, '广东省', c0, 4, 'GD2021-0001', 'PB-0001', B1],
      [3, '广东省', c1, 3, 'GD2021-0002', '', B1],
    ])
    // The office that issued the ratings finds nothing changed.
    expect(await previewResultsImport(office, { path: out })).toMatchObject({ recorded: 0, changed: 0, unchanged: 2, errors: [] })
  }, 120_000)
})
