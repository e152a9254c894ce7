/**
 * A new user's first path in browser mode, in Debian's Chromium: set up the association, create a site,
 * edit it, delete it — and the Chinese text really renders (screenshots under test-results/).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { startBrowserMode } from './helpers/app'
import { fillSettings, pickOption, watchPage } from './helpers/ui'

describe('first use in the browser', () => {
  let env: Awaited<ReturnType<typeof startBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]

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

  it('asks for the association first, then saves it', async () => {
    await page.goto(env.server.url)
    await page.getByText('请先填写协会信息').first().waitFor()
    await fillSettings(page, { name: '广东省通信行业协会', short: '粤通协', province: '广东', option: '广东省', year: 2021 })
    await page.getByText('2021 年度').first().waitFor()
    const row = env.app.db.prepare('SELECT name, short_name, province FROM association').get()
    expect(row).toEqual({ name: '广东省通信行业协会', short_name: '粤通协', province: '广东' })
    await page.screenshot({ path: screenshotPath('foundation-1-settings'), fullPage: true })
  })

  it('creates a site with the form and shows it in the list', async () => {
    await page.getByRole('link', { name: '推荐现场' }).click()
    await page.getByRole('button', { name: '新建现场' }).click()
    const d = page.getByTestId('site-drawer')
    await d.getByLabel('现场名称').fill('广州天河营业厅')
    await pickOption(page, d, '现场类型', '营业厅')
    await d.getByLabel('所属企业').fill('中国电信')
    await d.getByLabel('推荐单位').fill('中国电信广东分公司')
    await d.getByLabel('统一社会信用代码').fill('91440000190322164X')
    await d.getByLabel('所在地市').fill('广州')
    await d.getByLabel('详细地址').fill('广州市天河区天河路 1 号')
    await pickOption(page, d, '申报星级', '四星级')
    await d.getByLabel('现场负责人').fill('张三')
    await d.getByLabel('联系电话').fill('13800138000')
    await d.getByLabel('申报日期').fill('2021年5月6日')
    await d.getByRole('button', { name: '保存' }).click()
    const row = page.getByTestId('site-row').filter({ hasText: '广州天河营业厅' })
    await row.waitFor()
    expect(await row.textContent()).toContain('GD-2021-Y001')
    expect(await row.textContent()).toContain('四星级')
    await page.screenshot({ path: screenshotPath('foundation-2-created'), fullPage: true })
    const stored = env.app.db.prepare('SELECT code, star_level, apply_date FROM sites').all()
    expect(stored).toEqual([{ code: 'GD-2021-Y001', star_level: 4, apply_date: '2021-05-06' }])
  })

  it('shows field errors in Chinese for an empty form and saves nothing', async () => {
    await page.getByRole('button', { name: '新建现场' }).click()
    const d = page.getByTestId('site-drawer')
    await d.getByRole('button', { name: '保存' }).click()
    await d.getByText('现场名称不能为空').waitFor()
    await d.getByText('联系电话不能为空').waitFor()
    expect(env.app.db.prepare('SELECT COUNT(*) AS n FROM sites').get()).toEqual({ n: 1 })
    await page.keyboard.press('Escape')
    await d.waitFor({ state: 'hidden' })
  })

  it('edits the site and records the change', async () => {
    await page.getByTestId('site-row').filter({ hasText: '广州天河营业厅' }).click()
    const d = page.getByTestId('site-drawer')
    await d.getByLabel('联系电话').fill('020-12345678')
    await d.getByRole('button', { name: '保存' }).click()
    await d.waitFor({ state: 'hidden' })
    await expect.poll(() => (env.app.db.prepare('SELECT phone FROM sites').get() as { phone: string }).phone).toBe('020-12345678')
    await page.getByTestId('site-row').filter({ hasText: '广州天河营业厅' }).click()
    expect(await d.getByLabel('联系电话').inputValue()).toBe('020-12345678')
    await page.keyboard.press('Escape')
    await d.waitFor({ state: 'hidden' })
  })

  it('deletes the site after confirmation; the log shows every step', async () => {
    await page.getByTestId('site-row').filter({ hasText: '广州天河营业厅' }).click()
    await page.getByTestId('site-drawer').getByRole('button', { name: '删除' }).click()
    await page.getByRole('button', { name: '确认删除' }).click()
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(0)
    const deleted = env.app.db.prepare('SELECT deleted_at FROM sites').get() as { deleted_at: string | null }
    expect(deleted.deleted_at).not.toBeNull()
    await page.getByRole('link', { name: '操作日志' }).click()
    await page.getByText('删除现场 GD-2021-Y001').first().waitFor()
    await page.getByText('联系电话：13800138000 → 020-12345678').first().waitFor()
    await page.screenshot({ path: screenshotPath('foundation-3-audit'), fullPage: true })
  })

  it('renders Chinese glyphs (a CJK font is installed and used)', async () => {
    // A missing CJK font draws every character as the same tofu box: the rendered widths of two different
    // characters would then be equal; with a real font 一 and 龍 differ in ink but share the em width, so
    // compare against a tofu-prone control character instead.
    const widths = await page.evaluate(() => {
      const canvas = document.createElement('canvas')
      const ctx = canvas.getContext('2d')!
      ctx.font = '32px "Noto Sans CJK SC", sans-serif'
      const ink = (s: string) => {
        ctx.clearRect(0, 0, 64, 64)
        canvas.width = 64
        canvas.height = 64
        ctx.font = '32px "Noto Sans CJK SC", sans-serif'
        ctx.fillText(s, 0, 40)
        const data = ctx.getImageData(0, 0, 64, 64).data
        let n = 0
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
        return n
      }
      return { one: ink('一'), dragon: ink('龍') }
    })
    expect(widths.one).toBeGreaterThan(0)
    expect(widths.dragon).toBeGreaterThan(widths.one * 3)
    expect(problems).toEqual([])
  })
})
