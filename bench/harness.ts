/**
 * A tiny benchmark harness: time a body N times after a warm-up, each time on freshly set-up state that is
 * not timed, and compare a subject with its anchor (the fastest honest way to do the same work). A miss is
 * printed, never a failure: timings on a shared 2-core machine are evidence, not a gate.
 */
import { performance } from 'node:perf_hooks'

export interface Stats {
  label: string
  /** Wall-clock milliseconds per iteration. */
  samples: number[]
  median: number
  min: number
  max: number
  /** Median CPU milliseconds (user + system) of this process: less disturbed by other load on the machine. */
  cpuMedian: number
  cpuSamples: number[]
}

export interface Result {
  name: string
  /** Highest acceptable subject/anchor ratio of medians. */
  target: number
  subject: Stats
  anchor: Stats
  /** subject/anchor of wall-clock medians: the figure the target applies to. */
  ratio: number
  /** subject/anchor of CPU medians, shown beside it as a cross-check on a busy machine. */
  cpuRatio: number
  pass: boolean
  notes?: string[]
}

export interface Case {
  name: string
  run(): Promise<Result>
}

export interface Timed<S> {
  setup(): S | Promise<S>
  body(state: S): unknown
  teardown?(state: S): unknown
}

export interface MeasureOptions {
  iterations?: number
  warmup?: number
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

export async function measure<S>(label: string, timed: Timed<S>, options: MeasureOptions = {}): Promise<Stats> {
  const iterations = options.iterations ?? 7
  const warmup = options.warmup ?? 1
  const samples: number[] = []
  const cpuSamples: number[] = []
  for (let i = 0; i < warmup + iterations; i++) {
    const state = await timed.setup()
    try {
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      await timed.body(state)
      const ms = performance.now() - t0
      const cpu = process.cpuUsage(c0)
      if (i >= warmup) {
        samples.push(ms)
        cpuSamples.push((cpu.user + cpu.system) / 1000)
      }
    } finally {
      await timed.teardown?.(state)
    }
  }
  return stats(label, samples, cpuSamples)
}

function stats(label: string, samples: number[], cpuSamples: number[]): Stats {
  return {
    label,
    samples,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    cpuMedian: median(cpuSamples),
    cpuSamples,
  }
}

/**
 * Interleave subject and anchor iterations (A B A B …) rather than all of one then all of the other, so a
 * noisy neighbour on the machine slows both alike instead of skewing the ratio.
 */
export async function compare<SA, SB>(
  name: string,
  target: number,
  subject: { label: string } & Timed<SA>,
  anchor: { label: string } & Timed<SB>,
  options: MeasureOptions = {},
): Promise<Result> {
  const iterations = options.iterations ?? 7
  const warmup = options.warmup ?? 1
  const a = { wall: [] as number[], cpu: [] as number[] }
  const b = { wall: [] as number[], cpu: [] as number[] }
  for (let i = 0; i < warmup + iterations; i++) {
    const sa = await measure(subject.label, subject, { iterations: 1, warmup: 0 })
    const sb = await measure(anchor.label, anchor, { iterations: 1, warmup: 0 })
    if (i >= warmup) {
      a.wall.push(sa.samples[0])
      a.cpu.push(sa.cpuSamples[0])
      b.wall.push(sb.samples[0])
      b.cpu.push(sb.cpuSamples[0])
    }
  }
  const s = stats(subject.label, a.wall, a.cpu)
  const an = stats(anchor.label, b.wall, b.cpu)
  const ratio = s.median / an.median
  return { name, target, subject: s, anchor: an, ratio, cpuRatio: s.cpuMedian / an.cpuMedian, pass: ratio <= target }
}

const ms = (n: number) => n.toFixed(1).padStart(9)

export function formatResults(results: Result[]): string {
  const lines: string[] = []
  lines.push(`${'case / variant'.padEnd(44)}${'median ms'.padStart(10)}${'min'.padStart(10)}${'max'.padStart(10)}${'cpu ms'.padStart(10)}`)
  for (const r of results) {
    lines.push(`${r.name}`)
    for (const s of [r.subject, r.anchor])
      lines.push(`  ${s.label.padEnd(42)}${ms(s.median)} ${ms(s.min)} ${ms(s.max)} ${ms(s.cpuMedian)}`)
    lines.push(`  ratio ${r.ratio.toFixed(2)} (target ≤ ${r.target})  ${r.pass ? 'PASS' : 'MISS'}    cpu ratio ${r.cpuRatio.toFixed(2)}`)
    for (const n of r.notes ?? []) lines.push(`  note: ${n}`)
  }
  return lines.join('\n')
}
