/**
 * Named points where the crash tests (test/unit/crash) stop a real CLI process the way a power cut would.
 * A test names one point in STARSITE_KILL_AT, either `name` or `name:detail` (e.g. the file being written, when
 * one run writes several); the process that reaches it prints a line saying so — the test's proof that the
 * point was reached, not passed by — and SIGKILLs itself on the spot. Unset, this does nothing.
 */
import fs from 'node:fs'

export const KILL_POINT_ENV = 'STARSITE_KILL_AT'

/** The line a process prints just before it kills itself at `point`. */
export const killPointLine = (point: string): string => `[kill point reached: ${point}]`

export function killPoint(name: string, detail?: string): void {
  const wanted = process.env[KILL_POINT_ENV]
  if (!wanted) return
  const point = wanted === name ? name : detail !== undefined && wanted === `${name}:${detail}` ? wanted : null
  if (!point) return
  fs.writeSync(2, `${killPointLine(point)}\n`)
  process.kill(process.pid, 'SIGKILL')
}
