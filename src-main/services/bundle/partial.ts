/**
 * Output files are written to ".{final}.partial-<pid>-<random>" in the target folder and renamed into place
 * when complete. A killed process leaves its partial file behind; the next start removes it — but only when
 * the process that wrote it is gone, so a CLI run never deletes the desktop app's bundle in progress.
 * Partials outside dataDir are found through a small marker file in dataDir/tmp: `{ path }` names one partial,
 * `{ dir }` (a run of many files) stands for every partial of its pid in that folder.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const PARTIAL = /^\..+\.partial-(\d+)-[0-9a-f]{8}$/
const MARKER = /^partial-(\d+)-[0-9a-f]{8}\.json$/
const SIDE_SUFFIXES = ['-journal', '-wal', '-shm']
/** Scratch of a bundle build (a folder) and an attachment being copied in, both in dataDir/tmp. */
const SCRATCH = /^(?:bundle-docs|attach)-(\d+)-/

export interface PartialFile {
  path: string
  /** Remove the partial file and its marker (after a failure or cancel). */
  discard(): void
  /** fsync'd file renamed to its final name; the marker goes too. */
  commit(finalPath: string): void
}

export function createPartial(dataDir: string, finalPath: string): PartialFile {
  const rand = crypto.randomBytes(4).toString('hex')
  const partialPath = path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.partial-${process.pid}-${rand}`)
  const marker = path.join(dataDir, 'tmp', `partial-${process.pid}-${rand}.json`)
  fs.mkdirSync(path.dirname(marker), { recursive: true })
  fs.writeFileSync(marker, JSON.stringify({ path: partialPath }))
  return {
    path: partialPath,
    discard() {
      fs.rmSync(partialPath, { force: true })
      fs.rmSync(marker, { force: true })
    },
    commit(target: string) {
      fs.renameSync(partialPath, target)
      fs.rmSync(marker, { force: true })
      try {
        // Make the rename itself durable; not possible on Windows, where directories cannot be opened.
        const dirFd = fs.openSync(path.dirname(target), 'r')
        try {
          fs.fsyncSync(dirFd)
        } finally {
          fs.closeSync(dirFd)
        }
      } catch {
        // best effort
      }
    },
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
      const m = PARTIAL.exec(name)
      if (m && !alive(Number(m[1]))) removeWithSides(path.join(dir, name))
      const scratch = dir.endsWith('tmp') ? SCRATCH.exec(name) : null
      if (scratch && !alive(Number(scratch[1]))) {
        try {
          fs.rmSync(path.join(dir, name), { recursive: true, force: true })
          removed.push(path.join(dir, name))
        } catch {
          // left for the next start
        }
      }
      const mk = MARKER.exec(name)
      if (mk && dir.endsWith('tmp') && !alive(Number(mk[1]))) {
        try {
          const { path: p, dir: runDir } = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { path?: unknown; dir?: unknown }
          // Only ever delete what looks like one of our partials, whatever the marker says.
          if (typeof p === 'string' && PARTIAL.test(path.basename(p))) removeWithSides(p)
          // A run marker (many letters, one folder): every partial of that dead pid in the folder.
          if (typeof runDir === 'string') {
            for (const f of fs.readdirSync(runDir)) {
              const own = PARTIAL.exec(f)
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
