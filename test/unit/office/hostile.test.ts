/**
 * Hostile bundles against office receive: each refused with its reason and the office folder unchanged (every
 * file's hash and every table's row count), or — a bundle re-signed by a stranger's key, which verifies —
 * held as pending and kept out of the register.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { serializeManifest, type Manifest } from '../../../src-main/core/bundle/manifest'
import type { OfficeContext } from '../../../src-main/services/office/context'
import { addKey } from '../../../src-main/services/office/keys'
import { receive } from '../../../src-main/services/office/receive'
import { listRegister } from '../../../src-main/services/office/register'
import { fingerprintOf, loadSigningKey, rawPublicKey, signBytes } from '../../../src-main/services/keys/keys'
import { readZip, writeZip, type ZipItem } from '../bundle/helpers'
import { snapshotFolder } from '../../fixtures/corpus/snapshot'
import { newOffice, province, tempDir } from './helpers'

/** yazl refuses unsafe names: write a same-length placeholder and patch the name into both headers. */
async function withRawName(file: string, items: ZipItem[], name: string): Promise<void> {
  const placeholder = 'QZ'.repeat(Buffer.byteLength(name)).slice(0, Buffer.byteLength(name))
  await writeZip(file, [...items, { name: placeholder, data: Buffer.from('pwned') }])
  const raw = fs.readFileSync(file)
  let at = -1
  while ((at = raw.indexOf(placeholder, at + 1, 'latin1')) !== -1) Buffer.from(name, 'utf8').copy(raw, at)
  fs.writeFileSync(file, raw)
}

function resigned(items: ZipItem[], edit: (m: Manifest) => void, key: { privateKey: crypto.KeyObject; publicRaw: Buffer }): ZipItem[] {
  const manifest = JSON.parse(items.find((i) => i.name === 'manifest.json')!.data.toString('utf8')) as Manifest
  edit(manifest)
  manifest.publicKey = key.publicRaw.toString('base64')
  manifest.fingerprint = fingerprintOf(key.publicRaw)
  const bytes = serializeManifest(manifest)
  const sig = signBytes({ privateKey: key.privateKey } as never, bytes)
  return items.map((i) => (i.name === 'manifest.json' ? { ...i, data: bytes } : i.name === 'manifest.sig' ? { ...i, data: Buffer.from(sig + '\n') } : i))
}

const snapshot = (office: OfficeContext) => {
  const s = snapshotFolder(office.dataDir, office.db)
  delete s.files['office.db-shm'] // SQLite's shared-memory index: readers touch it, no data in it
  return s
}

describe('office: hostile bundles', () => {
  it('refuses ../ names, duplicate entries and a manifest listing a file twice, changing nothing; a stranger-signed bundle is only held', async () => {
    const gd = await province('广东')
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    const dir = tempDir('starsite-hostile-')
    const good = await gd.bundle(path.join(dir, 'good.zip'))
    const items = await readZip(good)
    const own = loadSigningKey(gd.app.dataDir)!
    const letter = items.find((i) => i.name.endsWith('上级推荐函.pdf'))!

    const cases: [string, (f: string) => Promise<void>, string][] = [
      ['slip.zip', (f) => withRawName(f, items, '../evil.txt'), 'unsafe-path'],
      ['dup.zip', (f) => writeZip(f, [...items, { name: letter.name, data: Buffer.from('%PDF-1.4 forged') }]), 'duplicate-entry'],
      ['twice.zip', (f) => writeZip(f, resigned(items, (m) => m.files.push(m.files[0]), own)), 'duplicate-listing'],
    ]
    for (const [name, make, reason] of cases) {
      const file = path.join(dir, name)
      await make(file)
      const before = snapshot(office)
      const [r] = await receive(office, [file])
      expect(r.status, name).toBe('refused')
      expect(r.problems.map((p) => p.reason), name).toContain(reason)
      for (const p of r.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/)
      expect(snapshot(office), name).toEqual(before)
    }
    expect(fs.existsSync(path.join(dir, '..', 'evil.txt'))).toBe(false)

    // Re-signed whole by someone else's key: cryptographically fine, so only the key register stops it.
    const { privateKey } = crypto.generateKeyPairSync('ed25519')
    const stranger = { privateKey, publicRaw: rawPublicKey(crypto.createPublicKey(privateKey)) }
    const forged = path.join(dir, 'forged.zip')
    await writeZip(forged, resigned(items, (m) => (m.sites[0].starLevel = 5), stranger))
    const [held] = await receive(office, [forged])
    expect(held.status).toBe('pending-confirmation')
    expect(held.fingerprint).toBe(fingerprintOf(stranger.publicRaw))
    expect(listRegister(office)).toEqual([])
  })
})
