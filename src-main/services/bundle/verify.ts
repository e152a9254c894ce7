/**
 * Verify a bundle by re-reading it, streaming, with yauzl: every entry's size and SHA-256 against the
 * manifest, the manifest's signature against the public key it carries, and every name against zip-slip
 * (the name field and the Unicode Path field both: each is what some reader extracts to).
 * Nothing is extracted and nothing is written anywhere; an unsafe entry's data is not even read.
 *
 * Zip bombs: the central directory is walked first (no data), and a bundle declaring far more than its own
 * size is refused there; manifest.json is read next, and an entry is inflated only when the manifest lists
 * it at the size its directory declares — never past that size (yauzl's validateEntrySizes). Unlisted
 * entries are reported from the directory alone. Every message is Chinese and names the file or entry.
 *
 * Speed: the directory is read through a synchronous read-ahead reader (FdReader), and the stored entries —
 * nearly every byte of a bundle — are hashed in one sequential pass over the file in big chunks
 * (files/hashPass.ts, the hashing on a worker thread), their data located from the local headers exactly as
 * yauzl does; only deflated entries (the manifest) go through yauzl's streams.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import yauzl from 'yauzl'
import { sameFingerprint } from '../../core/bundle/fingerprint'
import { MANIFEST_PATH, SIGNATURE_PATH } from '../../core/bundle/layout'
import { compareWithManifest, parseManifest, problem, type Manifest, type Problem, type ReadEntry } from '../../core/bundle/manifest'
import { unsafeEntryReason } from '../../core/bundle/names'
import { AppError } from '../../core/errors'
import { fsErrorCode, readFailureMessage } from '../../core/files/fsError'
import { hashPass, TruncatedFile, type HashRange, type LocatedRange } from '../files/hashPass'
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
  /** The parsed manifest, when there was a readable one (trust it only when ok). */
  manifest?: Manifest
  /** SHA-256 of the whole file, read in the same pass as the entries (when asked for with fileSha256). */
  sha256?: string
  /** The bytes of the entries named in keepEntries (each up to 64 MiB), as read and hashed. */
  kept?: Map<string, Buffer>
}

export interface VerifyOptions {
  /** This association's key fingerprint, when it has one. */
  ownFingerprint?: string | null
  /** The bundle's name in messages, when `file` is a private copy (the office verifies its copy in tmp/). */
  displayName?: string
  /** Also hash the whole file in the same read (on the worker thread); see VerifyResult.sha256. */
  fileSha256?: boolean
  /** Entries whose bytes to hand back (the receiver's roster), so nobody opens the zip again for them. */
  keepEntries?: string[]
  /**
   * Write a copy of the file in the same pass that hashes it (the office keeps that copy): every byte goes
   * to `sink` once, and nothing is read again. The few bytes read outside the pass (the directory, the
   * deflated manifest) are hashed when read and again in the pass, so a file changed while it is read is
   * refused rather than kept unlike what was verified. Read and write errors then reach the caller as they
   * are, for it to tell its source's from its own folder's.
   */
  copyTo?: { sink: (chunk: Buffer, position: number) => Promise<void>; firstChunk?: number }
}

/** Small files we keep in memory to parse; anything bigger is not a manifest we wrote. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024
/** A base64 Ed25519 signature is 88 characters. */
const MAX_SIGNATURE_BYTES = 4096
/** Entries of one bundle: ~300 sites of ~10 files each is 3,000; every entry's directory record stays in memory. */
const MAX_ENTRIES = 100_000
/**
 * All entries unpacked, against the bundle's size on disk. Scans and photos are stored (ratio 1), so a real
 * bundle unpacks to about its own size; a zip bomb declares hundreds of times its size. Judged from the
 * central directory, before anything is inflated; the floor leaves room for small bundles of text files.
 */
const MAX_UNPACKED_RATIO = 20
const MIN_UNPACKED_LIMIT = 256 * 1024 * 1024
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

