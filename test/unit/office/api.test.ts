/**
 * The office through the contract: a session opened on a real folder (province or office by what is on
 * disk), every office operation through dispatch with real signed province bundles, the role refusals both
 * ways, and the first-run change of a pristine province folder into the office's.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import type { OpOutput } from '../../../src-main/api/contract'
import type { Envelope } from '../../../src-main/api/define'
import type { JobEvent } from '../../../src-main/services/jobs'
import { openSession, type Session } from '../../../src-main/services/session'
import { saveAssociation } from '../../../src-main/services/settings/association'
import { setTestHook } from '../../../src-main/services/files/testHook'
import { readZip, writeZip } from '../bundle/helpers'
import { changeStarLevel, fileList, newOffice, province, tempDir } from './helpers'

const sessions: Session[] = []
afterEach(() => {
  for (const s of sessions.splice(0)) s.close()
})

function session(dataDir: string): Session {
  let tick = 0
  const s = openSession({ dataDir, actor: '推进办', now: () => new Date(Date.UTC(2021, 5, 1, 8, 0, tick++)).toISOString() })
  sessions.push(s)
  return s
}

/** How a star level reads in the diff (and everywhere people see it). */
const STARS = ['', '一星级', '二星级', '三星级', '四星级', '五星级']

function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

function failure(envelope: Envelope<unknown>): { code: string; message: string; fields: string[] } {
  if (envelope.ok) throw new Error('expected a refusal')
  const problems = (envelope.error.details as { problems?: { field: string }[] } | undefined)?.problems ?? []
  return { code: envelope.error.code, message: envelope.error.message, fields: problems.map((p) => p.field) }
}

/** A copy of a signed bundle with one byte of one site file changed, written as a fresh zip. */
async function tampered(bundle: string, out: string): Promise<string> {
  const items = await readZip(bundle)
  const victim = items.find((i) => i.name.endsWith('.pdf'))!
  victim.data = Buffer.from(victim.data)
  victim.data[20] ^= 0x01
  await writeZip(out, items)
  return victim.name
}

/** Every file and folder under dir, for before/after comparisons (SQLite's side files excluded). */
function tree(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      out.push(path.relative(dir, p) + (e.isDirectory() ? '/' : ''))
      if (e.isDirectory()) walk(p)
    }
  }
  walk(dir)
  return out.filter((f) => !/-(wal|shm)$/.test(f)).sort()
}

