/**
 * The national office in browser mode, in Debian's Chromium (issue #13, done-when 1): a fresh data folder is
 * set up as the office at the first-run role choice; two provinces' keys are registered (广东 from its
 * exported public-key file, 浙江 by typing its fingerprint); a folder of three bundles built and signed by the
 * province side in this test — one a copy of 广东's with one attachment's bytes changed after signing — is
 * received: two ingested, the altered one refused naming the altered file, nothing of it kept (bundles/ holds
 * two files); the cross-province duplicate is shown and resolved; the national register is exported,
 * downloaded and read back with exceljs.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateSite } from '../../src-main/services/sites/sites'
import type { OfficeContext } from '../../src-main/services/office/context'
import { tempDir } from '../helpers/tmp'
import { province, type Province } from '../unit/office/helpers'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { startSessionBrowserMode } from './helpers/session'
import { watchPage } from './helpers/ui'
import { readZip, tamperStoredEntry } from './helpers/zip'

const count = (office: OfficeContext, table: string) => (office.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

describe('office: first run, keys, receive a folder, duplicates, national register export', () => {
  let env: Awaited<ReturnType<typeof startSessionBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  const work = tempDir('starsite-e2e-office-work-')
  const folder = path.join(work.dir, '报送包')
  let guangdong: Province
  let zhejiang: Province
  let guangdongKey = ''
  let alteredEntry = ''
  const office = () => {
    const state = env.session.state
    if (state.role !== 'office') throw new Error('the session is not the office yet')
    return state.office
  }

  beforeAll(async () => {
    // The province side, with its own code: two associations, each with two sites and signed bundles.
    guangdong = await province('广东')
    zhejiang = await province('浙江')
    // 浙江's first site at 广东's first site's address (and the same 统一社会信用代码): one cross-province pair.
    const gd = guangdong.drafts[0] as { city: string; address: string }
    zhejiang.drafts[0] = { ...zhejiang.drafts[0], city: gd.city, address: gd.address }
    updateSite(zhejiang.app, zhejiang.siteIds[0], zhejiang.drafts[0])
    fs.mkdirSync(folder)
    const gdBundle = await guangdong.bundle(path.join(folder, '01_广东省通信行业协会.zip'))
    await zhejiang.bundle(path.join(folder, '02_浙江省通信行业协会.zip'))
    // The third: 广东's bundle with one attachment's bytes changed after it was signed.
    const altered = await tamperStoredEntry(gdBundle, path.join(folder, '03_广东_改动过.zip'), (e) => e.name.startsWith('现场材料/') && e.name.endsWith('.pdf'))
    alteredEntry = altered.name
    // The helpers' temporary folders go after the first test: keep the key file beside the bundles.
    guangdongKey = path.join(work.dir, '广东公钥.pem')
    fs.copyFileSync(guangdong.publicKeyFile, guangdongKey)
    // Something that is not a bundle sits in the folder too: the page takes only the .zip files.
    fs.writeFileSync(path.join(folder, '说明.txt'), '三个报送包')

    env = await startSessionBrowserMode()
    chrome = await launchBrowser()
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
    problems = watchPage(page)
  })

  afterAll(async () => {
    await chrome?.close()
    await env?.stop()
    work.cleanup()
  })

  it('sets up a fresh folder as the national office at the first-run role choice', async () => {
    await page.goto(env.server.url)
    const wizard = page.getByTestId('first-run-wizard')
    await wizard.getByText('本机用于').waitFor()
    await wizard.getByRole('radio', { name: '全国推进办公室' }).check()
    await wizard.getByLabel('推进办公室名称').fill('中国通信企业协会信息通信服务工作委员会服务现场质量推进活动办公室')
    await wizard.getByLabel('推进办公室简称').fill('推进办')
    await wizard.getByLabel('活动年度').fill('2021')
    await page.screenshot({ path: screenshotPath('office-1-role'), fullPage: true })
    await wizard.getByRole('button', { name: '设为全国推进办公室' }).click()
    await page.getByTestId('office-role-badge').waitFor()
    await page.getByTestId('office-overview').waitFor()
    expect(env.session.state.role).toBe('office')
    expect(fs.existsSync(path.join(env.dataDir, 'office.db'))).toBe(true)
    expect(fs.existsSync(path.join(env.dataDir, 'starsite.db'))).toBe(false)
    expect(await page.getByTestId('overview-provinces').textContent()).toBe('0 / 31')
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents()).toEqual([
      '总览',
      '报送包',
      '全国名册',
      '重复申报',
      '公钥',
      '评定结果',
      '操作日志',
      '设置',
    ])
  })

  it('registers 广东 by its exported public-key file and 浙江 by the fingerprint typed from its letter', async () => {
    await page.getByRole('link', { name: '公钥' }).click()
    const form = page.getByTestId('add-key-form')
    await form.getByLabel('省份').fill('广东')
    await page.getByRole('option', { name: '广东省' }).click()
    const chooser = page.waitForEvent('filechooser')
    await form.getByRole('button', { name: '选择公钥文件' }).click()
    await (await chooser).setFiles(guangdongKey)
    await form.getByTestId('key-file-name').filter({ hasText: '广东公钥.pem' }).waitFor()
    await form.getByRole('button', { name: '登记', exact: true }).click()
    await page.getByTestId('key-row').filter({ hasText: '广东省' }).waitFor()

    await form.getByText('输入指纹').click()
    await form.getByLabel('省份').fill('浙江')
    await page.getByRole('option', { name: '浙江省' }).click()
    // As a clerk types it from paper: lower case, groups of eight.
    await form.getByLabel('公钥指纹').fill(zhejiang.fingerprint.toLowerCase())
    await form.getByRole('button', { name: '登记', exact: true }).click()
    await page.getByTestId('key-row').filter({ hasText: '浙江省' }).waitFor()

    const rows = await office().db.prepare('SELECT province, fingerprint, source FROM province_keys ORDER BY province').all()
    expect(rows).toEqual([
      { province: '广东省', fingerprint: guangdong.fingerprint, source: 'file' },
      { province: '浙江省', fingerprint: zhejiang.fingerprint, source: 'fingerprint' },
    ])
    expect(await page.getByTestId('key-row').filter({ hasText: '广东省' }).getByTestId('key-fingerprint').textContent()).toBe(guangdong.fingerprint)
    await page.screenshot({ path: screenshotPath('office-2-keys'), fullPage: true })
  })

  it('receives a folder of three bundles: two ingested, the altered one refused naming the file, nothing of it kept', async () => {
    await page.getByRole('link', { name: '报送包' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('receive-dropzone').getByRole('button', { name: '选择文件夹' }).click()
    await (await chooser).setFiles(folder)
    const results = page.getByTestId('receive-results')
    await results.waitFor()
    expect(await page.getByTestId('receive-counts').textContent()).toContain('已入库 2 个，待确认 0 个，已拒收 1 个')

    const outcomes = page.getByTestId('receive-outcome')
    expect(await outcomes.count()).toBe(3)
    expect(await outcomes.filter({ hasText: '01_广东省通信行业协会.zip' }).getAttribute('data-status')).toBe('ingested')
    expect(await outcomes.filter({ hasText: '02_浙江省通信行业协会.zip' }).getAttribute('data-status')).toBe('ingested')
    const refused = outcomes.filter({ hasText: '03_广东_改动过.zip' })
    expect(await refused.getAttribute('data-status')).toBe('refused')
    expect(await refused.textContent()).toContain('已拒收')
    const problem = refused.getByTestId('receive-problem')
    expect(await problem.count()).toBe(1)
    expect(await problem.getAttribute('data-path')).toBe(alteredEntry)
    expect(await problem.getAttribute('data-problem')).toBe('hash-mismatch')
    expect(await problem.textContent()).toContain(alteredEntry)

    // Nothing of the refused bundle is kept: two stored bundles, two received rows, four register sites.
    const stored = fs.readdirSync(path.join(env.dataDir, 'bundles'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    expect(stored.map((d) => d.name).sort()).toEqual(
      (office().db.prepare('SELECT sha256 FROM received_bundles').all() as { sha256: string }[]).map((r) => `${r.sha256}.zip`).sort(),
    )
    expect(stored).toHaveLength(2)
    expect(count(office(), 'received_bundles')).toBe(2)
    expect(count(office(), 'register_sites')).toBe(4)

    const table = page.getByTestId('office-bundle-row')
    await table.nth(1).waitFor()
    expect(await table.count()).toBe(2)
    expect(await page.getByTestId('office-bundle-row').filter({ hasText: '浙江省' }).getAttribute('data-status')).toBe('ingested')
    await page.screenshot({ path: screenshotPath('office-3-received'), fullPage: true })

    // The 回执 of 浙江's bundle: a Word file with the office's 文号, the province and the key's fingerprint.
    const download = page.waitForEvent('download')
    await page.getByTestId('office-bundle-row').filter({ hasText: '浙江省' }).getByRole('button', { name: '回执' }).click()
    const receiptFile = path.join(tempDir('starsite-e2e-receipt-').dir, 'receipt.docx')
    const got = await download
    expect(got.suggestedFilename()).toMatch(/^回执_浙江_推进办函〔\d{4}〕\d+号\.docx$/)
    await got.saveAs(receiptFile)
    const xml = (await readZip(receiptFile, 'word/document.xml')).content!.toString('utf8').replace(/<[^>]+>/g, '')
    expect(xml).toMatch(/推进办函〔\d{4}〕\d+号/)
    expect(xml).toContain('浙江')
    expect(xml.replace(/\s/g, '')).toContain(zhejiang.fingerprint.replace(/\s/g, ''))
  })

  it('shows the counts on 总览 and the sites in 全国名册, filtered as one types', async () => {
    await page.getByRole('link', { name: '总览' }).click()
    await page.getByTestId('office-overview').waitFor()
    await page.getByTestId('overview-sites').filter({ hasText: '4' }).waitFor()
    expect(await page.getByTestId('overview-provinces').textContent()).toBe('2 / 31')
    const missing = await page.getByTestId('overview-missing').getByText(/省|市|区/).allTextContents()
    expect(missing).toHaveLength(29)
    expect(missing).not.toContain('广东省')
    await page.screenshot({ path: screenshotPath('office-4-overview'), fullPage: true })

    await page.getByRole('link', { name: '全国名册' }).click()
    await page.getByTestId('register-row').nth(3).waitFor()
    expect(await page.getByTestId('register-row').count()).toBe(4)
    await page.getByTestId('register-filter').fill('浙江二号')
    await page.getByTestId('register-count').filter({ hasText: '共 1 个现场' }).waitFor()
    expect(await page.getByTestId('register-row').textContent()).toContain('浙江二号营业厅')
    await page.getByTestId('register-row').click()
    const drawer = page.getByTestId('register-drawer')
    await drawer.waitFor()
    expect(await drawer.getByTestId('register-fields').textContent()).toContain('营业厅')
    // An attachment is taken out of the stored bundle (checked against its signed hash) and downloaded.
    const file = drawer.getByTestId('register-file').filter({ hasText: '上级推荐函' }).first()
    const download = page.waitForEvent('download')
    await file.getByRole('button').click()
    const saved = path.join(work.dir, 'attachment.pdf')
    await (await download).saveAs(saved)
    const bytes = fs.readFileSync(saved)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(bytes.toString()).toContain('浙江-1')
    await page.screenshot({ path: screenshotPath('office-4-register-drawer'), fullPage: true })
    await page.keyboard.press('Escape')
    await page.getByTestId('register-filter').fill('')
  })

  it('shows the cross-province duplicate side by side and resolves it with a reason', async () => {
    await page.getByRole('link', { name: '重复申报' }).click()
    const pair = page.getByTestId('duplicate-pair').filter({ hasText: '浙江省' }).filter({ hasText: '广东省' })
    await pair.waitFor()
    expect(await pair.getByTestId('duplicate-reason').allTextContents()).toContain('统一社会信用代码与地址相同')
    expect(await pair.textContent()).toContain('跨省')
    await page.screenshot({ path: screenshotPath('office-5-duplicate'), fullPage: true })

    await pair.getByRole('button', { name: '确认重复' }).click()
    const dialog = page.getByRole('dialog', { name: '确认重复申报' })
    // A duplicate needs a reason: refused without one, in Chinese.
    await dialog.getByRole('button', { name: '确认重复' }).click()
    await dialog.getByText('确认为重复时请写明理由').waitFor()
    await dialog.getByLabel('理由').fill('同一营业厅由两省重复推荐，以广东省为准')
    await dialog.getByRole('button', { name: '确认重复' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await page.locator('label').filter({ hasText: /^已处理（/ }).click()
    const resolved = page.getByTestId('duplicate-pair').filter({ hasText: '浙江省' }).filter({ hasText: '广东省' })
    await resolved.getByTestId('duplicate-resolution').waitFor()
    expect(await resolved.getAttribute('data-resolution')).toBe('duplicate')
    expect(await resolved.textContent()).toContain('以广东省为准')
    const stored = office().db.prepare('SELECT resolution, reason FROM duplicate_resolutions').all() as { resolution: string; reason: string }[]
    expect(stored).toEqual([{ resolution: 'duplicate', reason: '同一营业厅由两省重复推荐，以广东省为准' }])
  })

  it('exports the national register as a download that exceljs reads back', async () => {
    await page.getByRole('link', { name: '全国名册' }).click()
    await page.getByTestId('register-row').nth(3).waitFor()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出全国名册' }).click()
    const file = path.join(work.dir, '下载的全国名册.xlsx')
    const got = await download
    expect(got.suggestedFilename()).toMatch(/^全国名册_.*\.xlsx$/)
    await got.saveAs(file)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const sheet = workbook.getWorksheet('全国名册')!
    expect(sheet.actualRowCount).toBe(5)
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
    expect(header[0]).toBe('省份')
    const col = (name: string) => header.indexOf(name) + 1
    expect(col('现场名称')).toBeGreaterThan(0)
    const rows = [2, 3, 4, 5].map((r) => ({
      province: String(sheet.getRow(r).getCell(1).value),
      name: String(sheet.getRow(r).getCell(col('现场名称')).value),
      code: String(sheet.getRow(r).getCell(col('现场编号')).value),
    }))
    expect(rows.map((r) => r.name).sort()).toEqual(['广东一号营业厅', '广东二号营业厅', '浙江一号营业厅', '浙江二号营业厅'].sort())
    expect(rows.find((r) => r.name === '浙江二号营业厅')?.province).toBe('浙江省')
    expect(rows.find((r) => r.name === '广东一号营业厅')?.code).toMatch(/^GD-2021-Y\d{3}$/)
    await page.screenshot({ path: screenshotPath('office-6-exported'), fullPage: true })
    expect(problems).toEqual([])
  })
})