/**
 * yauzl's reads through our descriptor, the small ones (the central directory, record by record) synchronous
 * and served from a read-ahead window: yauzl's own reader sends each of them through the thread pool, and
 * listing a bundle's ~900 entries that way took longer than hashing its 34 MiB (~1 ms a record on a busy
 * machine). The callback still comes on a later tick, so yauzl's entry-by-entry recursion never grows the stack.
 */
class FdReader extends yauzl.RandomAccessReader {
  private readonly window = Buffer.allocUnsafe(WINDOW)
  private windowStart = 0
  private windowLength = 0

  /** `record`: told of every read from the file, with the bytes it gave (see VerifyOptions.copyTo). */
  constructor(
    private readonly fd: number,
    private readonly record?: (position: number, bytes: Buffer) => void,
  ) {
    super()
  }

  private readSync(buffer: Buffer, offset: number, length: number, position: number): number {
    const n = fs.readSync(this.fd, buffer, offset, length, position)
    this.record?.(position, buffer.subarray(offset, offset + n))
    return n
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    let n: number
    try {
      n = this.readNow(buffer, offset, length, position)
    } catch (error) {
      process.nextTick(callback, error as Error)
      return
    }
    process.nextTick(callback, null, n)
  }

  private readNow(buffer: Buffer, offset: number, length: number, position: number): number {
    if (length > WINDOW / 4) return this.readSync(buffer, offset, length, position)
    const inWindow = position >= this.windowStart && position + length <= this.windowStart + this.windowLength
    if (!inWindow) {
      this.windowStart = position
      this.windowLength = this.readSync(this.window, 0, WINDOW, position)
    }
    const from = position - this.windowStart
    const n = Math.max(0, Math.min(length, this.windowLength - from))
    this.window.copy(buffer, offset, from, from + n)
    return n
  }

  /** Entries read through yauzl (the deflated manifest): 1 MiB reads. Not fs.ReadStream, whose destroy closes the fd. */
  override _readStreamForRange(start: number, end: number): Readable {
    const readSync = this.readSync.bind(this)
    let pos = start
    return new Readable({
      read() {
        if (pos >= end) return void this.push(null)
        const buffer = Buffer.allocUnsafe(Math.min(1024 * 1024, end - pos))
        let n: number
        try {
          n = readSync(buffer, 0, buffer.length, pos)
        } catch (error) {
          return void this.destroy(error as Error)
        }
        if (n === 0) return void this.destroy(new Error('unexpected EOF'))
        pos += n
        this.push(n < buffer.length ? buffer.subarray(0, n) : buffer)
      },
    })
  }
}

/** Read-ahead of the central directory reads: a bundle's whole directory (~150 bytes an entry) in one or two. */
const WINDOW = 256 * 1024

/** Stored and not encrypted: the entry's bytes are its data as it lies in the file, hashable in place. */
const storedPlain = (entry: yauzl.Entry) => entry.compressionMethod === 0 && (entry.generalPurposeBitFlag & 0x1) === 0

/**
 * Where a stored entry's data lies in the file: after its local header (30 bytes, read in the pass), as
 * yauzl's readLocalFileHeader finds it, with the same checks and messages (signature, bounds).
 */
function storedRange(header: Buffer | null, at: number, size: number, fileSize: number): { start: number; end: number } {
  if (!header) throw new Error('unexpected EOF')
  const signature = header.readUInt32LE(0)
  if (signature !== 0x04034b50) throw new Error(`invalid local file header signature: 0x${signature.toString(16)}`)
  const start = at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (start + size > fileSize) throw new Error(`file data overflows file bounds: ${start} + ${size} > ${fileSize}`)
  return { start, end: start + size }
}

/**
 * The locator of a stored entry's data, filling `read[slot]` with the range's hash or the reason it is
 * unreadable. Built out here so each of a bundle's ~900 locators, alive until the pass ends, holds a few
 * numbers and a name rather than the listing handler's whole scope (the yauzl entry, its buffers).
 */
