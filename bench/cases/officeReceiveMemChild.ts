/**
 * Child process for the office receive memory bench: receive one cached set (`argv[2]`: 256m or 1g) into a
 * fresh office and print, as one JSON line on stdout, the peak RSS of the receive alone (VmHWM reset just
 * before it, like bundleMemChild.ts), the floor it started from, and the time it took. A child of its own so
 * the peak is the receiver's (main thread and hash worker: one process), not the bench's.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { addKey } from '../../src-main/services/office/keys'
import { initOffice } from '../../src-main/services/office/profile'
import { receive } from '../../src-main/services/office/receive'
import { receiveSet, type SetName } from './officeReceiveData'
import { canReset, peakKiB, resetPeak } from './peakRss'

async function main(): Promise<void> {
  const name = process.argv[2] as SetName
  const set = await receiveSet(name)
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-office-mem-'))
  const { office } = initOffice({ dataDir: path.join(root, '推进办'), actor: 'bench' }, { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 })
  try {
    for (const k of set.keys) addKey(office, { province: k.province, file: k.file })
    const beforeKiB = peakKiB()
    resetPeak()
    const t0 = performance.now()
    const outcomes = await receive(office, [set.dir])
    const ms = performance.now() - t0
    const receiveKiB = peakKiB()
    const ingested = outcomes.filter((o) => o.status === 'ingested').length
    if (ingested !== set.zips.length) throw new Error(`only ${ingested} of ${set.zips.length} bundles ingested`)
    // Without a resettable VmHWM, only the process-wide maximum is known (it includes the set-up).
    const peak = canReset ? Math.max(receiveKiB, beforeKiB) : process.resourceUsage().maxRSS
    process.stdout.write(JSON.stringify({ set: name, bytes: set.bytes, bundles: set.zips.length, ms: +ms.toFixed(0), beforeKiB, receiveKiB, peakKiB: peak }) + '\n')
  } finally {
    office.close()
    fs.rmSync(root, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
