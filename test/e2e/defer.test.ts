/**
 * 暂缓报送 from the 报送包 page, in Debian's Chromium: a build refused for one site's open errors offers
 * "1 个现场有未解决的错误：暂缓这 1 个，报送其余 1 个" with that site and its errors; the action waits for a
 * reason, then defers the site and builds the bundle with the ready one (which verifies, naming only it); the
 * deferred site is listed with its reason, and 恢复报送 brings it back to its earlier status in one click.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyBundle } from '../../src-main/services/bundle/verify'
import { startBrowserMode } from './helpers/app'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { FAULTY, GOOD, blockingReasons, setUpTwoSites } from './helpers/twoSites'
import { watchPage } from './helpers/ui'
import { readZip } from './helpers/zip'

describe('bundle page: defer the unready site and send the rest', () => {
  let env: Awaited<ReturnType<typeof startBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  let faultyId = 0
  let goodId = 0

  beforeAll(async () => {
    env = await startBrowserMode()
    ;({ faultyId, goodId } = await setUpTwoSites(env.app, env.dataDir))
    chrome = await launchBrowser()
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    problems = watchPage(page)
  })

  afterAll(async () => {
    await chrome?.close()
    await env?.stop()
  })

  it('offers to defer the blocking site, listing it with its open errors; the action needs a reason', async () => {
    await page.goto(env.server.url)
    await page.getByText('2021 年度').first().waitFor()
    await page.getByRole('link', { name: '报送包' }).click()
    await page.getByRole('button', { name: '生成报送包' }).click()
    const refusal = page.getByTestId('bundle-refusal')
    await refusal.waitFor()
    expect(await refusal.getByTestId('defer-summary').textContent()).toBe('1 个现场有未解决的错误：暂缓这 1 个，报送其余 1 个')
    const site = refusal.getByTestId('refusal-site')
    expect(await site.count()).toBe(1)
    const text = (await site.textContent()) ?? ''
    expect(text).toContain(FAULTY.name)
    for (const reason of await blockingReasons(env.app, faultyId)) expect(text).toContain(reason)
    const action = refusal.getByRole('button', { name: '暂缓这 1 个，报送其余 1 个' })
    expect(await action.isDisabled()).toBe(true)
    await page.screenshot({ path: screenshotPath('defer-1-offer'), fullPage: true })
  })

  it('defers with the reason, then builds with exactly the ready site; the bundle verifies', async () => {
    const refusal = page.getByTestId('bundle-refusal')
    await refusal.getByLabel('暂缓原因').fill('联系电话待运营企业核实')
    await refusal.getByRole('button', { name: '暂缓这 1 个，报送其余 1 个' }).click()
    const result = page.getByTestId('bundle-result')
    await result.waitFor()
    expect(await page.getByTestId('bundle-counts').textContent()).toContain('1 个现场')
    expect(await page.getByTestId('bundle-deferred').textContent()).toContain(`${FAULTY.name}（原因：联系电话待运营企业核实）`)

    expect(env.app.sites.get(faultyId)!.status).toBe('deferred')
    expect(env.app.sites.get(goodId)!.status).toBe('submitted')
    expect(env.app.db.prepare('SELECT reason, previous_status FROM site_deferrals WHERE site_id = ?').get(faultyId)).toEqual({
      reason: '联系电话待运营企业核实',
      previous_status: 'pending',
    })
    const bundle = env.app.db.prepare('SELECT path, sites FROM bundles').get() as { path: string; sites: number }
    expect(bundle.sites).toBe(1)
    const verified = await verifyBundle(bundle.path)
    expect(verified.ok).toBe(true)
    const manifest = JSON.parse((await readZip(bundle.path, 'manifest.json')).content!.toString('utf8'))
    expect(manifest.sites.map((s: { name: string }) => s.name)).toEqual([GOOD.name])
    await page.screenshot({ path: screenshotPath('defer-2-built'), fullPage: true })
  })

  it('lists the deferred site with its reason; 恢复报送 brings it back to 待审核 in one click', async () => {
    const row = page.getByTestId('deferred-site')
    await row.waitFor()
    expect(await row.count()).toBe(1)
    const text = (await row.textContent()) ?? ''
    expect(text).toContain(FAULTY.name)
    expect(text).toContain('联系电话待运营企业核实')
    await row.getByRole('button', { name: '恢复报送' }).click()
    await page.getByTestId('deferred-panel').waitFor({ state: 'detached' })
    expect(env.app.sites.get(faultyId)!.status).toBe('pending')
    expect(env.app.db.prepare('SELECT COUNT(*) AS n FROM site_deferrals').get()).toEqual({ n: 0 })
    expect(problems).toEqual([])
  })
})
