/**
 * Received bundles are kept whole, content-addressed: bundles/ab/abcdef….zip. The incoming file is copied
 * (and hashed on the way) to a staged partial file first; that private copy is what gets verified, so what
 * is stored is exactly what was verified, whatever happens to the original meanwhile.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
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
  /** Move into the store under its content address (fsync'd, then renamed). */
  keep(): string
  discard(): void
}

export async function stageBundle(dataDir: string, source: string): Promise<StagedBundle> {
  const partial = atomicFile(dataDir)
  const hash = createHash('sha256')
  let size = 0
  try {
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        // Crash tests: a power cut mid-copy, once the partial in tmp/ has been handed some bytes.
        if (size > 0) killPoint('office-receive-copy')
        hash.update(chunk)
        size += chunk.length
        done(null, chunk)
      },
    })
    await pipeline(fs.createReadStream(source), tap, fs.createWriteStream(partial.path, { flags: 'wx' }))
    const fd = fs.openSync(partial.path, 'r+')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch (error) {
    partial.discard()
    throw error
  }
  const sha256 = hash.digest('hex')
  return {
    path: partial.path,
    sha256,
    size,
    keep() {
      const target = storedBundlePath(dataDir, sha256)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      partial.commit(target)
      return target
    },
    discard: () => partial.discard(),
  }
}
