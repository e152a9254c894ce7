/**
 * The site registry in browser mode, in Debian's Chromium: a site gets its attachments by drag and drop
 * (real files, uploaded by the page), loses one, goes to 回收站 and comes back — and the log and the data
 * folder show exactly that.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { startBrowserMode } from './helpers/app'
import { fillSettings, pickOption, watchPage } from './helpers/ui'

const SITE = {
  name: '广州天河体育中心营业厅',
  type: '营业厅',
  enterprise: '中国移动',
  recommender: '中国移动通信集团广东有限公司',
  uscc: '91440000719283738X',
  city: '广州市',
  address: '广州市天河区天河路 299 号',
  starLevel: 4,
  manager: '李四',
  phone: '13800138000',
  applyDate: '2021-05-06',
}

/** A small but real PDF (one empty A4 page) and a real 1×1 PNG, as a scanner or a phone would hand them over. */
function pdfBytes(): Buffer {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  for (const o of objects) {
    offsets.push(body.length)
    body += o
  }
  // Some padding in a comment so the file has a size worth showing in KB.
  body += `% ${'盖章扫描件'.repeat(1)}${'0'.repeat(3000)}\n`
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

/** As the UI shows sizes. */
const shownSize = (n: number) => (n < 1024 ? `${n} 字节` : `${Math.round(n / 1024)} KB`)

/** Every file under a folder, relative. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
}

/** Drop files onto an element the way Explorer or Finder does: dragenter, dragover, drop with a DataTransfer. */
async function dropFiles(page: Page, testId: string, files: { name: string; type: string; bytes: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64') }))
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer()
    for (const f of list) {
      const raw = atob(f.b64)
      const bytes = new Uint8Array(raw.length)
      for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
      dt.items.add(new File([bytes], f.name, { type: f.type }))
    }
    return dt
  }, payload)
  const zone = page.getByTestId(testId)
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer })
  await dataTransfer.dispose()
}

