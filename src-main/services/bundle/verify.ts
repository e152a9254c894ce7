/**
 * Verify a bundle by re-reading it, streaming, with yauzl: every entry's size and SHA-256 against the
 * manifest, the manifest's signature against the public key it carries, and every name against zip-slip
 * (the name field and the Unicode Path field both: each is what some reader extracts to).
 * Nothing is extracted and nothing is written anywhere; an unsafe entry's data is not even read.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import zlib from 'node:zlib'
import yauzl from 'yauzl'
import { sameFingerprint } from '../../core/bundle/fingerprint'
import { MANIFEST_PATH, SIGNATURE_PATH } from '../../core/bundle/layout'
import { compareWithManifest, parseManifest, problem, type Problem, type ReadEntry } from '../../core/bundle/manifest'
import { unsafeEntryReason } from '../../core/bundle/names'
import { AppError } from '../../core/errors'
import type { JobHandle } from '../jobs'
import { fingerprintOf, verifyBytes } from '../keys/keys'

export interface VerifyResult {
  ok: boolean
  /** Files the manifest lists (manifest.json and manifest.sig not counted). */
  files: number
  /** Fingerprint of the public key inside the bundle, computed here (not copied from the manifest). */
  fingerprint: string | null
  problems: Problem[]
  /** true/false: that key is / is not this association's own key; null: no own key to compare with. */
  ownKey: boolean | null
  signatureValid: boolean
  association?: string
  campaignYear?: number
  createdAt?: string
  sites?: number
}

export interface VerifyOptions {
  /** This association's key fingerprint, when it has one. */
  ownFingerprint?: string | null
}

/** Small files we keep in memory to parse; anything bigger is not a manifest we wrote. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024
const NO_JOB: JobHandle = { jobId: 'direct', signal: new AbortController().signal, progress() {}, throwIfCancelled() {} }

/**
 * An entry's name as readers take it. `field`: the name field — UTF-8 under bit 11; without it CP437 by the
 * spec, read as latin1 here to keep it visible and distinct. `unicodePath`: the Info-ZIP Unicode Path field
 * (0x7075) when its CRC-32 matches the name field's bytes, which 7-Zip and Info-ZIP unzip show instead.
 */
function entryNames(entry: yauzl.Entry): { field: string; unicodePath?: string } {
  const raw = entry.fileName as unknown as Buffer
  const field = (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString('utf8') : raw.toString('latin1')
  const up = entry.extraFields.find((e) => e.id === 0x7075 && e.data.length >= 5 && e.data[0] === 1)
  if (!up || up.data.readUInt32LE(1) !== zlib.crc32(raw)) return { field }
  return { field, unicodePath: up.data.subarray(5).toString('utf8') }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    // decodeStrings false: yauzl would otherwise abort the whole read at the first unsafe name; we report it.
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, autoClose: true }, (err, zip) =>
      err ? reject(err) : resolve(zip!),
    ),
  )
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: boolean, onChunk: (n: number) => void): Promise<{ size: number; sha256: string; bytes?: Buffer }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'))
      const hash = createHash('sha256')
      const kept: Buffer[] = []
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        try {
          onChunk(chunk.length)
        } catch (error) {
          stream.destroy()
          return reject(error)
        }
        hash.update(chunk)
        size += chunk.length
        if (keep && size <= MAX_MANIFEST_BYTES) kept.push(chunk)
      })
      stream.on('error', reject)
      stream.on('end', () => resolve({ size, sha256: hash.digest('hex'), bytes: keep ? Buffer.concat(kept) : undefined }))
    })
  })
}

