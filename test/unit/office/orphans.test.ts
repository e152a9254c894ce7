/**
 * Stored bundles with no row (a receive killed after its rename into the store, before its commit — see
 * test/unit/crash/officeReceive.test.ts for the real kill): swept when the office opens, and by receive itself
 * when its transaction fails after the rename. Bundles with a row, and files the store does not name, stay.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeOrphanBundle } from '../../../src-main/services/office/orphans'
import { addKey } from '../../../src-main/services/office/keys'
import { receive } from '../../../src-main/services/office/receive'
import { storedBundlePath } from '../../../src-main/services/office/store'
import { fileList, newOffice, province, reopenOffice, rowCounts, tempDir } from './helpers'

/** A shard folder name (two hex digits) none of `taken` starts with. */
const freeShard = (...taken: string[]) => ['ff', 'fe', 'fd', 'fc'].find((s) => !taken.some((t) => t.startsWith(s)))!

describe('office: orphan bundles in the store', () => {
  it('the next open sweeps a stored bundle with no row, its empty shard folder too, and keeps everything else', async () => {
    const gd = await province('广东')
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    const [kept] = await receive(office, [await gd.bundle(path.join(tempDir('starsite-orphan-'), 'gd.zip'))])
    expect(kept.status).toBe('ingested')
    const dataDir = office.dataDir
    office.close()

    // An orphan alone in its shard, one beside the received bundle, and a file whose name is not a store name.
    const lone = freeShard(kept.sha256!).padEnd(64, '0')
    const beside = kept.sha256!.slice(0, 2).padEnd(64, '1')
    for (const sha of [lone, beside]) {
      fs.mkdirSync(path.dirname(storedBundlePath(dataDir, sha)), { recursive: true })
      fs.writeFileSync(storedBundlePath(dataDir, sha), 'PK half of a bundle')
    }
    const stranger = path.join(dataDir, 'bundles', lone.slice(0, 2), 'notes.txt')
    fs.writeFileSync(stranger, '说明')
    const other = path.join(dataDir, 'bundles', freeShard(kept.sha256!, lone))
    fs.mkdirSync(other)
    const counts = rowCounts(reopenOffice(dataDir))

    expect(fs.existsSync(storedBundlePath(dataDir, lone))).toBe(false)
    expect(fs.existsSync(storedBundlePath(dataDir, beside))).toBe(false)
    expect(fs.existsSync(storedBundlePath(dataDir, kept.sha256!))).toBe(true)
    expect(fs.existsSync(stranger)).toBe(true)
    expect(fs.existsSync(other)).toBe(true) // not ours to tidy: no orphan was in it
    expect(counts.received_bundles).toBe(1)

    // With the stranger gone, the lone orphan's shard folder goes with the next orphan swept from it.
    fs.rmSync(stranger)
    fs.writeFileSync(storedBundlePath(dataDir, lone), 'PK')
    reopenOffice(dataDir)
    expect(fileList(path.join(dataDir, 'bundles'))).toEqual([path.join(kept.sha256!.slice(0, 2), `${kept.sha256}.zip`)])
    expect(fs.existsSync(path.join(dataDir, 'bundles', lone.slice(0, 2)))).toBe(false)
  })

  it('after a failed transaction, receive removes its stored copy unless a row holds it', async () => {
    const gd = await province('广东')
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    const [kept] = await receive(office, [await gd.bundle(path.join(tempDir('starsite-orphan-'), 'gd.zip'))])
    removeOrphanBundle(office, kept.sha256!)
    expect(fs.existsSync(storedBundlePath(office.dataDir, kept.sha256!))).toBe(true)

    const orphan = freeShard(kept.sha256!).padEnd(64, '2')
    fs.mkdirSync(path.dirname(storedBundlePath(office.dataDir, orphan)), { recursive: true })
    fs.writeFileSync(storedBundlePath(office.dataDir, orphan), 'PK')
    removeOrphanBundle(office, orphan)
    expect(fs.existsSync(path.join(office.dataDir, 'bundles', orphan.slice(0, 2)))).toBe(false)
  })
})
