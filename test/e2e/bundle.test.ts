/**
 * 报送包 in browser mode, in Debian's Chromium: the key fingerprint is shown; building is refused while a
 * site has open errors (listed with a way to 审核); once that site is marked 未通过 the bundle builds with its
 * progress shown and its hash, size and fingerprint; verifying the file through the file chooser passes with
 * the same fingerprint (our own key); a copy with one byte flipped fails with a 内容被改动 row for that file.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { tempDir } from '../helpers/tmp'
import { startBrowserMode } from './helpers/app'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { FAULTY, GOOD, must, setUpTwoSites } from './helpers/twoSites'
import { watchPage } from './helpers/ui'
import { tamperStoredEntry } from './helpers/zip'

/** The fingerprint as the page shows it, groups joined by single spaces. */
const shown = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-fingerprint')

describe('bundle: fingerprint, refusal, build with progress, verify good and tampered', () => {
  let env: Awaited<ReturnType<typeof startBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  let faultyId = 0
  let fingerprint = ''
  let bundlePath = ''
  const work = tempDir('starsite-e2e-bundle-')

  beforeAll(async () => {
    env = await startBrowserMode()
    ;({ faultyId } = await setUpTwoSites(env.app, env.dataDir))
    fingerprint = (await must<{ fingerprint: string }>(dispatch(env.app, 'keys.info', {}))).fingerprint
    chrome = await launchBrowser()
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    problems = watchPage(page)
  })

  afterAll(async () => {
    await chrome?.close()
    await env?.stop()
    work.cleanup()
  })

  it('shows the signing key fingerprint', async () => {
    await page.goto(env.server.url)
    await page.getByText('2021 年度').first().waitFor()
    await page.getByRole('link', { name: '报送包' }).click()
    await page.getByTestId('own-fingerprint').waitFor()
    expect(await shown(page, 'own-fingerprint')).toBe(fingerprint)
  })

  it('refuses to build while a site has open errors, listing the site and its reasons', async () => {
    await page.getByRole('button', { name: '生成报送包' }).click()
    const refusal = page.getByTestId('bundle-refusal')
    await refusal.waitFor()
    const site = refusal.getByTestId('refusal-site')
    expect(await site.count()).toBe(1)
    expect(await site.textContent()).toContain(FAULTY.name)
    expect(await refusal.getByText('审核', { exact: true }).count()).toBe(1)
    expect(env.app.db.prepare('SELECT COUNT(*) AS n FROM bundles').get()).toEqual({ n: 0 })
    await page.screenshot({ path: screenshotPath('bundle-1-refused'), fullPage: true })
  })

  it('builds once the faulty site is 未通过: progress shown, then path, size, SHA-256 and fingerprint', async () => {
    await must(dispatch(env.app, 'sites.setStatus', { ids: [faultyId], status: 'rejected' }))
    // Record every progress text the page shows, however briefly: a small bundle builds in a blink.
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { progressSeen: string[] }).progressSeen = seen
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="bundle-progress"]')
        if (el?.textContent) seen.push(el.textContent)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await page.getByRole('button', { name: '生成报送包' }).click()
    const result = page.getByTestId('bundle-result')
    await result.waitFor()
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.some((t) => t.includes('取消'))).toBe(true)

    const record = env.app.db.prepare('SELECT path, sha256, size, sites FROM bundles').get() as { path: string; sha256: string; size: number; sites: number }
    bundlePath = record.path
    expect(record.sites).toBe(1)
    expect(await page.getByTestId('bundle-path').textContent()).toBe(bundlePath)
    const bytes = fs.readFileSync(bundlePath)
    const sha = createHash('sha256').update(bytes).digest('hex')
    expect(record.sha256).toBe(sha)
    expect(record.size).toBe(bytes.length)
    expect(await page.getByTestId('bundle-sha256').textContent()).toBe(sha)
    expect(await page.getByTestId('bundle-counts').textContent()).toContain('1 个现场')
    expect(await result.locator('[data-fingerprint]').getAttribute('data-fingerprint')).toBe(fingerprint)
    await page.getByTestId('bundle-history-row').first().waitFor()
    await page.screenshot({ path: screenshotPath('bundle-2-built'), fullPage: true })
  })

  async function verifyThroughChooser(file: string) {
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('verify-dropzone').getByRole('button', { name: '选择文件' }).click()
    await (await chooser).setFiles(file)
    await page.getByTestId('verify-result').filter({ hasText: path.basename(file) }).waitFor()
  }

  it('verifies the built bundle: 校验通过, same fingerprint, our own key', async () => {
    await verifyThroughChooser(bundlePath)
    expect(await page.getByTestId('verify-verdict').textContent()).toBe('校验通过')
    expect(await shown(page, 'verify-fingerprint')).toBe(fingerprint)
    expect(await page.getByTestId('own-key').textContent()).toBe('本协会的密钥')
    expect(await page.getByTestId('verify-problem').count()).toBe(0)
    await page.screenshot({ path: screenshotPath('bundle-3-verified'), fullPage: true })
  })

  it('verifies a tampered copy: 校验未通过 with a 内容被改动 row for the altered file', async () => {
    const tampered = path.join(work.dir, '改动过的报送包.zip')
    const entry = await tamperStoredEntry(bundlePath, tampered, (e) => e.name.startsWith('现场材料/') && e.name.endsWith('.pdf'))
    expect(entry.name).toContain(GOOD.name)
    await verifyThroughChooser(tampered)
    expect(await page.getByTestId('verify-verdict').textContent()).toBe('校验未通过')
    const row = page.getByTestId('verify-problem').filter({ hasText: entry.name })
    expect(await row.getAttribute('data-problem')).toBe('hash-mismatch')
    expect(await row.textContent()).toContain('内容被改动')
    expect(await shown(page, 'verify-fingerprint')).toBe(fingerprint)
    await page.screenshot({ path: screenshotPath('bundle-4-tampered'), fullPage: true })
    expect(problems).toEqual([])
  })
})
