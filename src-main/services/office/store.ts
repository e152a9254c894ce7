/**
 * Received bundles are kept whole, content-addressed: bundles/ab/abcdef….zip. The incoming file is read once:
 * the province verifier hashes every stored entry and the whole file (the content address) on a worker thread
 * while each chunk is also written to a staged partial file in tmp/. What is stored is exactly the bytes that
 * were hashed, whatever happens to the original meanwhile; the few bytes the verifier reads outside that pass
 * (the zip's directory, the manifest) are checked against the pass, so a file changed while read is refused.
 *
 * Speed (bench `office-receive`): one read of the source and one write of the copy, in 2 MiB chunks through
 * the thread pool; the copy is never read back. Writing to the disk starts during the read (EARLY_FLUSH), and
 * the final fsync runs in the thread pool while the next bundle is read. Errors are sorted by side: a read of the source failing refuses that bundle (SourceUnreadable); a
 * write into our own folder failing stops the run (storeFailure).
 */
import fs from 'node:fs'
import path from 'node:path'
import { ROSTER_PATH } from '../../core/bundle/layout'
import { AppError } from '../../core/errors'
import { fsErrorCode, readFailureMessage, writeFailureMessage } from '../../core/files/fsError'
import { verifyOpenBundle, type VerifyResult } from '../bundle/verify'
import { TruncatedFile } from '../files/hashPass'
import { createPartial, type PartialFile } from '../files/atomicWrite'
import { killPoint } from '../files/killPoint'
import { testHook } from '../files/testHook'
import { OFFICE_BUNDLES_DIR } from './folder'

/** The one place that picks the atomic-write helper, so it can be re-pointed when it moves to a shared module. */
function atomicFile(dataDir: string): PartialFile {
  return createPartial(dataDir, path.join(dataDir, 'tmp', 'incoming.zip'))
}

export function storedBundlePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, OFFICE_BUNDLES_DIR, sha256.slice(0, 2), `${sha256}.zip`)
}

export interface StagedBundle {
  path: string
  sha256: string
  size: number
  /** The province verifier's findings on this private copy (read in the same pass as sha256). */
  verified: VerifyResult
  /** The roster workbook's bytes as verified, when the bundle has one (for rosterOf.ts). */
  roster?: Buffer
  /** Move into the store under its content address (fsync'd, then renamed). */
  keep(): string
  discard(): void
}

/** The first read is small, so the crash tests' point after it is mid-copy for any bundle but a tiny one. */
const FIRST_CHUNK = 64 * 1024
/**
 * Ask the disk to start writing every 8 MiB of copy (fdatasync in the thread pool, one at a time, not waited
 * for): with 24 GB of RAM the kernel would otherwise hold a whole bundle in the page cache and write it only at
 * the fsync, after the read. Overlapped, 31 bundles went in 3.0–3.1 s instead of 3.7–4.3 s (4 MiB: 3.2–3.4 s;
 * 16 MiB: 3.0–3.2 s).
 */
const EARLY_FLUSH = 8 * 1024 * 1024

/**
 * The file handed over could not be read (a stick pulled out, a file gone since the listing, a folder or a
 * pipe named like a bundle): that bundle is refused with this message and the run goes on.
 */
export class SourceUnreadable extends Error {
  constructor(
    readonly file: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message)
    this.name = 'SourceUnreadable'
  }
}

const unreadable = (source: string, error: unknown): SourceUnreadable => {
  if (error instanceof SourceUnreadable) return error
  const code = fsErrorCode(error)
  return new SourceUnreadable(source, code, readFailureMessage(code, path.basename(source)))
}

/** Said of a folder, a pipe, a device: refused by its type, never opened for a read that could wait forever. */
function notRegular(source: string, stat: fs.Stats): SourceUnreadable {
  if (stat.isDirectory()) return new SourceUnreadable(source, 'EISDIR', readFailureMessage('EISDIR', path.basename(source)))
  return new SourceUnreadable(source, undefined, `“${path.basename(source)}”不是普通文件（可能是管道、设备或套接字），不是报送包`)
}

