/**
 * Hostile bundles against office receive (issue #13, done-when 4), built from real province bundles by
 * test/fixtures/corpus/bundles.ts: each refused with its reason, every message in Chinese and naming the file,
 * and the office folder unchanged (every file's hash and every table's row count) — or, a bundle re-signed
 * by a stranger's key, which verifies, held as pending and kept out of the register.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OfficeContext } from '../../../src-main/services/office/context'
import { addKey } from '../../../src-main/services/office/keys'
import { receive } from '../../../src-main/services/office/receive'
import { listRegister } from '../../../src-main/services/office/register'
import { fingerprintOf, loadSigningKey, rawPublicKey } from '../../../src-main/services/keys/keys'
import { ROSTER_PATH } from '../../../src-main/core/bundle/layout'
import { readZip, writeZip, type ZipItem } from '../bundle/helpers'
import { runCli } from '../cli/run'
import { deflatedZeros, resigned, withRawName, writeRawZip, type SigningKey } from '../../fixtures/corpus/bundles'
import { snapshotFolder } from '../../fixtures/corpus/snapshot'
import { newOffice, province, tempDir } from './helpers'

const snapshot = (office: OfficeContext) => {
  const s = snapshotFolder(office.dataDir, office.db)
  delete s.files['office.db-shm'] // SQLite's shared-memory index: readers touch it, no data in it
  return s
}

/** Three English words in a row: a library's text leaking into a message meant for the office's staff. */
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/

const GIB = 1024

/** An .xlsx whose one sheet declares (and inflates to) 300 MiB of zeros. */
function rosterBomb(dir: string): Buffer {
  const file = path.join(dir, 'roster-bomb.xlsx')
  const parts = [
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook/>') },
  ]
  writeRawZip(file, parts, [{ name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(300), declaredSize: 300 * 1024 * 1024 }])
  return fs.readFileSync(file)
}

/** The bundle with another roster workbook, listed in the manifest with its size and hash, signed again. */
function withRoster(items: ZipItem[], roster: Buffer, key: SigningKey): ZipItem[] {
  const replaced = items.map((i) => (i.name === ROSTER_PATH ? { ...i, data: roster } : i))
  return resigned(
    replaced,
    (m) => {
      const entry = m.files.find((f) => f.path === ROSTER_PATH)!
      entry.size = roster.length
      entry.sha256 = crypto.createHash('sha256').update(roster).digest('hex')
    },
    key,
  )
}

