/**
 * The clerk's import path in browser mode, in Debian's Chromium: download the template from 导入, fill it
 * in Excel (exceljs here) with 6 sites of which 2 are broken, upload it, see exactly the 2 bad cells marked
 * red with their reasons, import only the valid rows, find the 4 sites in 推荐现场, and export them again.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillTemplate, validSite } from '../fixtures/roster/sites'
import { tempDir } from '../helpers/tmp'
import { startBrowserMode } from './helpers/app'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { fillSettings, watchPage } from './helpers/ui'

/** DESIGN §4, in order; * marks a required column. */
const CANONICAL_HEADER = [
  '序号', '现场编号', '现场名称*', '现场类型*', '所属企业*', '推荐单位*', '统一社会信用代码*', '所在地市*', '区县',
  '详细地址*', '申报星级*', '现场负责人*', '联系电话*', '电子邮箱', '员工人数', '营业面积（平方米）', '坐席数',
  '培训合格证书编号', '突出表现', '申报日期*', '备注',
]

const isZip = (file: string) => fs.readFileSync(file).subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))

describe('importing a roster in the browser', () => {
  let env: Awaited<ReturnType<typeof startBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  const work = tempDir('starsite-e2e-import-')
  const templateFile = path.join(work.dir, 'template.xlsx')
  const rosterFile = path.join(work.dir, '推荐汇总表.xlsx')
  const names: string[] = []

  beforeAll(async () => {
    env = await startBrowserMode()
    chrome = await launchBrowser()
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', acceptDownloads: true })
    problems = watchPage(page)
    await page.goto(env.server.url)
    await fillSettings(page, { name: '广东省通信行业协会', short: '粤通协', province: '广东', option: '广东省', year: 2021 })
    await page.getByText('2021 年度').first().waitFor()
  })

  afterAll(async () => {
    await chrome?.close()
    await env?.stop()
    work.cleanup()
  })

  it('downloads the template: an xlsx with the canonical header row', async () => {
    await page.getByRole('link', { name: '导入' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    await download.saveAs(templateFile)
    expect(isZip(templateFile)).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(templateFile)
    const header = wb.worksheets[0].getRow(1)
    expect(CANONICAL_HEADER.map((_, i) => String(header.getCell(i + 1).value))).toEqual(CANONICAL_HEADER)
    await page.screenshot({ path: screenshotPath('import-1-start'), fullPage: true })
  })

  it('previews an uploaded roster with exactly the two bad cells marked, and why', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => validSite(i))
    rows[1].phone = null // row 3: 联系电话 empty
    rows[3].starLevel = '九星' // row 5: not a star level
    names.push(...rows.map((r) => String(r.name)))
    await fillTemplate(templateFile, rows, rosterFile)

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择汇总表文件' }).click()])
    await chooser.setFiles(rosterFile)
    const counts = page.getByTestId('preview-counts')
    await counts.getByText('有错误 2').waitFor()
    expect(await counts.textContent()).toContain('新增 4')

    // Only rows with problems are shown at first; the two error rows are among them, no other row is an error.
    const errorCells = page.locator('[data-cell][data-severity="error"]')
    const cells = (await errorCells.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')))).sort()
    expect(cells).toEqual(['3:M', '5:K'])
    const errorRows = await page.locator('[data-testid="preview-row"][data-status="error"]').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-row')),
    )
    expect(errorRows.sort()).toEqual(['3', '5'])
    // Red, with the reason on hover and in the list.
    const phone = page.locator('[data-cell="3:M"]')
    const background = await phone.evaluate((e) => getComputedStyle(e).backgroundColor)
    expect(background).not.toBe('rgba(0, 0, 0, 0)')
    expect(await phone.getAttribute('title')).toMatch(/^第 3 行 M 列（联系电话）：/)
    expect(await page.locator('[data-cell="5:K"]').getAttribute('title')).toMatch(/^第 5 行 K 列（申报星级）：/)
    const list = page.getByTestId('problem-list')
    await list.getByText('第 3 行 M 列（联系电话）', { exact: false }).waitFor()
    await list.getByText('第 5 行 K 列（申报星级）', { exact: false }).waitFor()

    // Picking a problem brings its cell into view (the table scrolls sideways to column K).
    await list.getByText('第 5 行 K 列（申报星级）', { exact: false }).click()
    await page.locator('[data-cell="5:K"]').waitFor()
    await expect.poll(() => page.locator('[data-cell="5:K"]').evaluate((e) => {
      const box = e.getBoundingClientRect()
      const view = e.closest('[role="table"]')!.getBoundingClientRect()
      return box.left >= view.left && box.right <= view.right
    })).toBe(true)
    await page.screenshot({ path: screenshotPath('import-2-preview'), fullPage: true })

    // All six rows when the filter is off.
    await page.getByLabel('只看有问题的行').uncheck()
    await expect.poll(() => page.getByTestId('preview-row').count()).toBe(6)
    expect(env.app.db.prepare('SELECT COUNT(*) AS n FROM sites').get()).toEqual({ n: 0 })
    await page.screenshot({ path: screenshotPath('import-2b-preview-all-rows'), fullPage: true })
  })

  it('refuses 导入全部 while rows have errors, then imports only the valid rows', async () => {
    await expect.poll(() => page.getByRole('button', { name: /导入全部/ }).isDisabled()).toBe(true)
    await page.getByTestId('commit-blocked').waitFor()
    await page.getByRole('button', { name: /仅导入无错误的行/ }).click()
    const result = page.getByTestId('commit-result')
    await result.waitFor()
    expect(await result.textContent()).toContain('新增 4、更新 0、未变 0、跳过 2')
    await page.screenshot({ path: screenshotPath('import-3-committed'), fullPage: true })

    const stored = env.app.db.prepare('SELECT name FROM sites WHERE deleted_at IS NULL ORDER BY id').all() as { name: string }[]
    expect(stored.map((s) => s.name)).toEqual([names[0], names[2], names[4], names[5]])
  })

  it('shows the 4 imported sites in 推荐现场 and exports them as an xlsx', async () => {
    await page.getByRole('button', { name: '查看推荐现场' }).click()
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(4)
    for (const i of [0, 2, 4, 5]) await page.getByTestId('site-row').filter({ hasText: names[i] }).waitFor()
    await page.screenshot({ path: screenshotPath('import-4-sites'), fullPage: true })

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()])
    const exported = path.join(work.dir, 'export.xlsx')
    await download.saveAs(exported)
    expect(isZip(exported)).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(exported)
    const ws = wb.worksheets[0]
    const exportedNames = [2, 3, 4, 5].map((r) => String(ws.getRow(r).getCell(3).value))
    expect(exportedNames.sort()).toEqual([names[0], names[2], names[4], names[5]].sort())
    expect(problems).toEqual([])
  })
})
