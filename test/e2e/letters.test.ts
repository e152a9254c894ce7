/**
 * 推荐函 in browser mode, in Debian's Chromium: the page lists the sites with what blocks each; 生成推荐函 for
 * all makes one letter and skips the faulty site with the server's reasons; the letter downloads as a real
 * .docx naming the site; 措辞与格式 previews the wording live and shows save errors under the input; 重新编号
 * asks first, then gives the letter a new number.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tmp'
import { startBrowserMode } from './helpers/app'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { blockingReasons, FAULTY, GOOD, setUpTwoSites } from './helpers/twoSites'
import { watchPage } from './helpers/ui'
import { readZip } from './helpers/zip'

describe('letters: generate, skip with reasons, download, template preview, renumber', () => {
  let env: Awaited<ReturnType<typeof startBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  let goodId = 0
  let faultyId = 0
  const downloads = tempDir('starsite-e2e-downloads-')
  const letterRows = () => env.app.db.prepare("SELECT site_id AS siteId, doc_no AS docNo FROM letters WHERE kind = 'site'").all() as { siteId: number; docNo: string }[]

  beforeAll(async () => {
    env = await startBrowserMode()
    ;({ goodId, faultyId } = await setUpTwoSites(env.app, env.dataDir))
    chrome = await launchBrowser()
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
    problems = watchPage(page)
  })

  afterAll(async () => {
    await chrome?.close()
    await env?.stop()
    downloads.cleanup()
  })

  it('lists both sites; the faulty one says why it will be skipped', async () => {
    await page.goto(env.server.url)
    await page.getByText('2021 年度').first().waitFor()
    await page.getByRole('link', { name: '推荐函' }).click()
    const rows = page.getByTestId('letter-site-row')
    await rows.filter({ hasText: FAULTY.name }).getByText('将跳过').waitFor()
    expect(await rows.filter({ hasText: GOOD.name }).getByText('可出具').count()).toBe(1)
    await page.screenshot({ path: screenshotPath('letters-1-sites'), fullPage: true })
  })

  it('generates for all: one letter, the faulty site skipped with each reason as the server gives it', async () => {
    const reasons = await blockingReasons(env.app, faultyId)
    expect(reasons.length).toBeGreaterThan(0)
    await page.getByRole('button', { name: '生成推荐函' }).click()
    const result = page.getByTestId('letters-result')
    await result.waitFor()
    expect(await page.getByTestId('generated-count').textContent()).toContain('已生成 1 份推荐函')
    const skipped = page.getByTestId('skipped-site')
    expect(await skipped.count()).toBe(1)
    const text = (await skipped.textContent()) ?? ''
    expect(text).toContain(FAULTY.name)
    for (const r of reasons) expect(text).toContain(r)
    const stored = letterRows()
    expect(stored.map((l) => l.siteId)).toEqual([goodId])

    const row = page.getByTestId('letter-row')
    await row.filter({ hasText: GOOD.name }).waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.textContent()).toContain(stored[0].docNo)
    await page.screenshot({ path: screenshotPath('letters-2-generated'), fullPage: true })
  })

  it('downloads the letter: a .docx whose word/document.xml names the site', async () => {
    const download = page.waitForEvent('download')
    await page.getByTestId('letter-row').filter({ hasText: GOOD.name }).getByRole('button', { name: '下载' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.docx$/)
    const saved = path.join(downloads.dir, 'letter.docx')
    await file.saveAs(saved)
    expect(fs.readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK')
    const { entries, content } = await readZip(saved, 'word/document.xml')
    expect(entries.map((e) => e.name)).toContain('word/document.xml')
    expect(content?.toString('utf8')).toContain(GOOD.name)
  })

  it('措辞与格式: previews the wording live for a chosen site and shows a save error under the input', async () => {
    await page.getByRole('tab', { name: '措辞与格式' }).click()
    const preview = page.getByTestId('letter-preview')
    await preview.getByText('示例营业厅').first().waitFor()
    await page.getByLabel('预览现场').click()
    await page.getByRole('option', { name: GOOD.name }).click()
    await preview.getByText(`关于推荐${GOOD.name}的函`).waitFor()

    const title = page.getByLabel('推荐函标题')
    await title.fill('推荐函：')
    await page.getByTestId('template-fields').getByRole('button', { name: '{所在地市}' }).click()
    expect(await title.inputValue()).toBe('推荐函：{所在地市}')
    await preview.getByText(`推荐函：${GOOD.city}`).waitFor()

    await title.fill('关于推荐{现场名}的函')
    await page.getByRole('button', { name: '保存模板' }).click()
    await page.getByText('推荐函标题中有无法识别的字段：{现场名}').waitFor()
    await page.screenshot({ path: screenshotPath('letters-3-templates'), fullPage: true })
    await page.getByRole('button', { name: '放弃修改' }).click()
    expect(await title.inputValue()).toBe('关于推荐{现场名称}的函')
  })

  it('重新编号 asks first, then gives the letter a new number', async () => {
    const before = letterRows()[0].docNo
    await page.getByRole('tab', { name: '生成推荐函' }).click()
    await page.getByTestId('letter-row').getByRole('button', { name: '重新编号' }).click()
    const dialog = page.getByRole('dialog', { name: '重新编号' })
    await dialog.getByText(before).waitFor()
    await dialog.getByRole('button', { name: '确认重新编号' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => letterRows()[0].docNo).not.toBe(before)
    const after = letterRows()[0].docNo
    await page.getByTestId('letter-row').filter({ hasText: after }).waitFor()
    expect(problems).toEqual([])
  })
})