describe('office: hostile bundles', () => {
  it('refuses each with its reason, in Chinese naming the file, changing nothing; a stranger-signed bundle is only held', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    addKey(office, { province: '浙江', file: zj.publicKeyFile })
    const dir = tempDir('starsite-hostile-')
    const good = await gd.bundle(path.join(dir, 'good.zip'))
    const items = await readZip(good)
    const own = loadSigningKey(gd.app.dataDir)!
    const zjKey = loadSigningKey(zj.app.dataDir)!
    const letter = items.find((i) => i.name.endsWith('上级推荐函.pdf'))!
    const listedSize = letter.data.length

    type Case = [file: string, make: (f: string) => Promise<void> | void, expected: { path?: string; problem?: string; reason?: string }]
    const cases: Case[] = [
      ['slip.zip', (f) => withRawName(f, items, '../evil.txt'), { path: '../evil.txt', reason: 'unsafe-path' }],
      ['dup.zip', (f) => writeZip(f, [...items, { name: letter.name, data: Buffer.from('%PDF-1.4 forged') }]), { path: letter.name, reason: 'duplicate-entry' }],
      ['twice.zip', (f) => writeZip(f, resigned(items, (m) => m.files.push(m.files[0]), own)), { reason: 'duplicate-listing' }],
      // A zip bomb: a few MB that declare (and would inflate to) 3 GiB, judged from the directory alone.
      ['bomb.zip', (f) => writeRawZip(f, items, [{ name: letter.name, deflated: deflatedZeros(3 * GIB), declaredSize: 3 * GIB * 1024 * 1024 }]), { path: 'bomb.zip', reason: 'zip-bomb' }],
      // Its sly twin: the directory declares the size the manifest lists, the data inflates to 1 GiB.
      ['bomb-lying.zip', (f) => writeRawZip(f, items, [{ name: letter.name, deflated: deflatedZeros(GIB), declaredSize: listedSize }]), { path: letter.name, problem: 'size-mismatch', reason: 'zip-bomb' }],
      // A listed entry whose directory declares another size than the manifest: not inflated at all.
      ['bomb-declared.zip', (f) => writeRawZip(f, items, [{ name: letter.name, deflated: deflatedZeros(64), declaredSize: 64 * 1024 * 1024 }]), { path: letter.name, reason: 'declared-size' }],
      // An unlisted bomb small enough to pass the directory check: extra, and never inflated.
      ['bomb-extra.zip', (f) => writeRawZip(f, items, [{ name: '现场材料/附件.txt', deflated: deflatedZeros(GIB), declaredSize: 10 }]), { path: '现场材料/附件.txt', problem: 'extra' }],
      // The bundle is fine, but its signed roster workbook is itself a zip bomb (300 MiB of sheet).
      ['roster-bomb.zip', (f) => writeZip(f, withRoster(items, rosterBomb(dir), own)), { path: '01_推荐汇总表.xlsx', reason: 'unsafe-roster' }],
      // Signed by 浙江's registered key, claiming to be 广东's.
      ['other-province.zip', (f) => writeZip(f, resigned(items, (m) => (m.association.province = '广东省'), zjKey)), { reason: 'key-of-another-province' }],
      ['wrong-year.zip', (f) => writeZip(f, resigned(items, (m) => (m.campaign.year = 2020), own)), { reason: 'wrong-year' }],
      ['pdf.zip', (f) => fs.writeFileSync(f, letter.data), { path: 'pdf.zip', reason: 'not-a-zip' }],
      ['empty.zip', (f) => fs.writeFileSync(f, Buffer.alloc(0)), { path: 'empty.zip', reason: 'empty' }],
      ['truncated.zip', (f) => fs.writeFileSync(f, fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size * 0.6))), { path: 'truncated.zip', reason: 'truncated' }],
    ]
    for (const [name, make, expected] of cases) {
      const file = path.join(dir, name)
      await make(file)
      const before = snapshot(office)
      const [r] = await receive(office, [file])
      expect(r.status, name).toBe('refused')
      expect(r.problems, name).toContainEqual(expect.objectContaining(expected))
      expect(r.message, name).toContain(`“${name}”`)
      for (const p of [r.message, ...r.problems.map((p) => p.message)]) {
        expect(p, name).toMatch(/[\u4e00-\u9fff]/)
        expect(p, name).not.toMatch(ENGLISH)
      }
      expect(snapshot(office), name).toEqual(before)
    }
    expect(fs.existsSync(path.join(dir, '..', 'evil.txt'))).toBe(false)
    expect(listRegister(office)).toEqual([])

    // Through the CLI: the refusal of a PDF named .zip is in Chinese, names the file, and the exit code is 1.
    const cli = runCli(['--data', office.dataDir, 'office', 'receive', path.join(dir, 'pdf.zip')])
    expect(cli.status).toBe(1)
    expect(cli.stderr).toContain('“pdf.zip”不是 zip 报送包，而是 PDF 文档')
    expect(cli.stderr).not.toMatch(ENGLISH)

    // Re-signed whole by someone else's key: cryptographically fine, so only the key register stops it.
    const { privateKey } = crypto.generateKeyPairSync('ed25519')
    const stranger = { privateKey, publicRaw: rawPublicKey(crypto.createPublicKey(privateKey)) }
    const forged = path.join(dir, 'forged.zip')
    await writeZip(forged, resigned(items, (m) => (m.sites[0].starLevel = 5), stranger))
    const [held] = await receive(office, [forged])
    expect(held.status).toBe('pending-confirmation')
    expect(held.fingerprint).toBe(fingerprintOf(stranger.publicRaw))
    expect(listRegister(office)).toEqual([])

    // And the untouched bundle goes in, so each refusal above was about its one change.
    const [ok] = await receive(office, [good])
    expect(ok.status).toBe('ingested')
  }, 120_000)
})
