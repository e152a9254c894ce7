/**
 * The office's 报送包 page beyond the first receipt, in Debian's Chromium: a bundle signed by a key the office
 * has not registered is 待确认, shown with its fingerprint beside the registered one; a wrong fingerprint typed
 * from the letter is refused in Chinese and changes nothing, the right one merges it. A province re-sends a
 * changed bundle: the earlier one is 已被替代 and the diff view lists the changed field. 评定结果: a rating is
 * recorded for a site of the register and the province's results file is downloaded. Bundles arrive both by a
 * drop on the zone and through the file chooser.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tmp'
import { changeStarLevel, province, type Province } from '../unit/office/helpers'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { startOfficeBrowserMode } from './helpers/session'
import { watchPage } from './helpers/ui'

describe('office: 待确认 confirmed by fingerprint, a re-sent bundle with its diff, results recorded and exported', () => {
  let env: Awaited<ReturnType<typeof startOfficeBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  const work = tempDir('starsite-e2e-office-resend-')
  let guangdong: Province
  let zhejiang: Province
  const first = path.join(work.dir, '广东_第一次.zip')
  const second = path.join(work.dir, '广东_第二次.zip')
  const unregistered = path.join(work.dir, '浙江.zip')
  const office = () => env.office()

  beforeAll(async () => {
    guangdong = await province('广东')
    zhejiang = await province('浙江')
    await guangdong.bundle(first)
    await zhejiang.bundle(unregistered)
    changeStarLevel(guangdong, 0, 5)
    await guangdong.bundle(second)
    const keyFile = path.join(work.dir, '广东.pem')
    fs.copyFileSync(guangdong.publicKeyFile, keyFile)

    env = await startOfficeBrowserMode([{ province: '广东', file: keyFile }], [first])
    chrome = await launchBrowser()
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
    problems = watchPage(page)
  })

  afterAll(async () => {
    await chrome?.close()
    await env?.stop()
    work.cleanup()
  })

  async function receiveThroughChooser(file: string) {
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('receive-dropzone').getByRole('button', { name: '选择报送包' }).click()
    await (await chooser).setFiles(file)
    await page.getByTestId('receive-outcome').filter({ hasText: path.basename(file) }).waitFor()
  }

  it('holds a bundle signed by an unregistered key as 待确认, with its fingerprint shown', async () => {
    await page.goto(`${env.server.url}#/bundles`)
    await page.getByTestId('office-bundle-row').first().waitFor()
    // Dropped onto the zone, as from the file manager: the page uploads it and receives it.
    const bytes = fs.readFileSync(unregistered).toString('base64')
    const transfer = await page.evaluateHandle(
      ([name, b64]) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
        const dt = new DataTransfer()
        dt.items.add(new File([data], name, { type: 'application/zip' }))
        return dt
      },
      [path.basename(unregistered), bytes] as const,
    )
    await page.getByTestId('receive-dropzone').dispatchEvent('drop', { dataTransfer: transfer })
    await page.getByTestId('receive-outcome').filter({ hasText: path.basename(unregistered) }).waitFor()
    expect(await page.getByTestId('receive-outcome').getAttribute('data-status')).toBe('pending-confirmation')
    const row = page.getByTestId('office-bundle-row').filter({ hasText: '浙江省' })
    await row.waitFor()
    expect(await row.getAttribute('data-status')).toBe('pending-confirmation')
    expect(await row.getByTestId('pending-fingerprint').textContent()).toBe(zhejiang.fingerprint)
    expect(await row.textContent()).toContain('尚未登记')
    await page.screenshot({ path: screenshotPath('office-resend-1-pending'), fullPage: true })
  })

  it('refuses a wrong fingerprint in Chinese and merges the bundle on the right one', async () => {
    const before = (office().db.prepare("SELECT COUNT(*) AS n FROM province_keys").get() as { n: number }).n
    await page.getByTestId('office-bundle-row').filter({ hasText: '浙江省' }).getByRole('button', { name: '核对指纹并确认' }).click()
    const dialog = page.getByRole('dialog', { name: '确认待确认的报送包' })
    await dialog.getByLabel('报送函上的指纹').fill(guangdong.fingerprint)
    await dialog.getByRole('button', { name: '确认并入库' }).click()
    await dialog.getByText('输入的指纹与报送包签名密钥的指纹不一致').waitFor()
    expect((office().db.prepare("SELECT COUNT(*) AS n FROM province_keys").get() as { n: number }).n).toBe(before)

    await dialog.getByLabel('报送函上的指纹').fill(zhejiang.fingerprint.replace(/ /g, ''))
    await dialog.getByRole('button', { name: '确认并入库' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.getByTestId('office-bundle-row').filter({ hasText: '浙江省' })
    await page.getByTestId('office-bundle-row').filter({ hasText: '浙江省' }).and(page.locator('[data-status="ingested"]')).waitFor()
    expect(await row.getAttribute('data-status')).toBe('ingested')
  })

  it('receives 广东 again: the earlier bundle is 已被替代 and the diff lists the changed star level', async () => {
    await receiveThroughChooser(second)
    expect(await page.getByTestId('receive-outcome').getAttribute('data-status')).toBe('ingested')
    const rows = page.getByTestId('office-bundle-row').filter({ hasText: '广东省' })
    await page.locator('[data-testid="office-bundle-row"][data-status="superseded"]').waitFor()
    expect(await rows.count()).toBe(2)
    const latest = rows.and(page.locator('[data-status="ingested"]'))
    await latest.getByRole('button', { name: '查看变化' }).click()
    const diff = page.getByTestId('bundle-diff')
    await diff.waitFor()
    expect(await diff.getByTestId('diff-added').count()).toBe(0)
    expect(await diff.getByTestId('diff-withdrawn').count()).toBe(0)
    const changed = diff.getByTestId('diff-changed').filter({ hasText: '广东一号营业厅' })
    expect(await changed.count()).toBeGreaterThan(0)
    // The star level as people read it, before and after (the manifest carries 4 and 5).
    expect(await changed.first().textContent()).toContain('申报星级四星级五星级')
    await page.screenshot({ path: screenshotPath('office-resend-2-diff'), fullPage: true })
    await page.keyboard.press('Escape')
  })

  it('records a rating for a site of the register and downloads the province results file', async () => {
    await page.getByRole('link', { name: '评定结果' }).click()
    const form = page.getByTestId('record-result-form')
    await form.getByLabel('省份').fill('广东')
    await page.getByRole('option', { name: '广东省' }).click()
    await form.getByLabel('现场').fill('一号')
    await page.getByRole('option', { name: /广东一号营业厅/ }).click()
    await form.getByLabel('评定星级').click()
    await page.getByRole('option', { name: '五星级' }).click()
    await form.getByLabel('证书编号').fill('ZS-2021-0001')
    await form.getByRole('button', { name: '保存结果' }).click()
    const row = page.getByTestId('office-result-row').filter({ hasText: '广东一号营业厅' })
    await row.waitFor()
    expect(await row.textContent()).toContain('ZS-2021-0001')
    expect(await row.textContent()).toContain('五星级')

    await page.getByLabel('省份').last().click()
    await page.getByRole('option', { name: '广东省' }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出该省评定结果文件' }).click()
    const file = path.join(work.dir, '广东_评定结果.xlsx')
    await (await download).saveAs(file)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const cells = workbook.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map(String) : [])))
    expect(cells).toContain('ZS-2021-0001')
    expect(cells.some((c) => c.includes('广东一号营业厅'))).toBe(true)
    await page.screenshot({ path: screenshotPath('office-resend-3-results'), fullPage: true })
  })

  it('shows the role in 设置 and saves a deadline that 总览 then counts down to', async () => {
    await page.getByRole('link', { name: '设置' }).click()
    expect(await page.getByTestId('current-role').textContent()).toBe('全国推进办公室')
    expect(await page.getByTestId('role-section').textContent()).toContain('两种角色的数据不能放在同一个数据文件夹中')
    const form = page.getByTestId('office-profile-form')
    await form.getByLabel('报送截止日期').fill('2021-13-01')
    await form.getByRole('button', { name: '保存' }).click()
    // Refused in Chinese beside the field, nothing saved.
    await form.getByText('截止日期不是有效的日期').waitFor()
    expect(office().db.prepare("SELECT COUNT(*) AS n FROM office_meta WHERE value LIKE '2021-13%'").get()).toEqual({ n: 0 })
    await form.getByLabel('报送截止日期').fill('2021-05-31')
    await form.getByRole('button', { name: '保存' }).click()
    await page.getByText('推进办公室信息已保存').waitFor()
    await page.getByRole('link', { name: '总览' }).click()
    expect(await page.getByTestId('overview-deadline').textContent()).toContain('报送截止：2021年5月31日')
    expect(problems).toEqual([])
  })
})
