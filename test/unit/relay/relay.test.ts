/**
 * The relay with the core in a real Node child process: calls, errors, jobs with progress and cancel, and a
 * core that is killed mid-job and restarted on the same data folder.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { CORE_CRASHED_MESSAGE } from '../../../src-main/relay/protocol'
import { openApp } from '../../../src-main/services/context'
import { SITE_FIELDS } from '../../fixtures/site'
import { tempDir } from '../../helpers/tmp'
import { errorOf, nextEvent, relayedCore, seedDataDir, valueOf, type RelayedCore } from './helpers'

const SITES = 40
const PER_SITE = 25
const JOB_ID = 'relay-test-job-1'

let tmp: ReturnType<typeof tempDir>
let core: RelayedCore | null = null

beforeAll(() => {
  tmp = tempDir('starsite-relay-')
  seedDataDir(tmp.dir, SITES, PER_SITE)
})

afterAll(() => tmp.cleanup())

afterEach(async () => {
  await core?.stop()
  core = null
})

async function startedAlone(): Promise<RelayedCore> {
  core = relayedCore(tmp.dir)
  expect(await core.client.start()).toEqual({ ok: true, value: null })
  expect(core.client.status).toEqual({ state: 'ready' })
  return core
}

describe('calls through the relay', () => {
  // One child for these: starting one under tsx costs seconds on a busy machine.
  let shared: RelayedCore
  beforeAll(async () => {
    shared = relayedCore(tmp.dir)
    expect(await shared.client.start()).toEqual({ ok: true, value: null })
    expect(shared.client.status).toEqual({ state: 'ready' })
  })
  afterAll(() => shared.stop())
  const started = async () => shared
  it('answers a call with what dispatch answers, from the child process', async () => {
    const c = await started()
    const settings = valueOf<{ dataDir: string; association: { shortName: string } }>(await c.client.call('settings.get', {}))
    expect(settings.dataDir).toBe(tmp.dir)
    expect(settings.association.shortName).toBe('粤通协')
    const { sites } = valueOf<{ sites: unknown[] }>(await c.client.call('sites.list', {}))
    expect(sites).toHaveLength(SITES)
    expect(c.children[0]?.pid).not.toBe(process.pid)
  })

  it('gives an invalid input, and an unknown operation, the same {code, message} as dispatch in-process', async () => {
    const c = await started()
    const other = tempDir('starsite-relay-direct-')
    const direct = openApp({ dataDir: other.dir })
    try {
      for (const [name, input] of [
        ['sites.create', { name: 42 }],
        ['checks.run', { siteIds: [] }],
        ['sites.nope', {}],
      ] as const) {
        const relayed = await c.client.call(name, input)
        expect(errorOf(relayed).message).toMatch(/[\u4e00-\u9fff]/)
        expect(relayed, name).toEqual(await dispatch(direct, name, input))
      }
    } finally {
      direct.close()
      other.cleanup()
    }
  })

  it('runs a job with progress events and its result', async () => {
    const c = await started()
    const run = valueOf<{ sites: number }>(await c.client.call('checks.run', {}, 'relay-test-quick'))
    expect(run.sites).toBe(SITES)
    const mine = c.events.filter((e) => e.jobId === 'relay-test-quick')
    expect(mine.map((e) => `${e.phase} ${e.done}/${e.total}`)).toEqual(['check 0/1', 'check 1/1'])
  })

  it('cancels a running job: progress stops short, the call answers cancelled, the process keeps serving', async () => {
    const c = await started()
    const findingsBefore = valueOf<{ findings: unknown[] }>(await c.client.call('checks.findings', {}))
    const running = c.client.call('checks.run', { deep: true }, JOB_ID)
    const first = await nextEvent(c, (e) => e.jobId === JOB_ID && e.phase === 'hash')
    expect(first.total).toBe(SITES * PER_SITE)
    expect(first.done).toBeLessThan(first.total)
    expect(valueOf<{ cancelled: boolean }>(await c.client.call('jobs.cancel', { jobId: JOB_ID })).cancelled).toBe(true)
    expect(errorOf(await running).code).toBe('cancelled')
    const last = c.events.filter((e) => e.jobId === JOB_ID).at(-1)
    expect(last!.done).toBeLessThan(last!.total)
    // A cancelled check stores nothing, and the core answers the next call as usual.
    expect(valueOf<{ findings: unknown[] }>(await c.client.call('checks.findings', {}))).toEqual(findingsBefore)
  })
})

describe('a crash of the core process', () => {
  it('answers waiting calls with core-crashed, refuses new ones, and restarts on intact data', async () => {
    const c = await startedAlone()
    const statuses: string[] = []
    c.client.onStatus((s) => statuses.push(s.state))
    const created = valueOf<{ id: number; name: string }>(await c.client.call('sites.create', { site: { ...SITE_FIELDS, name: '崩溃前保存的营业厅' } }))

    const running = c.client.call('checks.run', { deep: true }, JOB_ID)
    await nextEvent(c, (e) => e.jobId === JOB_ID && e.phase === 'hash')
    const dead = new Promise((resolve) => c.children[0]!.once('exit', resolve))
    c.children[0]!.kill('SIGKILL')
    await dead

    expect(errorOf(await running)).toEqual({ code: 'core-crashed', message: CORE_CRASHED_MESSAGE })
    expect(c.client.status.state).toBe('crashed')
    expect(c.client.status).toMatchObject({ message: expect.stringMatching(/重新启动/) })
    expect(errorOf(await c.client.call('settings.get', {})).code).toBe('core-crashed')

    expect(await c.client.restart()).toEqual({ ok: true, value: null })
    expect(statuses).toEqual(['crashed', 'starting', 'ready'])
    expect(c.children).toHaveLength(2)
    const { sites } = valueOf<{ sites: { id: number; name: string }[] }>(await c.client.call('sites.list', {}))
    expect(sites).toHaveLength(SITES + 1)
    expect(sites.find((s) => s.id === created.id)?.name).toBe('崩溃前保存的营业厅')
    const health = valueOf<{ ok: boolean; databaseProblems: string[] }>(await c.client.call('maintenance.checkData', {}))
    expect(health).toMatchObject({ ok: true, databaseProblems: [] })
  })

  it('a data folder the core cannot open: start answers the core\'s own error and the process ends', async () => {
    const file = path.join(tmp.dir, 'not-a-folder')
    fs.writeFileSync(file, 'x')
    core = relayedCore(file)
    const result = await core.client.start()
    expect(errorOf(result).message).toContain(file)
    expect(core.client.status).toMatchObject({ state: 'crashed' })
    const child = core.children[0]!
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true)
  })
})
