#!/usr/bin/env node
/**
 * `npm test`: the whole gate, in the order a failure is cheapest to see — type-check both halves, lint, unit
 * tests, build the renderer and the Electron bundles, then the browser tests against the built UI.
 * Ends with the plain line CI reads: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const results = path.join(root, 'test-results')
fs.mkdirSync(results, { recursive: true })

const onlyUnit = process.argv.includes('--unit')
let passed = 0
let failed = 0
const failures = []

function run(label, command, args) {
  console.error(`\n▶ ${label}: ${command} ${args.join(' ')}`)
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  return r.status === 0
}

function step(label, command, args) {
  if (run(label, command, args)) passed++
  else {
    failed++
    failures.push(label)
  }
}

function vitest(label, config, outFile) {
  const json = path.join(results, outFile)
  fs.rmSync(json, { force: true })
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]
  if (config) args.push('--config', config)
  const ok = run(label, 'vitest', args)
  if (fs.existsSync(json)) {
    const report = JSON.parse(fs.readFileSync(json, 'utf8'))
    passed += report.numPassedTests
    failed += report.numFailedTests
    if (report.numFailedTests > 0) failures.push(`${label}: ${report.numFailedTests} failed`)
    // A suite that fails to load counts no test: count it here so it cannot pass silently.
    if (!ok && report.numFailedTests === 0) {
      failed++
      failures.push(`${label}: a test file failed to run`)
    }
  } else if (!ok) {
    failed++
    failures.push(`${label}: no report`)
  }
}

step('type-check (main, CLI, tests)', 'tsc', ['-p', 'tsconfig.node.json', '--noEmit'])
step('type-check (renderer)', 'tsc', ['-p', 'tsconfig.web.json', '--noEmit'])
step('type-check (browser tests)', 'tsc', ['-p', 'tsconfig.e2e.json', '--noEmit'])
step('lint (ESLint: layers, hooks, typescript-eslint)', 'eslint', ['.'])
vitest('unit tests', null, 'unit.json')
if (!onlyUnit) {
  step('build renderer (browser mode)', 'vite', ['build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'])
  step('build desktop app (electron-vite)', 'electron-vite', ['build', '--logLevel', 'warn'])
  vitest('end-to-end tests (Chromium)', 'vitest.e2e.config.ts', 'e2e.json')
}

if (failures.length) console.error(`\n失败 / failed:\n  - ${failures.join('\n  - ')}`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
