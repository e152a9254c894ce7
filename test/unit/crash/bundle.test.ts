/**
 * Power cut during `starsite bundle --out FILE.zip`: the real CLI packs ~24 MB of attachments (deflated, so it
 * takes a moment) and is SIGKILLed after a seeded number of its progress lines, when the partial file appears,
 * and at seeded random delays. The final path then holds nothing or a bundle that verifies; the next start
 * removes the partial file, its marker and the build's scratch folder. (test/unit/bundle/kill.test.ts covers
 * one kill with a large bundle; this one varies the point.)
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pendingDailyBackup } from '../../../src-main/services/backup/create'
import { openApp } from '../../../src-main/services/context'
import { createSite } from '../../../src-main/services/sites/sites'
import { addBigAttachment } from '../bundle/helpers'
import { draft, setUpGuangdong } from '../services/helpers'
import { runCli } from '../cli/run'
import { copyDir, docxIsWhole, leftovers, listFiles, prng, afterStart, killAt, startCli, tempRoot, waitFor, type Running } from './harness'

let root: string
let base: string

beforeAll(async () => {
  root = tempRoot('starsite-crash-bundle-')
  base = path.join(root, 'base')
  const app = openApp({ dataDir: base, actor: '测试员' })
  setUpGuangdong(app)
  const a = createSite(app, draft({ name: '广州天河营业厅', uscc: '91440000719283738L', areaSqm: 300 }))
  const b = createSite(app, draft({ name: '深圳福田营业厅', address: '深圳市福田区 2 号', uscc: '91440000719283738L', areaSqm: 200 }))
  for (let i = 0; i < 3; i++) addBigAttachment(app, i < 2 ? a.id : b.id, 8, i)
  // The test is about the kill, not the checks: clear findings so nothing refuses the build.
  app.db.prepare('DELETE FROM findings').run()
  await pendingDailyBackup(app.db)
  app.close()
}, 120_000)

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const progressLines = (run: Running) => (run.stderr().match(/进度（字节）：\d+%/g) ?? []).length

describe('bundle build killed at random points', () => {
  it('leaves no bundle at the final path unless it verifies, and the next start removes what the build left', async () => {
    const wholeDir = path.join(root, 'whole')
    copyDir(base, wholeDir)
    const wholeZip = path.join(root, 'whole.zip')
    const t0 = Date.now()
    const ok = startCli(['--data', wholeDir, 'bundle', '--out', wholeZip])
    expect((await ok.exited).code, ok.stderr()).toBe(0)
    const duration = Date.now() - t0
    expect(runCli(['--data', wholeDir, 'verify', wholeZip]).status).toBe(0)

    type When = (run: Running, outDir: string, attempt: number) => Promise<boolean>
    const points: { name: string; when: When; attempts?: number }[] = [
      { name: 'partial file appears', when: (run, out) => waitFor(run, () => fs.readdirSync(out).some((n) => n.includes('.partial-'))) },
    ]
    for (const seed of [2, 13]) {
      // Progress prints 0%, 10% … 100%: kill after the k-th line, k in 2..10.
      const lines = 2 + Math.floor(prng(seed)() * 9)
      points.push({ name: `seed ${seed}: after ${lines} progress lines`, when: (run) => waitFor(run, () => progressLines(run) >= lines) })
    }
    // Delays within the first ~70% of an unkilled run, so the kill lands before the end (killAt asserts it).
    for (const seed of [43, 67]) {
      const ms = Math.floor(duration * (0.2 + 0.5 * prng(seed)()))
      const { when, attempts } = afterStart(ms)
      points.push({ name: `seed ${seed}: ${ms} ms after start`, when: (run, _out, attempt) => when(run, attempt), attempts })
    }

    for (const [i, point] of points.entries()) {
      const dataDir = path.join(root, `kill-${i}`)
      const outDir = path.join(dataDir, 'outputs')
      const final = path.join(outDir, '报送包.zip')
      const start = () => {
        fs.rmSync(dataDir, { recursive: true, force: true })
        copyDir(base, dataDir)
        return startCli(['--data', dataDir, 'bundle', '--out', final])
      }
      await killAt(point.name, start, (run, attempt) => point.when(run, outDir, attempt), point.attempts)

      // A bundle under the final name is only ever a complete one.
      if (fs.existsSync(final)) {
        const verified = runCli(['--data', dataDir, 'verify', final, '--json'])
        expect(verified.status, `${point.name}: ${verified.stdout}`).toBe(0)
        expect(JSON.parse(verified.stdout).ok).toBe(true)
      }

      const next = runCli(['--data', dataDir, 'list', '--json'])
      expect(next.status, `${point.name}: ${next.stderr}`).toBe(0)
      const db = new Database(path.join(dataDir, 'starsite.db'), { readonly: true })
      expect(db.pragma('integrity_check', { simple: true }), point.name).toBe('ok')
      const recorded = (db.prepare('SELECT COUNT(*) AS n FROM bundles').get() as { n: number }).n
      db.close()
      // A recorded bundle is on disk (the rename comes before the record, never after).
      if (recorded) expect(fs.existsSync(final), point.name).toBe(true)

      expect(leftovers(dataDir), point.name).toEqual([])
      expect(listFiles(path.join(dataDir, 'tmp')), point.name).toEqual([])
      // Besides the bundle, outputs/ may hold the letters the build issued on the way: whole ones only.
      const outputs = listFiles(outDir)
      expect(outputs.filter((f) => path.basename(f).startsWith('.')), point.name).toEqual([])
      for (const f of outputs.filter((f) => f.endsWith('.docx'))) expect(await docxIsWhole(path.join(outDir, f)), `${point.name}: ${f}`).toBe(true)
      expect(outputs.filter((f) => f !== '报送包.zip' && !f.endsWith('.docx')), point.name).toEqual([])
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 600_000)
})
