/**
 * The office receiving 31 provinces' bundles (300 sites each, ≥ 1 GiB in all, built by the province side's
 * own code and cached: officeReceiveData.ts) against `sha256sum` of the same 31 zip files, interleaved:
 * - throughput ≥ 0.8× sha256sum (time ratio ≤ 1.25): `receive` of the folder into a fresh office with the 31
 *   keys registered — private copy, verification (every entry's hash, the signature), the content hash,
 *   the roster, the store and the register, everything `office receive` does;
 * - peak RSS < 250 MB and flat: the core process as the desktop runs it for an office (the built core.js, the
 *   office's V8 flags, driven through the relay) receives a ~256 MiB set and the 1 GiB set; both peaks and their difference are
 *   printed (target: within 20 MB, like the bundle build's).
 * `npx tsx bench/run.ts office-receive` runs both. The first run builds the sets (several minutes).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Envelope } from '../../src-main/api/define'
import { CoreClient } from '../../src-main/relay/client'
import { coreExecArgv } from '../../src-main/relay/heapFlags'
import { forkNodeCore } from '../../src-main/relay/nodeCore'
import type { OfficeContext } from '../../src-main/services/office/context'
import { addKey } from '../../src-main/services/office/keys'
import { initOffice } from '../../src-main/services/office/profile'
import { receive } from '../../src-main/services/office/receive'
import { compare, median, type Case, type Stats } from '../harness'
import { receiveSet, type ReceiveSet, type SetName } from './officeReceiveData'
import { memoryOf, resetPeakOf } from './peakRss'

const TARGET = 1.25
const PEAK_BUDGET_MB = 250
const FLAT_MB = 20
const MiB = 1024 * 1024

/** CPU milliseconds of this process's waited-for children (utime + stime from /proc), or NaN off Linux. */
function childrenCpuMs(): number {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) sit at 13 and 14 here.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100
  } catch {
    return NaN
  }
}

/** A fresh office with the set's 31 provinces' keys registered. */
function openBenchOffice(dataDir: string, keys: ReceiveSet['keys']): OfficeContext {
  const { office } = initOffice({ dataDir, actor: 'bench' }, { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 })
  try {
    for (const k of keys) addKey(office, { province: k.province, file: k.file })
  } catch (error) {
    office.close()
    throw error
  }
  return office
}

