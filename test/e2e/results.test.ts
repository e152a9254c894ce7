/**
 * The rest of the year in browser mode: a new user sets up through the first-run wizard, results come back
 * from the national office, are matched (by code, by a name variant, one ambiguous pair reviewed by hand,
 * one that matches nothing) and applied; the sites show 已评定 and 总览 counts them.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { startBrowserMode } from './helpers/app'
import { must } from './helpers/twoSites'
import { watchPage } from './helpers/ui'
import { SITE_FIELDS } from '../fixtures/site'

const BASE = SITE_FIELDS

describe('rating results: wizard, import, review, apply', () => {
  let env: Awaited<ReturnType<typeof startBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  const ids: Record<'code' | 'variant' | 'twinA' | 'twinB', { id: number; code: string }> = {
    code: { id: 0, code: '' },
    variant: { id: 0, code: '' },
    twinA: { id: 0, code: '' },
    twinB: { id: 0, code: '' },
  }
  const statusOf = (id: number) => (env.app.db.prepare('SELECT status FROM sites WHERE id = ?').get(id) as { status: string }).status
  const ratedCount = async () => (await page.getByTestId('site-counts').getByText('已评定', { exact: true }).locator('..').textContent())?.replace('已评定', '')

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

  it('sets up a fresh data folder through the first-run wizard and lands on 总览', async () => {
    await page.goto(env.server.url)
    const wizard = page.getByTestId('first-run-wizard')
    await wizard.getByText('请先填写协会信息').waitFor()
    await wizard.getByLabel('协会名称').fill('广东省通信行业协会')
    await wizard.getByLabel('简称').fill('粤通协')
    await wizard.getByLabel('省份').fill('广东')
    await page.getByRole('option', { name: '广东省' }).click()
    await wizard.getByRole('button', { name: '下一步' }).click()
    await wizard.getByLabel('年度').fill('2021')
    await wizard.getByTestId('campaign-window').getByText('2021年1月1日 至 2021年10月31日').waitFor()
    await page.screenshot({ path: screenshotPath('results-1-wizard-year'), fullPage: true })
    await wizard.getByRole('button', { name: '下一步' }).click()
    expect(await wizard.getByLabel('文号前缀').inputValue()).toBe('粤通协')
    await wizard.getByRole('button', { name: '下一步' }).click()
    expect(await wizard.getByLabel('输出文件夹').inputValue()).toBe(path.join(env.dataDir, 'outputs'))
    await wizard.getByRole('button', { name: '下一步' }).click()
    await wizard.getByTestId('wizard-summary').waitFor()
    await wizard.getByRole('button', { name: '完成' }).click()
    await page.getByRole('heading', { name: '总览' }).waitFor()
    await page.getByText('2021 年度').first().waitFor()
    expect(page.url()).toContain('#/overview')
    expect(env.app.db.prepare('SELECT name, short_name, province, doc_prefix FROM association').get()).toEqual({
      name: '广东省通信行业协会',
      short_name: '粤通协',
      province: '广东',
      doc_prefix: '粤通协',
    })
  })

  it('registers four sites through the core (two share a name); 总览 shows none rated', async () => {
    ids.code = await must(dispatch(env.app, 'sites.create', { site: { ...BASE, name: '广州天河营业厅' } }))
    ids.variant = await must(dispatch(env.app, 'sites.create', { site: { ...BASE, name: '广州北京路1号营业厅' } }))
    ids.twinA = await must(dispatch(env.app, 'sites.create', { site: { ...BASE, name: '佛山禅城营业厅' } }))
    ids.twinB = await must(
      dispatch(env.app, 'sites.create', { site: { ...BASE, name: '佛山禅城营业厅', enterprise: '中国联通', recommender: '中国联合网络通信有限公司广东省分公司' } }),
    )
    await page.reload()
    await page.getByTestId('site-counts').getByText('推荐现场 4 个').waitFor()
    expect(await ratedCount()).toBe('0')
  })

  it('imports a results workbook: one by code, one by a name variant, one to review, one unmatched', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('评定结果')
    ws.addRow(['2021年第一批星级服务现场评定结果'])
    ws.addRow(['现场编号', '现场名称', '推荐单位', '现场类型', '星级', '证书编号', '批次'])
    ws.addRow([ids.code.code, '广州天河营业厅', '', '营业厅', '四星级', 'XJ2021-0001', '第一批'])
    ws.addRow(['', '广州 北京路１号 营业厅', '移动', '营业厅', '★★★★★', 'XJ2021-0002', '第一批'])
    ws.addRow(['', '佛山禅城营业厅', '', '营业厅', 3, 'XJ2021-0003', '第一批'])
    ws.addRow(['', '湛江赤坎营业厅', '中国电信', '营业厅', '三星级', 'XJ2021-0004', '第一批'])
    fs.mkdirSync(path.join(env.dataDir, 'incoming'), { recursive: true })
    const file = path.join(env.dataDir, 'incoming', '2021年第一批评定结果.xlsx')
    await wb.xlsx.writeFile(file)

    await page.keyboard.press('Alt+Digit8')
    await page.getByRole('heading', { name: '评定结果' }).waitFor()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入结果文件' }).click()])
    await chooser.setFiles(file)
    await page.getByTestId('results-import-summary').getByText('已匹配 2，待确认 1，未匹配 1').waitFor()
    const counts = page.getByTestId('result-counts')
    for (const text of ['已匹配 2', '待确认 1', '未匹配 1', '已确认 0']) await counts.getByText(text).waitFor()
    expect(await page.getByTestId('result-row').count()).toBe(4)
    const unmatched = page.getByTestId('result-row').filter({ hasText: '湛江赤坎营业厅' })
    expect(await unmatched.textContent()).toContain('未匹配')
    await page.screenshot({ path: screenshotPath('results-2-imported'), fullPage: true })
  })

  it('confirms the ambiguous row in the review panel, then applies the matched rows', async () => {
    const item = page.getByTestId('review-item').filter({ hasText: '佛山禅城营业厅' })
    await item.getByText(ids.twinA.code).waitFor()
    await item.getByText(ids.twinB.code).waitFor()
    await item.getByLabel(new RegExp(ids.twinB.code)).check()
    await item.getByRole('button', { name: '确认', exact: true }).click()
    await item.waitFor({ state: 'detached' })
    expect(statusOf(ids.twinB.id)).toBe('rated')
    expect(statusOf(ids.twinA.id)).toBe('pending')
    await page.getByRole('button', { name: /应用结果/ }).click()
    await page.getByTestId('result-counts').getByText('已确认 3').waitFor()
    expect([ids.code, ids.variant, ids.twinA, ids.twinB].map((s) => statusOf(s.id))).toEqual(['rated', 'rated', 'pending', 'rated'])
    expect(env.app.db.prepare('SELECT site_id, awarded_star FROM site_results ORDER BY site_id').all()).toEqual([
      { site_id: ids.code.id, awarded_star: 4 },
      { site_id: ids.variant.id, awarded_star: 5 },
      { site_id: ids.twinB.id, awarded_star: 3 },
    ])
    // Hand-over of the first site: 经办人 typed and saved.
    const handover = page.getByTestId('handover-row').filter({ hasText: ids.code.code })
    await handover.getByLabel('广州天河营业厅 经办人').fill('李四')
    await handover.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => (env.app.db.prepare('SELECT handler FROM site_results WHERE site_id = ?').get(ids.code.id) as { handler: string }).handler).toBe('李四')
    await page.screenshot({ path: screenshotPath('results-3-applied'), fullPage: true })
  })

  it('shows 已评定 in 推荐现场 and the new count on 总览', async () => {
    await page.getByRole('link', { name: '推荐现场' }).click()
    const row = page.getByTestId('site-row').filter({ hasText: '广州天河营业厅' })
    await row.waitFor()
    expect(await row.textContent()).toContain('已评定')
    expect(await page.getByTestId('site-row').filter({ hasText: '已评定' }).count()).toBe(3)
    await page.screenshot({ path: screenshotPath('results-4-sites'), fullPage: true })
    await page.getByRole('link', { name: '总览' }).click()
    await expect.poll(ratedCount).toBe('3')
    await page.screenshot({ path: screenshotPath('results-5-overview'), fullPage: true })
  })

  it('lists the shortcuts with F1 and shows 关于 with the data folder', async () => {
    await page.keyboard.press('F1')
    await page.getByRole('dialog', { name: '键盘快捷键' }).getByText('打开“评定结果”').waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '帮助' }).click()
    await page.getByRole('menuitem', { name: '关于' }).click()
    await page.getByTestId('about').getByText(env.dataDir).waitFor()
    await page.keyboard.press('Escape')
    expect(problems).toEqual([])
  })
})
