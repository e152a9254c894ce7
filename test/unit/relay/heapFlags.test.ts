/**
 * The core's V8 flags by role (relay/heapFlags.ts): an office's folder gets the young-generation cap, a
 * province's (or a fresh one) none — and the cap is a flag this Node accepts and honours, since a flag it did
 * not know would stop the office's core at start-up.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { coreExecArgv, OFFICE_CORE_EXEC_ARGV } from '../../../src-main/relay/heapFlags'
import { openApp } from '../../../src-main/services/context'
import { initOffice } from '../../../src-main/services/office/profile'
import { tempDir } from '../../helpers/tmp'

describe('the core process V8 flags', () => {
  const tmp = tempDir()
  afterAll(() => tmp.cleanup())

  it('caps an office folder, leaves a province or a new folder alone', () => {
    const fresh = path.join(tmp.dir, 'new')
    expect(coreExecArgv(fresh)).toEqual([])
    const province = path.join(tmp.dir, 'province')
    openApp({ dataDir: province, actor: 'test' }).close()
    expect(coreExecArgv(province)).toEqual([])
    const officeDir = path.join(tmp.dir, 'office')
    initOffice({ dataDir: officeDir, actor: 'test' }, { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 }).office.close()
    expect(coreExecArgv(officeDir)).toEqual([...OFFICE_CORE_EXEC_ARGV])
  })

  it('are flags this Node accepts, and cap the young generation', () => {
    // Churn with survivors between scavenges: without the cap V8 grows new space to 128 MiB on a roomy machine.
    const probe = `const v8=require('node:v8');let k=[];for(let i=0;i<1e7;i++){k.push({i,s:'x'+i});if(k.length>3e5)k=[]}
      process.stdout.write(JSON.stringify({argv:process.execArgv,newSpace:v8.getHeapSpaceStatistics().find(s=>s.space_name==='new_space').space_size}))`
    const capped = JSON.parse(execFileSync(process.execPath, [...OFFICE_CORE_EXEC_ARGV, '-e', probe], { encoding: 'utf8' })) as { argv: string[]; newSpace: number }
    expect(capped.argv.slice(0, OFFICE_CORE_EXEC_ARGV.length)).toEqual([...OFFICE_CORE_EXEC_ARGV])
    const semiMiB = Number(/^--max-semi-space-size=(\d+)$/.exec(OFFICE_CORE_EXEC_ARGV[0])?.[1])
    expect(semiMiB).toBeGreaterThan(0)
    expect(capped.newSpace).toBeLessThanOrEqual(2 * semiMiB * 1024 * 1024)
  })
})