function entryLocator(at: number, size: number, fileSize: number, slot: number, name: string, read: ReadEntry[], ranged: (HashRange & { slot: number })[]): LocatedRange {
  return {
    at,
    length: 30,
    locate: (header) => {
      try {
        const r = { ...storedRange(header, at, size, fileSize), slot }
        ranged.push(r)
        return r
      } catch (error) {
        read[slot] = { path: name, refused: readFailure(error as Error, size) }
        return null
      }
    },
  }
}

function openZip(fd: number, size: number, record?: (position: number, bytes: Buffer) => void): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    // decodeStrings false: yauzl would otherwise abort the whole read at the first unsafe name; we report it.
    // autoClose false: the entries are read after the whole directory has been walked.
    yauzl.fromRandomAccessReader(new FdReader(fd, record), size, { lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: true }, (err, zip) =>
      err ? reject(err) : resolve(zip!),
    ),
  )
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

/** What a file that yauzl cannot open as a zip is, from its first bytes: said in Chinese, naming the file. */
function notAZip(fd: number, name: string, size: number): { reason: string; message: string } {
  if (size === 0) return { reason: 'empty', message: `“${name}”是空文件（0 字节），不是报送包` }
  const head = Buffer.alloc(8)
  fs.readSync(fd, head, 0, 8, 0)
  const starts = (sig: number[] | string) => head.subarray(0, sig.length).equals(Buffer.from(sig as never))
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06]))
    return { reason: 'truncated', message: `“${name}”是 zip 文件，但不完整或已损坏（可能没有传完或被截断），读不到其目录，请让报送方重新发送` }
  const kinds: [number[] | string, string][] = [
    ['%PDF', 'PDF 文档'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], '旧版 Office 文档（.doc/.xls）'],
    ['Rar!', 'RAR 压缩包'],
    [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], '7z 压缩包'],
    [[0x1f, 0x8b], 'gzip 压缩文件'],
    [[0xff, 0xd8, 0xff], 'JPEG 图片'],
    [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
  ]
  const kind = kinds.find(([sig]) => starts(sig))?.[1]
  return { reason: 'not-a-zip', message: kind ? `“${name}”不是 zip 报送包，而是${/^[A-Za-z0-9]/.test(kind) ? ' ' : ''}${kind}` : `“${name}”不是 zip 报送包（文件内容无法识别）` }
}

/** A yauzl or zlib error while inflating one entry, in Chinese; the English text stays out of the report. */
function readFailure(error: Error, declared: number): { problem: 'size-mismatch' | 'hash-mismatch'; reason: string; message: string } {
  const text = error.message
  if (/too many bytes/.test(text))
    return { problem: 'size-mismatch', reason: 'zip-bomb', message: `解压后超过条目声明的 ${declared} 字节，已停止解压（可能是恶意构造的压缩炸弹）` }
  if (/not enough bytes/.test(text))
    return { problem: 'size-mismatch', reason: 'unreadable', message: `解压后不足条目声明的 ${declared} 字节，数据不完整` }
  if (/compression method/.test(text)) return { problem: 'hash-mismatch', reason: 'unreadable', message: '条目使用了不支持的压缩方式，无法读取' }
  if (/encrypt/.test(text)) return { problem: 'hash-mismatch', reason: 'unreadable', message: '条目已加密，无法读取和校验' }
  if (/local file header|overflows|EOF/.test(text))
    return { problem: 'hash-mismatch', reason: 'unreadable', message: '条目的数据位置不对或超出文件末尾（文件不完整或已损坏），无法读取' }
  return { problem: 'hash-mismatch', reason: 'unreadable', message: '条目的压缩数据已损坏，无法解压' }
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

/** The central directory, walked without reading any data: each entry under the name readers would use. */
function walkDirectory(zip: yauzl.ZipFile, job: JobHandle, problems: Problem[]): Promise<{ name: string; entry: yauzl.Entry }[]> {
  const entries: { name: string; entry: yauzl.Entry }[] = []
  const seen = new Set<string>()
  return new Promise((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', () => resolve(entries))
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        job.throwIfCancelled()
      } catch (error) {
        return reject(error)
      }
      const names = entryNames(entry)
      // Without bit 11 the Unicode Path is the real name (the name field is a legacy encoding of it).
      const utf8 = (entry.generalPurposeBitFlag & 0x800) !== 0
      const name = !utf8 && names.unicodePath !== undefined ? names.unicodePath : names.field
      // Both names must be safe: each is what some reader extracts to.
      const unsafe = unsafeEntryReason(names.field) ?? (names.unicodePath === undefined ? null : unsafeEntryReason(names.unicodePath))
      if (unsafe) problems.push(problem(name, 'extra', { reason: 'unsafe-path', message: `条目路径不安全（${unsafe}），已拒绝，未读取也未解压` }))
      else if (utf8 && names.unicodePath !== undefined && names.unicodePath !== name)
        problems.push(
          problem(name, 'extra', {
            reason: 'ambiguous-name',
            message: `条目有两个不同的文件名（另一个是“${names.unicodePath}”），不同的解压软件会解出不同的文件，已拒绝，未读取`,
          }),
        )
      else if (seen.has(name))
        problems.push(problem(name, name === MANIFEST_PATH ? 'bad-manifest' : 'extra', { reason: 'duplicate-entry', message: '报送包中有同名的重复条目，未读取' }))
      else {
        seen.add(name)
        // A folder entry carries no data.
        if (!name.endsWith('/')) entries.push({ name, entry })
      }
      zip.readEntry()
    })
    zip.readEntry()
  })
}

