/**
 * `npm run bench`: run every case in bench/cases, print a table with ratios against the anchors and the
 * targets, and merge them into bench/results/latest.json (by case name). Exit code is 0 on a MISS: a miss is a finding, not a failure.
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
import { firstScreenCase } from './cases/firstScreen'
import { relayCase } from './cases/relay'
import { officeDuplicatesCase } from './cases/officeDuplicates'
import { officeRegisterFilterCase } from './cases/officeRegisterFilter'
import { officeReceiveCase, officeReceiveMemoryCase } from './cases/officeReceive'

const CASES: Case[] = [insertSitesCase, listSitesCase, listSitesWithAttachmentsCase, checksCase, bundleBuildCase, bundleVerifyCase, bundleMemoryCase, rosterImportCase, lettersCase, filterSitesCase, firstScreenCase, relayCase, officeDuplicatesCase, officeRegisterFilterCase, officeReceiveCase, officeReceiveMemoryCase]

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
  // Merge, keyed by case name: a filtered run (`npm run bench -- bundle`) replaces its own cases' results and
  // keeps everyone else's, instead of wiping them.
  const file = path.join(dir, 'latest.json')
  let previous: Result[] = []
  try {
    const old = JSON.parse(fs.readFileSync(file, 'utf8')) as { results?: Result[] }
    if (Array.isArray(old.results)) previous = old.results
  } catch {
    // no earlier results, or unreadable: start afresh
  }
  const fresh = new Set(results.map((r) => r.name))
  const doc = {
    at: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: os.cpus().length,
    results: [...previous.filter((r) => !fresh.has(r.name)), ...results],
  }
  fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n')
  console.log(`\n结果已写入 ${path.relative(process.cwd(), path.join(dir, 'latest.json'))}`)
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
