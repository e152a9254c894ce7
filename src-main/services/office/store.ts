/**
 * Received bundles are kept whole, content-addressed: bundles/ab/abcdef….zip. The incoming file is copied to
 * a staged partial file first; that private copy is what gets verified and hashed, so what is stored is
 * exactly what was verified, whatever happens to the original meanwhile.
 *
 * Speed (bench `office receive`): the copy is the kernel's (fs.copyFile: copy_file_range, no bytes through
 * JavaScript); the copy is then read once, in big chunks, by the province verifier, which hashes every stored
 * entry on this thread and the whole file (the content address) on a worker thread in the same pass; the
 * fsync runs in the thread pool meanwhile, so the disk write overlaps the hashing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ROSTER_PATH } from '../../core/bundle/layout'
import { verifyBundle, type VerifyResult } from '../bundle/verify'
import { createPartial, type PartialFile } from '../files/atomicWrite'
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
    await fs.promises.copyFile(source, partial.path, fs.constants.COPYFILE_EXCL)
    // The copy carries the source's mode: a read-only original must not make the private copy undeletable.
    fs.chmodSync(partial.path, 0o644)
    size = fs.statSync(partial.path).size
    const synced = syncInBackground(partial.path)
    try {
      verified = await verifyBundle(partial.path, undefined, { fileSha256: true, keepEntries: [ROSTER_PATH] })
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
