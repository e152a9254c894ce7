/**
 * Build the submission bundle (报送包): stream every file into a zip while hashing it, then add
 * manifest.json (all hashes known by then) and manifest.sig. Memory stays flat: one file is open at a time
 * and only chunks pass through. The zip is written to a partial file and renamed into place when complete;
 * cancel or any failure removes the partial file, and a killed process's partial is removed at next start.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import pkg from '../../../package.json'
import { MANIFEST_FORMAT, serializeManifest, type Manifest } from '../../core/bundle/manifest'
import { MANIFEST_PATH, SIGNATURE_PATH, isStoredExt } from '../../core/bundle/layout'
import { bundleFileName } from '../../core/bundle/names'
import { AppError } from '../../core/errors'
import { appendAudit } from '../../db/repositories/audit'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { requireSetup } from '../settings/association'
import { setSiteStatus } from '../sites/sites'
import { ensureSigningKey, signBytes } from '../keys/keys'
import { defaultDocuments, type BundleDocuments } from './documents'
import { recordBundle } from './history'
import { useNativeCrc32ForYazl } from './fastCrc'
import { createPartial } from './partial'
import { openErrors, refuseOnOpenErrors, selectSites } from './select'
import { planEntries, type PlannedEntry } from './sources'

export interface BuildOptions {
  outPath?: string
  siteIds?: number[]
  /** Producers of the letters, roster and check report; see documents.ts. */
  documents?: BundleDocuments
  /** Called as each phase ends (for the bench's phase timings); never affects the build. */
  trace?: (phase: BuildPhase) => void
}

export type BuildPhase = 'documents' | 'stream' | 'fsync' | 'rename'

export interface BuildResult {
  id: number
  path: string
  size: number
  sha256: string
  sites: number
  files: number
  fingerprint: string
  omitted: { path: string; reason: string }[]
}

const READ_CHUNK = 1024 * 1024
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

/** A pass-through that hashes, counts, reports and checks for cancel on every chunk. */
function hashing(onChunk: (n: number) => void) {
  const hash = createHash('sha256')
  let size = 0
  let digest = ''
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      try {
        onChunk(chunk.length)
      } catch (error) {
        return cb(error as Error)
      }
      hash.update(chunk)
      size += chunk.length
      cb(null, chunk)
    },
    flush(cb) {
      digest = hash.digest('hex')
      cb()
    },
  })
  return { stream, result: () => ({ size, sha256: digest }) }
}

export async function buildBundle(app: AppContext, job: JobHandle = NO_JOB, options: BuildOptions = {}): Promise<BuildResult> {
  const { association, campaign } = requireSetup(app)
  const sites = selectSites(app, options.siteIds)
  refuseOnOpenErrors(openErrors(app, sites))
  const key = ensureSigningKey(app)
  const createdAt = app.now()
  const target = resolveTarget(app, options.outPath, bundleFileName(association.shortName, campaign.year, new Date(createdAt)))

  // The pid in the name lets the next start remove the folder of a killed build (bundle/partial.ts).
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
    }
  } finally {
    partial?.discard()
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

type Finish = (files: Manifest['files']) => { bytes: Buffer; signature: Buffer }

async function writeZip(
  file: string,
  entries: PlannedEntry[],
  job: JobHandle,
  finish: Finish,
  mtime: Date,
  trace?: (phase: BuildPhase) => void,
): Promise<{ size: number; sha256: string }> {
  useNativeCrc32ForYazl()
  const zip = new yazl.ZipFile()
  const whole = hashing(() => {})
  // Our own descriptor, so the data can be fsync'd (and timed) before close: the rename that follows must
  // never expose a file whose data is not on disk.
  const fd = fs.openSync(file, 'w')
  const out = fs.createWriteStream(file, { fd, autoClose: false })
  // destroy() closes the descriptor even with autoClose false (that flag only stops the close at finish).
  const closeOut = () =>
    new Promise<void>((resolve) => {
      if (out.closed) return resolve()
      out.once('close', () => resolve())
      out.destroy()
    })
  const written = pipeline(zip.outputStream, whole.stream, out)
  written.catch(() => {}) // observed below; avoids an unhandled rejection while entries are still streaming
  let zipFailed: ((e: Error) => void) | undefined
  const zipError = new Promise<never>((_, reject) => (zipFailed = reject))
  zipError.catch(() => {})
  zip.on('error', (e: Error) => zipFailed!(e))

  const totalBytes = entries.reduce((n, e) => n + e.size, 0)
  let doneBytes = 0
  const files: Manifest['files'] = []
  try {
    job.progress('files', 0, entries.length)
    for (const [i, entry] of entries.entries()) {
      job.throwIfCancelled()
      const source = fs.createReadStream(entry.source, { highWaterMark: READ_CHUNK })
      const h = hashing((n) => {
        job.throwIfCancelled()
        doneBytes += n
        job.progress('bytes', doneBytes, totalBytes)
      })
      const copied = pipeline(source, h.stream)
      zip.addReadStream(h.stream, entry.path, { size: entry.size, compress: !isStoredExt(entry.path), mtime })
      await Promise.race([copied, zipError])
      const { size, sha256 } = h.result()
      files.push({ path: entry.path, size, sha256 })
      job.progress('files', i + 1, entries.length)
    }
    const { bytes, signature } = finish(files)
    zip.addBuffer(bytes, MANIFEST_PATH, { mtime, compress: true })
    zip.addBuffer(signature, SIGNATURE_PATH, { mtime, compress: false })
    zip.end()
    await Promise.race([written, zipError])
    trace?.('stream')
    await new Promise<void>((resolve, reject) => fs.fsync(fd, (e) => (e ? reject(e) : resolve())))
    trace?.('fsync')
    await closeOut()
    return whole.result()
  } catch (error) {
    ;(zip.outputStream as unknown as NodeJS.ReadableStream & { destroy(): void }).destroy()
    await closeOut()
    throw error
  }
}
