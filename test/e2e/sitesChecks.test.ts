/**
 * The registry's 审核 column in browser mode, in Debian's Chromium: three checked sites — one with errors, one
 * with warnings only, one whose only warning was waived (so it has no open finding) — show their counts; the
 * 审核 filter keeps the right rows; the column sorts; a click on a count opens the site's drawer with its first
 * finding picked out.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { launchBrowser, screenshotPath } from './helpers/browser'
import { startBrowserMode } from './helpers/app'
import { FAULTY, GOOD, MINIMAL_PDF, must } from './helpers/twoSites'
import { watchPage } from './helpers/ui'

type Finding = { id: number; siteId: number; severity: 'error' | 'warning'; message: string; waived: boolean }

let env: Awaited<ReturnType<typeof startBrowserMode>>
let chrome: Awaited<ReturnType<typeof launchBrowser>>
let page: Page
let problems: string[]
const ids = { errors: 0, warnings: 0, clean: 0 }
let open: Finding[] = []

async function findings(siteId: number): Promise<Finding[]> {
  return (await must<{ findings: Finding[] }>(dispatch(env.app, 'checks.findings', { siteId }))).findings
}

/** The rows' site names, top to bottom. */
async function rowNames(): Promise<string[]> {
  const rows = page.getByTestId('site-row')
  const out: string[] = []
  for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).getByRole('cell').nth(2).textContent()) ?? '')
  return out
}

const row = (name: string) => page.getByTestId('site-row').filter({ hasText: name })

beforeAll(async () => {
  env = await startBrowserMode()
  const { app, dataDir } = env
  await must(dispatch(app, 'settings.saveAssociation', { association: { name: '广东省通信行业协会', shortName: '粤通协', province: '广东' }, year: 2021 }))
  ids.errors = (await must<{ id: number }>(dispatch(app, 'sites.create', { site: FAULTY }))).id
  // A malformed e-mail address is a warning (email-format).
  ids.warnings = (await must<{ id: number }>(dispatch(app, 'sites.create', { site: { ...GOOD, email: 'lisi#example.com' } }))).id
  ids.clean = (await must<{ id: number }>(dispatch(app, 'sites.create', { site: { ...GOOD, name: '佛山禅城营业厅', city: '佛山市', address: '佛山市禅城区祖庙路 2 号', email: 'wang#example.com' } }))).id
  const dir = path.join(dataDir, 'incoming')
  fs.mkdirSync(dir, { recursive: true })
  for (const siteId of [ids.warnings, ids.clean]) {
    for (const [kind, name] of [
      ['superior-letter', '上级推荐函.pdf'],
      ['lecturer-letter', '宣讲师推荐信.pdf'],
    ] as const) {
      fs.writeFileSync(path.join(dir, name), MINIMAL_PDF)
      await must(dispatch(app, 'attachments.add', { siteId, kind, files: [{ path: path.join(dir, name), name }] }))
    }
  }
  await must(dispatch(app, 'checks.run', {}, { jobId: 'e2e-checks' }))
  // The clean site's warnings are waived: waived is not open.
  for (const f of await findings(ids.clean)) {
    if (f.severity === 'warning') await must(dispatch(app, 'checks.waive', { findingId: f.id, reason: '已核实，情况属实' }))
  }
  open = [...(await findings(ids.errors)), ...(await findings(ids.warnings)), ...(await findings(ids.clean))]

  chrome = await launchBrowser()
  page = await chrome.browser.newPage({ viewport: { width: 1500, height: 900 }, locale: 'zh-CN' })
  problems = watchPage(page)
  await page.goto(`${env.server.url}#/sites`)
  await page.getByText('共 3 个现场').waitFor()
}, 120_000)

afterAll(async () => {
  await chrome?.close()
  await env?.stop()
})

