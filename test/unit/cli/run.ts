/**
 * Runs the real CLI as a child process, the way a user does. Node is this process's own binary (Node 24 in
 * vitest) rather than whatever `node` the PATH finds first: system Node 20 segfaults better-sqlite3 13.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const TSX_CLI = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs')
const MAIN = path.join('src-main', 'cli', 'main.ts')

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** A clean environment: no STARSITE_DATA leaking in from the developer's shell. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra }
  if (!('STARSITE_DATA' in extra)) delete env.STARSITE_DATA
  return env
}

export function runCli(args: string[], extraEnv: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [TSX_CLI, MAIN, ...args], {
    cwd: ROOT,
    env: cliEnv(extraEnv),
    encoding: 'utf8',
    timeout: 60_000,
    // `list --json` of thousands of sites is megabytes; the 1 MiB default would cut it off (ENOBUFS).
    maxBuffer: 256 * 1024 * 1024,
  })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

export function spawnCli(args: string[], extraEnv: Record<string, string> = {}) {
  return spawn(process.execPath, [TSX_CLI, MAIN, ...args], { cwd: ROOT, env: cliEnv(extraEnv), stdio: 'pipe' })
}
