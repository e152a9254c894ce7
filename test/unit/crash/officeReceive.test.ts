/**
 * Power cut during `starsite office receive` of a re-sent bundle (issue #13, done-when 2): the real CLI is
 * SIGKILLed at each named point of the receive (services/office/store.ts, receive.ts, files/atomicWrite.ts),
 * from the copy into tmp/ to inside the register transaction. Each time the office folder reopens with the
 * register exactly as before (every row of every table), nothing left in tmp/ or in the store, `office list`
 * as before, and the same bundle received again gives the same result as an uninterrupted receive.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAttachments } from '../../../src-main/services/attachments/attachments'
import { recheckSites } from '../../../src-main/services/checks/engine'
import { addKey } from '../../../src-main/services/office/keys'
import { receive } from '../../../src-main/services/office/receive'
import { storedBundlePath } from '../../../src-main/services/office/store'
import { runCli } from '../cli/run'
import { changeStarLevel, newOffice, province } from '../office/helpers'
import { copyDir, expectSelfKilled, listFiles, startCli, tempRoot } from './harness'

let root: string
let base: string
let resent: string
let resentSha: string
let listBefore: unknown
let tablesBefore: Record<string, unknown[]>
let storeBefore: string[]
let expected: { outcome: Record<string, unknown>; list: unknown; tables: Record<string, unknown[]> }

const office = (dataDir: string, args: string[]) => {
  const r = runCli(['--data', dataDir, 'office', ...args, '--json'])
  return { status: r.status, doc: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr }
}

/** Every row of every table, in rowid order: "the register exactly as before" (bundles, sites, files, audit, keys). */
function tables(dataDir: string): Record<string, unknown[]> {
  // Not read-only: a WAL left by the killed process is replayed (its uncommitted frames ignored), as SQLite does.
  const db = new Database(path.join(dataDir, 'office.db'))
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    return Object.fromEntries(names.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]))
  } finally {
    db.close()
  }
}

/** What an audit row or a bundle row says, without the clock: an uninterrupted receive ran at another time. */
function timeless(t: Record<string, unknown[]>): Record<string, unknown[]> {
  const drop = (r: unknown) => Object.fromEntries(Object.entries(r as object).filter(([k]) => !['received_at', 'at', 'created_at', 'added_at'].includes(k)))
  return Object.fromEntries(Object.entries(t).map(([k, rows]) => [k, rows.map(drop)]))
}

const store = (dataDir: string) => listFiles(path.join(dataDir, 'bundles'))

beforeAll(async () => {
  root = tempRoot('starsite-crash-office-')
  base = path.join(root, 'base')
  const gd = await province('广东')
  const o = newOffice(base)
  addKey(o, { province: '广东', file: gd.publicKeyFile })
  const [first] = await receive(o, [await gd.bundle(path.join(root, 'v1.zip'))])
  expect(first.status).toBe('ingested')
  o.close()

  // The re-sent bundle: one star level changed, and a 3 MiB scan added, so the copy into tmp/ takes many chunks.
  changeStarLevel(gd, 0, 5)
  const scan = path.join(root, 'scan.pdf')
  fs.writeFileSync(scan, Buffer.concat([Buffer.from('%PDF-1.4\n%'), randomBytes(3 * 1024 * 1024), Buffer.from('\n%%EOF\n')]))
  await addAttachments(gd.app, gd.siteIds[1], 'self-assessment', [{ path: scan }])
  recheckSites(gd.app, gd.siteIds)
  resent = await gd.bundle(path.join(root, 'v2.zip'))
  resentSha = createHash('sha256').update(fs.readFileSync(resent)).digest('hex')
  gd.app.close()

  listBefore = office(base, ['list']).doc
  tablesBefore = tables(base)
  storeBefore = store(base)
  expect(tablesBefore.received_bundles).toHaveLength(1)

  // The uninterrupted receive, on a copy: what every killed one must come to once repeated.
  const ref = path.join(root, 'reference')
  copyDir(base, ref)
  const r = office(ref, ['receive', resent])
  expect(r.status, r.stderr).toBe(0)
  const outcome = r.doc.outcomes[0]
  expect(outcome.status).toBe('ingested')
  expect(outcome.diff.changed).toContainEqual(expect.objectContaining({ field: 'starLevel', before: 4, after: 5 }))
  expected = { outcome, list: office(ref, ['list']).doc, tables: tables(ref) }
  expect(fs.existsSync(storedBundlePath(ref, resentSha))).toBe(true)
}, 180_000)

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