export const officeReceiveCase: Case = {
  name: 'office-receive: 31 bundles vs sha256sum',
  async run() {
    const set = await receiveSet('1g')
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-office-receive-'))
    const anchorCpu: number[] = []
    let n = 0
    try {
      const r = await compare(
        this.name,
        TARGET,
        {
          label: 'receive (copy, verify, hash, store, register)',
          setup: () => {
            return openBenchOffice(path.join(root, `office-${n++}`), set.keys)
          },
          body: async (office: OfficeContext) => {
            const outcomes = await receive(office, [set.dir])
            const bad = outcomes.filter((o) => o.status !== 'ingested')
            if (bad.length) throw new Error(`bench bundles not ingested: ${bad.map((o) => `${path.basename(o.file)} ${o.status}`).join(', ')}`)
          },
          teardown: (office: OfficeContext) => {
            office.close()
            fs.rmSync(office.dataDir, { recursive: true, force: true })
          },
        },
        {
          label: 'sha256sum of the 31 zip files',
          setup: () => undefined,
          body: () => {
            const c0 = childrenCpuMs()
            execFileSync('sha256sum', set.zips, { maxBuffer: 1 << 20 })
            anchorCpu.push(childrenCpuMs() - c0)
          },
        },
        { iterations: 3, warmup: 1 },
      )
      const anchorCpuMedian = median(anchorCpu.slice(-3))
      return {
        ...r,
        notes: [
          `throughput ${(1 / r.ratio).toFixed(2)}× of sha256sum (target ≥ ${(1 / TARGET).toFixed(1)}×); ${set.zips.length} bundles, ${(set.bytes / MiB).toFixed(0)} MiB`,
          `receive ${((set.bytes / MiB / r.subject.median) * 1000).toFixed(0)} MiB/s, sha256sum ${((set.bytes / MiB / r.anchor.median) * 1000).toFixed(0)} MiB/s (wall medians)`,
          `CPU: receive ${r.subject.cpuMedian.toFixed(0)} ms (both threads), sha256sum ${anchorCpuMedian.toFixed(0)} ms: ratio ${(r.subject.cpuMedian / anchorCpuMedian).toFixed(2)} — receive also copies and stores the bytes and hashes them twice (whole file, each entry)`,
          `wall samples ms: receive ${r.subject.samples.map((s) => s.toFixed(0)).join(', ')}; sha256sum ${r.anchor.samples.map((s) => s.toFixed(0)).join(', ')}`,
        ],
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  },
}

interface CoreReport {
  set: SetName
  bytes: number
  bundles: number
  ms: number
  /** The core's RSS just before the receive (the office open, the keys registered). */
  floorKiB: number
  /** The core process's peak RSS over the receive (VmHWM, reset just before it). */
  peakKiB: number
}

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const CORE_JS = path.join(ROOT, 'out', 'main', 'core.js')

/** out/main/core.js as the desktop ships it, built now so the figure is this checkout's (a few seconds). */
function buildCore(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  if (!fs.existsSync(CORE_JS)) throw new Error(`electron-vite build did not write ${CORE_JS}`)
}

const must = <T>(envelope: Envelope<T>, what: string): T => {
  if (!envelope.ok) throw new Error(`${what}: ${envelope.error.message}`)
  return envelope.value
}

/**
 * Receive one set in the core process exactly as the desktop runs it: the built core.js, forked with the flags
 * the desktop gives an office's core (relay/heapFlags.ts), driven through the relay with the operation the
 * window calls — office.bundles.receive on the folder, as a job. The office (profile, 31 keys) is set up
 * beforehand in this process, as an office's folder is before any later start of the app. The peak is read
 * from /proc for the core's pid, so it is the receiver's alone (Linux; elsewhere the case stops and says so).
 */
async function corePeak(set: SetName): Promise<CoreReport & { execArgv: string[] }> {
  const data = await receiveSet(set)
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-office-mem-'))
  const dataDir = path.join(root, '推进办')
  openBenchOffice(dataDir, data.keys).close()
  const execArgv = coreExecArgv(dataDir)
  let pid = 0
  const client = new CoreClient(() => {
    const { child, core } = forkNodeCore({ entry: CORE_JS, execArgv, cwd: root })
    pid = child.pid ?? 0
    return core
  }, dataDir)
  try {
    must(await client.start(), 'open')
    const floor = memoryOf(pid)
    if (!floor || !resetPeakOf(pid)) throw new Error('no /proc/<pid>/status here: the core-process peak is measured on Linux only')
    const t0 = performance.now()
    const out = must(await client.call('office.bundles.receive', { paths: [data.dir] }, 'bench-receive'), 'office.bundles.receive') as { counts: { ingested: number } }
    const ms = performance.now() - t0
    const after = memoryOf(pid)!
    if (out.counts.ingested !== data.zips.length) throw new Error(`only ${out.counts.ingested} of ${data.zips.length} bundles ingested`)
    return { set, bytes: data.bytes, bundles: data.zips.length, ms: Math.round(ms), floorKiB: floor.rssKiB, peakKiB: after.peakKiB, execArgv }
  } finally {
    await client.close()
    fs.rmSync(root, { recursive: true, force: true })
  }
}

export const officeReceiveMemoryCase: Case = {
  name: 'office-receive peak memory (MB, core process)',
  async run() {
    // Both sets built first (by this process), so the children only receive.
    await receiveSet('256m')
    await receiveSet('1g')
    buildCore()
    const small = await corePeak('256m')
    const large = await corePeak('1g')
    const mb = (kib: number) => kib / 1024
    const diff = Math.abs(mb(large.peakKiB) - mb(small.peakKiB))
    const top = Math.max(mb(small.peakKiB), mb(large.peakKiB))
    const stat = (label: string, v: number): Stats => ({ label, samples: [v], median: v, min: v, max: v, cpuMedian: 0, cpuSamples: [0] })
    const line = (r: CoreReport) =>
      `${(r.bytes / MiB).toFixed(0)} MiB (${r.bundles} bundles): core process peak RSS ${mb(r.peakKiB).toFixed(1)} MB (${mb(r.floorKiB).toFixed(1)} MB before the receive), ${r.ms} ms`
    // Reported in the harness's shape: "median ms" columns carry MB here; ratio = peak / budget (no CPU figure).
    return {
      name: this.name,
      target: 1,
      subject: stat('peak RSS, 1 GiB set (MB)', mb(large.peakKiB)),
      anchor: stat('budget (MB)', PEAK_BUDGET_MB),
      ratio: top / PEAK_BUDGET_MB,
      cpuRatio: 0,
      pass: top < PEAK_BUDGET_MB && diff <= FLAT_MB,
      notes: [`core: out/main/core.js under Node ${process.version}, forked with ${small.execArgv.join(' ') || "V8's defaults"} (an office's core, relay/heapFlags.ts)`, line(small), line(large), `difference ${diff.toFixed(1)} MB (target ≤ ${FLAT_MB}); budget < ${PEAK_BUDGET_MB} MB`],
    }
  },
}
