import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { parseOutcome } from '../../../src-main/core/results/columns'
import { organisationAgrees } from '../../../src-main/core/results/match'
import { queryAudit } from '../../../src-main/db/repositories/audit'
import { addSite, call, resultsWorkbook, setUp, type World } from './setup'

let w: World
afterEach(() => w?.cleanup())

interface Row {
  id: number
  status: string
  matchMethod: string | null
  siteId: number | null
  reason: string
  source: { name: string }
  candidates: { id: number }[]
}
const list = (app: World['app']) => call<{ rows: Row[]; sites: { siteId: number; awardedStar: number | null; outcome: string }[] }>(app, 'results.list', {})
const importFile = (app: World['app'], file: string, extra: Record<string, unknown> = {}) =>
  call<{ matched: number; review: number; unmatched: number; skipped: number }>(app, 'results.import', { path: file, ...extra })
const statusOf = (app: World['app'], id: number) => (app.db.prepare('SELECT status FROM sites WHERE id = ?').get(id) as { status: string }).status

describe('reading a 星级 cell', () => {
  it('reads 四星级, ★★★★, 4 and 未通过', () => {
    expect(parseOutcome('四星级')).toEqual({ outcome: 'rated', star: 4 })
    expect(parseOutcome('★★★★')).toEqual({ outcome: 'rated', star: 4 })
    expect(parseOutcome(4)).toEqual({ outcome: 'rated', star: 4 })
    expect(parseOutcome(' 未通过 ')).toEqual({ outcome: 'rejected', star: null })
    expect(parseOutcome('优秀')).toBeNull()
  })

  it('takes 移动 and 中国移动 for the same operator', () => {
    const site = { id: 1, code: 'X', name: 'n', type: 'hall' as const, enterprise: '中国移动', recommender: '中国移动通信集团广东有限公司' }
    expect(organisationAgrees('移动', site)).toBe(true)
    expect(organisationAgrees('中国移动', site)).toBe(true)
    expect(organisationAgrees('中国移动通信集团广东有限公司', site)).toBe(true)
    expect(organisationAgrees('中国电信', site)).toBe(false)
  })
})

