/**
 * Build the submission bundle (报送包): stream every file into a zip while hashing it, then add
 * manifest.json (all hashes known by then) and manifest.sig. Memory stays flat: one file is open at a time
 * and only chunks pass through. The zip is written to a partial file and renamed into place when complete;
 * cancel or any failure removes the partial file, and a killed process's partial is removed at next start.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pkg from '../../../package.json'
import { MANIFEST_FORMAT, serializeManifest, type Manifest } from '../../core/bundle/manifest'
import { MANIFEST_PATH, SIGNATURE_PATH, isStoredExt } from '../../core/bundle/layout'
import { bundleFileName } from '../../core/bundle/names'
import { AppError } from '../../core/errors'
import { appendAudit } from '../../db/repositories/audit'
import type { BundleRecord } from '../../db/repositories/bundles'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { requireSetup } from '../settings/association'
import { setSiteStatus } from '../sites/sites'
import { ensureSigningKey, signBytes } from '../keys/keys'
import { defaultDocuments, type BundleDocuments } from './documents'
import { BufferPool } from './bufferPool'
import { deferUnready, heldBack, type DeferUnready, type HeldBack } from './defer'
import { HashingFileSink } from './fileSink'
import { recordBundle } from './history'
import { createPartial } from '../files/atomicWrite'
import { openErrors, refuseOnOpenErrors, selectSites } from './select'
import { planEntries, type PlannedEntry } from './sources'
import { ZipWriter, type ZipEntryWriter } from './zipWriter'

export interface BuildOptions {
  outPath?: string
  siteIds?: number[]
  /** 暂缓报送 the sites whose open errors would block the bundle, then build with the rest (defer.ts). */
  deferUnready?: DeferUnready
  /** Producers of the letters, roster and check report; see documents.ts. */
  documents?: BundleDocuments
  /** Called as each phase ends (for the bench's phase timings); never affects the build. */
  trace?: (phase: BuildPhase) => void
}

export type BuildPhase = 'documents' | 'stream' | 'fsync' | 'rename'

/** The bundle as history records it, less who and when, plus what the build itself knows. */
export interface BuildResult extends Omit<BundleRecord, 'createdAt' | 'createdBy'> {
  omitted: { path: string; reason: string }[]
  /** Sites held back (暂缓报送), with reasons and open errors. */
  deferred: HeldBack[]
}

/**
 * Attachments are read in chunks of READ_CHUNK into READ_BUFFERS buffers allocated once per build and reused
 * (bufferPool.ts): a buffer goes back to the pool only when its chunk is written to the file, so at most
 * READ_BUFFERS × READ_CHUNK of file data is in flight, and no chunk-sized garbage waits for the GC (with a
 * fresh 1 MiB buffer per read, ~50–60 MB of read buffers used to pile up between collections).
 */
const READ_CHUNK = 256 * 1024
const READ_BUFFERS = 4
const NO_JOB: JobHandle = { jobId: 'direct', signal: new AbortController().signal, progress() {}, throwIfCancelled() {} }
/** Statuses that become 已报送 once packed; rated sites keep their result. */
const TO_SUBMIT = new Set(['pending', 'approved', 'recommended'])

function resolveTarget(app: AppContext, outPath: string | undefined, defaultName: string): string {
  if (outPath) {
    const target = path.resolve(outPath)
    if (!/\.zip$/i.test(target)) throw new AppError('invalid-input', `报送包文件名应以 .zip 结尾：${target}`)
    if (!fs.existsSync(path.dirname(target))) throw new AppError('invalid-input', `目标文件夹不存在：${path.dirname(target)}`)
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new AppError('invalid-input', `目标是一个文件夹：${target}`)
    return target
  }
  // The default folder never overwrites an earlier bundle of the same day: it numbers the new one.
  const dir = path.join(app.dataDir, 'outputs')
  const stem = defaultName.replace(/\.zip$/, '')
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? defaultName : `${stem} (${n}).zip`)
    if (!fs.existsSync(candidate)) return candidate
  }
}

