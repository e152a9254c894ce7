/**
 * The content-addressed file store: files/<first two hex>/<sha256>, written once through a temp file in
 * dataDir/tmp (same volume, so the final rename is atomic), never changed in place.
 */
import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { HEADER_BYTES } from '../../core/attachments/fileTypes'
import { BEFORE_RENAME, syncDirectory } from '../files/atomicWrite'
import { killPoint } from '../files/killPoint'

const SHA256 = /^[0-9a-f]{64}$/

export function storedPath(dataDir: string, sha256: string): string {
  // The hash comes from our own database, but a path built from data must never leave files/.
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`)
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256)
}

export interface StagedFile {
  tempPath: string
  sha256: string
  size: number
  /** The first bytes as actually copied, for re-checking the content. */
  header: Buffer
}

const CHUNK = 1024 * 1024

async function writeAll(handle: fsp.FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset)
    offset += bytesWritten
  }
}

/**
 * Writing the copy into our own tmp/ failed (a full disk, a data folder we may not write): `error` is the
 * system error. Anything else stageFile throws came from reading the user's file.
 */
export class StagingWriteFailed extends Error {
  constructor(readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error))
    this.name = 'StagingWriteFailed'
  }
}

const ours = <T>(step: Promise<T>): Promise<T> =>
  step.catch((error: unknown) => {
    throw new StagingWriteFailed(error)
  })

/**
 * Copy a file into dataDir/tmp chunk by chunk (memory stays flat for any size), hashing while copying, and
 * fsync it so that a stored file is on disk before the database says it exists. On failure nothing is left.
 */
export async function stageFile(dataDir: string, source: string): Promise<StagedFile> {
  const tmpDir = path.join(dataDir, 'tmp')
  await ours(fsp.mkdir(tmpDir, { recursive: true }))
  // The pid in the name lets the next start remove what a killed copy left (files/atomicWrite.ts).
  const tempPath = path.join(tmpDir, `attach-${process.pid}-${randomUUID()}.part`)
  const hash = createHash('sha256')
  const head: Buffer[] = []
  let headLength = 0
  let size = 0
  const out = await ours(fsp.open(tempPath, 'wx'))
  try {
    try {
      for await (const chunk of fs.createReadStream(source, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
        hash.update(chunk)
        if (headLength < HEADER_BYTES) {
          const part = chunk.subarray(0, HEADER_BYTES - headLength)
          head.push(Buffer.from(part))
          headLength += part.length
        }
        size += chunk.length
        await ours(writeAll(out, chunk))
      }
      await ours(out.sync())
    } finally {
      await ours(out.close())
    }
  } catch (error) {
    await fsp.rm(tempPath, { force: true })
    throw error
  }
  return { tempPath, sha256: hash.digest('hex'), size, header: Buffer.concat(head) }
}

export async function discardStaged(staged: StagedFile[]): Promise<void> {
  await Promise.all(staged.map((s) => fsp.rm(s.tempPath, { force: true })))
}

/**
 * Move a staged file to its place. Synchronous on purpose: the caller runs this and the database
 * transaction in one turn of the event loop, so no other operation of this process can interleave.
 * Returns true when this call created the stored file (false: identical bytes were already there, the
 * temp copy is dropped). A stored file of the wrong size is damaged: the fresh copy replaces it.
 */
export function placeStaged(dataDir: string, staged: StagedFile): boolean {
  const target = storedPath(dataDir, staged.sha256)
  let existing: fs.Stats | undefined
  try {
    existing = fs.statSync(target)
  } catch {
    existing = undefined
  }
  if (existing && existing.isFile() && existing.size === staged.size) {
    fs.rmSync(staged.tempPath, { force: true })
    return false
  }
  fs.mkdirSync(path.dirname(target), { recursive: true })
  killPoint(BEFORE_RENAME, 'attachment')
  fs.renameSync(staged.tempPath, target)
  syncDirectory(path.dirname(target))
  return !existing
}

export function removeStored(dataDir: string, sha256: string): void {
  fs.rmSync(storedPath(dataDir, sha256), { force: true })
}

/** Size check only: cheap enough to run on every attachment whenever checks run. */
export function quickCheckStored(dataDir: string, sha256: string, size: number): 'missing' | 'size-mismatch' | null {
  let stat: fs.Stats
  try {
    stat = fs.statSync(storedPath(dataDir, sha256))
  } catch {
    return 'missing'
  }
  if (!stat.isFile()) return 'missing'
  return stat.size === size ? null : 'size-mismatch'
}

/** Re-hash the stored bytes, streaming. */
export async function hashStored(dataDir: string, sha256: string, signal?: AbortSignal): Promise<string | null> {
  const hash = createHash('sha256')
  try {
    for await (const chunk of fs.createReadStream(storedPath(dataDir, sha256), { highWaterMark: CHUNK, signal }) as AsyncIterable<Buffer>)
      hash.update(chunk)
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null
    throw error
  }
  return hash.digest('hex')
}