describe('session: one folder, one role', () => {
  it('a new folder opens as a province; office operations are refused there with wrong-role, in Chinese', async () => {
    const s = session(tempDir('starsite-sess-'))
    expect(value(await dispatch(s, 'session.get', {}))).toEqual({ role: 'province', canBecomeOffice: true, dataDir: s.dataDir })
    const refused = failure(await dispatch(s, 'office.overview', {}))
    expect(refused.code).toBe('wrong-role')
    expect(refused.message).toContain('省级协会')
    expect(refused.message).toContain('office.overview')
    // Its own operations run as before.
    expect(value<{ association: unknown }>(await dispatch(s, 'settings.get', {})).association).toBeNull()
  })

  it('an office folder opens as the office; province operations are refused with wrong-role', async () => {
    const office = newOffice()
    const dir = office.dataDir
    office.close()
    const s = session(dir)
    expect(value(await dispatch(s, 'session.get', {}))).toEqual({ role: 'office', canBecomeOffice: false, dataDir: dir })
    for (const op of ['sites.list', 'settings.get', 'audit.list']) {
      const refused = failure(await dispatch(s, op, {}))
      expect(refused.code).toBe('wrong-role')
      expect(refused.message).toContain('全国推进办公室')
    }
    expect(value<OpOutput<'office.profile.get'>>(await dispatch(s, 'office.profile.get', {}))).toEqual({
      name: '服务现场质量推进活动办公室',
      shortName: '推进办',
      year: 2021,
      deadline: null,
    })
  })

  it('a pristine province folder becomes the office: its database and empty folders go, the office is set up in place', async () => {
    const dir = tempDir('starsite-first-')
    const s = session(dir)
    expect(tree(dir)).toEqual(['backups/', 'files/', 'keys/', 'logs/', 'outputs/', 'starsite.db', 'tmp/'])
    const became = value<OpOutput<'session.becomeOffice'>>(await dispatch(s, 'session.becomeOffice', { name: ' 推进活动办公室 ', shortName: '推进办', year: 2022 }))
    expect(became).toEqual({ role: 'office', canBecomeOffice: false, dataDir: dir, profile: { name: '推进活动办公室', shortName: '推进办', year: 2022, deadline: null } })
    expect(tree(dir)).toEqual(['bundles/', 'office.db', 'tmp/'])
    expect(failure(await dispatch(s, 'sites.list', {})).code).toBe('wrong-role')
    const audit = value<OpOutput<'office.audit.list'>>(await dispatch(s, 'office.audit.list', {}))
    expect(audit.entries.map((e) => e.summary)).toEqual(['设置推进办公室：推进活动办公室（推进办），2022 年度'])
    // Opened again later, the folder is the office's.
    s.close()
    sessions.splice(sessions.indexOf(s), 1)
    expect(value<{ role: string }>(await dispatch(session(dir), 'session.get', {})).role).toBe('office')
    // Asking twice is refused.
    expect(failure(await dispatch(s, 'session.becomeOffice', { name: 'x', shortName: 'y' })).code).toBe('conflict')
  })

  it('the desktop log and a waiting upload do not count as province data, and stay where they are', async () => {
    const dir = tempDir('starsite-log-')
    const s = session(dir)
    fs.writeFileSync(path.join(dir, 'logs', 'desktop.log'), 'start\n')
    fs.mkdirSync(path.join(dir, 'tmp', 'uploads', 'abc'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'tmp', 'uploads', 'abc', '广东.zip'), 'zip')
    expect(value<{ canBecomeOffice: boolean }>(await dispatch(s, 'session.get', {})).canBecomeOffice).toBe(true)
    value(await dispatch(s, 'session.becomeOffice', { name: '推进活动办公室', shortName: '推进办' }))
    expect(tree(dir)).toEqual(['bundles/', 'logs/', 'logs/desktop.log', 'office.db', 'tmp/', 'tmp/uploads/', 'tmp/uploads/abc/', 'tmp/uploads/abc/广东.zip'])
  })

  it('a province folder with its association saved is not changed: refused in Chinese, every file as it was', async () => {
    const dir = tempDir('starsite-used-')
    const s = session(dir)
    if (s.state.role !== 'province') throw new Error('expected a province session')
    saveAssociation(s.state.app, { name: '广东省通信行业协会', shortName: '粤通协', province: '广东省' }, 2021)
    expect(value<{ canBecomeOffice: boolean }>(await dispatch(s, 'session.get', {})).canBecomeOffice).toBe(false)
    const before = tree(dir)
    const refused = failure(await dispatch(s, 'session.becomeOffice', { name: '推进活动办公室', shortName: '推进办' }))
    expect(refused.code).toBe('conflict')
    expect(refused.message).toContain('已有省级协会的数据')
    expect(refused.message).toContain('未做任何修改')
    expect(tree(dir)).toEqual(before)
    expect(value<{ role: string }>(await dispatch(s, 'session.get', {})).role).toBe('province')
    expect(value<{ association: { name: string } | null }>(await dispatch(s, 'settings.get', {})).association?.name).toBe('广东省通信行业协会')
  })

  it('a file left in a province folder (a site attachment, a backup…) also keeps it from becoming the office', async () => {
    const dir = tempDir('starsite-file-')
    const s = session(dir)
    fs.writeFileSync(path.join(dir, 'outputs', '名册.xlsx'), 'x')
    expect(value<{ canBecomeOffice: boolean }>(await dispatch(s, 'session.get', {})).canBecomeOffice).toBe(false)
    expect(failure(await dispatch(s, 'session.becomeOffice', { name: '推进活动办公室', shortName: '推进办' })).code).toBe('conflict')
    expect(fs.existsSync(path.join(dir, 'starsite.db'))).toBe(true)
  })

  it('an office set-up that fails half-way leaves a working province session and no office.db', async () => {
    const dir = tempDir('starsite-half-')
    const s = session(dir)
    // A file where the office's bundles/ folder must go: initOffice fails after creating office.db.
    fs.writeFileSync(path.join(dir, 'bundles'), 'in the way')
    const refused = failure(await dispatch(s, 'session.becomeOffice', { name: '推进活动办公室', shortName: '推进办' }))
    expect(refused.code).toBe('internal')
    expect(fs.existsSync(path.join(dir, 'office.db'))).toBe(false)
    expect(value(await dispatch(s, 'session.get', {}))).toEqual({ role: 'province', canBecomeOffice: true, dataDir: dir })
    expect(value<{ association: unknown }>(await dispatch(s, 'settings.get', {})).association).toBeNull()
  })

  it('becomeOffice checks its input before touching anything', async () => {
    const dir = tempDir('starsite-bad-')
    const s = session(dir)
    const before = tree(dir)
    const bad = failure(await dispatch(s, 'session.becomeOffice', { name: '  ', shortName: '推进办', year: 1999 }))
    expect(bad.code).toBe('invalid-input')
    expect(bad.fields.sort()).toEqual(['name', 'year'])
    expect(bad.message).toContain('推进办公室名称')
    expect(tree(dir)).toEqual(before)
  })
})

