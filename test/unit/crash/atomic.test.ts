/**
 * Power cut between write and rename (services/files/atomicWrite.ts): the real CLI writes a file the user asked
 * for and kills itself at the 'before-rename' kill point — after the bytes are written and fsync'd, before the
 * rename. The final path then holds what it held before (nothing, or the previous file, byte for byte), the
 * next start removes the partial wherever --out pointed, and a later run writes the file.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSiteDraft } from '../../../src-main/core/sites/draft'
import { openApp } from '../../../src-main/services/context'
import { BEFORE_RENAME } from '../../../src-main/services/files/atomicWrite'
import { requireSetup } from '../../../src-main/services/settings/association'
import { draft, setUpGuangdong } from '../services/helpers'
import { runCli } from '../cli/run'
import { copyDir, expectSelfKilled, leftovers, listFiles, startCli, tempRoot } from './harness'

let root: string
let base: string

beforeAll(() => {
  root = tempRoot('starsite-crash-atomic-')
  base = path.join(root, 'base')
  const app = openApp({ dataDir: base, actor: '测试员' })
  setUpGuangdong(app)
  const { campaign } = requireSetup(app)
  const { values } = readSiteDraft(draft())
  // Two approved sites stored straight through the repository: no finding holds a letter back.
  for (let i = 0; i < 2; i++) {
    const code = app.sites.nextCode('GD-2021-Y')
    app.sites.insert({ ...values!, name: `测试第${i + 1}号营业厅`, address: `广州市天河区测试路 ${i + 1} 号` }, { code, campaignId: campaign.id, status: 'approved', now: app.now() })
  }
  app.close()
}, 60_000)

function letterRows(dataDir: string): { doc_no: string; file_path: string }[] {
  const db = new Database(path.join(dataDir, 'starsite.db'))
  try {
    return db.prepare('SELECT doc_no, file_path FROM letters ORDER BY seq').all() as { doc_no: string; file_path: string }[]
  } finally {
    db.close()
  }
}

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb.worksheets.map((w) => w.name)
}

describe('a writer killed between write and rename', () => {
  it('leaves no file under the final name, and the next start removes the partial outside the data folder', async () => {
    const dataDir = path.join(root, 'new')
    copyDir(base, dataDir)
    const outDir = path.join(root, 'new-out')
    fs.mkdirSync(outDir)
    const target = path.join(outDir, 'roster.xlsx')
    const point = `${BEFORE_RENAME}:roster.xlsx`

    const run = startCli(['--data', dataDir, 'template', '--out', target], { killAt: point })
    await expectSelfKilled(run, point)

    expect(fs.existsSync(target)).toBe(false)
    // Killed after the write: the partial holds the whole workbook, and a marker in dataDir/tmp names it.
    const partials = fs.readdirSync(outDir)
    expect(partials).toHaveLength(1)
    expect(partials[0]).toMatch(/^\.roster\.xlsx\.partial-\d+-[0-9a-f]{8}$/)
    expect((await sheetNames(path.join(outDir, partials[0]))).length).toBeGreaterThan(0)
    expect(listFiles(path.join(dataDir, 'tmp')).filter((f) => /^partial-\d+-[0-9a-f]{8}\.json$/.test(f))).toHaveLength(1)

    const next = runCli(['--data', dataDir, 'list', '--json'])
    expect(next.status, next.stderr).toBe(0)
    expect(fs.readdirSync(outDir)).toEqual([])
    expect(leftovers(dataDir)).toEqual([])

    const again = runCli(['--data', dataDir, 'template', '--out', target])
    expect(again.status, again.stderr).toBe(0)
    expect(fs.readdirSync(outDir)).toEqual(['roster.xlsx'])
    expect(await sheetNames(target)).toEqual(await sheetNames(path.join(outDir, 'roster.xlsx')))
    expect((await sheetNames(target)).length).toBeGreaterThan(0)
    expect(leftovers(dataDir)).toEqual([])
  }, 120_000)

  it('keeps the previous file byte for byte when the replacement is killed before its rename', async () => {
    const dataDir = path.join(root, 'replace')
    copyDir(base, dataDir)
    const first = runCli(['--data', dataDir, 'template', '--json'])
    expect(first.status, first.stderr).toBe(0)
    const target = (JSON.parse(first.stdout) as { path: string }).path
    // The default place is dataDir/outputs: found by the cleanup's scan as well as by the marker.
    expect(path.dirname(target)).toBe(path.join(dataDir, 'outputs'))
    const before = fs.readFileSync(target)

    const point = `${BEFORE_RENAME}:${path.basename(target)}`
    const run = startCli(['--data', dataDir, 'template'], { killAt: point })
    await expectSelfKilled(run, point)
    expect(fs.readFileSync(target).equals(before)).toBe(true)
    expect(leftovers(path.join(dataDir, 'outputs'))).toHaveLength(1)

    const next = runCli(['--data', dataDir, 'list', '--json'])
    expect(next.status, next.stderr).toBe(0)
    expect(leftovers(dataDir)).toEqual([])
    expect(fs.readdirSync(path.join(dataDir, 'outputs'))).toEqual([path.basename(target)])
    expect(fs.readFileSync(target).equals(before)).toBe(true)
  }, 120_000)

  it('a letter killed between its fsync and its rename (inside the numbering transaction) leaves no file, record or number', async () => {
    const dataDir = path.join(root, 'letters')
    copyDir(base, dataDir)
    const outDir = path.join(root, 'letters-out')
    const point = `${BEFORE_RENAME}:GD-2021-Y001_测试第1号营业厅.docx`
    const run = startCli(['--data', dataDir, 'letters', '--out', outDir], { killAt: point })
    await expectSelfKilled(run, point)
    // The first letter's bytes were on disk under the partial name; nothing under a final name, nothing recorded.
    expect(fs.readdirSync(outDir).filter((n) => !n.startsWith('.'))).toEqual([])
    expect(fs.readdirSync(outDir).length).toBeGreaterThan(0)
    expect(letterRows(dataDir)).toEqual([])

    const next = runCli(['--data', dataDir, 'list', '--json'])
    expect(next.status, next.stderr).toBe(0)
    expect(fs.readdirSync(outDir)).toEqual([])
    expect(leftovers(dataDir)).toEqual([])

    // The number the killed letter would have taken is still free.
    const again = runCli(['--data', dataDir, 'letters', '--out', outDir])
    expect(again.status, again.stderr).toBe(0)
    const rows = letterRows(dataDir)
    expect(rows.map((r) => r.doc_no)).toEqual([expect.stringMatching(/〕1号$/), expect.stringMatching(/〕2号$/)])
    expect(fs.readdirSync(outDir).sort()).toEqual(rows.map((r) => path.basename(r.file_path)).sort())
  }, 120_000)
})
