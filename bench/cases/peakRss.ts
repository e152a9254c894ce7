/**
 * Peak RSS of this process, for the memory benches' child processes. On Linux, writing "5" to
 * /proc/self/clear_refs resets VmHWM, so a phase's peak can be its own rather than the running maximum;
 * elsewhere only the process-wide peak (resourceUsage().maxRSS) is known.
 */
import fs from 'node:fs'

const STATUS = '/proc/self/status'

export const canReset = (() => {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5')
    return fs.existsSync(STATUS)
  } catch {
    return false
  }
})()

/** Start a new peak (a no-op where the peak cannot be reset). */
export function resetPeak(): void {
  if (canReset) fs.writeFileSync('/proc/self/clear_refs', '5')
}

export function peakKiB(): number {
  if (canReset) {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(STATUS, 'utf8'))
    if (m) return Number(m[1])
  }
  return process.resourceUsage().maxRSS
}

/** VmRSS and VmHWM of another process of ours (a forked core), in KiB; null where /proc is not there. */
export function memoryOf(pid: number): { rssKiB: number; peakKiB: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const rss = /VmRSS:\s+(\d+) kB/.exec(status)
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status)
    return rss && hwm ? { rssKiB: Number(rss[1]), peakKiB: Number(hwm[1]) } : null
  } catch {
    return null
  }
}

/** Start a new peak for that process (Linux: its VmHWM becomes its current RSS). */
export function resetPeakOf(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}
