/**
 * Received bundles are kept whole, content-addressed: bundles/ab/abcdef….zip. The incoming file is copied to
 * a staged partial file first; that private copy is what gets verified and hashed, so what is stored is
 * exactly what was verified, whatever happens to the original meanwhile.
 *
 * Speed (bench `office-receive`): the copy goes through one reused 1 MiB buffer in the thread pool (as cheap
 * as fs.copyFile here, and it leaves a point mid-copy for the crash tests); the copy is then read once, in big
 * chunks, by the province verifier, which has every stored entry and the whole file (the content address)
 * hashed on a worker thread in that same pass; the fsync runs in the thread pool meanwhile, so the disk
 * write overlaps the hashing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ROSTER_PATH } from '../../core/bundle/layout'
import { verifyBundle, type VerifyResult } from '../bundle/verify'
import { createPartial, type PartialFile } from '../files/atomicWrite'
import { killPoint } from '../files/killPoint'
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

/** 1 MiB: as fast as bigger reads (sequential, read ahead by the OS) and less memory per bundle staged. */
const COPY_CHUNK = 1024 * 1024
/** The first read is small, so the crash tests' point after it is mid-copy for any bundle but a tiny one. */
const FIRST_CHUNK = 64 * 1024
/** Copy buffers, reused: a fresh one per bundle is new memory the kernel must fault in every time. */
const copyBuffers: Buffer[] = []

async function copyInto(source: string, target: string): Promise<void> {
  const buffer = copyBuffers.pop() ?? Buffer.allocUnsafeSlow(COPY_CHUNK)
  try {
    const from = await fs.promises.open(source, 'r')
    try {
      const to = await fs.promises.open(target, 'wx')
      try {
        for (let pos = 0; ; ) {
          const { bytesRead } = await from.read(buffer, 0, pos === 0 ? FIRST_CHUNK : COPY_CHUNK, pos)
          if (bytesRead === 0) break
          // Crash tests: a power cut mid-copy, once the partial in tmp/ has been handed some bytes.
          if (pos > 0) killPoint('office-receive-copy')
          for (let off = 0; off < bytesRead; ) off += (await to.write(buffer, off, bytesRead - off, pos + off)).bytesWritten
          pos += bytesRead
        }
      } finally {
        await to.close()
      }
    } finally {
      await from.close()
    }
  } finally {
    copyBuffers.push(buffer)
  }
}

/** fsync in the thread pool; the promise never rejects (commit fsyncs again, synchronously, and reports). */
async function syncInBackground(file: string): Promise<void> {
  try {
    const fh = await fs.promises.open(file, 'r+')
    try {
      await fh.sync()
    } finally {
      await fh.close()
    }
  } catch {
    // the commit's own fsync reports a real failure
  }
}

export async function stageBundle(dataDir: string, source: string): Promise<StagedBundle> {
  const partial = atomicFile(dataDir)
  let verified: VerifyResult
  let sha256: string
  let size: number
  try {
    await copyInto(source, partial.path)
    size = fs.statSync(partial.path).size
    const synced = syncInBackground(partial.path)
    try {
      // The messages name the file as the office received it, not the copy in tmp/.
      verified = await verifyBundle(partial.path, undefined, { fileSha256: true, keepEntries: [ROSTER_PATH], displayName: path.basename(source) })
      sha256 = verified.sha256!
    } finally {
      // Settled before the partial is renamed or removed (Windows cannot remove a file that is open).
      await synced
    }
  } catch (error) {
    partial.discard()
    throw error
  }
  return {
    path: partial.path,
    sha256,
    size,
    verified,
    roster: verified.kept?.get(ROSTER_PATH),
    keep() {
      const target = storedBundlePath(dataDir, sha256)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      partial.commit(target)
      return target
    },
    discard: () => partial.discard(),
  }
}
