/**
 * Child process for the memory bench: build a bundle of `argv[2]` MiB and print, as one JSON line on stdout,
 * the peak RSS of the whole build and of each phase (documents, stream, fsync, rename) with the time each
 * took and process.memoryUsage() at its end. A child of its own so the peak is the builder's, not the bench's.
 *
 * Per-phase peaks: on Linux, writing "5" to /proc/self/clear_refs resets VmHWM, so each phase's peak is its
 * own rather than the running maximum. Elsewhere only the whole-build peak (resourceUsage().maxRSS) is known.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildBundle, type BuildPhase } from '../../src-main/services/bundle/build'
import { openApp } from '../../src-main/services/context'
import { makeBundleData } from './bundleData'
import { canReset, peakKiB, resetPeak } from './peakRss'

const MB = 1024 * 1024
const mem = () => {
  const m = process.memoryUsage()
  return { rss: +(m.rss / MB).toFixed(1), heapUsed: +(m.heapUsed / MB).toFixed(1), external: +(m.external / MB).toFixed(1), arrayBuffers: +(m.arrayBuffers / MB).toFixed(1) }
}

const mib = Number(process.argv[2])
const { dataDir } = makeBundleData(mib)
const app = openApp({ dataDir, actor: 'bench' })
// Peak of everything up to here (module loading, generating the data): the floor the build starts from.
const beforeKiB = peakKiB()
const beforeMem = mem()
let overallPeak = 0
const phases: { phase: BuildPhase; ms: number; cpuMs: number; peakMB: number | null; mem: ReturnType<typeof mem> }[] = []
const reset = () => {
  resetPeak()
}
reset()
let last = performance.now()
let lastCpu = process.cpuUsage()
const t0 = last
buildBundle(app, undefined, {
  outPath: path.join(dataDir, 'outputs', 'mem.zip'),
  trace(phase) {
    const now = performance.now()
    const cpu = process.cpuUsage(lastCpu)
    const peak = peakKiB()
    overallPeak = Math.max(overallPeak, peak)
    phases.push({ phase, ms: +(now - last).toFixed(1), cpuMs: +((cpu.user + cpu.system) / 1000).toFixed(1), peakMB: canReset ? +(peak / 1024).toFixed(1) : null, mem: mem() })
    reset()
    last = performance.now()
    lastCpu = process.cpuUsage()
  },
})
  .then((r) => {
    const totalMs = +(performance.now() - t0).toFixed(1)
    overallPeak = Math.max(overallPeak, peakKiB())
    // Without a resettable VmHWM the process-wide maximum is all there is (it includes the data generation).
    const peak = canReset ? Math.max(overallPeak, beforeKiB) : process.resourceUsage().maxRSS
    process.stdout.write(
      JSON.stringify({ mib, size: r.size, totalMs, beforeKiB, beforeMem, buildPeakKiB: overallPeak, peakKiB: peak, phases }) + '\n',
    )
  })
  .finally(() => {
    app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
