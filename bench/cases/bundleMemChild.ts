/**
 * Child process for the memory bench: build a bundle of `argv[2]` MiB and print the peak RSS (VmHWM from
 * /proc/self/status, else process.resourceUsage().maxRSS) as JSON on stdout.
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildBundle } from '../../src-main/services/bundle/build'
import { openApp } from '../../src-main/services/context'
import { makeBundleData } from './bundleData'

function peakKiB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))
    if (m) return Number(m[1])
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS
}

const mib = Number(process.argv[2])
const { dataDir } = makeBundleData(mib)
const app = openApp({ dataDir, actor: 'bench' })
const before = peakKiB()
buildBundle(app, undefined, { outPath: path.join(dataDir, 'outputs', 'mem.zip') })
  .then((r) => {
    process.stdout.write(JSON.stringify({ mib, size: r.size, beforeKiB: before, peakKiB: peakKiB() }) + '\n')
  })
  .finally(() => {
    app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
