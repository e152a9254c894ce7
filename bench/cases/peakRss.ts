/**
 * Peak RSS of a process of ours — this one, or a child such as a forked core — for the memory benches. On
 * Linux, writing "5" to /proc/<pid>/clear_refs resets VmHWM, so a phase's peak can be its own rather than the
 * running maximum; elsewhere only this process's overall peak (resourceUsage().maxRSS) is known.
 */
import fs from 'node:fs'

type Pid = number | 'self'

/** Start a new peak for that process; false where the peak cannot be reset. */
export function resetPeakOf(pid: Pid): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return fs.existsSync(`/proc/${pid}/status`)
  } catch {
    return false
  }
}

/** VmRSS and VmHWM in KiB; null where /proc is not there. */
export function memoryOf(pid: Pid): { rssKiB: number; peakKiB: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const rss = /VmRSS:\s+(\d+) kB/.exec(status)
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status)
    return rss && hwm ? { rssKiB: Number(rss[1]), peakKiB: Number(hwm[1]) } : null
  } catch {
    return null
  }
}

export const canReset = resetPeakOf('self')

/** Start a new peak for this process (a no-op where the peak cannot be reset). */
export function resetPeak(): void {
  if (canReset) resetPeakOf('self')
}

/** This process's peak RSS in KiB. */
export function peakKiB(): number {
  return (canReset && memoryOf('self')?.peakKiB) || process.resourceUsage().maxRSS
}
