/**
 * The core's V8 flags (relay/heapFlags.ts) are passed in three places that cannot import one constant: the
 * desktop's utility-process fork (checked in electron/lifecycle.test.ts), and the package.json scripts that run
 * the core in-process — `npm run web`, `npm run cli` — plus `npm run bench`, which must measure the core as it
 * runs. A flag this Node does not know would stop every one of them at start-up.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORE_EXEC_ARGV } from '../../../src-main/relay/heapFlags'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts

describe('the core process V8 flags', () => {
  it.each(['web', 'cli', 'bench'])('npm run %s starts tsx with them', (name) => {
    const tsx = / tsx((?: --[\w-]+(?:=\S+)?)*) /.exec(` ${scripts[name]} `)
    expect(tsx, `script ${name}: ${scripts[name]}`).not.toBeNull()
    expect(tsx![1].trim().split(' ')).toEqual([...CORE_EXEC_ARGV])
  })

  it('are flags this Node accepts, and cap the young generation', () => {
    // Churn with survivors between scavenges: without the cap V8 grows new space to 128 MiB on this machine.
    const probe = `const v8=require('node:v8');let k=[];for(let i=0;i<1e7;i++){k.push({i,s:'x'+i});if(k.length>3e5)k=[]}
      process.stdout.write(JSON.stringify({argv:process.execArgv,newSpace:v8.getHeapSpaceStatistics().find(s=>s.space_name==='new_space').space_size}))`
    const run = (flags: string[]) => JSON.parse(execFileSync(process.execPath, [...flags, '-e', probe], { encoding: 'utf8' })) as { argv: string[]; newSpace: number }
    const capped = run([...CORE_EXEC_ARGV])
    expect(capped.argv.slice(0, CORE_EXEC_ARGV.length)).toEqual([...CORE_EXEC_ARGV])
    const semiMiB = Number(/^--max-semi-space-size=(\d+)$/.exec(CORE_EXEC_ARGV[0])?.[1])
    expect(capped.newSpace).toBeLessThanOrEqual(2 * semiMiB * 1024 * 1024)
  })
})