export async function buildBundle(app: AppContext, job: JobHandle = NO_JOB, options: BuildOptions = {}): Promise<BuildResult> {
  const { association, campaign } = requireSetup(app)
  let sites = selectSites(app, options.siteIds)
  let deferredIds: number[] = []
  if (options.deferUnready) ({ sites, deferredIds } = deferUnready(app, sites, options.deferUnready))
  refuseOnOpenErrors(openErrors(app, sites), sites.length)
  const key = ensureSigningKey(app)
  const createdAt = app.now()
  const target = resolveTarget(app, options.outPath, bundleFileName(association.shortName, campaign.year, new Date(createdAt)))

  // The pid in the name lets the next start remove the folder of a killed build (files/atomicWrite.ts).
  const workDir = fs.mkdtempSync(path.join(app.dataDir, 'tmp', `bundle-docs-${process.pid}-`))
  let partial: ReturnType<typeof createPartial> | undefined
  try {
    const plan = await planEntries({ app, sites, fingerprint: key.fingerprint, workDir }, options.documents ?? defaultDocuments())
    options.trace?.('documents')
    job.throwIfCancelled()
    partial = createPartial(app.dataDir, target)
    const written = await writeZip(partial.path, plan.entries, job, (files) => {
      const manifest: Manifest = {
        format: MANIFEST_FORMAT,
        association: { name: association.name, shortName: association.shortName, province: association.province },
        campaign: { year: campaign.year, name: campaign.config.name },
        generator: { name: pkg.name, version: pkg.version },
        createdAt,
        sites: sites.map((s) => ({
          code: s.code,
          name: s.name,
          type: s.type,
          recommender: s.recommender,
          starLevel: s.starLevel,
          files: plan.siteFiles.get(s.code) ?? [],
        })),
        files,
        omitted: plan.omitted,
        publicKey: key.publicRaw.toString('base64'),
        fingerprint: key.fingerprint,
      }
      const bytes = serializeManifest(manifest)
      return { bytes, signature: Buffer.from(signBytes(key, bytes) + '\n', 'utf8') }
    }, new Date(createdAt), options.trace)
    job.throwIfCancelled()
    partial.commit(target)
    partial = undefined
    options.trace?.('rename')

    const submitted = sites.filter((s) => TO_SUBMIT.has(s.status)).map((s) => s.id)
    const id = app.db.transaction(() => {
      const bundleId = recordBundle(app, {
        path: target,
        size: written.size,
        sha256: written.sha256,
        sites: sites.length,
        files: plan.entries.length,
        fingerprint: key.fingerprint,
        createdAt,
      })
      appendAudit(
        app.db,
        {
          actor: app.actor,
          action: 'create',
          entity: 'bundle',
          entityId: bundleId,
          summary: `生成报送包 ${path.basename(target)}：${sites.length} 个现场，${plan.entries.length} 个文件`,
          details: { path: target, sha256: written.sha256, fingerprint: key.fingerprint, omitted: plan.omitted },
        },
        createdAt,
      )
      if (submitted.length) setSiteStatus(app, submitted, 'submitted')
      return bundleId
    })()
    return {
      id,
      path: target,
      size: written.size,
      sha256: written.sha256,
      sites: sites.length,
      files: plan.entries.length,
      fingerprint: key.fingerprint,
      omitted: plan.omitted,
      deferred: heldBack(app, deferredIds),
    }
  } finally {
    partial?.discard()
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

type Finish = (files: Manifest['files']) => { bytes: Buffer; signature: Buffer }

const readAt = (fd: number, buffer: Buffer, position: number) =>
  new Promise<number>((resolve, reject) => fs.read(fd, buffer, 0, buffer.length, position, (e, n) => (e ? reject(e) : resolve(n))))
const openRead = (file: string) => new Promise<number>((resolve, reject) => fs.open(file, 'r', (e, fd) => (e ? reject(e) : resolve(fd))))

/**
 * Stream one file into its zip entry, SHA-256 and cancel check on every chunk. A stored entry's chunks go to
 * the file in the pool's own buffers (returned by the sink once written); a deflated entry's chunks are
 * copied, since zlib, not the sink, is where those end.
 */
async function pumpFile(
  file: string,
  into: ZipEntryWriter,
  pool: BufferPool,
  stored: boolean,
  failed: Promise<never>,
  onChunk: (n: number) => void,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256')
  let size = 0
  const fd = await openRead(file)
  try {
    for (;;) {
      const buffer = await Promise.race([pool.acquire(), failed])
      let n: number
      try {
        n = await readAt(fd, buffer, size)
      } catch (error) {
        pool.release(buffer)
        throw error
      }
      if (n === 0) {
        pool.release(buffer)
        break
      }
      const chunk = buffer.subarray(0, n)
      try {
        onChunk(n)
      } catch (error) {
        pool.release(buffer)
        throw error
      }
      hash.update(chunk)
      size += n
      let out = chunk
      if (!stored) {
        out = Buffer.from(chunk)
        pool.release(buffer)
      }
      await Promise.race([into.write(out), failed])
    }
  } finally {
    await new Promise<void>((resolve) => fs.close(fd, () => resolve()))
  }
  await Promise.race([into.end(), failed])
  return { size, sha256: hash.digest('hex') }
}

async function writeZip(
  file: string,
  entries: PlannedEntry[],
  job: JobHandle,
  finish: Finish,
  mtime: Date,
  trace?: (phase: BuildPhase) => void,
): Promise<{ size: number; sha256: string }> {
  // Our own descriptor, so the data can be fsync'd (and timed) before close: the rename that follows must
  // never expose a file whose data is not on disk.
  const fd = fs.openSync(file, 'w')
  // The pool, not the sink's buffer, bounds what is in flight: a smaller mark would make every chunk wait
  // for the write before it, and reading would never overlap writing.
  const sink: HashingFileSink = new HashingFileSink(fd, (chunk) => pool.release(chunk), (READ_BUFFERS + 1) * READ_CHUNK)
  const pool = new BufferPool(READ_BUFFERS, READ_CHUNK, () => sink.holding())
  const zip = new ZipWriter(sink)
  let closed = false
  const closeOut = async () => {
    if (closed) return
    closed = true
    sink.destroy()
    await sink.idle()
    fs.closeSync(fd)
  }
  // A failed file write stops the build (and wakes a reader waiting for a buffer).
  let fail!: (e: Error) => void
  const failed = new Promise<never>((_, reject) => (fail = reject))
  failed.catch(() => {})
  sink.on('error', (e: Error) => fail(e))
  const written = new Promise<void>((resolve) => sink.on('finish', () => resolve()))

  const totalBytes = entries.reduce((n, e) => n + e.size, 0)
  let doneBytes = 0
  const files: Manifest['files'] = []
  try {
    job.progress('files', 0, entries.length)
    for (const [i, entry] of entries.entries()) {
      job.throwIfCancelled()
      const stored = isStoredExt(entry.path)
      const into = await Promise.race([zip.begin(entry.path, { size: entry.size, compress: !stored, mtime }), failed])
      const { size, sha256 } = await pumpFile(entry.source, into, pool, stored, failed, (n) => {
        job.throwIfCancelled()
        doneBytes += n
        job.progress('bytes', doneBytes, totalBytes)
      })
      files.push({ path: entry.path, size, sha256 })
      job.progress('files', i + 1, entries.length)
    }
    const { bytes, signature } = finish(files)
    await Promise.race([zip.addBuffer(bytes, MANIFEST_PATH, { mtime, compress: true }), failed])
    await Promise.race([zip.addBuffer(signature, SIGNATURE_PATH, { mtime, compress: false }), failed])
    await Promise.race([zip.finish(), failed])
    await Promise.race([written, failed])
    pool.assertAllBack()
    trace?.('stream')
    await new Promise<void>((resolve, reject) => fs.fsync(fd, (e) => (e ? reject(e) : resolve())))
    trace?.('fsync')
    const result = { size: sink.size, sha256: sink.digest() }
    await closeOut()
    return result
  } catch (error) {
    await closeOut()
    throw error
  }
}
