/**
 * Issue #14 part 6: the bundle's entry names as the readers a clerk or the office may use list them — 7-Zip,
 * libarchive's bsdtar, Info-ZIP unzip and Python's zipfile, the real programs (Debian packages 7zip,
 * libarchive-tools, unzip, python3). A missing reader fails the test, never skips it.
 *
 * Each child runs with LANG/LC_ALL=C.UTF-8: bsdtar and unzip print names in the locale's charset (in the C
 * locale bsdtar turns every non-ASCII byte into "?"), 7-Zip is also told -sccUTF-8 for its console, and
 * Python's print uses UTF-8 under that locale.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { buildBundle } from '../../../src-main/services/bundle/build'
import { verifyBundle } from '../../../src-main/services/bundle/verify'
import { addAttachments } from '../../../src-main/services/attachments/attachments'
import { recheckSites } from '../../../src-main/services/checks/engine'
import type { AppContext } from '../../../src-main/services/context'
import { updateSite } from '../../../src-main/services/sites/sites'
import { draft } from '../services/helpers'
import { bundleApp, readZip, seedSites, tempDir } from './helpers'

const apps: AppContext[] = []
afterEach(() => {
  for (const a of apps.splice(0)) a.close()
})

const ENV = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' }

/** The first of `names` on PATH, or a failure saying which package provides it. */
function program(names: string[], pkg: string): string {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const p = path.join(dir, name)
      if (fs.existsSync(p)) return p
    }
  }
  throw new Error(`zip reader not installed: none of ${names.join(', ')} on PATH (Debian package ${pkg}; .ci/run installs it)`)
}

const run = (bin: string, args: string[]) => execFileSync(bin, args, { encoding: 'utf8', env: ENV, maxBuffer: 64 * 1024 * 1024 })
const lines = (out: string) => out.split('\n').filter((l) => l !== '')

