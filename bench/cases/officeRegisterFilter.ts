/**
 * The office's 全国名册 filtered as one types, over 10,000 register rows, in the real UI: an office data
 * folder (four provinces' ingested bundles of 2,500 sites each, written straight through the office
 * repositories as in officeDuplicates.ts), browser mode over its session, the built renderer (out/web) in
 * Debian's Chromium. One keystroke = the filter box's value changes and an input event fires; it is done when
 * the table shows the filtered rows: the counter reads the expected count and the first row is the expected
 * site. Measured in the page with performance.now(), to the first frame after that DOM change (rAF + task),
 * median over 16 keystrokes, as filterSites.ts does for the province's list.
 * Needs `npm run build:renderer` first (out/web).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { dispatch } from '../../src-main/api/dispatch'
import { insertReceivedBundle } from '../../src-main/db/office/bundles'
import { insertRegisterSites } from '../../src-main/db/office/register'
import { startServer } from '../../src-main/server/server'
import { initOffice } from '../../src-main/services/office/profile'
import { openSession } from '../../src-main/services/session'
import { filterRegister, indexRegister, type RegisterRow } from '../../src-renderer/src/pages/office/register/registerView'
import { launchBrowser } from '../../test/e2e/helpers/browser'
import { median, type Case, type Stats } from '../harness'
import { makeSites } from './data'
import { keystroke, keystrokeProbe, type KeystrokeSample } from './keystrokeProbe'

const COUNT = 10_000
const BUDGET_MS = 100
const PROVINCES = ['广东省', '浙江省', '江苏省', '山东省']
const NOW = '2021-06-01T08:00:00.000Z'
const WEB_DIR = path.resolve('out/web')

/** What a clerk might type, one keystroke at a time, including corrections, a province and clearing the box. */
const KEYSTROKES = ['深', '深圳', '深圳南', '深圳南山', '深圳南山区', '深圳南山', '深圳南', '深圳', '深', '', '浙', '浙江', '浙江 天', '浙江 天河', '浙江 天河路', '浙江 天河路第1']
const WARMUP = ['佛', '']

const PAGE_PROBE = keystrokeProbe({
  input: 'input[data-testid="register-filter"]',
  counter: 'register-count',
  row: 'register-row',
  want: "'共 ' + expectedCount + ' 个现场' + (expectedCount === total ? '' : '（全部 ' + total + ' 个）')",
})

async function registerKeystroke(page: Page, rows: RegisterRow[], value: string): Promise<KeystrokeSample> {
  const expected = filterRegister(indexRegister(rows), value, null)
  return keystroke(page, value, rows.length, expected.length, expected[0]?.code ?? '')
}

const stat = (label: string, samples: number[]): Stats => ({
  label,
  samples,
  median: median(samples),
  min: Math.min(...samples),
  max: Math.max(...samples),
  cpuMedian: 0,
  cpuSamples: samples.map(() => 0),
})

/** Four provinces' ingested bundles, their sites straight into the register (no zip: only the rows matter). */
function fillRegister(dataDir: string): void {
  const { office } = initOffice({ dataDir, actor: 'bench', now: () => NOW }, { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 })
  try {
    const sites = makeSites(COUNT)
    const per = COUNT / PROVINCES.length
    office.db.transaction(() => {
      PROVINCES.forEach((province, p) => {
        const slice = sites.slice(p * per, (p + 1) * per)
        const bundleId = insertReceivedBundle(office.db, {
          sha256: String(p).repeat(64), size: 1, originalName: `${province}.zip`, province, association: `${province}通信行业协会`,
          campaignYear: 2021, createdAt: NOW, fingerprint: 'AB', keyId: null, receivedAt: NOW, receivedBy: 'bench',
          status: 'ingested', sites: slice.length, files: 0, diff: null,
        })
        insertRegisterSites(
          office.db,
          bundleId,
          province,
          slice.map((s, i) => ({
            code: `P${p}-2021-Y${String(i + 1).padStart(4, '0')}`, name: s.name, type: s.type, recommender: s.recommender,
            starLevel: s.starLevel ?? 3, fields: { ...s, certificates: undefined, highlights: undefined }, files: [],
          })),
        )
      })
    })()
  } finally {
    office.close()
  }
}

export const officeRegisterFilterCase: Case = {
  name: `office 全国名册 filter as you type over ${COUNT.toLocaleString('en')} rows (browser, ms per keystroke)`,
  async run() {
    if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('out/web is missing: run `npm run build:renderer` first')
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-register-')), '推进办')
    fillRegister(dataDir)
    const session = openSession({ dataDir, actor: 'bench', now: () => NOW })
    let server: Awaited<ReturnType<typeof startServer>> | null = null
    let chrome: Awaited<ReturnType<typeof launchBrowser>> | null = null
    try {
      const listed = await dispatch(session, 'office.register.list', {})
      if (!listed.ok) throw new Error(listed.error.message)
      const rows = (listed.value as { sites: RegisterRow[] }).sites
      if (rows.length !== COUNT) throw new Error(`expected ${COUNT} register rows, got ${rows.length}`)

      server = await startServer({ session, staticDir: WEB_DIR })
      chrome = await launchBrowser()
      const page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
      await page.goto(`${server.url}#/register`)
      await page.getByText(`共 ${COUNT} 个现场`).waitFor({ timeout: 60_000 })
      await page.evaluate(PAGE_PROBE)

      for (const value of WARMUP) await registerKeystroke(page, rows, value)
      const samples: KeystrokeSample[] = []
      for (const value of KEYSTROKES) samples.push(await registerKeystroke(page, rows, value))

      const frame = stat('keystroke -> rows on screen (next frame)', samples.map((s) => s.frameMs))
      const dom = samples.map((s) => s.domMs)
      return {
        name: this.name,
        target: 1,
        subject: frame,
        anchor: stat('budget (ms)', [BUDGET_MS]),
        ratio: frame.median / BUDGET_MS,
        cpuRatio: 0,
        pass: frame.median < BUDGET_MS,
        notes: [
          `median ${frame.median.toFixed(1)} ms per keystroke to the next frame (target < ${BUDGET_MS} ms: ${frame.median < BUDGET_MS ? 'PASS' : 'MISS'}); ` +
            `DOM updated after ${median(dom).toFixed(1)} ms (median), slowest keystroke ${frame.max.toFixed(1)} ms`,
          `keystrokes: ${KEYSTROKES.map((k) => k || '∅').join(' → ')}`,
        ],
      }
    } finally {
      await chrome?.close()
      await server?.close()
      session.close()
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true })
    }
  },
}
