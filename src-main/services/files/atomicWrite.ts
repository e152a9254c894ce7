/**
 * Every file this program writes for the user or for itself goes through here: written to a partial name in
 * the target folder (so the final rename never crosses a file system), fsync'd, renamed into place, and the
 * folder fsync'd so the rename itself survives a power cut. A crash before the rename leaves the old file (or
 * none) under the final name, never a half-written one.
 *
 * Partial files are named ".{final}.partial-<pid>-<random>". A killed process leaves its partial behind; the
 * next start removes it (cleanupStalePartials) — but only when the process that wrote it is gone, so a CLI run
 * never deletes the desktop app's bundle in progress. Partials outside dataDir are found through a small
 * marker file in dataDir/tmp: `{ path }` names one partial, `{ dir }` (a run of many files) stands for every
 * partial of its pid in that folder.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { killPoint } from './killPoint'

const PARTIAL = /^\..+\.partial-(\d+)-[0-9a-f]{8}$/
const MARKER = /^partial-(\d+)-[0-9a-f]{8}\.json$/
const SIDE_SUFFIXES = ['-journal', '-wal', '-shm']
/** Scratch of a bundle build (a folder) and an attachment being copied in, both in dataDir/tmp. */
const SCRATCH = /^(?:bundle-docs|attach)-(\d+)-/

/** The kill point between a partial's fsync and its rename (crash tests). */
export const BEFORE_RENAME = 'before-rename'

const rand = () => crypto.randomBytes(4).toString('hex')

function partialPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}-${rand()}`)
}

function writeMarker(dataDir: string, content: object): string {
  const marker = path.join(dataDir, 'tmp', `partial-${process.pid}-${rand()}.json`)
  fs.mkdirSync(path.dirname(marker), { recursive: true })
  // Durable before the partial it names exists: after a power cut the next start still finds the partial.
  const fd = fs.openSync(marker, 'w')
  try {
    fs.writeFileSync(fd, JSON.stringify(content))
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  return marker
}

/** fsync a file written by someone else (SQLite's VACUUM INTO, a streaming writer that closed its handle). */
export function fsyncFile(file: string): void {
  let fd: number
  try {
    fd = fs.openSync(file, 'r+')
  } catch (error) {
    // A read-only file: POSIX fsyncs through a read handle too.
    if ((error as NodeJS.ErrnoException).code !== 'EACCES' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error
    fd = fs.openSync(file, 'r')
  }
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Make a rename in `dir` durable; skipped on Windows, where directories cannot be opened. Best effort. */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return
  try {
    const fd = fs.openSync(dir, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    // some file systems refuse a directory fsync: the rename is still atomic, only perhaps not yet durable
  }
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // Best effort: a partial left behind is harmless, has a name nobody mistakes for the file, and its
    // marker lets the next start remove it.
  }
}

export interface PartialFile {
  /** Where to write (a streaming writer opens it itself). */
  readonly path: string
  /** Remove the partial file and its marker (after a failure or cancel). */
  discard(): void
  /** fsync the partial, rename it to `target` (replacing what is there), fsync the folder; the marker goes. */
  commit(target: string): void
  /** Like `commit` but never replaces: false (and the partial removed) when `target` already exists. */
  commitNew(target: string): boolean
}

/** A partial name beside `target`, recorded by a marker in dataDir/tmp; the caller writes it. */
export function createPartial(dataDir: string, target: string): PartialFile {
  const partialPath = partialPathFor(target)
  const marker = writeMarker(dataDir, { path: partialPath })
  const finish = () => {
    removeQuietly(marker)
  }
  return {
    path: partialPath,
    discard() {
      try {
        fs.rmSync(partialPath, { force: true })
      } catch (error) {
        // The target's folder is a file (a save place typed wrong): no partial was ever made, none to find.
        if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error
      }
      finish()
    },
    commit(finalPath: string) {
      fsyncFile(partialPath)
      killPoint(BEFORE_RENAME, path.basename(finalPath))
      fs.renameSync(partialPath, finalPath)
      finish()
      syncDirectory(path.dirname(finalPath))
    },
    commitNew(finalPath: string) {
      fsyncFile(partialPath)
      killPoint(BEFORE_RENAME, path.basename(finalPath))
      try {
        // link, not rename: it fails when the file exists, where rename would replace it.
        fs.linkSync(partialPath, finalPath)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        return false
      } finally {
        fs.rmSync(partialPath, { force: true })
        finish()
      }
      syncDirectory(path.dirname(finalPath))
      return true
    },
  }
}

export interface WriteOptions {
  /** File mode of a new file (e.g. 0o600 for a private key). */
  mode?: number
}

function writePartialBytes(partial: PartialFile, data: string | Uint8Array, options: WriteOptions): void {
  const fd = fs.openSync(partial.path, 'wx', options.mode ?? 0o666)
  try {
    fs.writeFileSync(fd, data)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Write `data` to `target` atomically and durably; on failure nothing is left but what `target` was. */
export function writeFileAtomic(dataDir: string, target: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const partial = createPartial(dataDir, target)
  try {
    writePartialBytes(partial, data, options)
    partial.commit(target)
  } catch (error) {
    partial.discard()
    throw error
  }
}

/** Like writeFileAtomic but never replaces an existing `target`: false when it was there first. */
export function writeNewFileAtomic(dataDir: string, target: string, data: string | Uint8Array, options: WriteOptions = {}): boolean {
  const partial = createPartial(dataDir, target)
  try {
    writePartialBytes(partial, data, options)
    return partial.commitNew(target)
  } catch (error) {
    partial.discard()
    throw error
  }
}

export interface PartialWrite {
  /** The partial file: exists from before `done` settles until renamed or discarded. */
  path: string
  /** Settles once the bytes are written and fsync'd (rejects on an I/O error). Never unhandled. */
  done: Promise<void>
}

/**
 * Partial files of one run of many files (letters: one folder as a rule). Same names and guarantees as
 * createPartial — bytes fsync'd before any rename, the partial found by the next start if this process dies —
 * but one marker per folder for the whole run instead of one per file, the write + fsync done off the main
 * thread (so preparing the next file overlaps this one's disk wait), and each folder fsync'd once at `close`.
 *
 * The marker (`{ dir }`) is fsync'd before the first partial in its folder exists, and removed by `close` once
 * every partial of the run is renamed or discarded; at the next start, a marker of a dead pid has that pid's
 * partials in `dir` removed.
 */
export class PartialRun {
  private readonly markers = new Map<string, string>()
  private readonly open = new Set<string>()
  private readonly renamedDirs = new Set<string>()

  constructor(private readonly dataDir: string) {}

  /** Start writing `data` to a new partial beside `target`; the marker of its folder exists on return. */
  write(target: string, data: Uint8Array): PartialWrite {
    const dir = path.dirname(target)
    if (!this.markers.has(dir)) this.markers.set(dir, writeMarker(this.dataDir, { dir }))
    const partialPath = partialPathFor(target)
    this.open.add(partialPath)
    const done = (async () => {
      const fh = await fs.promises.open(partialPath, 'wx')
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

  /** Rename a partial whose `done` has settled to `target`. Synchronous: callers run it inside a DB transaction. */
  commit(partialPath: string, target: string): void {
    killPoint(BEFORE_RENAME, path.basename(target))
    fs.renameSync(partialPath, target)
    this.open.delete(partialPath)
    this.renamedDirs.add(path.dirname(target))
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

  /** End of the run: make the renames durable, then drop the markers unless a partial could not be removed. */
  close(): void {
    for (const dir of this.renamedDirs) syncDirectory(dir)
    this.renamedDirs.clear()
    if (this.open.size) return
    for (const marker of this.markers.values()) removeQuietly(marker)
    this.markers.clear()
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Remove stale partial files in dataDir/outputs and dataDir/tmp (with the SQLite side files of a partial
 * database copy), scratch left in dataDir/tmp by a killed process, and partials recorded by markers anywhere.
 * Returns the paths removed. Never throws: a failed cleanup must not stop the app from starting.
 */
export function cleanupStalePartials(dataDir: string): string[] {
  const removed: string[] = []
  const remove = (file: string) => {
    try {
      fs.rmSync(file, { force: true })
      removed.push(file)
    } catch {
      // left for the next start
    }
  }
  // A database copied to a partial name (backup, restore candidate) has SQLite side files beside it while
  // open; a kill leaves them too, and they match no pattern of ours once their partial is gone.
  const removeWithSides = (file: string) => {
    for (const f of [file, ...SIDE_SUFFIXES.map((side) => file + side)]) if (fs.existsSync(f)) remove(f)
  }
  for (const dir of [path.join(dataDir, 'outputs'), path.join(dataDir, 'tmp')]) {
    let names: string[] = []
    try {
      names = fs.readdirSync(dir)
    } catch {
      continue
    }
    for (const name of names) {
      const m = name.match(PARTIAL)
      if (m && !alive(Number(m[1]))) removeWithSides(path.join(dir, name))
      const scratch = dir.endsWith('tmp') ? name.match(SCRATCH) : null
      if (scratch && !alive(Number(scratch[1]))) {
        try {
          fs.rmSync(path.join(dir, name), { recursive: true, force: true })
          removed.push(path.join(dir, name))
        } catch {
          // left for the next start
        }
      }
      const mk = name.match(MARKER)
      if (mk && dir.endsWith('tmp') && !alive(Number(mk[1]))) {
        try {
          const { path: p, dir: runDir } = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { path?: unknown; dir?: unknown }
          // Only ever delete what looks like one of our partials, whatever the marker says.
          if (typeof p === 'string' && PARTIAL.test(path.basename(p))) removeWithSides(p)
          // A run marker (many files, one folder): every partial of that dead pid in the folder.
          if (typeof runDir === 'string') {
            for (const f of fs.readdirSync(runDir)) {
              const own = f.match(PARTIAL)
              if (own && Number(own[1]) === Number(mk[1])) removeWithSides(path.join(runDir, f))
            }
          }
        } catch {
          // unreadable marker: just drop it
        }
        remove(path.join(dir, name))
      }
    }
  }
  return removed.filter((f) => !MARKER.test(path.basename(f)))
}