describe('office operations through dispatch', () => {
  it('keys, a folder of three bundles as a job (one tampered), duplicates, register, exports, results, overview, log', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    // 浙江's second site at 广东's first site's address (same USCC in these fixtures): a cross-province pair.
    zj.drafts[1] = { ...zj.drafts[1], address: String(gd.drafts[0].address) }
    const { updateSite } = await import('../../../src-main/services/sites/sites')
    updateSite(zj.app, zj.siteIds[1], zj.drafts[1])

    const office = newOffice()
    const dir = office.dataDir
    office.close()
    const s = session(dir)

    // Keys: one by its exported file, one by the fingerprint typed from paper.
    const byFile = value<OpOutput<'office.keys.add'>>(await dispatch(s, 'office.keys.add', { province: '广东', file: gd.publicKeyFile }))
    expect(byFile.key).toMatchObject({ province: '广东省', fingerprint: gd.fingerprint, source: 'file', hasPublicKey: true, supersededAt: null })
    const typed = zj.fingerprint.replace(/ /g, '').toLowerCase()
    const byPrint = value<OpOutput<'office.keys.add'>>(await dispatch(s, 'office.keys.add', { province: '浙江省', fingerprint: typed }))
    expect(byPrint.key).toMatchObject({ province: '浙江省', fingerprint: zj.fingerprint, source: 'fingerprint', hasPublicKey: false })
    expect(value<OpOutput<'office.keys.list'>>(await dispatch(s, 'office.keys.list', {})).keys.map((k) => k.province)).toEqual(['广东省', '浙江省'])

    // Bad key input: Chinese, naming the field, nothing registered.
    const both = failure(await dispatch(s, 'office.keys.add', { province: '广东', file: gd.publicKeyFile, fingerprint: typed }))
    expect([both.code, both.fields, both.message]).toEqual(['invalid-input', ['file'], '输入有误：file：请在公钥文件和指纹中二选一'])
    const badPrint = failure(await dispatch(s, 'office.keys.add', { province: '广东', fingerprint: '12 34' }))
    expect(badPrint.fields).toEqual(['fingerprint'])
    expect(badPrint.message).toContain('64 位十六进制')
    const badProvince = failure(await dispatch(s, 'office.keys.add', { province: '火星', fingerprint: typed }))
    expect(badProvince.fields).toEqual(['province'])
    expect(badProvince.message).toContain('无法识别的省份')
    const notKey = failure(await dispatch(s, 'office.keys.add', { province: '广东', file: path.join(dir, 'office.db') }))
    expect([notKey.code, notKey.message]).toEqual(['invalid-input', expect.stringContaining('不是公钥文件')])
    expect(value<OpOutput<'office.keys.list'>>(await dispatch(s, 'office.keys.list', { includeHistory: true })).keys).toHaveLength(2)

    // A folder with three bundles, received as a job with progress per bundle.
    const drop = tempDir('starsite-drop-')
    await gd.bundle(path.join(drop, 'a_广东.zip'))
    await zj.bundle(path.join(drop, 'b_浙江.zip'))
    const altered = await tampered(await zj.bundle(path.join(tempDir('starsite-zj-'), 'zj2.zip')), path.join(drop, 'c_浙江_改.zip'))
    const events: JobEvent[] = []
    const stop = s.jobs.subscribe((e) => events.push(e))
    const received = value<OpOutput<'office.bundles.receive'>>(await dispatch(s, 'office.bundles.receive', { paths: [drop] }, { jobId: 'receive-job-1' }))
    stop()
    expect(received.counts).toEqual({ ingested: 2, pending: 0, refused: 1, alreadyReceived: 0 })
    expect(received.cancelled).toBe(false)
    expect(received.outcomes.map((o) => [o.fileName, o.status, o.province])).toEqual([
      ['a_广东.zip', 'ingested', '广东省'],
      ['b_浙江.zip', 'ingested', '浙江省'],
      ['c_浙江_改.zip', 'refused', null],
    ])
    const bad = received.outcomes[2]
    expect(bad.message).toContain('已拒收')
    expect(bad.problems).toEqual([{ path: altered, kind: 'hash-mismatch', reason: 'hash-mismatch', message: expect.any(String) }])
    expect(bad.bundleId).toBeNull()
    expect(received.outcomes[0]).toMatchObject({ sites: 2, diff: null, bundleId: expect.any(Number) })
    expect(events.filter((e) => e.jobId === 'receive-job-1').at(-1)).toMatchObject({ done: 3, total: 3 })

    const bundles = value<OpOutput<'office.bundles.list'>>(await dispatch(s, 'office.bundles.list', {})).bundles
    expect(bundles.map((b) => [b.originalName, b.status, b.fingerprint === b.registeredFingerprint])).toEqual([
      ['a_广东.zip', 'ingested', true],
      ['b_浙江.zip', 'ingested', true],
    ])
    expect(value<OpOutput<'office.bundles.diff'>>(await dispatch(s, 'office.bundles.diff', { bundleId: bundles[0].id }))).toEqual({
      bundleId: bundles[0].id,
      province: '广东省',
      previousBundleId: null,
      diff: null,
    })

    // Duplicates: the cross-province pair, resolved, listed with its resolution.
    const { pairs } = value<OpOutput<'office.duplicates.list'>>(await dispatch(s, 'office.duplicates.list', {}))
    expect(pairs).toHaveLength(1)
    const [pair] = pairs
    expect([pair.a.province, pair.b.province, pair.reasons, pair.resolution]).toEqual(['广东省', '浙江省', ['uscc-address', 'address'], null])
    expect(pair.reasonLabels[0]).toBe('统一社会信用代码与地址相同')
    const noReason = failure(await dispatch(s, 'office.duplicates.resolve', { a: pair.a, b: pair.b, as: 'duplicate' }))
    expect([noReason.code, noReason.fields]).toEqual(['invalid-input', ['reason']])
    const badAs = failure(await dispatch(s, 'office.duplicates.resolve', { a: pair.a, b: pair.b, as: 'maybe' }))
    expect(badAs.fields).toEqual(['as'])
    const sideOnly = (x: typeof pair.a) => ({ province: x.province, code: x.code })
    const resolved = value<OpOutput<'office.duplicates.resolve'>>(
      await dispatch(s, 'office.duplicates.resolve', { a: sideOnly(pair.b), b: { province: '广东', code: pair.a.code }, as: 'duplicate', reason: '同一营业厅两省重复申报' }),
    )
    expect(resolved.key).toBe(pair.key)
    expect(resolved.resolution).toMatchObject({ as: 'duplicate', reason: '同一营业厅两省重复申报', resolvedBy: '推进办' })
    expect(value<OpOutput<'office.duplicates.list'>>(await dispatch(s, 'office.duplicates.list', {})).pairs[0].resolution?.as).toBe('duplicate')

    // The register: compact rows, one site's drawer, one of its files taken out of the stored bundle.
    const { sites } = value<OpOutput<'office.register.list'>>(await dispatch(s, 'office.register.list', {}))
    expect(sites.map((r) => [r.province, r.name, r.city])).toEqual([
      ['广东省', '广东一号营业厅', '广州市'],
      ['广东省', '广东二号营业厅', '广州市'],
      ['浙江省', '浙江一号营业厅', '杭州市'],
      ['浙江省', '浙江二号营业厅', '杭州市'],
    ])
    expect(sites[0]).toMatchObject({ type: 'hall', address: '广州市天河区天河路 1 号-1', bundleId: bundles[0].id, starLevel: expect.any(Number) })
    expect(value<OpOutput<'office.register.list'>>(await dispatch(s, 'office.register.list', { province: '浙江' })).sites).toHaveLength(2)
    const drawer = value<OpOutput<'office.register.site'>>(await dispatch(s, 'office.register.site', { id: sites[0].id }))
    expect(drawer.fields.find((f) => f.field === 'uscc')).toEqual({ field: 'uscc', label: expect.any(String), value: '91440000719283738L' })
    expect(drawer.fields.find((f) => f.field === 'name')?.value).toBe('广东一号营业厅')
    expect(drawer.bundle).toMatchObject({ id: bundles[0].id, originalName: 'a_广东.zip', status: 'ingested' })
    const pdf = drawer.files.find((f) => f.name.endsWith('.pdf'))!
    const copy = value<OpOutput<'office.register.exportFile'>>(await dispatch(s, 'office.register.exportFile', { siteId: sites[0].id, entryPath: pdf.path }))
    expect(path.dirname(copy.path)).toBe(path.join(dir, 'outputs', '现场文件'))
    expect(copy.name).toBe(pdf.name)
    expect(fs.readFileSync(copy.path).subarray(0, 8).toString()).toBe('%PDF-1.4')
    // The same file again: the same copy, not a second one.
    expect(value<OpOutput<'office.register.exportFile'>>(await dispatch(s, 'office.register.exportFile', { siteId: sites[0].id, entryPath: pdf.path })).path).toBe(copy.path)
    expect(failure(await dispatch(s, 'office.register.exportFile', { siteId: sites[0].id, entryPath: 'nope.pdf' })).code).toBe('not-found')
    expect(failure(await dispatch(s, 'office.register.site', { id: 999 })).code).toBe('not-found')

    // The national register exported and read back with exceljs.
    const exported = value<OpOutput<'office.register.export'>>(await dispatch(s, 'office.register.export', {}))
    expect(exported.sites).toBe(4)
    expect(path.dirname(exported.path)).toBe(path.join(dir, 'outputs'))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(exported.path)
    const ws = wb.worksheets[0]
    expect(ws.getRow(1).getCell(1).value).toBe('省份')
    const names = [2, 3, 4, 5].map((r) => [ws.getRow(r).getCell(1).value, ws.getRow(r).values])
    expect(names.map(([p]) => p)).toEqual(['广东省', '广东省', '浙江省', '浙江省'])
    expect(JSON.stringify(names[3][1])).toContain('浙江二号营业厅')

    // Results: recorded, listed, exported for the province.
    const bad7 = failure(await dispatch(s, 'office.results.set', { province: '广东', code: sites[0].code, star: 9, batch: '' }))
    expect(bad7.fields.sort()).toEqual(['batch', 'star'])
    const rated = value<OpOutput<'office.results.set'>>(
      await dispatch(s, 'office.results.set', { province: '广东', code: sites[0].code, star: 5, batch: '2021年第一批', certificateNo: 'xj-2021-001' }),
    )
    expect(rated).toMatchObject({ province: '广东省', code: sites[0].code, name: '广东一号营业厅', star: 5, starLabel: '五星级', certificateNo: 'XJ-2021-001', inRegister: true })
    expect(value<OpOutput<'office.results.list'>>(await dispatch(s, 'office.results.list', {})).results).toHaveLength(1)
    expect(value<OpOutput<'office.results.list'>>(await dispatch(s, 'office.results.list', { province: '浙江' })).results).toEqual([])
    const resultsFile = value<OpOutput<'office.results.export'>>(await dispatch(s, 'office.results.export', { province: '广东' }))
    expect(resultsFile.rows).toBe(1)
    expect(failure(await dispatch(s, 'office.results.export', { province: '浙江' })).code).toBe('not-found')

    // The overview, with a deadline set through the profile.
    const badDate = failure(await dispatch(s, 'office.profile.update', { deadline: '2021-02-30' }))
    expect([badDate.code, badDate.fields]).toEqual(['invalid-input', ['deadline']])
    expect(value<OpOutput<'office.profile.update'>>(await dispatch(s, 'office.profile.update', { deadline: '2021-06-11' })).deadline).toBe('2021-06-11')
    const overview = value<OpOutput<'office.overview'>>(await dispatch(s, 'office.overview', {}))
    expect(overview.daysLeft).toBe(10)
    expect(overview.totals).toEqual({ sites: 4, provinces: 2, pending: 0, bundles: 2 })
    expect(overview.byProvince.map((p) => [p.province, p.sites])).toEqual([
      ['浙江省', 2],
      ['广东省', 2],
    ])
    expect(overview.byType).toEqual([{ key: 'hall', label: '营业厅', sites: 4 }])
    expect(overview.byEnterprise.reduce((n, c) => n + c.sites, 0)).toBe(4)
    expect(overview.missing).toHaveLength(29)
    expect(overview.missing).not.toContain('广东省')
    expect(overview.missing).toContain('北京市')

    // The office's log has every step, newest first.
    const log = value<OpOutput<'office.audit.list'>>(await dispatch(s, 'office.audit.list', { limit: 100 })).entries
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'receive', 'resolve-duplicate', 'set-result', 'update']))
    expect(log[0].summary).toContain('截止日期 2021-06-11')
    // Nothing of the refused bundle is stored.
    expect(fileList(path.join(dir, 'bundles'))).toHaveLength(2)
  }, 60_000)

  it('a re-sent bundle supersedes the earlier one; its diff names the site and the changed field in Chinese', async () => {
    const gd = await province('广东')
    const office = newOffice()
    const dir = office.dataDir
    office.close()
    const s = session(dir)
    value(await dispatch(s, 'office.keys.add', { province: '广东', file: gd.publicKeyFile }))
    const out = tempDir('starsite-out-')
    const first = value<OpOutput<'office.bundles.receive'>>(await dispatch(s, 'office.bundles.receive', { paths: [await gd.bundle(path.join(out, '1.zip'))] }))
    const before = Number(gd.drafts[1].starLevel)
    changeStarLevel(gd, 1, before === 5 ? 4 : 5)
    const second = value<OpOutput<'office.bundles.receive'>>(await dispatch(s, 'office.bundles.receive', { paths: [await gd.bundle(path.join(out, '2.zip'))] }))
    expect(second.outcomes[0]).toMatchObject({ status: 'ingested', supersededBundleId: first.outcomes[0].bundleId, diff: { added: 0, withdrawn: 0, changed: 1 } })
    const newId = second.outcomes[0].bundleId!
    const diff = value<OpOutput<'office.bundles.diff'>>(await dispatch(s, 'office.bundles.diff', { bundleId: newId }))
    expect(diff).toEqual({
      bundleId: newId,
      province: '广东省',
      previousBundleId: first.outcomes[0].bundleId,
      diff: {
        added: [],
        withdrawn: [],
        changed: [{ code: expect.stringMatching(/^GD-2021-/), name: '广东二号营业厅', field: 'starLevel', label: '申报星级', before: STARS[before], after: STARS[before === 5 ? 4 : 5] }],
      },
    })
    const listed = value<OpOutput<'office.bundles.list'>>(await dispatch(s, 'office.bundles.list', {})).bundles
    expect(listed.map((b) => [b.originalName, b.status, b.supersededBy, b.diff])).toEqual([
      ['1.zip', 'superseded', newId, null],
      ['2.zip', 'ingested', null, { added: 0, withdrawn: 0, changed: 1 }],
    ])
    expect(failure(await dispatch(s, 'office.bundles.diff', { bundleId: 99 })).code).toBe('not-found')

    // The 回执 lands under outputs/ (downloadable in browser mode) and keeps its 文号 when asked for again.
    const receipt = value<OpOutput<'office.bundles.receipt'>>(await dispatch(s, 'office.bundles.receipt', { bundleId: newId }))
    expect(receipt.docNumber).toMatch(/^推进办函〔\d{4}〕1号$/)
    expect(path.relative(dir, receipt.path)).toBe(path.join('outputs', '回执', receipt.fileName))
    expect(fs.statSync(receipt.path).size).toBe(receipt.size)
    const again = value<OpOutput<'office.bundles.receipt'>>(await dispatch(s, 'office.bundles.receipt', { bundleId: newId }))
    expect(again.docNumber).toBe(receipt.docNumber)
    expect(failure(await dispatch(s, 'office.bundles.receipt', { bundleId: 99 })).code).toBe('not-found')
    expect(failure(await dispatch(s, 'office.bundles.receipt', { bundleId: 'x' })).fields).toEqual(['bundleId'])
  }, 60_000)

  it('a bundle signed by an unregistered key is held as pending and merged once its fingerprint is typed', async () => {
    const gd = await province('广东')
    const office = newOffice()
    const dir = office.dataDir
    office.close()
    const s = session(dir)
    const zip = await gd.bundle(path.join(tempDir('starsite-out-'), 'gd.zip'))
    const r = value<OpOutput<'office.bundles.receive'>>(await dispatch(s, 'office.bundles.receive', { paths: [zip] }))
    expect(r.counts.pending).toBe(1)
    const [held] = value<OpOutput<'office.bundles.list'>>(await dispatch(s, 'office.bundles.list', {})).bundles
    expect([held.status, held.registeredFingerprint]).toEqual(['pending-confirmation', null])
    expect(value<OpOutput<'office.register.list'>>(await dispatch(s, 'office.register.list', {})).sites).toEqual([])
    const wrong = failure(await dispatch(s, 'office.bundles.confirm', { bundleId: held.id, fingerprint: 'AB'.repeat(32) }))
    expect([wrong.code, wrong.message]).toEqual(['invalid-input', expect.stringContaining('不一致')])
    const ok = value<OpOutput<'office.bundles.confirm'>>(await dispatch(s, 'office.bundles.confirm', { bundleId: held.id, fingerprint: gd.fingerprint }))
    expect(ok).toEqual({ bundleId: held.id, province: '广东省', fingerprint: gd.fingerprint, status: 'ingested', supersededBundleId: null, diff: null })
    expect(value<OpOutput<'office.register.list'>>(await dispatch(s, 'office.register.list', {})).sites).toHaveLength(2)
    // Sent again unchanged: already received, nothing added.
    const again = value<OpOutput<'office.bundles.receive'>>(await dispatch(s, 'office.bundles.receive', { paths: [zip] }))
    expect(again.counts).toEqual({ ingested: 0, pending: 0, refused: 0, alreadyReceived: 1 })
    // A path that is not there: Chinese, naming it.
    const missing = failure(await dispatch(s, 'office.bundles.receive', { paths: [path.join(dir, '没有.zip')] }))
    expect([missing.code, missing.message]).toEqual(['invalid-input', expect.stringContaining('没有.zip')])
    expect(failure(await dispatch(s, 'office.bundles.receive', { paths: [] })).fields).toEqual(['paths'])

    // jobs.cancel works on the office's session: cancelled before the first bundle, nothing is read.
    const other = await gd.bundle(path.join(tempDir('starsite-out-'), 'gd-again.zip'))
    let cancelled: Promise<Envelope<unknown>> | null = null
    const stop = s.jobs.subscribe((e) => {
      if (e.jobId === 'office-cancel-1' && !cancelled) cancelled = dispatch(s, 'jobs.cancel', { jobId: 'office-cancel-1' })
    })
    const stopped = value<OpOutput<'office.bundles.receive'>>(await dispatch(s, 'office.bundles.receive', { paths: [other, zip] }, { jobId: 'office-cancel-1' }))
    stop()
    expect(value(await cancelled!)).toEqual({ cancelled: true })
    expect([stopped.cancelled, stopped.outcomes]).toEqual([true, []])
    expect(value<OpOutput<'office.bundles.list'>>(await dispatch(s, 'office.bundles.list', {})).bundles).toHaveLength(1)

    // Cancelled after the first of three: that one is in, the two read ahead of it leave nothing in tmp/.
    const three = tempDir('starsite-three-')
    for (const n of ['1', '2', '3']) {
      changeStarLevel(gd, 0, Number(n) + 1)
      await gd.bundle(path.join(three, `${n}_广东.zip`))
    }
    // Pressed while the first is being stored: the two read ahead of it are already staged in tmp/ by then.
    let pressed = false
    let partials = 0
    setTestHook('office-receive-store', () => {
      if (pressed) return
      partials = fs.readdirSync(path.join(dir, 'tmp')).filter((f) => f.startsWith('.incoming.zip.partial-')).length
      pressed = s.jobs.cancel('office-cancel-2')
    })
    const partway = value<OpOutput<'office.bundles.receive'>>(await dispatch(s, 'office.bundles.receive', { paths: [three] }, { jobId: 'office-cancel-2' }))
    setTestHook('office-receive-store', undefined)
    expect(pressed).toBe(true)
    // The first one's copy and at least the next one's, read ahead.
    expect(partials).toBeGreaterThanOrEqual(2)
    expect([partway.cancelled, partway.outcomes.map((o) => [o.fileName, o.status])]).toEqual([true, [['1_广东.zip', 'ingested']]])
    expect(fs.readdirSync(path.join(dir, 'tmp')).filter((f) => f !== 'uploads')).toEqual([])
    expect(value<OpOutput<'office.bundles.list'>>(await dispatch(s, 'office.bundles.list', {})).bundles).toHaveLength(2)
  }, 60_000)
})