/** Each reader's list of entry names, in archive order. */
const READERS: Record<string, (zip: string) => string[]> = {
  '7-Zip': (zip) => {
    // -slt prints "Path = …" per entry after the "----------" line (the first Path is the archive's own).
    const out = run(program(['7zz', '7z'], '7zip'), ['l', '-slt', '-sccUTF-8', zip])
    return lines(out.slice(out.indexOf('\n----------\n')))
      .filter((l) => l.startsWith('Path = '))
      .map((l) => l.slice('Path = '.length))
  },
  bsdtar: (zip) => lines(run(program(['bsdtar'], 'libarchive-tools'), ['-tf', zip])),
  unzip: (zip) => lines(run(program(['unzip'], 'unzip'), ['-Z1', zip])),
  'python zipfile': (zip) =>
    lines(run(program(['python3'], 'python3'), ['-c', 'import zipfile,sys; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zip])),
}

/** Sites with Chinese names (one with a character beyond the BMP, 4 bytes in UTF-8), a deflated entry too. */
async function chineseBundle(): Promise<{ out: string; paths: string[] }> {
  const app = bundleApp()
  apps.push(app)
  const { siteIds } = await seedSites(app)
  updateSite(app, siteIds[0], draft({ name: '广州天河“𠮷”营业厅（旗舰店）', uscc: '91440000719283738L', areaSqm: 300 }))
  const src = tempDir('starsite-src-')
  // A .doc (OLE signature, then text) is deflated in the bundle, unlike pdf/jpg/docx.
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  fs.writeFileSync(path.join(src, '服务说明.doc'), Buffer.concat([ole, Buffer.from('营业厅服务说明：办理业务请取号。\n'.repeat(200))]))
  await addAttachments(app, siteIds[1], 'other', [{ path: path.join(src, '服务说明.doc') }])
  recheckSites(app, siteIds)
  const out = path.join(tempDir('starsite-out-'), '粤通协_2021_星级服务现场推荐材料_20210506.zip')
  await buildBundle(app, undefined, { outPath: out })
  const manifest = JSON.parse((await readZip(out)).find((e) => e.name === 'manifest.json')!.data.toString('utf8'))
  return { out, paths: [...manifest.files.map((f: { path: string }) => f.path), 'manifest.json', 'manifest.sig'] }
}

interface Header {
  /** Offset of the header's signature. */
  at: number
  flagsAt: number
  nameAt: number
  name: Buffer
  extra: { id: number; at: number; data: Buffer }[]
}

function extraFields(raw: Buffer, base: number): Header['extra'] {
  const out: Header['extra'] = []
  for (let i = 0; i + 4 <= raw.length; ) {
    const size = raw.readUInt16LE(i + 2)
    out.push({ id: raw.readUInt16LE(i), at: base + i, data: raw.subarray(i + 4, i + 4 + size) })
    i += 4 + size
  }
  return out
}

/** Every entry's central and local header, read straight from the bytes (no zip library in between). */
function headers(zip: Buffer): { central: Header; local: Header }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = zip.readUInt16LE(eocd + 10)
  let p = zip.readUInt32LE(eocd + 16)
  const out: { central: Header; local: Header }[] = []
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50)
    const [nameLen, extraLen, commentLen] = [zip.readUInt16LE(p + 28), zip.readUInt16LE(p + 30), zip.readUInt16LE(p + 32)]
    const central: Header = {
      at: p,
      flagsAt: p + 8,
      nameAt: p + 46,
      name: zip.subarray(p + 46, p + 46 + nameLen),
      extra: extraFields(zip.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), p + 46 + nameLen),
    }
    const l = zip.readUInt32LE(p + 42)
    expect(zip.readUInt32LE(l)).toBe(0x04034b50)
    const [lName, lExtra] = [zip.readUInt16LE(l + 26), zip.readUInt16LE(l + 28)]
    const local: Header = {
      at: l,
      flagsAt: l + 6,
      nameAt: l + 30,
      name: zip.subarray(l + 30, l + 30 + lName),
      extra: extraFields(zip.subarray(l + 30 + lName, l + 30 + lName + lExtra), l + 30 + lName),
    }
    out.push({ central, local })
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}

