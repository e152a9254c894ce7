/** Output files are written to a temp name in the same folder and renamed into place only when complete. */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/** A temp file beside `target`, so the final rename never crosses a file system. */
export function writeTemp(target: string, data: Buffer): string {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  fs.writeFileSync(tmp, data)
  return tmp
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // Best effort: a temp file left behind is harmless and has a name nobody mistakes for a letter.
  }
}
