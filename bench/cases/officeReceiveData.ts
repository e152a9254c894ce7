/**
 * The office receive bench's input: 31 provinces' signed bundles of 300 sites each, built by the province
 * side's own code (services, key, letters, roster, build), in two sizes — a ~256 MiB set and a ≥ 1 GiB set (the
 * same 31 provinces, sites and keys; the big set has more attachments per site). Building takes minutes, so
 * the zips and the provinces' exported public keys are kept in a cache folder and reused by every later run.
 *
 * Cache: $STARSITE_BENCH_CACHE or the OS temp folder, under starsite-bench-cache/office-receive-v<N>; a set is
 * used only when its done.json is there (an interrupted build starts over). Delete the folder to rebuild.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MANIFEST_FORMAT } from '../../src-main/core/bundle/manifest'
import { PROVINCES } from '../../src-main/core/association/provinces'
import { insertAttachment, putStoredFile, type NewAttachment } from '../../src-main/db/repositories/attachments'
import { storedPath } from '../../src-main/services/attachments/store'
import { buildBundle } from '../../src-main/services/bundle/build'
import { openApp, type AppContext } from '../../src-main/services/context'
import { exportPublicKey } from '../../src-main/services/keys/keys'
import { saveAssociation } from '../../src-main/services/settings/association'
import { createSite } from '../../src-main/services/sites/sites'
import { makeSites, prng } from './data'

/** Bump when the way the input is built changes, so a stale cache is not reused. */
const CACHE_VERSION = 1
export const PROVINCE_COUNT = 31
export const SITES_PER_BUNDLE = 300
export type SetName = '256m' | '1g'
/**
 * Attachment bytes per site in each set. The province's own documents (300 推荐函, the workbooks) add ~4.7 MB
 * a bundle, so the sets come to ~257 MiB and ~1.16 GiB (31 × 300 × this + 31 × 4.7 MB).
 */
const SITE_BYTES: Record<SetName, number> = { '256m': 13 * 1024, '1g': 116 * 1024 }

export interface ReceiveSet {
  /** Folder holding the 31 bundle zips (and nothing else ending in .zip). */
  dir: string
  zips: string[]
  /** Each province's exported public key (PEM), as the office registers it. */
  keys: { province: string; file: string }[]
  bytes: number
}

export function cacheRoot(): string {
  const base = process.env.STARSITE_BENCH_CACHE || path.join(os.tmpdir(), 'starsite-bench-cache')
  return path.join(base, `office-receive-v${CACHE_VERSION}-${MANIFEST_FORMAT.replace(/[^A-Za-z0-9]+/g, '-')}`)
}

interface Done {
  zips: string[]
  keys: { province: string; file: string }[]
  bytes: number
}

/** The set, built on first use. Progress goes to stderr (a full build takes a few minutes). */
export async function receiveSet(name: SetName): Promise<ReceiveSet> {
  const dir = path.join(cacheRoot(), name)
  const doneFile = path.join(dir, 'done.json')
  if (fs.existsSync(doneFile)) return load(dir, JSON.parse(fs.readFileSync(doneFile, 'utf8')) as Done)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'keys'), { recursive: true })
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-provinces-'))
  const done: Done = { zips: [], keys: [], bytes: 0 }
  try {
    for (let p = 0; p < PROVINCE_COUNT; p++) {
      const prov = PROVINCES[p]
      process.stderr.write(`  构建 ${name} 报送包 ${p + 1}/${PROVINCE_COUNT}（${prov.name}）…\n`)
      const zip = await buildProvince(path.join(work, prov.code), p, SITE_BYTES[name], dir)
      done.zips.push(path.basename(zip.zip))
      done.keys.push({ province: prov.name, file: path.relative(dir, zip.key) })
      done.bytes += fs.statSync(zip.zip).size
      fs.rmSync(path.join(work, prov.code), { recursive: true, force: true })
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
  fs.writeFileSync(doneFile, JSON.stringify(done, null, 2))
  return load(dir, done)
}

function load(dir: string, done: Done): ReceiveSet {
  return {
    dir,
    zips: done.zips.map((z) => path.join(dir, z)),
    keys: done.keys.map((k) => ({ province: k.province, file: path.join(dir, k.file) })),
    bytes: done.bytes,
  }
}

/**
 * One province: its association, 300 realistic sites, and per site a 上级推荐函 (pdf) and a photo (jpg) of
 * random bytes written straight into its content store (like bundleData.ts), then the bundle built and signed.
 */
async function buildProvince(dataDir: string, p: number, siteBytes: number, outDir: string): Promise<{ zip: string; key: string }> {
  const prov = PROVINCES[p]
  fs.mkdirSync(dataDir, { recursive: true })
  let tick = 0
  const app = openApp({ dataDir, actor: 'bench', now: () => new Date(Date.UTC(2021, 4, 6, 8, 0, 0, tick++)).toISOString() })
  try {
    saveAssociation(app, { name: `${prov.short}通信行业协会`, shortName: `${prov.short}通协`, province: prov.name }, 2021)
    const rnd = prng(7000 + p)
    const block = randomBytes(siteBytes)
    const sites = makeSites(SITES_PER_BUNDLE, 2021 + p)
    app.db.transaction(() => {
      sites.forEach((values, i) => {
        const site = createSite(app, { ...values, name: `${prov.short}${values.name}` })
        // Roughly 60/40 between the letter and the photo, varying per site so entry sizes are not all alike.
        const pdfBytes = Math.floor(siteBytes * (0.5 + rnd() * 0.2)) & ~15
        addStored(app, site.id, 'superior-letter', 'pdf', block.subarray(0, pdfBytes), p, i, 0)
        addStored(app, site.id, 'photo', 'jpg', block.subarray(pdfBytes), p, i, 1)
      })
      app.db.prepare('DELETE FROM findings').run() // the bench measures receiving, not the province's checks
    })()
    const out = path.join(outDir, `${prov.code}_${prov.short}_2021.zip`)
    await buildBundle(app, undefined, { outPath: out })
    const key = exportPublicKey(app, path.join(outDir, 'keys', `${prov.code}.pem`)).path
    return { zip: out, key }
  } finally {
    app.close()
  }
}

/** Write `bytes` (made unique by a stamp of province, site and slot) into the store and attach it to the site. */
function addStored(app: AppContext, siteId: number, kind: NewAttachment['kind'], ext: string, bytes: Buffer, p: number, i: number, slot: number): void {
  const data = Buffer.from(bytes)
  data.writeUInt32LE((p << 20) | (i << 2) | slot, 0)
  if (ext === 'jpg') data.set([0xff, 0xd8, 0xff, 0xe0], 4)
  else data.write('%PDF', 4, 'latin1')
  const sha = createHash('sha256').update(data).digest('hex')
  const target = storedPath(app.dataDir, sha)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.writeFileSync(target, data)
  putStoredFile(app.db, sha, data.length, app.now())
  insertAttachment(app.db, { siteId, kind, sha256: sha, originalName: `${kind}-${i}.${ext}`, ext, size: data.length, mime: 'application/octet-stream' }, app.now())
}
