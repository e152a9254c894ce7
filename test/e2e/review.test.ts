/**
 * The checks in browser mode, in Debian's Chromium: 运行审核 lists a site's findings; a click on the phone
 * finding opens that site's drawer with 联系电话 focused; fixing and saving it makes the finding disappear
 * (page and database); the e-mail warning is waived with a reason that the 操作日志 then shows.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { startBrowserMode } from './helpers/app'
import { must } from './helpers/twoSites'
import { fillSettings, watchPage } from './helpers/ui'

const BASE = {
  type: 'hall',
  enterprise: '中国移动',
  recommender: '中国移动通信集团广东有限公司',
  city: '广州市',
  starLevel: 4,
  manager: '李四',
  areaSqm: 300,
  applyDate: '2021-05-06',
}
/** Malformed phone (an error) and e-mail (a warning); no letters attached (two more errors). */
const FAULTY = { ...BASE, name: '广州天河体育中心营业厅', uscc: '91440000719283738L', address: '广州市天河区天河路 299 号', phone: '12345', email: 'tianhe@@example' }
/** Everything it needs: valid contacts, and the two letters attached below. */
const GOOD = { ...BASE, name: '深圳福田营业厅', city: '深圳市', uscc: '914403001922048371', address: '深圳市福田区深南大道 1 号', phone: '13900139000' }
const REASON = '该现场无企业邮箱，已电话核实'

const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
)

describe('review: run the checks, fix a finding, waive a warning', () => {
  let env: Awaited<ReturnType<typeof startBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  let faultyId = 0
  let goodId = 0
  const rulesOf = (siteId: number) =>
    (env.app.db.prepare('SELECT rule FROM findings WHERE site_id = ? ORDER BY rule').all(siteId) as { rule: string }[]).map((r) => r.rule)

  beforeAll(async () => {
    env = await startBrowserMode()
    chrome = await launchBrowser()
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    problems = watchPage(page)
  })

  afterAll(async () => {
    await chrome?.close()
    await env?.stop()
  })

  it('sets up 2021 and registers two sites through the core', async () => {
    await page.goto(env.server.url)
    await fillSettings(page, { name: '广东省通信行业协会', short: '粤通协', province: '广东', option: '广东省', year: 2021 })
    await page.getByText('2021 年度').first().waitFor()
    faultyId = (await must<{ id: number }>(dispatch(env.app, 'sites.create', { site: FAULTY }))).id
    goodId = (await must<{ id: number }>(dispatch(env.app, 'sites.create', { site: GOOD }))).id
    const dir = path.join(env.dataDir, 'incoming')
    fs.mkdirSync(dir, { recursive: true })
    for (const [kind, name] of [
      ['superior-letter', '推荐函.pdf'],
      ['lecturer-letter', '宣讲师推荐信.pdf'],
    ] as const) {
      fs.writeFileSync(path.join(dir, name), MINIMAL_PDF)
      await must(dispatch(env.app, 'attachments.add', { siteId: goodId, kind, files: [{ path: path.join(dir, name), name }] }))
    }
  })

  it('runs the checks and lists the faulty site’s findings, none for the good one', async () => {
    await page.getByRole('link', { name: '审核' }).click()
    await page.getByRole('button', { name: '运行审核' }).click()
    await page.getByText('审核完成').first().waitFor()
    const rows = page.getByTestId('finding-row')
    await rows.filter({ hasText: '联系电话格式' }).waitFor()
    expect(await rows.filter({ hasText: '电子邮箱格式' }).count()).toBe(1)
    expect(rulesOf(goodId)).toEqual([])
    expect(await rows.filter({ hasText: GOOD.name }).count()).toBe(0)
    expect(await page.getByTestId('count-sitesWithErrors').textContent()).toContain('1')
    expect(rulesOf(faultyId)).toEqual(expect.arrayContaining(['email-format', 'phone-format', 'superior-letter']))
    expect(await page.getByTestId('last-run').textContent()).not.toContain('尚未审核')
    await page.screenshot({ path: screenshotPath('review-1-findings'), fullPage: true })
  })

  it('opens the site from the phone finding with 联系电话 focused; saving the fix removes the finding', async () => {
    await page.getByTestId('finding-row').filter({ hasText: '联系电话格式' }).getByRole('link').click()
    const d = page.getByTestId('site-drawer')
    const phone = d.getByLabel('联系电话')
    await phone.waitFor()
    await expect.poll(() => phone.evaluate((el) => el === document.activeElement)).toBe(true)
    await d.getByTestId('site-findings').getByText('联系电话格式').waitFor()
    await page.screenshot({ path: screenshotPath('review-2-drawer-focused'), fullPage: true })

    await phone.fill('13800138000')
    await d.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => rulesOf(faultyId)).not.toContain('phone-format')
    expect(rulesOf(faultyId)).toContain('email-format')

    await page.getByRole('link', { name: '审核' }).click()
    const rows = page.getByTestId('finding-row')
    await rows.filter({ hasText: '电子邮箱格式' }).waitFor()
    expect(await rows.filter({ hasText: '联系电话格式' }).count()).toBe(0)
  })

  it('waives the e-mail warning with a reason; the 操作日志 shows it', async () => {
    const row = page.getByTestId('finding-row').filter({ hasText: '电子邮箱格式' })
    expect(await page.getByTestId('finding-row').filter({ hasText: '上级部门推荐函' }).getByRole('button', { name: '豁免' }).count()).toBe(0)
    await row.getByRole('button', { name: '豁免' }).click()
    const modal = page.getByRole('dialog', { name: '豁免警告' })
    await modal.getByRole('button', { name: '确认豁免' }).click()
    await modal.getByText('请填写豁免原因').waitFor()
    await modal.getByLabel('豁免原因').fill(REASON)
    await modal.getByRole('button', { name: '确认豁免' }).click()
    await modal.waitFor({ state: 'hidden' })
    await expect.poll(() => row.count()).toBe(0)
    await expect.poll(async () => (await page.getByTestId('count-waived').textContent()) ?? '').toContain('1')
    expect(env.app.db.prepare('SELECT site_id, reason FROM waivers').all()).toEqual([{ site_id: faultyId, reason: REASON }])

    await page.getByRole('switch', { name: '显示已豁免' }).or(page.getByLabel('显示已豁免')).first().check()
    await row.getByText('已豁免').waitFor()
    await page.screenshot({ path: screenshotPath('review-3-waived'), fullPage: true })

    await page.getByRole('link', { name: '操作日志' }).click()
    await page.getByText(REASON, { exact: false }).first().waitFor()
    await page.screenshot({ path: screenshotPath('review-4-audit'), fullPage: true })
    expect(problems).toEqual([])
  })
})