describe('bundle entry names in independent zip readers', () => {
  it('7-Zip, bsdtar, Info-ZIP unzip and Python zipfile list exactly the manifest paths; every header has bit 11 and a matching 0x7075', async () => {
    const { out, paths } = await chineseBundle()
    expect(paths).toContain('现场材料/GD-2021-Y001_广州天河“𠮷”营业厅（旗舰店）/照片1.jpg') // the name as typed, full-width brackets kept
    expect(paths).toContain('现场材料/GD-2021-Z001_深圳福田“装维”中心/其他.doc')
    for (const [reader, list] of Object.entries(READERS)) expect(list(out), reader).toEqual(paths)

    // The name field is UTF-8 under bit 11; the Unicode Path field (version 1, CRC-32 of exactly those bytes,
    // then the same UTF-8 name) is in the local and in the central header.
    const zip = fs.readFileSync(out)
    const all = headers(zip)
    expect(all.map((h) => h.central.name.toString('utf8'))).toEqual(paths)
    for (const { central, local } of all) {
      for (const h of [central, local]) {
        const name = h.name.toString('utf8')
        expect(zip.readUInt16LE(h.flagsAt) & 0x800, name).toBe(0x800)
        expect(h.name.equals(central.name), name).toBe(true)
        const up = h.extra.filter((e) => e.id === 0x7075)
        expect(up, name).toHaveLength(1)
        expect(up[0].data[0], name).toBe(1)
        expect(up[0].data.readUInt32LE(1), name).toBe(zlib.crc32(h.name))
        expect(up[0].data.subarray(5).toString('utf8'), name).toBe(name)
      }
    }
    // Python's zipfile and Info-ZIP check every entry's data CRC as well; the bundle still verifies.
    run(program(['python3'], 'python3'), ['-c', 'import zipfile,sys; assert zipfile.ZipFile(sys.argv[1]).testzip() is None', out])
    run(program(['unzip'], 'unzip'), ['-tq', out])
    const v = await verifyBundle(out)
    expect(v.problems).toEqual([])
  }, 120_000)

  it('a reader that ignores bit 11 and the name field still gets the names from 0x7075 (7-Zip, unzip; not bsdtar, Python)', async () => {
    const { out, paths } = await chineseBundle()
    // A copy as an archiver ignoring bit 11 sees it: flag cleared, and the name field holding other bytes of
    // the same length (a placeholder, so that a reader using the name field is told apart from one using
    // 0x7075), with the field's CRC-32 updated to those bytes as a writer of such a name field would have it.
    const zip = fs.readFileSync(out)
    const placeholders: string[] = []
    for (const [i, { central, local }] of headers(zip).entries()) {
      const placeholder = Buffer.from(`n${i}`.padEnd(central.name.length, '_'))
      placeholders.push(placeholder.toString())
      for (const h of [central, local]) {
        zip.writeUInt16LE(zip.readUInt16LE(h.flagsAt) & ~0x800, h.flagsAt)
        placeholder.copy(zip, h.nameAt)
        const up = h.extra.find((e) => e.id === 0x7075)!
        zip.writeUInt32LE(zlib.crc32(placeholder), up.at + 4 + 1)
      }
    }
    const patched = path.join(path.dirname(out), 'no-flag.zip')
    fs.writeFileSync(patched, zip)

    expect(READERS['7-Zip'](patched)).toEqual(paths)
    expect(READERS.unzip(patched)).toEqual(paths)
    // verify reads the names as these two do, so the copy still verifies (its manifest and signature unchanged).
    expect((await verifyBundle(patched)).problems).toEqual([])
    // libarchive 3.6 (bsdtar) and Python's zipfile 3.11, as in Debian 12, do not read 0x7075 and show the name
    // field; a later version may read it. Either way they follow bit 11, which the bundle sets (first test).
    for (const reader of ['bsdtar', 'python zipfile']) expect([paths, placeholders], reader).toContainEqual(READERS[reader](patched))
  }, 120_000)

  it('verify refuses an entry whose Unicode Path names another file, or an unsafe one, though its name field is fine', async () => {
    const { out } = await chineseBundle()
    const target = '现场材料/GD-2021-Z001_深圳福田“装维”中心/培训证书.pdf'
    const variant = async (file: string, rename: (unicodeName: Buffer) => void) => {
      const zip = fs.readFileSync(out)
      const entry = headers(zip).find((h) => h.central.name.toString('utf8') === target)!
      // The same change in both headers, so that every reader sees one story; the name field stays as it was.
      for (const h of [entry.central, entry.local]) rename(h.extra.find((e) => e.id === 0x7075)!.data.subarray(5))
      const patched = path.join(path.dirname(out), file)
      fs.writeFileSync(patched, zip)
      return (await verifyBundle(patched)).problems.map((p) => ({ path: p.path, problem: p.problem, reason: p.reason }))
    }
    // 证书 -> 证明: what 7-Zip and unzip would extract differs from what the manifest lists.
    const other = await variant('other.zip', (name) => Buffer.from('证明').copy(name, name.indexOf(Buffer.from('证书'))))
    expect(other).toEqual([
      { path: target, problem: 'extra', reason: 'ambiguous-name' },
      { path: target, problem: 'missing', reason: undefined },
    ])
    // 现 (3 bytes) -> "../": a zip-slip only readers of 0x7075 would follow.
    const slip = await variant('slip.zip', (name) => Buffer.from('../').copy(name, 0))
    expect(slip).toEqual([
      { path: target, problem: 'extra', reason: 'unsafe-path' },
      { path: target, problem: 'missing', reason: undefined },
    ])
  }, 120_000)
})
