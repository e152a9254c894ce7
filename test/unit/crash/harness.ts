/**
 * Crash-test harness: run the real CLI as a child process, SIGKILL it at a chosen point, then look at what
 * the data folder holds. The CLI is started in a process group of its own (detached) because tsx runs the
 * script in a grandchild node process: killing the group kills the process that actually writes, the way a
 * power cut would, instead of only the tsx wrapper.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import yauzl from 'yauzl'
import { createRequire } from 'node:module'
import { expect } from 'vitest'
import { KILL_POINT_ENV, killPointLine } from '../../../src-main/services/files/killPoint'
import { cliEnv } from '../cli/run'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const TSX_CLI = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs')
const MAIN = path.join('src-main', 'cli', 'main.ts')

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** mulberry32: a tiny seeded PRNG, so a failing kill point can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Running {
  child: ChildProcess
  /** stderr seen so far (progress lines). */
  stderr(): string
  /** Resolves with the exit code and signal of the tsx wrapper (the group leader). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** SIGKILL the whole process group; resolves once the leader is gone. */
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  done(): boolean
}

export interface StartOptions {
  /** A kill point (services/files/killPoint.ts) where the CLI kills itself, e.g. 'before-rename:x.xlsx'. */
  killAt?: string
}

export function startCli(args: string[], options: StartOptions = {}): Running {
  const env = cliEnv(options.killAt ? { [KILL_POINT_ENV]: options.killAt } : {})
  const child = spawn(process.execPath, [TSX_CLI, MAIN, ...args], { cwd: ROOT, env, stdio: 'pipe', detached: true })
  let err = ''
  let finished = false
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')))
  child.stdout!.resume()
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      finished = true
      resolve({ code, signal })
    }),
  )
  return {
    child,
    stderr: () => err,
    exited,
    done: () => finished,
    async kill() {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // the group is already gone
      }
      const r = await exited
      // The grandchild may take a moment to be reaped after the leader; wait until the group is empty.
      for (let i = 0; i < 200 && groupAlive(child.pid!); i++) await sleep(25)
      return r
    },
  }
}

/**
 * Start a CLI run, kill it once `when` resolves, and fail the test unless the kill really landed at the point:
 * `when` saw the point while the CLI was still running (false: it ended first) and the CLI died by SIGKILL,
 * not by finishing in between. Without this a point that fires too late passes without testing anything.
 * `start` lays out fresh data for each attempt; a point given several `attempts` (a delay, which the machine's
 * load can outrun) is tried again with `attempt` counting up until it lands. Returns the run that was killed.
 */
export async function killAt(
  point: string,
  start: () => Running,
  when: (run: Running, attempt: number) => Promise<boolean>,
  attempts = 1,
): Promise<Running> {
  for (let attempt = 0; ; attempt++) {
    const run = start()
    const fired = await when(run, attempt)
    const exit = await run.kill()
    if ((fired && exit.signal === 'SIGKILL') || attempt + 1 >= attempts) {
      expect(fired, `${point}: the kill point was never reached (the CLI ended first)\n${run.stderr()}`).toBe(true)
      expect(exit.signal, `${point}: the CLI was no longer running when killed (exit code ${exit.code})`).toBe('SIGKILL')
      return run
    }
  }
}

/**
 * A kill `ms` after the start. How long a run takes varies with the machine's load: when the CLI ends first,
 * the next attempt waits half as long (4 attempts), so the kill still lands mid-run.
 */
export function afterStart(ms: number): { attempts: number; when: (run: Running, attempt: number) => Promise<boolean> } {
  return {
    attempts: 4,
    when: async (run, attempt) => {
      await sleep(Math.floor(ms / 2 ** attempt))
      return !run.done()
    },
  }
}

/**
 * Wait for a CLI started with `killAt` to kill itself, and fail unless it did so at that point: it printed
 * the kill point's line and died by SIGKILL, and no process of its group is left.
 */
export async function expectSelfKilled(run: Running, point: string): Promise<void> {
  const exit = await run.exited
  await run.kill()
  expect(run.stderr(), `${point}: the kill point was never reached`).toContain(killPointLine(point))
  // The tsx wrapper reports its child's death by SIGKILL as exit code 128 + 9.
  const byKill = exit.signal === 'SIGKILL' || exit.code === 137
  expect(byKill, `${point}: exit code ${exit.code}, signal ${exit.signal}, not SIGKILL`).toBe(true)
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/** Polls `probe` every few ms until it returns true or the process ends; true when the probe fired. */
export async function waitFor(run: Running, probe: () => boolean, timeoutMs = 120_000): Promise<boolean> {
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    try {
      if (probe()) return true
    } catch {
      // a file vanished between readdir and stat: try again
    }
    if (run.done()) return false
    await sleep(5)
  }
  return false
}

export function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true })
}

export function tempRoot(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Every file under dir (relative paths), recursively. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(path.join(d, e.name), r)
      else out.push(r)
    }
  }
  if (fs.existsSync(dir)) walk(dir, '')
  return out.sort()
}

/** Anything that looks like an interrupted write of ours: partial outputs, staging files, temp letters. */
export function leftovers(dir: string): string[] {
  return listFiles(dir).filter((f) => /\.partial-\d+-[0-9a-f]{8}|\.tmp$|\.part$|(^|\/)partial-\d+-[0-9a-f]{8}\.json$|(^|\/)tmp\/bundle-docs-/.test(f))
}

/** PRAGMA integrity_check and a few counts, read-only, after the crash (before the next CLI start). */
export function inspectDb(dataDir: string, queries: Record<string, string>): { integrity: string; counts: Record<string, number> } {
  // Not read-only: a WAL left by the killed process must be replayed for the check to see the committed data.
  const db = new Database(path.join(dataDir, 'starsite.db'))
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ')
    const counts: Record<string, number> = {}
    for (const [k, sql] of Object.entries(queries)) counts[k] = (db.prepare(sql).get() as { n: number }).n
    return { integrity, counts }
  } finally {
    db.close()
  }
}

/** A .docx is whole when it opens as a zip and its word/document.xml is complete. */
export async function docxIsWhole(file: string): Promise<boolean> {
  try {
    const zip = await yauzl.openPromise(file, { lazyEntries: true })
    let found = false
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== 'word/document.xml') continue
      const stream = await zip.openReadStreamPromise(entry)
      let text = ''
      for await (const c of stream) text += (c as Buffer).toString('utf8')
      found = text.includes('</w:document>')
    }
    zip.close()
    return found
  } catch {
    return false
  }
}
