/**
 * `npm run bench`: run every case in bench/cases, print a table with ratios against the anchors and the
 * targets, and write bench/results/latest.json. Exit code is 0 on a MISS: a miss is a finding, not a failure.
 * `npm run bench -- insert` runs only the cases whose name contains "insert".
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatResults, type Case, type Result } from './harness'
import { insertSitesCase } from './cases/insertSites'
import { rosterImportCase } from './cases/rosterImport'
import { listSitesCase, listSitesWithAttachmentsCase } from './cases/listSites'
import { checksCase } from './cases/checks'
import { bundleBuildCase, bundleMemoryCase, bundleVerifyCase } from './cases/bundle'
import { lettersCase } from './cases/letters'
import { filterSitesCase } from './cases/filterSites'

const CASES: Case[] = [insertSitesCase, listSitesCase, listSitesWithAttachmentsCase, checksCase, bundleBuildCase, bundleVerifyCase, bundleMemoryCase, rosterImportCase, lettersCase, filterSitesCase]

async function main(): Promise<void> {
  const filter = process.argv[2]
  const cases = filter ? CASES.filter((c) => c.name.includes(filter)) : CASES
  const results: Result[] = []
  for (const c of cases) {
    process.stderr.write(`运行 ${c.name} …\n`)
    results.push(await c.run())
  }
  console.log(formatResults(results))
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results')
  fs.mkdirSync(dir, { recursive: true })
  const doc = {
    at: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: os.cpus().length,
    results,
  }
  fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(doc, null, 2) + '\n')
  console.log(`\n结果已写入 ${path.relative(process.cwd(), path.join(dir, 'latest.json'))}`)
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
