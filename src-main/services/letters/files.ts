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

export interface PartialWrite {
  /** The partial file: exists from before `done` settles until renamed or discarded. */
  path: string
  /** Settles once the bytes are written and fsync'd (rejects on an I/O error). Never unhandled. */
  done: Promise<void>
}

/**
 * Partial files of one run of letters (many files, one folder as a rule). Same names and the same guarantees
 * as `writePartial` — bytes fsync'd before any rename, the partial found by the next start if this process
 * dies — but with one marker per folder for the whole run instead of one per letter, and the write + fsync done
 * off the main thread (fs.promises), so that packing the next letter overlaps this one's disk wait.
 *
 * The marker (dataDir/tmp/partial-<pid>-<rand>.json, `{ dir }`) is written and fsync'd before the first
 * partial in its folder exists, and removed by `close` once every partial of the run is renamed or discarded;
 * at the next start, a marker of a dead pid has that pid's partials in `dir` removed (see cleanupStalePartials).
 */
export class PartialRun {
  private readonly markers = new Map<string, string>()
  private readonly open = new Set<string>()

  constructor(private readonly dataDir: string) {}

  private register(dir: string): void {
    if (this.markers.has(dir)) return
    const marker = path.join(this.dataDir, 'tmp', `partial-${process.pid}-${randomBytes(4).toString('hex')}.json`)
    fs.mkdirSync(path.dirname(marker), { recursive: true })
    const fd = fs.openSync(marker, 'w')
    try {
      fs.writeFileSync(fd, JSON.stringify({ dir }))
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    this.markers.set(dir, marker)
  }

  /** Start writing `data` to a new partial beside `target`; the marker of its folder exists on return. */
  write(target: string, data: Buffer): PartialWrite {
    const dir = path.dirname(target)
    this.register(dir)
    const partialPath = path.join(dir, `.${path.basename(target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`)
    this.open.add(partialPath)
    const done = (async () => {
      const fh = await fs.promises.open(partialPath, 'w')
      try {
        await fh.writeFile(data)
        await fh.sync()
      } finally {
        await fh.close()
      }
    })()
    // Awaited later, possibly after other awaits: mark it handled now so a failed write is not an unhandled rejection.
    done.catch(() => undefined)
    return { path: partialPath, done }
  }

  /** The partial was renamed into place: nothing left to clean up for it. */
  renamed(partialPath: string): void {
    this.open.delete(partialPath)
  }

  /** Remove a partial after a failure or cancel (best effort; the marker then stays for the next start). */
  discard(partialPath: string): void {
    try {
      fs.rmSync(partialPath, { force: true })
      this.open.delete(partialPath)
    } catch {
      // left, with its marker, for the next start
    }
  }

  /** End of the run: drop the markers, unless a partial could not be removed. */
  close(): void {
    if (this.open.size) return
    for (const marker of this.markers.values()) removeQuietly(marker)
    this.markers.clear()
  }
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // Best effort: a temp file left behind is harmless and has a name nobody mistakes for a letter.
  }
}