export async function verifyBundle(file: string, job: JobHandle = NO_JOB, options: VerifyOptions = {}): Promise<VerifyResult> {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch (error) {
    const code = fsErrorCode(error)
    throw new AppError('invalid-input', code === 'ENOENT' || !code ? `找不到报送包文件：${file}` : readFailureMessage(code, options.displayName ?? path.basename(file)))
  }
  if (!stat.isFile()) throw new AppError('invalid-input', `不是一个文件：${file}`)
  // One descriptor for the listing and the pass: the same file throughout, however the name is used meanwhile.
  const fd = fs.openSync(file, 'r')
  try {
    return await verifyOpenBundle(fd, fs.fstatSync(fd).size, job, { ...options, displayName: options.displayName ?? path.basename(file) })
  } finally {
    fs.closeSync(fd)
  }
}

/** verifyBundle over a descriptor the caller opened (and closes), `size` bytes long; name it with displayName. */
export async function verifyOpenBundle(fd: number, size: number, job: JobHandle = NO_JOB, options: VerifyOptions & { displayName: string }): Promise<VerifyResult> {
  const result = await verifyFd(fd, size, job, options)
  // A file refused before the pass (not a zip, a zip bomb, no manifest) still gets its hash (and copy) when asked.
  if ((options.fileSha256 || options.copyTo) && !result.sha256)
    result.sha256 = (await hashPass(fd, size, [], { whole: true, sink: options.copyTo?.sink, firstChunk: options.copyTo?.firstChunk })).sha256
  return result
}

/** A read outside the pass, with the hash of the bytes it gave (VerifyOptions.copyTo). */
type OutOfPass = HashRange & { read: string }

