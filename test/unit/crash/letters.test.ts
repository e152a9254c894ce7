/**
 * Power cut during `starsite letters --out DIR`: the real CLI writes one .docx per site and is SIGKILLed after
 * a seeded number of letters reached the output folder, when a temp file shows up there, and at seeded random
 * delays. Every .docx under its final name must then be whole (a zip with word/document.xml), every letter the
 * database records must be on disk with the recorded hash, and the next start must leave no temp file behind.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSiteDraft } from '../../../src-main/core/sites/draft'
import { pendingDailyBackup } from '../../../src-main/services/backup/create'
import { openApp } from '../../../src-main/services/context'
import { requireSetup } from '../../../src-main/services/settings/association'
import { draft, setUpGuangdong } from '../services/helpers'
import { runCli } from '../cli/run'
import { copyDir, docxIsWhole, leftovers, listFiles, prng, afterStart, killAt, startCli, tempRoot, waitFor, type Running } from './harness'

const SITES = 200

let root: string
let base: string

beforeAll(async () => {
  root = tempRoot('starsite-crash-letters-')
  base = path.join(root, 'base')
  const app = openApp({ dataDir: base, actor: '测试员' })
  setUpGuangdong(app)
  const { campaign } = requireSetup(app)
  const { values } = readSiteDraft(draft())
  // Stored straight through the repository: no checks run, so no finding holds a letter back.
  app.db.transaction(() => {
    for (let i = 0; i < SITES; i++) {
      const code = app.sites.nextCode('GD-2021-Y')
      app.sites.insert({ ...values!, name: `测试第${i + 1}号营业厅`, address: `广州市天河区测试路 ${i + 1} 号` }, { code, campaignId: campaign.id, status: 'approved', now: app.now() })
    }
  })()
  await pendingDailyBackup(app.db)
  app.close()
}, 120_000)

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('letters killed at random points', () => {
  it('leaves only whole letters under final names, records only letters on disk, and no temp file after the next start', async () => {
    const wholeDir = path.join(root, 'whole')
    copyDir(base, wholeDir)
    const t0 = Date.now()
    const ok = startCli(['--data', wholeDir, 'letters', '--out', path.join(root, 'whole-out')])
    expect((await ok.exited).code, ok.stderr()).toBe(0)
    const duration = Date.now() - t0
    expect(fs.readdirSync(path.join(root, 'whole-out'))).toHaveLength(SITES)

    type When = (run: Running, outDir: string, attempt: number) => Promise<boolean>
    const points: { name: string; when: When; attempts?: number }[] = [
      { name: 'first temp file in the output folder', when: (run, out) => waitFor(run, () => fs.existsSync(out) && fs.readdirSync(out).some((n) => n.startsWith('.'))) },
    ]
    // Counted on disk, not in progress lines: the CLI throttles those (a fast run prints only 0/200 and 200/200).
    const lettersOnDisk = (out: string) => (fs.existsSync(out) ? fs.readdirSync(out).filter((n) => n.endsWith('.docx') && !n.startsWith('.')).length : 0)
    for (const seed of [3, 17]) {
      const letters = 1 + Math.floor(prng(seed)() * (SITES * 0.75))
      points.push({ name: `seed ${seed}: after ${letters} letters on disk`, when: (run, out) => waitFor(run, () => lettersOnDisk(out) >= letters) })
    }
    // Delays within the first ~70% of an unkilled run, so the kill lands before the end (killAt asserts it).
    for (const seed of [41, 59]) {
      const ms = Math.floor(duration * (0.3 + 0.45 * prng(seed)()))
      const { when, attempts } = afterStart(ms)
      points.push({ name: `seed ${seed}: ${ms} ms after start`, when: (run, _out, attempt) => when(run, attempt), attempts })
    }

    let someWritten = false
    for (const [i, point] of points.entries()) {
      const dataDir = path.join(root, `kill-${i}`)
      const outDir = path.join(root, `kill-${i}-out`)
      const start = () => {
        for (const d of [dataDir, outDir]) fs.rmSync(d, { recursive: true, force: true })
        copyDir(base, dataDir)
        return startCli(['--data', dataDir, 'letters', '--out', outDir])
      }
      await killAt(point.name, start, (run, attempt) => point.when(run, outDir, attempt), point.attempts)

      const finals = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((n) => !n.startsWith('.')) : []
      for (const name of finals) {
        expect(name, point.name).toMatch(/^GD-2021-Y\d{3}_测试第\d+号营业厅\.docx$/)
        expect(await docxIsWhole(path.join(outDir, name)), `${point.name}: ${name}`).toBe(true)
      }
      someWritten ||= finals.length > 0

      const next = runCli(['--data', dataDir, 'list', '--json'])
      expect(next.status, `${point.name}: ${next.stderr}`).toBe(0)
      const db = new Database(path.join(dataDir, 'starsite.db'), { readonly: true })
      expect(db.pragma('integrity_check', { simple: true }), point.name).toBe('ok')
      const letters = db.prepare('SELECT file_path AS file, sha256, seq FROM letters ORDER BY seq').all() as { file: string; sha256: string; seq: number }[]
      db.close()
      // What the database says was issued is on disk, byte for byte; at most the one letter being
      // committed when the process died may be on disk without its record (it is rewritten next time).
      for (const l of letters) expect(createHash('sha256').update(fs.readFileSync(l.file)).digest('hex'), point.name).toBe(l.sha256)
      expect(finals.length - letters.length, point.name).toBeGreaterThanOrEqual(0)
      expect(finals.length - letters.length, point.name).toBeLessThanOrEqual(1)
      // Numbers are consumed without gaps: 1..n.
      expect(letters.map((l) => l.seq)).toEqual(letters.map((_, k) => k + 1))

      expect(fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((n) => n.startsWith('.')) : [], `${point.name}: temp files in --out`).toEqual([])
      expect(leftovers(dataDir), point.name).toEqual([])
      expect(listFiles(path.join(dataDir, 'tmp')), point.name).toEqual([])
      fs.rmSync(dataDir, { recursive: true, force: true })
      fs.rmSync(outDir, { recursive: true, force: true })
    }
    expect(someWritten, 'at least one kill should strike after some letters were written').toBe(true)
  }, 600_000)
})