describe('the site registry in the browser', () => {
  let env: Awaited<ReturnType<typeof startBrowserMode>>
  let chrome: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let problems: string[]
  let siteId = 0
  let siteCode = ''
  const pdf = pdfBytes()

  beforeAll(async () => {
    env = await startBrowserMode()
    chrome = await launchBrowser()
    page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
    problems = watchPage(page)
  })

  afterAll(async () => {
    await chrome?.close()
    await env?.stop()
  })

  it('sets up the association; a site registered through the core appears in the list', async () => {
    await page.goto(env.server.url)
    await fillSettings(page, { name: '广东省通信行业协会', short: '粤通协', province: '广东', option: '广东省', year: 2021 })
    await page.getByText('2021 年度').first().waitFor()
    const created = await dispatch(env.app, 'sites.create', { site: SITE })
    if (!created.ok) throw new Error(created.error.message)
    ;({ id: siteId, code: siteCode } = created.value as { id: number; code: string })
    await page.getByRole('link', { name: '推荐现场' }).click()
    await page.getByTestId('site-row').filter({ hasText: SITE.name }).waitFor()
  })

  it('takes two dropped files, asks for their kinds, and lists them with kind and size', async () => {
    await page.getByTestId('site-row').filter({ hasText: SITE.name }).click()
    const d = page.getByTestId('site-drawer')
    await d.getByRole('tab', { name: '附件' }).click()
    await d.getByText('将文件拖到此处，或点击选择文件').waitFor()
    await d.getByText('还没有附件').waitFor()

    await dropFiles(page, 'attachment-dropzone', [
      { name: '盖章扫描件.pdf', type: 'application/pdf', bytes: pdf },
      { name: '门头照片.png', type: 'image/png', bytes: PNG_1X1 },
    ])
    const modal = page.getByRole('dialog', { name: '添加附件' })
    await modal.waitFor()
    // Guessed from the names: nothing in "盖章扫描件" says what it is; an image is a photo.
    expect(await modal.getByLabel('盖章扫描件.pdf 的附件类别').inputValue()).toBe('其他')
    expect(await modal.getByLabel('门头照片.png 的附件类别').inputValue()).toBe('现场照片')
    await pickOption(page, modal, '盖章扫描件.pdf 的附件类别', '上级部门推荐函')
    await page.screenshot({ path: screenshotPath('registry-1-kinds'), fullPage: true })
    await modal.getByRole('button', { name: '添加 2 个文件' }).click()
    await modal.waitFor({ state: 'hidden' })

    const rows = d.getByTestId('attachment-row')
    await expect.poll(() => rows.count()).toBe(2)
    const letter = rows.filter({ hasText: '盖章扫描件.pdf' })
    expect(await letter.textContent()).toContain('上级部门推荐函')
    expect(await letter.textContent()).toContain(shownSize(pdf.length))
    const photo = rows.filter({ hasText: '门头照片.png' })
    expect(await photo.textContent()).toContain('现场照片')
    expect(await photo.textContent()).toContain(shownSize(PNG_1X1.length))
    await page.screenshot({ path: screenshotPath('registry-2-attachments'), fullPage: true })

    const stored = env.app.db
      .prepare('SELECT kind, original_name, size FROM attachments WHERE site_id = ? ORDER BY original_name')
      .all(siteId)
    expect(stored).toEqual([
      { kind: 'superior-letter', original_name: '盖章扫描件.pdf', size: pdf.length },
      { kind: 'photo', original_name: '门头照片.png', size: PNG_1X1.length },
    ])
  })

  it('opens an attachment as a download of a copy that keeps its name and bytes', async () => {
    const d = page.getByTestId('site-drawer')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      d.getByRole('button', { name: '打开 盖章扫描件.pdf' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('盖章扫描件.pdf')
    const saved = await download.path()
    expect(fs.readFileSync(saved).equals(pdf)).toBe(true)
    expect(filesUnder(path.join(env.dataDir, 'outputs', '附件'))).toEqual(['盖章扫描件.pdf'])
  })

  it('removes one attachment after confirmation; one stored file remains', async () => {
    const d = page.getByTestId('site-drawer')
    await d.getByRole('button', { name: '移除 门头照片.png' }).click()
    await page.getByRole('button', { name: '确认移除' }).click()
    await expect.poll(() => d.getByTestId('attachment-row').count()).toBe(1)
    expect(env.app.db.prepare('SELECT original_name FROM attachments').all()).toEqual([{ original_name: '盖章扫描件.pdf' }])
    expect(env.app.db.prepare('SELECT COUNT(*) AS n FROM stored_files').get()).toEqual({ n: 1 })
    expect(filesUnder(path.join(env.dataDir, 'files'))).toHaveLength(1)

    await d.getByRole('tab', { name: '操作记录' }).click()
    await d.getByText(`为现场 ${siteCode} 添加附件 盖章扫描件.pdf`, { exact: false }).waitFor()
    await d.getByText(`删除现场 ${siteCode} 的附件 门头照片.png`, { exact: false }).waitFor()
    await page.keyboard.press('Escape')
    await d.waitFor({ state: 'hidden' })
  })

  it('deletes the site by its checkbox and the bulk action, then restores it from 回收站', async () => {
    // Select all, then none: the header box selects every listed site and clears them again.
    const all = page.getByRole('checkbox', { name: '全选当前列出的现场' })
    const rows = await page.getByTestId('site-row').count()
    await all.check()
    await page.getByRole('region', { name: '批量操作' }).getByText(`已选择 ${rows} 个现场`).waitFor()
    await all.uncheck()
    await expect.poll(() => page.getByRole('region', { name: '批量操作' }).count()).toBe(0)

    await page.getByRole('checkbox', { name: `选择 ${SITE.name}` }).check()
    const bulk = page.getByRole('region', { name: '批量操作' })
    await bulk.getByText('已选择 1 个现场').waitFor()
    await bulk.getByRole('button', { name: '删除' }).click()
    await page.getByRole('button', { name: '确认删除' }).click()
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(0)
    expect(env.app.db.prepare('SELECT deleted_at IS NOT NULL AS gone FROM sites WHERE id = ?').get(siteId)).toEqual({ gone: 1 })

    await page.getByRole('button', { name: '回收站' }).click()
    const row = page.getByTestId('site-row').filter({ hasText: SITE.name })
    await row.waitFor()
    await page.screenshot({ path: screenshotPath('registry-3-trash'), fullPage: true })
    await row.getByRole('button', { name: '恢复' }).click()
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(0)
    expect(env.app.db.prepare('SELECT deleted_at FROM sites WHERE id = ?').get(siteId)).toEqual({ deleted_at: null })

    await page.getByRole('button', { name: '返回现场列表' }).click()
    await page.getByTestId('site-row').filter({ hasText: SITE.name }).waitFor()
    // The attachment that stayed is still there after the round trip through 回收站.
    expect(filesUnder(path.join(env.dataDir, 'files'))).toHaveLength(1)
    expect(env.app.db.prepare('SELECT COUNT(*) AS n FROM attachments WHERE site_id = ?').get(siteId)).toEqual({ n: 1 })
  })

  it('shows every step in 操作日志, and filters it by the kind of operation', async () => {
    await page.getByRole('link', { name: '操作日志' }).click()
    for (const text of [
      `新建现场 ${siteCode} ${SITE.name}`,
      `为现场 ${siteCode} 添加附件 盖章扫描件.pdf（上级部门推荐函`,
      `为现场 ${siteCode} 添加附件 门头照片.png（现场照片`,
      `删除现场 ${siteCode} 的附件 门头照片.png`,
      `删除现场 ${siteCode} ${SITE.name}（可在回收站恢复）`,
      `恢复现场 ${siteCode} ${SITE.name}`,
    ]) {
      await page.getByRole('cell', { name: text }).first().waitFor()
    }
    await page.screenshot({ path: screenshotPath('registry-4-audit'), fullPage: true })

    await pickOption(page, page, '操作', '添加附件')
    const log = page.getByRole('table', { name: '操作日志' })
    await expect.poll(() => log.locator('tbody tr').count()).toBe(2)
    expect(await log.locator('tbody').textContent()).not.toContain('恢复现场')

    const actions = env.app.db
      .prepare("SELECT action FROM audit_log WHERE entity = 'site' AND entity_id = ? ORDER BY id")
      .all(String(siteId))
      .map((r) => (r as { action: string }).action)
    expect(actions).toEqual(['create', 'attach', 'attach', 'detach', 'delete', 'restore'])
    expect(problems).toEqual([])
  })
})