describe('the 审核 column of the site list', () => {
  it('the data is what the test needs: errors, warnings only, and nothing open', () => {
    const of = (id: number, severity: string) => open.filter((f) => f.siteId === id && f.severity === severity).length
    expect(of(ids.errors, 'error')).toBeGreaterThan(0)
    expect(of(ids.warnings, 'error')).toBe(0)
    expect(of(ids.warnings, 'warning')).toBeGreaterThan(0)
    expect(open.filter((f) => f.siteId === ids.clean)).toEqual([])
  })

  it('shows each site’s open errors and warnings, and a mark for none', async () => {
    const count = (id: number, severity: string) => open.filter((f) => f.siteId === id && f.severity === severity).length
    const errorsCell = row(FAULTY.name).getByTestId('site-checks')
    await expect.poll(() => errorsCell.textContent()).toContain(`错误 ${count(ids.errors, 'error')}`)
    const warnings = count(ids.errors, 'warning')
    if (warnings) expect(await errorsCell.textContent()).toContain(`警告 ${warnings}`)
    else expect(await errorsCell.textContent()).not.toContain('警告')
    const warningsCell = row(GOOD.name).getByTestId('site-checks')
    expect(await warningsCell.textContent()).toBe(`警告 ${count(ids.warnings, 'warning')}`)
    expect(await row('佛山禅城营业厅').getByTestId('site-checks').textContent()).toContain('无问题')
    // Colours: red for errors, orange for warnings.
    const colour = (cell: ReturnType<typeof row>, text: string) => cell.getByText(text, { exact: false }).evaluate((el) => getComputedStyle(el).color)
    expect(await colour(errorsCell, '错误')).not.toBe(await colour(warningsCell, '警告'))
    await page.screenshot({ path: screenshotPath('sites-checks-column') })
  })

  it('the 审核 filter keeps the sites with errors, with warnings, or with none', async () => {
    const filter = page.getByRole('textbox', { name: '审核' }).or(page.getByLabel('审核', { exact: true })).first()
    const pick = async (option: string) => {
      await filter.click()
      await page.getByRole('option', { name: option, exact: true }).click()
      await page.keyboard.press('Escape')
    }
    const clear = async () => {
      await page.getByRole('button', { name: '清除条件' }).click()
      await page.getByText('共 3 个现场').waitFor()
    }
    await pick('有错误')
    await page.getByText('显示 1 / 共 3 个现场').waitFor()
    expect(await rowNames()).toEqual([FAULTY.name])
    await clear()
    await pick('有警告')
    const withWarnings = open.some((f) => f.siteId === ids.errors && f.severity === 'warning') ? [FAULTY.name, GOOD.name] : [GOOD.name]
    await page.getByText(`显示 ${withWarnings.length} / 共 3 个现场`).waitFor()
    expect((await rowNames()).sort()).toEqual(withWarnings.sort())
    await clear()
    await pick('无问题')
    await page.getByText('显示 1 / 共 3 个现场').waitFor()
    expect(await rowNames()).toEqual(['佛山禅城营业厅'])
    await clear()
  })

  it('sorts by the check column: errors before warnings before none when descending', async () => {
    const header = page.getByRole('columnheader', { name: '审核' }).getByRole('button')
    await header.click()
    await expect.poll(rowNames).toEqual(['佛山禅城营业厅', GOOD.name, FAULTY.name])
    await header.click()
    await expect.poll(rowNames).toEqual([FAULTY.name, GOOD.name, '佛山禅城营业厅'])
    await header.click() // back to the list's own order
  })

  it('a click on the counts opens the site at its first finding', async () => {
    const first = open.find((f) => f.siteId === ids.errors)
    expect(first?.severity).toBe('error') // errors come first in the drawer, as in the core's order
    await row(FAULTY.name).getByTestId('site-checks').click()
    const drawer = page.getByTestId('site-drawer').last()
    await drawer.getByText(FAULTY.name).first().waitFor()
    const picked = drawer.locator('[data-testid="site-finding"][data-focus-target="true"]')
    await picked.waitFor()
    expect(await picked.textContent()).toContain(first?.message ?? '-')
    expect(await picked.isVisible()).toBe(true)
    expect(await drawer.getByTestId('site-finding').first().textContent()).toContain(first?.message ?? '-')
    await page.screenshot({ path: screenshotPath('sites-checks-drawer') })
    await page.keyboard.press('Escape')
    // A click elsewhere on the row still opens the drawer without picking a finding out.
    await drawer.waitFor({ state: 'hidden' })
    await row(GOOD.name).getByRole('cell').nth(2).click()
    await page.getByTestId('site-drawer').last().getByText(GOOD.name).first().waitFor()
    await page.getByTestId('site-finding').first().waitFor()
    expect(await page.locator('[data-testid="site-finding"][data-focus-target="true"]').count()).toBe(0)
    expect(problems).toEqual([])
  })
})
