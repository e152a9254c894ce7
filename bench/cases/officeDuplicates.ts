/**
 * National duplicates over 10,000 register sites: four provinces' ingested bundles of 2,500 sites each,
 * written straight through the office repositories (no zip, no signature: only the register matters here).
 * Subject: listDuplicates, everything `office duplicates` does — read the register, file every site under
 * its keys, pair the sites sharing a key, join the stored resolutions. The target is absolute (under 1 s), so
 * the result carries the budget as its "anchor"; the bare pair-finding pass (core only) is printed as a note.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findOfficeDuplicates } from '../../src-main/core/office/duplicates'
import { insertReceivedBundle } from '../../src-main/db/office/bundles'
import { insertRegisterSites } from '../../src-main/db/office/register'
import { openOffice } from '../../src-main/services/office/context'
import { listDuplicates } from '../../src-main/services/office/duplicates'
import { initOffice } from '../../src-main/services/office/profile'
import { measure, median, type Case, type Stats } from '../harness'
import { makeSites } from './data'

const COUNT = 10_000
const BUDGET_MS = 1000
const PROVINCES = ['广东省', '浙江省', '江苏省', '山东省']
const NOW = '2021-06-01T08:00:00.000Z'

export const officeDuplicatesCase: Case = {
  name: 'office duplicates: 10,000 register sites, 4 provinces',
  async run() {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-office-')), '推进办')
    initOffice({ dataDir, now: () => NOW }, { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 }).office.close()
    const office = openOffice({ dataDir, actor: 'bench', now: () => NOW })
    try {
      const sites = makeSites(COUNT)
      const per = COUNT / PROVINCES.length
      office.db.transaction(() => {
        PROVINCES.forEach((province, p) => {
          const slice = sites.slice(p * per, (p + 1) * per)
          const bundleId = insertReceivedBundle(office.db, {
            sha256: String(p).repeat(64), size: 1, originalName: `${province}.zip`, province, association: `${province}通信行业协会`,
            campaignYear: 2021, createdAt: NOW, fingerprint: 'AB', keyId: null, receivedAt: NOW, receivedBy: 'bench',
            status: 'ingested', sites: slice.length, files: 0, diff: null,
          })
          insertRegisterSites(
            office.db,
            bundleId,
            province,
            slice.map((s, i) => ({
              code: `P${p}-2021-H${String(i + 1).padStart(4, '0')}`, name: s.name, type: s.type, recommender: s.recommender,
              starLevel: s.starLevel ?? 3, fields: { ...s, certificates: undefined, highlights: undefined }, files: [],
            })),
          )
        })
      })()

      let pairs = 0
      const subject = await measure('listDuplicates (read + pair + resolutions)', { setup: () => null, body: () => (pairs = listDuplicates(office).length) })
      const keys = PROVINCES.flatMap((province, p) =>
        sites.slice(p * per, (p + 1) * per).map((s, i) => ({ province, code: `P${p}-${i}`, name: s.name, city: s.city, address: s.address, uscc: s.uscc })),
      )
      const bare = await measure('findOfficeDuplicates (core only)', { setup: () => null, body: () => findOfficeDuplicates(keys) })
      const budget: Stats = { label: 'budget (ms)', samples: [BUDGET_MS], median: BUDGET_MS, min: BUDGET_MS, max: BUDGET_MS, cpuMedian: 0, cpuSamples: [] }
      return {
        name: this.name,
        target: 1,
        subject,
        anchor: budget,
        ratio: subject.median / BUDGET_MS,
        cpuRatio: 0,
        pass: subject.median < BUDGET_MS,
        notes: [
          `median ${subject.median.toFixed(1)} ms for ${COUNT.toLocaleString('en')} sites, ${pairs} pairs found (target < ${BUDGET_MS} ms: ${subject.median < BUDGET_MS ? 'PASS' : 'MISS'})`,
          `pair-finding alone (core, keys in memory): median ${median(bare.samples).toFixed(1)} ms`,
        ],
      }
    } finally {
      office.close()
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true })
    }
  },
}
