/**
 * The relay's core holds a session: an office folder opens as the office in the child process, and a new
 * folder (a province's until then) becomes the office's there, with the role refusals both ways.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { initOffice } from '../../../src-main/services/office/profile'
import { tempDir } from '../../helpers/tmp'
import { errorOf, relayedCore, valueOf, type RelayedCore } from './helpers'

const dirs: ReturnType<typeof tempDir>[] = []
let core: RelayedCore | null = null
afterEach(async () => {
  await core?.stop()
  core = null
  for (const d of dirs.splice(0)) d.cleanup()
})

function folder(): string {
  const d = tempDir('starsite-relay-office-')
  dirs.push(d)
  return d.dir
}

describe('the relayed core on an office folder', () => {
  it('opens an office folder as the office; province operations are refused with wrong-role', async () => {
    const dir = folder()
    initOffice({ dataDir: dir, actor: '推进办' }, { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 }).office.close()
    core = relayedCore(dir)
    expect(await core.client.start()).toEqual({ ok: true, value: null })
    expect(valueOf(await core.client.call('session.get', {}))).toEqual({ role: 'office', canBecomeOffice: false, dataDir: dir })
    expect(valueOf<{ shortName: string }>(await core.client.call('office.profile.get', {})).shortName).toBe('推进办')
    expect(errorOf(await core.client.call('sites.list', {})).code).toBe('wrong-role')
  })

  it('a new folder becomes the office in the child process, and stays the office after a restart of the core', async () => {
    const dir = folder()
    core = relayedCore(dir)
    expect(await core.client.start()).toEqual({ ok: true, value: null })
    expect(valueOf<{ role: string; canBecomeOffice: boolean }>(await core.client.call('session.get', {}))).toMatchObject({ role: 'province', canBecomeOffice: true })
    expect(errorOf(await core.client.call('office.overview', {})).code).toBe('wrong-role')
    const became = valueOf<{ role: string }>(await core.client.call('session.becomeOffice', { name: '服务现场质量推进活动办公室', shortName: '推进办' }))
    expect(became.role).toBe('office')
    expect(fs.existsSync(path.join(dir, 'starsite.db'))).toBe(false)
    expect(valueOf<{ totals: { sites: number }; missing: string[] }>(await core.client.call('office.overview', {}))).toMatchObject({ totals: { sites: 0 }, missing: expect.arrayContaining(['广东省']) })
    await core.stop()
    core = relayedCore(dir)
    expect(await core.client.start()).toEqual({ ok: true, value: null })
    expect(valueOf<{ role: string }>(await core.client.call('session.get', {})).role).toBe('office')
  })
})