describe('importing and matching published results', () => {
  it('matches by 现场编号 exactly, whatever the name says', async () => {
    w = await setUp()
    const a = await addSite(w.app, { name: '广州天河营业厅' })
    const file = await resultsWorkbook(w.inbox, [[a.code, '天河厅（简称）', '', '营业厅', '四星级', 'XJ2021-001', '第一批']])
    expect(await importFile(w.app, file)).toMatchObject({ matched: 1, review: 0, unmatched: 0 })
    const [row] = (await list(w.app)).rows
    expect(row).toMatchObject({ status: 'matched', matchMethod: 'code', siteId: a.id })
  })

  it('matches name variants: full-width characters, inner spaces, 移动 for 中国移动', async () => {
    w = await setUp()
    const a = await addSite(w.app, { name: '广州天河路1号营业厅' })
    await addSite(w.app, { name: '广州天河路1号营业厅', enterprise: '中国电信', recommender: '中国电信股份有限公司广东分公司' })
    const file = await resultsWorkbook(w.inbox, [[null, '广州 天河路１号 营业厅', '移动', '', '★★★★★', '', '第一批']])
    expect(await importFile(w.app, file)).toMatchObject({ matched: 1 })
    const [row] = (await list(w.app)).rows
    expect(row).toMatchObject({ status: 'matched', matchMethod: 'name', siteId: a.id })
  })

  it('sends two same-named sites to review when the row names no 推荐单位, listing both', async () => {
    w = await setUp()
    const a = await addSite(w.app, { name: '佛山禅城营业厅' })
    const b = await addSite(w.app, { name: '佛山禅城营业厅', enterprise: '中国联通', recommender: '中国联合网络通信有限公司广东省分公司' })
    const file = await resultsWorkbook(w.inbox, [[null, '佛山禅城营业厅', null, '营业厅', '三星级', '', '第一批']])
    expect(await importFile(w.app, file)).toMatchObject({ review: 1 })
    const [row] = (await list(w.app)).rows
    expect(row.status).toBe('review')
    expect(row.siteId).toBeNull()
    expect(row.candidates.map((c) => c.id).sort()).toEqual([a.id, b.id].sort())
  })

  it('sends a name match whose 推荐单位 differs to review', async () => {
    w = await setUp()
    await addSite(w.app, { name: '深圳福田营业厅' })
    const file = await resultsWorkbook(w.inbox, [[null, '深圳福田营业厅', '中国电信股份有限公司广东分公司', '', '四星级', '', '']])
    expect(await importFile(w.app, file)).toMatchObject({ review: 1 })
    expect((await list(w.app)).rows[0].reason).toContain('不一致')
  })

  it('leaves a row that matches nothing unmatched, and an unknown code falls back to the name', async () => {
    w = await setUp()
    const a = await addSite(w.app, { name: '东莞南城营业厅' })
    const file = await resultsWorkbook(w.inbox, [
      [null, '湛江赤坎营业厅', '中国移动', '', '四星级', '', ''],
      ['GD-2021-Y999', '东莞南城营业厅', '', '', '四星级', '', ''],
    ])
    expect(await importFile(w.app, file)).toMatchObject({ unmatched: 1, matched: 1 })
    const rows = (await list(w.app)).rows
    expect(rows[0]).toMatchObject({ status: 'unmatched', siteId: null })
    expect(rows[1]).toMatchObject({ status: 'matched', siteId: a.id })
    expect(rows[1].reason).toContain('GD-2021-Y999')
  })

  it('confirming sets the site 已评定 with its star; apply does the matched rows; a rejected result sets 未通过', async () => {
    w = await setUp()
    const a = await addSite(w.app, { name: '佛山禅城营业厅' })
    const b = await addSite(w.app, { name: '佛山禅城营业厅', enterprise: '中国联通', recommender: '中国联合网络通信有限公司广东省分公司' })
    const c = await addSite(w.app, { name: '珠海香洲营业厅' })
    const file = await resultsWorkbook(w.inbox, [
      [null, '佛山禅城营业厅', null, '', '三星级', 'XJ-3', '第一批'],
      [c.code, '珠海香洲营业厅', '', '', '未通过', '', '第一批'],
    ])
    await importFile(w.app, file)
    const review = (await list(w.app)).rows.find((r) => r.status === 'review')!
    await call(w.app, 'results.confirm', { id: review.id, siteId: b.id })
    expect(statusOf(w.app, b.id)).toBe('rated')
    expect(statusOf(w.app, a.id)).toBe('pending')
    expect(statusOf(w.app, c.id)).toBe('pending')
    expect(await call(w.app, 'results.apply', {})).toEqual({ applied: 1 })
    expect(statusOf(w.app, c.id)).toBe('rejected')
    const after = await list(w.app)
    expect(after.rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed'])
    expect(after.rows[0].matchMethod).toBe('manual')
    expect(after.sites.find((s) => s.siteId === b.id)).toMatchObject({ outcome: 'rated', awardedStar: 3 })
    expect(after.sites.find((s) => s.siteId === c.id)).toMatchObject({ outcome: 'rejected', awardedStar: null })
    const history = queryAudit(w.app.db, { entity: 'site', entityId: String(b.id), limit: 10 }).map((e) => e.summary)
    expect(history.some((s) => s.includes('已评定'))).toBe(true)
    expect(history.some((s) => s.includes('记录评定结果') && s.includes('三星级'))).toBe(true)
    // Re-importing the same list keeps what was confirmed.
    expect(await importFile(w.app, file)).toMatchObject({ matched: 0, review: 0 })
    expect((await list(w.app)).rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed'])
  })

  it('不是这些 makes a review row unmatched; hand-over dates and 经办人 are recorded and audited', async () => {
    w = await setUp()
    await addSite(w.app, { name: '佛山禅城营业厅' })
    await addSite(w.app, { name: '佛山禅城营业厅', enterprise: '中国联通', recommender: '中国联合网络通信有限公司广东省分公司' })
    const c = await addSite(w.app, { name: '珠海香洲营业厅' })
    await importFile(w.app, await resultsWorkbook(w.inbox, [[null, '佛山禅城营业厅', null, '', '三星级', '', ''], [c.code, '珠海香洲营业厅', '', '', 4, '', '']]))
    const review = (await list(w.app)).rows.find((r) => r.status === 'review')!
    expect(await call(w.app, 'results.reject', { id: review.id })).toMatchObject({ status: 'unmatched', siteId: null })
    await call(w.app, 'results.apply', {})
    const saved = await call(w.app, 'results.handover', { siteId: c.id, certificateReceivedOn: '2021年7月15日', plaqueReceivedOn: '2021-07-20', handler: '李四' })
    expect(saved).toMatchObject({ certificateReceivedOn: '2021-07-15', plaqueReceivedOn: '2021-07-20', handler: '李四' })
    const bad = await dispatch(w.app, 'results.handover', { siteId: c.id, plaqueReceivedOn: '下周' })
    expect(bad.ok).toBe(false)
    const history = queryAudit(w.app.db, { entity: 'site', entityId: String(c.id), limit: 10 }).map((e) => e.summary)
    expect(history.some((s) => s.includes('经办人：（空） → 李四'))).toBe(true)
  })

  it('refuses a bad workbook and a workbook with row errors, changing nothing, with row and column named', async () => {
    w = await setUp()
    const a = await addSite(w.app, { name: '广州天河营业厅' })
    const before = (w.app.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n
    const notXlsx = path.join(w.inbox, '结果.xlsx')
    fs.writeFileSync(notXlsx, 'this is not a workbook')
    const r1 = await dispatch(w.app, 'results.import', { path: notXlsx })
    expect(r1.ok).toBe(false)
    if (!r1.ok) expect(r1.error.message).toContain('不是 Excel 工作簿')
    const file = await resultsWorkbook(w.inbox, [
      [a.code, '广州天河营业厅', '', '', '四星级', '', ''],
      [null, '佛山禅城营业厅', '', '', '优秀', '', ''],
    ], '有错.xlsx')
    const r2 = await dispatch(w.app, 'results.import', { path: file })
    expect(r2.ok).toBe(false)
    if (!r2.ok) expect(r2.error.message).toContain('第 4 行 E 列（星级）')
    expect(w.app.db.prepare('SELECT COUNT(*) AS n FROM results').get()).toEqual({ n: 0 })
    expect(statusOf(w.app, a.id)).toBe('pending')
    expect((w.app.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before)
    // Asked to, it skips the bad row.
    expect(await importFile(w.app, file, { skipErrors: true })).toMatchObject({ matched: 1, skipped: 1 })
  })

  it('exports the results roster with formula-like text kept as text, and writes one notification letter per 推荐单位', async () => {
    w = await setUp()
    const a = await addSite(w.app, { name: '=HYPERLINK("x")营业厅' })
    // The same 推荐单位 typed with full-width brackets on one site and ASCII ones on another: one letter.
    const b = await addSite(w.app, { name: '珠海香洲营业厅', enterprise: '中国联通', recommender: '中国联合网络通信有限公司（广东省分公司）' })
    const c = await addSite(w.app, { name: '珠海金湾营业厅', enterprise: '中国联通', recommender: '中国联合网络通信有限公司(广东省分公司)' })
    await importFile(
      w.app,
      await resultsWorkbook(w.inbox, [[a.code, 'x', '', '', 4, '@cert', '第一批'], [b.code, 'y', '', '', '五星级', '', '第一批'], [c.code, 'z', '', '', '四星级', '', '第一批']]),
    )
    await call(w.app, 'results.apply', {})
    const out = await call<{ path: string; sites: number }>(w.app, 'results.export', {})
    expect(out.sites).toBe(3)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out.path)
    const ws = wb.worksheets[0]
    expect(ws.getRow(1).getCell(8).value).toBe('评定结果')
    const names = [ws.getRow(2).getCell(4).value, ws.getRow(3).getCell(4).value]
    expect(names).toContain('=HYPERLINK("x")营业厅')
    expect(fs.readdirSync(path.dirname(out.path)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const letters = await call<{ files: { recommender: string; path: string; sites: number }[] }>(w.app, 'results.notify', {})
    expect(letters.files.map((f) => [f.recommender, f.sites]).sort()).toEqual(
      [['中国移动通信集团广东有限公司', 1], ['中国联合网络通信有限公司（广东省分公司）', 2]].sort(),
    )
    for (const f of letters.files) expect(fs.readFileSync(f.path).subarray(0, 2).toString()).toBe('PK')
  })
})
