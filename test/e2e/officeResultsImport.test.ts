/**
 * 导入评定结果 on the office's 评定结果 page, in Debian's Chromium (browser mode): a workbook with a wrong row
 * is previewed with the problem by row and column, 确认导入 is not offered, nothing changes; the corrected
 * workbook is previewed — one rating new, one replacing the recorded one shown old → new — and 确认导入 puts
 * both in the page's table and in the office's database.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { listOfficeResults } from '../../src-main/services/office/views'
import { tempDir } from '../helpers/tmp'
import { province, type Province } from '../unit/office/helpers'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { startOfficeBrowserMode } from './helpers/session'
import { must } from './helpers/twoSites'
import { watchPage } from './helpers/ui'

async function writeRatings(file: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('评定结果')
  ;[['省份', '现场编号', '现场名称', '星级', '证书编号', '牌匾编号', '批次'], ...rows].forEach((cells, i) =>
    cells.forEach((v, j) => {
      if (v !== '') ws.getRow(i + 1).getCell(j + 1).value = v as ExcelJS.CellValue
    }),
  )
  await wb.xlsx.writeFile(file)
  return file
}

describe('office: 导入评定结果 — preview with errors, preview old → new, confirm', () => {
  let env: Awaited<ReturnType<typeof startOfficeBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  const work = tempDir('starsite-e2e-office-resimp-')
  let guangdong: Province
  const codes: string[] = []
  const office = () => env.office()

  beforeAll(async () => {
    guangdong = await province('广东')
    const bundle = path.join(work.dir, '广东.zip')
    await guangdong.bundle(bundle)
    const keyFile = path.join(work.dir, '广东.pem')
    fs.copyFileSync(guangdong.publicKeyFile, keyFile)
    env = await startOfficeBrowserMode([{ province: '广东', file: keyFile }], [bundle])
    const { sites } = await must<{ sites: { code: string }[] }>(dispatch(env.session, 'office.register.list', {}))
    codes.push(...sites.map((s) => s.code))
    await must(dispatch(env.session, 'office.results.set', { province: '广东', code: codes[0], star: 3, batch: '2021年第一批', certificateNo: 'ZS-1' }))
    chrome = await launchBrowser()
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    problems = watchPage(page)
  })

  afterAll(async () => {
    await chrome?.close()
    await env?.stop()
    work.cleanup()
  })

  async function chooseWorkbook(file: string) {
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '导入评定结果' }).click()
    await (await chooser).setFiles(file)
  }

  it('previews a workbook with a wrong row: the problem by row and column, no 确认导入, nothing changed', async () => {
    await page.goto(`${env.server.url}#/results`)
    await page.getByTestId('office-result-row').first().waitFor()
    const bad = await writeRatings(path.join(work.dir, '有错.xlsx'), [
      ['广东', codes[0], '', '四星级', 'ZS-1', '', '2021年第一批'],
      ['广东', codes[1], '', '八星', '', '', '2021年第一批'],
    ])
    await chooseWorkbook(bad)
    const dialog = page.getByTestId('results-import-preview')
    const error = dialog.getByTestId('results-import-error')
    await error.first().waitFor()
    expect(await error.allTextContents()).toEqual([expect.stringContaining('第 3 行D 列（星级）')])
    expect(await error.first().textContent()).toContain('无法识别的星级“八星”')
    expect(await dialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true)
    await page.screenshot({ path: screenshotPath('office-results-import-1-errors'), fullPage: true })
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(listOfficeResults(office()).map((r) => [r.code, r.star])).toEqual([[codes[0], 3]])
  })

  it('previews the corrected workbook (one new, one old → new), confirms, and the table shows both ratings', async () => {
    const good = await writeRatings(path.join(work.dir, '评定结果.xlsx'), [
      ['广东', codes[0], ' 广东一号 营业厅 ', '四星级', 'ZS-1', 'PB-1', '2021年第一批'], // the register's name, spaced: no warning
      ['广东', codes[1], '广东三号营业厅', '五星', 'zs-2', '', '2021年第一批'], // another name: a warning, still imported
    ])
    await chooseWorkbook(good)
    const dialog = page.getByTestId('results-import-preview')
    await dialog.getByTestId('results-import-row').nth(1).waitFor()
    expect(await dialog.getByTestId('results-import-counts').textContent()).toBe('共 2 行：新记录 1 条，修改 1 条，未变 0 条，现场名称与全国名册不同 1 行')
    const warning = dialog.getByTestId('results-import-warning')
    expect(await warning.count()).toBe(1)
    expect(await warning.first().textContent()).toBe(`第 3 行广东省 ${codes[1]}广东三号营业厅广东二号营业厅`)
    expect(await dialog.getByTestId('results-import-warnings').textContent()).toContain('仍按现场编号导入')
    const changed = dialog.getByTestId('results-import-row').filter({ hasText: codes[0] })
    expect(await changed.getByTestId('results-import-change').allTextContents()).toEqual(['三星级 → 四星级', '（空） → PB-1'])
    expect(await changed.textContent()).toContain('修改')
    expect(await dialog.getByTestId('results-import-row').filter({ hasText: codes[1] }).textContent()).toContain('新记录')
    await page.screenshot({ path: screenshotPath('office-results-import-2-preview'), fullPage: true })

    await dialog.getByRole('button', { name: '确认导入' }).click()
    await dialog.waitFor({ state: 'detached' })
    const rows = page.getByTestId('office-result-row')
    await rows.nth(1).waitFor()
    const first = await rows.filter({ hasText: codes[0] }).textContent()
    expect(first).toContain('四星级')
    expect(first).toContain('PB-1')
    const second = await rows.filter({ hasText: codes[1] }).textContent()
    expect(second).toContain('五星级')
    expect(second).toContain('ZS-2')
    expect(listOfficeResults(office()).map((r) => [r.code, r.star, r.certificateNo, r.plaqueNo])).toEqual([
      [codes[0], 4, 'ZS-1', 'PB-1'],
      [codes[1], 5, 'ZS-2', ''],
    ])
    await page.screenshot({ path: screenshotPath('office-results-import-3-done'), fullPage: true })
    expect(problems).toEqual([])
  })
})
