/**
 * Hostile bundles against bundle.verify (the receiver's side), table-driven: each reported with its problem
 * kind and a Chinese message, nothing extracted anywhere, and the verifying data folder unchanged
 * (snapshot.ts). test/unit/bundle/bundle.test.ts covers ../, a flipped byte, missing/extra files, an edited
 * manifest and truncation through the CLI; this adds absolute and drive paths, backslashes, duplicate entries
 * and a forged signature.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { pendingDailyBackup } from '../../../src-main/services/backup/create'
import { buildBundle } from '../../../src-main/services/bundle/build'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { readZip, seedSites, writeZip, type ZipItem } from '../bundle/helpers'
import { setUpGuangdong } from '../services/helpers'
import { snapshotFolder } from '../../fixtures/corpus/snapshot'
import { tempDir } from '../../helpers/tmp'

const work = tempDir('starsite-corpus-bundle-')
let app: AppContext
let items: ZipItem[]
let good: string

beforeAll(async () => {
  // Not bundleApp(): its folder is removed after each test, and this one must live through all of them.
  let tick = 0
  app = openApp({ dataDir: path.join(work.dir, 'data'), actor: '测试员', now: () => new Date(Date.UTC(2021, 4, 6, 8, 0, tick++)).toISOString() })
  setUpGuangdong(app)
  await seedSites(app)
  good = path.join(work.dir, 'good.zip')
  await buildBundle(app, undefined, { outPath: good })
  items = await readZip(good)
  await pendingDailyBackup(app.db)
}, 120_000)

afterAll(() => {
  app.close()
  work.cleanup()
})

/**
 * yazl refuses unsafe names, so an entry is written under a placeholder of the same byte length and the name
 * is patched in both the local header and the central directory.
 */
async function withRawName(file: string, name: string): Promise<void> {
  const placeholder = 'QZ'.repeat(Buffer.byteLength(name)).slice(0, Buffer.byteLength(name))
  await writeZip(file, [...items, { name: placeholder, data: Buffer.from('pwned') }])
  const raw = fs.readFileSync(file)
  const target = Buffer.from(name, 'utf8')
  let at = -1
  let patched = 0
  while ((at = raw.indexOf(placeholder, at + 1, 'latin1')) !== -1) {
    target.copy(raw, at)
    patched++
  }
  expect(patched).toBe(2)
  fs.writeFileSync(file, raw)
}

type Case = [what: string, make: (file: string) => Promise<void>, expected: { path: string; problem: string; reason?: string }[]]

const cases: Case[] = [
  ['absolute path /etc/cron.d/x', (f) => withRawName(f, '/etc/cron.d/x'), [{ path: '/etc/cron.d/x', problem: 'extra', reason: 'unsafe-path' }]],
  ['drive path C:\\x', (f) => withRawName(f, 'C:\\Windows\\x.dll'), [{ path: 'C:\\Windows\\x.dll', problem: 'extra', reason: 'unsafe-path' }]],
  ['drive path with a slash C:/x', (f) => withRawName(f, 'C:/Users/x.bat'), [{ path: 'C:/Users/x.bat', problem: 'extra', reason: 'unsafe-path' }]],
  ['backslash traversal ..\\..\\x', (f) => withRawName(f, '..\\..\\evil.txt'), [{ path: '..\\..\\evil.txt', problem: 'extra', reason: 'unsafe-path' }]],
  ['traversal in the middle a/../../x', (f) => withRawName(f, 'a/../../evil.txt'), [{ path: 'a/../../evil.txt', problem: 'extra', reason: 'unsafe-path' }]],
  [
    'a duplicate entry (same name twice, second one altered)',
    (f) => {
      const letter = items.find((i) => i.name.endsWith('上级推荐函.pdf'))!
      return writeZip(f, [...items, { name: letter.name, data: Buffer.from('%PDF-1.4 forged') }])
    },
    [{ path: '现场材料/GD-2021-Y001_广州天河营业厅/上级推荐函.pdf', problem: 'extra', reason: 'duplicate-entry' }],
  ],
  [
    'a forged signature (valid base64, wrong bytes)',
    (f) => writeZip(f, items.map((i) => (i.name === 'manifest.sig' ? { ...i, data: Buffer.from(Buffer.alloc(64, 7).toString('base64') + '\n') } : i))),
    [{ path: 'manifest.sig', problem: 'bad-signature' }],
  ],
  [
    'no signature at all',
    (f) => writeZip(f, items.filter((i) => i.name !== 'manifest.sig')),
    [{ path: 'manifest.sig', problem: 'bad-signature' }],
  ],
  [
    'truncated to its first 40 %',
    async (f) => fs.writeFileSync(f, fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size * 0.4))),
    // No zip directory to read: the problem names the file itself, saying it is cut short.
    [{ path: 'bundle.zip', problem: 'bad-manifest', reason: 'truncated' }],
  ],
]

describe('bundle corpus', () => {
  for (const [what, make, expected] of cases) {
    it(what, async () => {
      const dir = path.join(work.dir, what.replace(/\W+/g, '_'))
      fs.mkdirSync(dir)
      const file = path.join(dir, 'bundle.zip')
      await make(file)
      const before = snapshotFolder(app.dataDir, app.db)
      const r = await dispatch(app, 'bundle.verify', { path: file })
      expect(r.ok, JSON.stringify(r)).toBe(true)
      if (!r.ok) return
      const v = r.value as { ok: boolean; problems: { path: string; problem: string; reason?: string; message: string }[] }
      expect(v.ok).toBe(false)
      expect(
        v.problems.map((p) => ({ path: p.path, problem: p.problem, ...(p.reason && expected.some((e) => e.reason) ? { reason: p.reason } : {}) })),
      ).toEqual(expected)
      for (const p of v.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/)
      // Nothing was extracted: the folder holds the bundle only, and nothing appeared above it.
      expect(fs.readdirSync(dir)).toEqual(['bundle.zip'])
      expect(fs.existsSync(path.join(work.dir, 'evil.txt'))).toBe(false)
      expect(snapshotFolder(app.dataDir, app.db)).toEqual(before)
    })
  }

  it('the untouched bundle verifies (so every refusal above is about the change)', async () => {
    const r = await dispatch(app, 'bundle.verify', { path: good })
    expect(r.ok && (r.value as { ok: boolean }).ok).toBe(true)
  })
})