/** Absent on Windows, where a pipe cannot sit in a folder under a .zip name anyway. */
const OPEN_NONBLOCK = fs.constants.O_RDONLY | ((fs.constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0)

async function openSource(source: string): Promise<{ from: fs.promises.FileHandle; size: number }> {
  let from: fs.promises.FileHandle
  try {
    // By type first: opening a FIFO for reading would wait for a writer that never comes.
    const stat = await fs.promises.stat(source)
    if (!stat.isFile()) throw notRegular(source, stat)
    testHook('office-receive-open', source)
    // Non-blocking, in case it was swapped for a pipe since the stat (the fstat below then refuses it).
    from = await fs.promises.open(source, OPEN_NONBLOCK)
  } catch (error) {
    throw unreadable(source, error)
  }
  try {
    const stat = await from.stat()
    if (!stat.isFile()) throw notRegular(source, stat)
    return { from, size: stat.size }
  } catch (error) {
    await from.close().catch(() => undefined)
    throw unreadable(source, error)
  }
}

/** A write into our own tmp/ failed mid-copy: kept apart from the source's read errors, which refuse one bundle. */
class CopyWriteFailure extends Error {
  constructor(readonly failure: unknown) {
    super('copy into tmp/ failed')
    this.name = 'CopyWriteFailure'
  }
}

/**
 * The verifier read only the source and wrote only through our sink: its failures sorted into the source's
 * (this bundle refused, the run goes on) and ours (returned as they were, for storeFailure to stop the run).
 */
function sortFailure(error: unknown, source: string): unknown {
  if (error instanceof CopyWriteFailure) return error.failure
  if (error instanceof TruncatedFile)
    return new SourceUnreadable(
      source,
      undefined,
      `读取“${path.basename(source)}”时文件变短了（可能仍在复制或下载中，或已被改动），未保存；请等文件完整后重新接收`,
    )
  if (fsErrorCode(error)) return unreadable(source, error)
  return error
}

/** The folder as the office's staff know it, in messages about writing there. */
const OFFICE_FOLDER = '办公室数据文件夹'

/**
 * A write or rename in our own data folder failed: every later bundle would fail the same way, so the run
 * stops with this (what was ingested before stays; the failed one leaves nothing).
 */
export function storeFailure(error: unknown, source: string): unknown {
  if (error instanceof AppError || error instanceof SourceUnreadable) return error
  const code = fsErrorCode(error)
  if (!code) return error
  return new AppError(
    'internal',
    `${writeFailureMessage(code, path.basename(source), OFFICE_FOLDER)}。接收已停止：此前已入库的报送包不受影响，这一个未保存任何内容，其余的尚未接收；处理后重新接收即可（已收过的会被认出，不会重复保存）。`,
    { code, file: source },
  )
}

function removeEmptyFolder(dir: string): void {
  try {
    fs.rmdirSync(dir)
  } catch {
    // not empty after all, or already gone
  }
}

export async function stageBundle(dataDir: string, source: string): Promise<StagedBundle> {
  let partial: PartialFile | null = null
  let verified: VerifyResult
  let sha256: string
  let size: number
  try {
    partial = atomicFile(dataDir)
    const opened = await openSource(source)
    size = opened.size
    try {
      const to = await fs.promises.open(partial.path, 'wx')
      let flushing: Promise<void> | null = null
      let unflushed = 0
      try {
        const sink = async (chunk: Buffer, position: number) => {
          // Crash tests: a power cut mid-copy, once the partial in tmp/ has been handed some bytes.
          if (position > 0) killPoint('office-receive-copy')
          try {
            testHook('office-receive-write', source)
            for (let off = 0; off < chunk.length; ) off += (await to.write(chunk, off, chunk.length - off, position + off)).bytesWritten
          } catch (error) {
            throw new CopyWriteFailure(error)
          }
          unflushed += chunk.length
          if (unflushed >= EARLY_FLUSH && !flushing) {
            unflushed = 0
            // The disk starts on what is written while the rest is read; the fsync below reports any failure.
            flushing = to.datasync().then(
              () => void (flushing = null),
              () => void (flushing = null),
            )
          }
        }
        try {
          // The messages name the file as the office received it, not the copy in tmp/.
          verified = await verifyOpenBundle(opened.from.fd, size, undefined, {
            displayName: path.basename(source),
            fileSha256: true,
            keepEntries: [ROSTER_PATH],
            copyTo: { sink, firstChunk: FIRST_CHUNK },
          })
        } catch (error) {
          throw sortFailure(error, source)
        }
        sha256 = verified.sha256!
        // In the thread pool while the next bundle is read; the commit's own fsync then finds nothing to write.
        await to.sync()
      } finally {
        // An early flush still in the thread pool holds the descriptor (it never rejects).
        await flushing
        // Closed before the partial is renamed or removed (Windows cannot remove a file that is open).
        await to.close()
      }
    } finally {
      // Everything was read (or it failed already): closing the source cannot change the outcome.
      await opened.from.close().catch(() => undefined)
    }
  } catch (error) {
    try {
      partial?.discard()
    } catch {
      // Left with its marker: the next start removes it; the error that stopped us is the one to report.
    }
    throw storeFailure(error, source)
  }
  const staged = partial
  return {
    path: staged.path,
    sha256,
    size,
    verified,
    roster: verified.kept?.get(ROSTER_PATH),
    keep() {
      const target = storedBundlePath(dataDir, sha256)
      let made: string | undefined
      try {
        made = fs.mkdirSync(path.dirname(target), { recursive: true })
        testHook('office-receive-store', target)
        staged.commit(target)
      } catch (error) {
        // The store as it was: no shard folder this bundle alone would have held.
        if (made) removeEmptyFolder(made)
        throw storeFailure(error, source)
      }
      return target
    },
    discard: () => staged.discard(),
  }
}
