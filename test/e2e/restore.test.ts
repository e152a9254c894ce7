/**
 * A restore scheduled in 设置 → 备份 happens when the program next starts, before any window exists: the
 * window then says so at the top, with the name of the backup kept of the replaced data; a refused restore
 * is said just as plainly. Both are also in 操作日志, but nobody should have to look there to find out.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import { createBackup, pendingDailyBackup } from '../../src-main/services/backup/create'
import { pendingFilePath, scheduleRestore } from '../../src-main/services/backup/scheduled'
import { listBackups } from '../../src-main/services/backup/store'
import { openApp } from '../../src-main/services/context'
import { createSite } from '../../src-main/services/sites/sites'
import { saveAssociation } from '../../src-main/services/settings/association'
import { SAMPLE_SITE, SITE_FIELDS } from '../fixtures/site'
import { tempDir } from '../helpers/tmp'
import { startBrowserMode } from './helpers/app'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { watchPage } from './helpers/ui'

/** A data folder with one site in a backup, a second site added after it, and a restore of that backup scheduled. */
async function folderWithScheduledRestore(): Promise<{ dir: string; backupName: string }> {
  const dir = tempDir('starsite-e2e-restore-').dir
  const app = openApp({ dataDir: dir, actor: '测试员' })
  saveAssociation(app, { name: '广东省通信行业协会', shortName: '粤通协', province: '广东' }, 2021)
  createSite(app, SAMPLE_SITE)
  const backup = await createBackup(app, 'manual')
  createSite(app, { ...SITE_FIELDS, name: '深圳福田营业厅', city: '深圳市', address: '深圳市福田区深南大道 1 号' })
  scheduleRestore(app, backup.path)
  await pendingDailyBackup(app.db)
  app.close()
  return { dir, backupName: backup.name }
}

describe('the outcome of a scheduled restore, shown when the window opens', () => {
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  let env: Awaited<ReturnType<typeof startBrowserMode>> | undefined

  beforeAll(async () => {
    chrome = await launchBrowser()
  })
  afterEach(async () => {
    await page?.close()
    await env?.stop()
    env = undefined
  })
  afterAll(async () => {
    await chrome?.close()
  })

  async function open(dir: string) {
    env = await startBrowserMode(dir)
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    problems = watchPage(page)
    await page.goto(env.server.url)
  }

  it('restored: the banner names the backup and the copy kept of the replaced data, and closes', async () => {
    const { dir, backupName } = await folderWithScheduledRestore()
    await open(dir)
    const banner = page.getByRole('alert').filter({ hasText: '已恢复数据' })
    await banner.waitFor()
    const kept = listBackups(dir).find((b) => b.reason === 'before-restore')!
    const text = (await banner.textContent()) ?? ''
    expect(text).toContain(backupName)
    expect(text).toContain(kept.name)
    // The data really is the backup's: one site, not two.
    expect(env!.app.db.prepare('SELECT name FROM sites').pluck().all()).toEqual(['广州天河营业厅'])
    await page.screenshot({ path: screenshotPath('restore-1-restored'), fullPage: true })
    await banner.getByRole('button', { name: '关闭提示' }).click()
    await banner.waitFor({ state: 'detached' })
    expect(problems).toEqual([])
  })

  it('refused: a damaged copy leaves the data as it was, and the banner says why in red', async () => {
    const { dir } = await folderWithScheduledRestore()
    const pending = pendingFilePath(dir)
    fs.writeFileSync(pending, fs.readFileSync(pending).subarray(0, 1000))
    await open(dir)
    const banner = page.getByRole('alert').filter({ hasText: '计划的恢复未执行' })
    await banner.waitFor()
    expect(await banner.textContent()).toContain('当前数据保持不变')
    expect(env!.app.db.prepare('SELECT name FROM sites ORDER BY id').pluck().all()).toEqual(['广州天河营业厅', '深圳福田营业厅'])
    expect(fs.existsSync(path.join(dir, 'restore-pending.json'))).toBe(false)
    expect(problems).toEqual([])
  })

  it('nothing scheduled: no banner', async () => {
    const dir = tempDir('starsite-e2e-restore-').dir
    await open(dir)
    await page.getByText('请先填写协会信息').first().waitFor()
    expect(await page.getByRole('alert').filter({ hasText: '恢复' }).count()).toBe(0)
  })
})