export async function verifyBundle(file: string, job: JobHandle = NO_JOB, options: VerifyOptions = {}): Promise<VerifyResult> {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw new AppError('invalid-input', `找不到报送包文件：${file}`)
  }
  if (!stat.isFile()) throw new AppError('invalid-input', `不是一个文件：${file}`)
  const failWith = (earlier: Problem[], message: string, reason: string): VerifyResult => ({
    ok: false,
    files: 0,
    fingerprint: null,
    problems: [...earlier, problem(MANIFEST_PATH, 'bad-manifest', { reason, message })],
    ownKey: null,
    signatureValid: false,
  })

  let zip: yauzl.ZipFile
  try {
    zip = await openZip(file)
  } catch (error) {
    return failWith([], `无法作为 zip 读取（文件不完整、已截断或不是 zip 文件）：${(error as Error).message}`, 'not-a-zip')
  }

  const problems: Problem[] = []
  const read: ReadEntry[] = []
  const seen = new Set<string>()
  let manifestBytes: Buffer | undefined
  let signatureText: string | undefined
  let done = 0
  const total = stat.size
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject)
      zip.on('end', () => resolve())
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          job.throwIfCancelled()
          const names = entryNames(entry)
          // Without bit 11 the Unicode Path is the real name (the name field is a legacy encoding of it).
          const utf8 = (entry.generalPurposeBitFlag & 0x800) !== 0
          const name = !utf8 && names.unicodePath !== undefined ? names.unicodePath : names.field
          // Both names must be safe: each is what some reader extracts to.
          const unsafe = unsafeEntryReason(names.field) ?? (names.unicodePath === undefined ? null : unsafeEntryReason(names.unicodePath))
          if (unsafe) {
            problems.push(problem(name, 'extra', { reason: 'unsafe-path', message: `条目路径不安全（${unsafe}），已拒绝，未读取也未解压` }))
            return zip.readEntry()
          }
          if (utf8 && names.unicodePath !== undefined && names.unicodePath !== name) {
            problems.push(
              problem(name, 'extra', {
                reason: 'ambiguous-name',
                message: `条目有两个不同的文件名（另一个是“${names.unicodePath}”），不同的解压软件会解出不同的文件，已拒绝，未读取`,
              }),
            )
            return zip.readEntry()
          }
          if (seen.has(name)) {
            problems.push(problem(name, name === MANIFEST_PATH ? 'bad-manifest' : 'extra', { reason: 'duplicate-entry', message: '报送包中有同名的重复条目' }))
            return zip.readEntry()
          }
          seen.add(name)
          if (name.endsWith('/')) return zip.readEntry() // a folder entry carries no data
          const keep = name === MANIFEST_PATH || name === SIGNATURE_PATH
          try {
            const r = await readEntry(zip, entry, keep, (n) => {
              job.throwIfCancelled()
              done += n
              job.progress('bytes', Math.min(done, total), total)
            })
            if (name === MANIFEST_PATH) manifestBytes = r.size <= MAX_MANIFEST_BYTES ? r.bytes : undefined
            else if (name === SIGNATURE_PATH) signatureText = r.bytes!.toString('utf8')
            else read.push({ path: name, size: r.size, sha256: r.sha256 })
          } catch (error) {
            if ((error as AppError).code === 'cancelled') throw error
            if (name === MANIFEST_PATH) problems.push(problem(name, 'bad-manifest', { reason: 'unreadable', message: `清单无法读取：${(error as Error).message}` }))
            else read.push({ path: name, unreadable: (error as Error).message })
          }
          zip.readEntry()
        })().catch(reject)
      })
      zip.readEntry()
    })
  } catch (error) {
    zip.close()
    if ((error as AppError).code === 'cancelled') throw error
    return failWith(problems, `报送包读取中断（文件可能已损坏）：${(error as Error).message}`, 'unreadable')
  }

  if (!manifestBytes) {
    return failWith(problems, '报送包中没有可读的 manifest.json（清单）', 'no-manifest')
  }
  const parsed = parseManifest(manifestBytes)
  if ('error' in parsed) {
    return failWith(problems, parsed.error, 'invalid')
  }
  const manifest = parsed.manifest
  const publicRaw = Buffer.from(manifest.publicKey, 'base64')
  let fingerprint: string | null = null
  if (publicRaw.length !== 32) problems.push(problem(MANIFEST_PATH, 'bad-manifest', { reason: 'bad-key', message: '清单中的公钥格式不对' }))
  else {
    fingerprint = fingerprintOf(publicRaw)
    if (!sameFingerprint(fingerprint, manifest.fingerprint))
      problems.push(problem(MANIFEST_PATH, 'bad-manifest', { reason: 'fingerprint-mismatch', message: '清单中记录的指纹与其公钥不符' }))
  }
  const signatureValid = !!fingerprint && signatureText !== undefined && verifyBytes(publicRaw, manifestBytes, signatureText)
  if (signatureText === undefined) problems.push(problem(SIGNATURE_PATH, 'bad-signature', { reason: 'missing', message: '报送包中没有签名文件 manifest.sig' }))
  else if (!signatureValid) problems.push(problem(SIGNATURE_PATH, 'bad-signature'))
  for (const unsafe of manifest.files.filter((f) => unsafeEntryReason(f.path)))
    problems.push(problem(unsafe.path, 'bad-manifest', { reason: 'unsafe-path', message: '清单中列出了不安全的路径' }))
  problems.push(...compareWithManifest(manifest, read))

  const own = options.ownFingerprint
  return {
    ok: problems.length === 0,
    files: manifest.files.length,
    fingerprint,
    problems,
    ownKey: own && fingerprint ? sameFingerprint(own, fingerprint) : null,
    signatureValid,
    association: manifest.association.name,
    campaignYear: manifest.campaign.year,
    createdAt: manifest.createdAt,
    sites: manifest.sites.length,
  }
}
