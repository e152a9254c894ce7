/**
 * A clerk's whole year in one run, in browser mode in Debian's Chromium, from an empty data folder:
 * the first-run wizard, a roster imported through 导入, 审核, 推荐函, 报送包, then the national office's
 * results imported, one uncertain match confirmed by hand, and 总览's counts changing. The pages' finer
 * behaviour has its own tests (foundation, registry, import, review, letters, bundle, results); this one
 * proves they join up.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { fillTemplate, validSite } from '../fixtures/roster/sites'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { startBrowserMode } from './helpers/app'
import { MINIMAL_PDF, must } from './helpers/twoSites'
import { watchPage } from './helpers/ui'

describe('a whole year, from an empty data folder', () => {
  let env: Awaited<ReturnType<typeof startBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  let incoming: string
  const rows = [0, 1, 2, 3].map((i) => validSite(i))
  // Two sites of the same name in different cities: not duplicates, but a results row naming only the
  // name cannot tell them apart.
  rows[2] = { ...rows[2], name: '测试共用名营业厅', type: '营业厅', city: '广州市', areaSqm: 150, seats: null }
  rows[3] = { ...rows[3], name: '测试共用名营业厅', type: '营业厅', city: '深圳市', areaSqm: 160, seats: null }

  const count = (sql: string) => (env.app.db.prepare(sql).get() as { n: number }).n
  const ratedOnOverview = async () =>
    (await page.getByTestId('site-counts').getByText('已评定', { exact: true }).locator('..').textContent())?.replace('已评定', '')

  beforeAll(async () => {
    env = await startBrowserMode()
    chrome = await launchBrowser()
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    problems = watchPage(page)
    incoming = path.join(env.dataDir, 'incoming')
    fs.mkdirSync(incoming, { recursive: true })
  })

  afterAll(async () => {
    await chrome?.close()
    await env?.stop()
  })

  it('sets up through the wizard', async () => {
    await page.goto(env.server.url)
    const wizard = page.getByTestId('first-run-wizard')
    await wizard.getByLabel('协会名称').fill('广东省通信行业协会')
    await wizard.getByLabel('简称').fill('粤通协')
    await wizard.getByLabel('省份').fill('广东')
    await page.getByRole('option', { name: '广东省' }).click()
    await wizard.getByRole('button', { name: '下一步' }).click()
    await wizard.getByLabel('年度').fill('2021')
    for (let i = 0; i < 3; i++) await wizard.getByRole('button', { name: '下一步' }).click()
    await wizard.getByRole('button', { name: '完成' }).click()
    await page.getByRole('heading', { name: '总览' }).waitFor()
    await page.getByText('2021 年度').first().waitFor()
  })

  it('imports the operators’ roster through 导入', async () => {
    const template = await must<{ path: string }>(dispatch(env.app, 'roster.template', {}, { jobId: 'year-template' }))
    const roster = path.join(incoming, '推荐汇总表.xlsx')
    await fillTemplate(template.path, rows, roster)
    await page.getByRole('link', { name: '导入' }).click()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择汇总表文件' }).click()])
    await chooser.setFiles(roster)
    await page.getByTestId('preview-counts').getByText('新增 4').waitFor()
    await page.getByRole('button', { name: /导入全部/ }).click()
    await page.getByTestId('commit-result').waitFor()
    expect(count('SELECT COUNT(*) AS n FROM sites WHERE deleted_at IS NULL')).toBe(4)
  })

  it('finds every site complete in 审核 once its letters are attached', async () => {
    // Attachments go through the core here; dropping them onto the drawer is registry.test.ts's subject.
    const sites = env.app.db.prepare('SELECT id FROM sites ORDER BY id').all() as { id: number }[]
    for (const [kind, name] of [
      ['superior-letter', '上级推荐函.pdf'],
      ['lecturer-letter', '宣讲师推荐信.pdf'],
    ] as const) {
      const file = path.join(incoming, name)
      fs.writeFileSync(file, MINIMAL_PDF)
      for (const s of sites) await must(dispatch(env.app, 'attachments.add', { siteId: s.id, kind, files: [{ path: file, name }] }))
    }
    await page.getByRole('link', { name: '审核' }).click()
    await page.getByRole('button', { name: '运行审核' }).click()
    await page.getByText('审核完成').first().waitFor()
    expect(count("SELECT COUNT(*) AS n FROM findings WHERE severity = 'error'")).toBe(0)
    expect(await page.getByTestId('count-sitesWithErrors').textContent()).toContain('0')
  })

  it('generates the four letters and builds the bundle', async () => {
    await page.getByRole('link', { name: '推荐函' }).click()
    await page.getByRole('button', { name: '生成推荐函' }).click()
    await page.getByTestId('letters-result').waitFor()
    expect(await page.getByTestId('generated-count').textContent()).toContain('已生成 4 份推荐函')

    await page.getByRole('link', { name: '报送包' }).click()
    await page.getByRole('button', { name: '生成报送包' }).click()
    await page.getByTestId('bundle-result').waitFor()
    expect(await page.getByTestId('bundle-counts').textContent()).toContain('4 个现场')
    const bundle = (await page.getByTestId('bundle-path').textContent()) ?? ''
    expect(fs.existsSync(bundle)).toBe(true)
    expect(count("SELECT COUNT(*) AS n FROM sites WHERE status = 'submitted'")).toBe(4)
    await page.screenshot({ path: screenshotPath('year-1-bundle'), fullPage: true })
  })

  it('imports the results, confirms the uncertain match, and 总览 counts the rated sites', async () => {
    await page.getByRole('link', { name: '总览' }).click()
    await page.getByTestId('site-counts').waitFor()
    expect(await ratedOnOverview()).toBe('0')

    const codes = (env.app.db.prepare('SELECT code, name, city FROM sites ORDER BY id').all() as { code: string; name: string; city: string }[])
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('评定结果')
    ws.addRow(['现场编号', '现场名称', '推荐单位', '现场类型', '星级', '证书编号', '批次'])
    ws.addRow([codes[0].code, codes[0].name, '', '', '四星级', 'XJ2021-0101', '第二批'])
    // The second by name only, written the way another office types it: full-width digits, spaces.
    const variant = codes[1].name.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace('第', ' 第 ')
    ws.addRow(['', variant, rows[1].recommender, '', '★★★', 'XJ2021-0102', '第二批'])
    ws.addRow(['', '测试共用名营业厅', '', '营业厅', '五星级', 'XJ2021-0103', '第二批'])
    ws.addRow(['', '不存在的营业厅', '中国电信', '营业厅', '三星级', 'XJ2021-0104', '第二批'])
    const file = path.join(incoming, '2021年第二批评定结果.xlsx')
    await wb.xlsx.writeFile(file)

    await page.getByRole('link', { name: '评定结果' }).click()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入结果文件' }).click()])
    await chooser.setFiles(file)
    await page.getByTestId('results-import-summary').getByText('已匹配 2，待确认 1，未匹配 1').waitFor()

    const item = page.getByTestId('review-item').filter({ hasText: '测试共用名营业厅' })
    await item.getByLabel(new RegExp(codes[3].code)).check()
    await item.getByRole('button', { name: '确认', exact: true }).click()
    await item.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: /应用结果/ }).click()
    await page.getByTestId('result-counts').getByText('已确认 3').waitFor()
    expect(env.app.db.prepare("SELECT code FROM sites WHERE status = 'rated' ORDER BY id").all()).toEqual([
      { code: codes[0].code },
      { code: codes[1].code },
      { code: codes[3].code },
    ])

    await page.getByRole('link', { name: '总览' }).click()
    await expect.poll(ratedOnOverview).toBe('3')
    await page.getByTestId('latest-bundle').getByText('4 个现场', { exact: false }).waitFor()
    expect(await page.getByTestId('by-city').getByLabel('广州市 2 个').count()).toBe(1)
    await page.screenshot({ path: screenshotPath('year-2-overview'), fullPage: true })
    expect(problems).toEqual([])
  })
})
