/** Output files are written to a temp name in the same folder and renamed into place only when complete. */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createPartial, type PartialFile } from '../bundle/partial'

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/** A temp file beside `target`, so the final rename never crosses a file system. */
export function writeTemp(target: string, data: Buffer): string {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  fs.writeFileSync(tmp, data)
  return tmp
}

/**
 * The letter's bytes in a partial file beside `target` (so the final rename never crosses a file system),
 * fsync'd so that a power cut after the rename cannot expose an empty letter. The partial name and its marker
 * in dataDir/tmp let the next start remove it when this process is killed before the rename — wherever --out
 * points.
 */
export function writePartial(dataDir: string, target: string, data: Buffer): PartialFile {
  const partial = createPartial(dataDir, target)
  const fd = fs.openSync(partial.path, 'w')
  try {
    fs.writeFileSync(fd, data)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  return partial
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // Best effort: a temp file left behind is harmless and has a name nobody mistakes for a letter.
  }
}