/** Where each point is, and what the folder must hold right after the kill (before anything reopens it). */
const POINTS: { point: () => string; where: string; left: 'partial' | 'orphan' }[] = [
  { point: () => 'office-receive-copy', where: 'mid-copy into tmp/ (after the first chunk)', left: 'partial' },
  { point: () => 'office-receive-staged', where: 'staged and fsynced, before verify', left: 'partial' },
  { point: () => 'office-receive-verified', where: 'verified and checked against the keys, before the store rename', left: 'partial' },
  { point: () => `before-rename:${resentSha}.zip`, where: 'inside the write lock, the staged file fsynced, before its rename', left: 'partial' },
  { point: () => 'office-receive-stored', where: 'renamed into the store, before the register rows', left: 'orphan' },
  { point: () => 'office-receive-commit', where: 'every row written, before COMMIT', left: 'orphan' },
]

describe('office receive killed at each point of a re-sent bundle', () => {
  for (const [i, { point, where, left }] of POINTS.entries()) {
    it(`${where}: register as before, nothing left after reopening, the same bundle then received`, async () => {
      const name = point()
      const dataDir = path.join(root, `kill-${i}`)
      copyDir(base, dataDir)
      const run = startCli(['--data', dataDir, 'office', 'receive', resent, '--json'], { killAt: name })
      await expectSelfKilled(run, name)

      // What the kill left, before any reopen: the point really was mid-way.
      const tmp = listFiles(path.join(dataDir, 'tmp'))
      const stored = storedBundlePath(dataDir, resentSha)
      if (left === 'partial') {
        expect(tmp.some((f) => /^partial-\d+-[0-9a-f]{8}\.json$/.test(f)), `${name}: ${tmp}`).toBe(true)
        const partial = tmp.find((f) => f.startsWith('.incoming.zip.partial-'))
        expect(partial, `${name}: ${tmp}`).toBeDefined()
        const size = fs.statSync(path.join(dataDir, 'tmp', partial!)).size
        if (name === 'office-receive-copy') expect(size).toBeLessThan(fs.statSync(resent).size)
        else expect(size).toBe(fs.statSync(resent).size)
        expect(fs.existsSync(stored)).toBe(false)
      } else {
        // A stored bundle with no row yet: the orphan the next open must sweep.
        expect(fs.existsSync(stored), name).toBe(true)
        expect(tmp, name).toEqual([])
      }
      expect(timeless(tables(dataDir)), name).toEqual(timeless(tablesBefore))

      // Reopened by the next command: the register as it was, and nothing of the killed receive left.
      const list = office(dataDir, ['list'])
      expect(list.status, list.stderr).toBe(0)
      expect(list.doc, name).toEqual(listBefore)
      expect(tables(dataDir), name).toEqual(tablesBefore)
      expect(listFiles(path.join(dataDir, 'tmp')), name).toEqual([])
      expect(store(dataDir), name).toEqual(storeBefore)

      // The same bundle again: received as if the killed run had never been.
      const again = office(dataDir, ['receive', resent])
      expect(again.status, again.stderr).toBe(0)
      const outcome = again.doc.outcomes[0]
      expect(outcome.status, name).toBe('ingested')
      expect(outcome.diff, name).toEqual(expected.outcome.diff)
      expect(outcome.bundleId, name).toBe(expected.outcome.bundleId)
      expect(outcome.supersededBundleId, name).toBe(expected.outcome.supersededBundleId)
      expect(office(dataDir, ['list']).doc, name).toEqual(expected.list)
      expect(timeless(tables(dataDir)), name).toEqual(timeless(expected.tables))
      expect(fs.existsSync(stored), name).toBe(true)
      expect(listFiles(path.join(dataDir, 'tmp')), name).toEqual([])
      fs.rmSync(dataDir, { recursive: true, force: true })
    }, 120_000)
  }
})