async function verifyFd(fd: number, fileSize: number, job: JobHandle, options: VerifyOptions & { displayName: string }): Promise<VerifyResult> {
  const stat = { size: fileSize }
  const fileName = options.displayName
  const failWith = (earlier: Problem[], message: string, reason: string, at = MANIFEST_PATH): VerifyResult => ({
    ok: false,
    files: 0,
    fingerprint: null,
    problems: [...earlier, problem(at, 'bad-manifest', { reason, message })],
    ownKey: null,
    signatureValid: false,
  })

  const outOfPass: OutOfPass[] = []
  const record = options.copyTo
    ? (position: number, bytes: Buffer) => {
        if (bytes.length) outOfPass.push({ start: position, end: position + bytes.length, read: createHash('sha256').update(bytes).digest('hex') })
      }
    : undefined
  let zip: yauzl.ZipFile
  try {
    zip = await openZip(fd, fileSize, record)
  } catch (error) {
    if (options.copyTo && fsErrorCode(error)) throw error
    const { reason, message } = notAZip(fd, fileName, stat.size)
    return failWith([], message, reason, fileName)
  }

  const problems: Problem[] = []
  const read: ReadEntry[] = []
  let manifestBytes: Buffer | undefined
  let signatureText: string | undefined
  let manifest: Manifest | undefined
  let sha256: string | undefined
  const keepEntries = new Set(options.keepEntries ?? [])
  const kept = new Map<string, Buffer>()
  // Stored entries, located and hashed after the loop in one pass; each fills its place in `read` (entry
  // order kept) when the pass is done.
  const located: LocatedRange[] = []
  const ranged: (HashRange & { slot: number })[] = []
  let done = 0
  const total = stat.size
  const onChunk = (n: number) => {
    job.throwIfCancelled()
    done += n
    job.progress('bytes', Math.min(done, total), total)
  }
  try {
    if (zip.entryCount > MAX_ENTRIES)
      return failWith([], `“${fileName}”中有 ${zip.entryCount} 个条目，超过 ${MAX_ENTRIES} 个的上限，未读取`, 'too-many-entries', fileName)
    let entries: { name: string; entry: yauzl.Entry }[]
    try {
      entries = await walkDirectory(zip, job, problems)
    } catch (error) {
      if ((error as AppError).code === 'cancelled') throw error
      return failWith(problems, `“${fileName}”的目录已损坏，读取中断（文件可能不完整），请让报送方重新发送`, 'unreadable', fileName)
    }
    const unpacked = entries.reduce((sum, e) => sum + e.entry.uncompressedSize, 0)
    const limit = Math.max(MIN_UNPACKED_LIMIT, stat.size * MAX_UNPACKED_RATIO)
    if (unpacked > limit)
      return failWith(
        problems,
        `“${fileName}”的各条目声明解压后共 ${mb(unpacked)} MB，是文件本身（${mb(stat.size)} MB）的 ${Math.round(unpacked / Math.max(1, stat.size))} 倍，可能是恶意构造的压缩炸弹，未解压任何内容`,
        'zip-bomb',
        fileName,
      )

    // The manifest and signature first (a bundle writes them last): every other entry is then judged by the
    // size the manifest lists before a byte of it is inflated.
    for (const { name, entry } of entries) {
      const isManifest = name === MANIFEST_PATH
      if (!isManifest && name !== SIGNATURE_PATH) continue
      const cap = isManifest ? MAX_MANIFEST_BYTES : MAX_SIGNATURE_BYTES
      if (entry.uncompressedSize > cap) {
        problems.push(
          problem(name, isManifest ? 'bad-manifest' : 'bad-signature', {
            reason: 'too-large',
            message: `声明解压后 ${mb(entry.uncompressedSize)} MB，超过 ${mb(cap)} MB 的上限，未读取（可能是恶意构造的压缩炸弹）`,
          }),
        )
        continue
      }
      try {
        const r = await readEntry(zip, entry, true, onChunk)
        if (isManifest) manifestBytes = r.bytes
        else signatureText = r.bytes!.toString('utf8')
      } catch (error) {
        if ((error as AppError).code === 'cancelled') throw error
        const failure = readFailure(error as Error, entry.uncompressedSize)
        problems.push(problem(name, isManifest ? 'bad-manifest' : 'bad-signature', { reason: failure.reason, message: `无法读取：${failure.message}` }))
      }
    }
    if (!manifestBytes) return failWith(problems, `“${fileName}”中没有可读的 manifest.json（清单）`, 'no-manifest')
    const parsed = parseManifest(manifestBytes)
    if ('error' in parsed) return failWith(problems, parsed.error, 'invalid')
    manifest = parsed.manifest

    const listed = new Map(manifest.files.map((f) => [f.path, f.size]))
    for (const { name, entry } of entries) {
      if (name === MANIFEST_PATH || name === SIGNATURE_PATH) continue
      const size = listed.get(name)
      // Not listed: reported as extra from the directory alone; its data is never inflated.
      if (size === undefined) {
        read.push({ path: name, size: entry.uncompressedSize })
        continue
      }
      if (entry.uncompressedSize !== size) {
        read.push({
          path: name,
          refused: {
            problem: 'size-mismatch',
            reason: 'declared-size',
            message: `条目声明解压后 ${entry.uncompressedSize} 字节，清单记录为 ${size} 字节，未解压读取（文件已被改动，或是恶意构造的压缩炸弹）`,
          },
        })
        continue
      }
      const keep = keepEntries.has(name) && size <= MAX_MANIFEST_BYTES
      if (!keep && storedPlain(entry)) {
        located.push(entryLocator(entry.relativeOffsetOfLocalHeader, entry.compressedSize, fileSize, read.length, name, read, ranged))
        read.push({ path: name })
        continue
      }
      try {
        // yauzl stops the stream as soon as it inflates past the declared size: a lying directory gets no further.
        const r = await readEntry(zip, entry, keep, onChunk)
        read.push({ path: name, size: r.size, sha256: r.sha256 })
        if (keep) kept.set(name, r.bytes!)
      } catch (error) {
        if ((error as AppError).code === 'cancelled') throw error
        const failure = readFailure(error as Error, entry.uncompressedSize)
        read.push({ path: name, refused: failure })
      }
    }
    if (located.length || options.fileSha256 || options.copyTo) {
      const copy = options.copyTo
      try {
        sha256 = (await hashPass(fd, fileSize, outOfPass, { whole: options.fileSha256 || !!copy, located, onChunk, sink: copy?.sink, firstChunk: copy?.firstChunk })).sha256
      } catch (error) {
        if ((error as AppError).code === 'cancelled') throw error
        // Copying: a failed read or write is the caller's to tell apart (its source, or its own folder).
        if (copy && !(error instanceof TruncatedFile)) throw error
        const code = fsErrorCode(error)
        // A system error (EIO…) in Chinese with its code; otherwise the pass's own words (a truncated file).
        return failWith(problems, code ? readFailureMessage(code, fileName) : `“${fileName}”读取中断（文件可能已损坏）：${(error as Error).message}`, 'unreadable', fileName)
      }
      for (const r of ranged) read[r.slot] = { path: read[r.slot].path, size: r.end - r.start, sha256: r.sha256! }
      if (outOfPass.some((r) => r.sha256 !== r.read))
        return {
          ...failWith(
            problems,
            `“${fileName}”在读取过程中被改动（同一位置先后读到的内容不同），未保存；请等文件不再变化（例如复制或下载完成）后重新接收`,
            'changed-while-reading',
            fileName,
          ),
          sha256,
        }
    }
  } finally {
    zip.close()
  }

  const publicRaw = Buffer.from(manifest.publicKey, 'base64')
  let fingerprint: string | null = null
  if (publicRaw.length !== 32) problems.push(problem(MANIFEST_PATH, 'bad-manifest', { reason: 'bad-key', message: '清单中的公钥格式不对' }))
  else {
    fingerprint = fingerprintOf(publicRaw)
    if (!sameFingerprint(fingerprint, manifest.fingerprint))
      problems.push(problem(MANIFEST_PATH, 'bad-manifest', { reason: 'fingerprint-mismatch', message: '清单中记录的指纹与其公钥不符' }))
  }
  const signatureValid = !!fingerprint && signatureText !== undefined && verifyBytes(publicRaw, manifestBytes!, signatureText)
  if (signatureText === undefined) {
    if (!problems.some((p) => p.path === SIGNATURE_PATH)) problems.push(problem(SIGNATURE_PATH, 'bad-signature', { reason: 'missing', message: '报送包中没有签名文件 manifest.sig' }))
  } else if (!signatureValid) problems.push(problem(SIGNATURE_PATH, 'bad-signature'))
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
    manifest,
    ...(sha256 ? { sha256 } : {}),
    kept,
  }
}
