import { afterEach, describe, expect, it } from 'vitest'
import { queryAudit } from '../../../src-main/db/repositories/audit'
import type { AppContext } from '../../../src-main/services/context'
import { getSettings, saveAssociation } from '../../../src-main/services/settings/association'
import {
  createSite,
  listSites,
  removeSites,
  restoreSites,
  setSiteStatus,
  updateSite,
} from '../../../src-main/services/sites/sites'
import { draft, freshApp, setUpGuangdong } from './helpers'
import { thrown } from '../../helpers/errors'

let app: AppContext
afterEach(() => app?.close())

const siteAudit = (id?: number) =>
  queryAudit(app.db, { entity: 'site', entityId: id === undefined ? undefined : String(id), limit: 100 }).reverse()

describe('before the association is set up', () => {
  it('creating or listing sites says to set up first, in Chinese, and writes nothing', () => {
    app = freshApp()
    for (const fn of [() => createSite(app, draft()), () => listSites(app)]) {
      const error = thrown(fn)
      expect(error.code).toBe('not-initialised')
      expect(error.message).toContain('尚未设置协会信息')
      expect(error.message).toContain('starsite init')
    }
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM sites').get()).toEqual({ n: 0 })
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM site_code_counters').get()).toEqual({ n: 0 })
  })
})

describe('association settings', () => {
  it('saves the profile with the province normalised, starts the campaign of the year, and audits both', () => {
    app = freshApp()
    setUpGuangdong(app)
    const s = getSettings(app)
    expect(s.association).toMatchObject({ name: '广东省通信行业协会', shortName: '粤通协', province: '广东', docPrefix: '粤通协' })
    expect(s.campaign).toMatchObject({ year: 2021, active: true })
    const entries = queryAudit(app.db, { limit: 10 }).map((e) => e.summary)
    expect(entries).toContain('设置协会信息：广东省通信行业协会')
    expect(entries).toContain('开始 2021 年度评定活动')
  })

  it('rejects empty and unknown provinces naming 省份', () => {
    app = freshApp()
    const error = thrown(() => saveAssociation(app, { name: '协会', shortName: '协', province: '火星' }))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toContain('火星')
    expect(error.details).toEqual({ problems: [expect.objectContaining({ field: 'province' })] })
    const empty = thrown(() => saveAssociation(app, { name: '', shortName: '协', province: '广东' }))
    expect(empty.message).toContain('协会名称不能为空')
    expect(getSettings(app).association).toBeNull()
  })
})

describe('sites', () => {
  it('gives stable codes per type: GD-2021-Y001, GD-2021-Y002, GD-2021-K001, GD-2021-Z001', () => {
    app = freshApp()
    setUpGuangdong(app)
    const codes = [
      createSite(app, draft()).code,
      createSite(app, draft({ name: '深圳福田营业厅' })).code,
      createSite(app, draft({ name: '广东移动客服中心', type: '客服中心' })).code,
      createSite(app, draft({ name: '广州装维中心', type: '装维中心' })).code,
    ]
    expect(codes).toEqual(['GD-2021-Y001', 'GD-2021-Y002', 'GD-2021-K001', 'GD-2021-Z001'])
  })

  it('create stores the read values and logs 新建现场 with code and name', () => {
    app = freshApp()
    setUpGuangdong(app)
    const site = createSite(app, draft({ starLevel: '三星级', certificates: 'a1、b2' }))
    expect(site).toMatchObject({ code: 'GD-2021-Y001', starLevel: 3, certificates: ['A1', 'B2'], status: 'pending', deletedAt: null })
    expect(siteAudit(site.id).map((e) => [e.action, e.summary, e.actor])).toEqual([
      ['create', '新建现场 GD-2021-Y001 广州天河营业厅', '测试员'],
    ])
  })

  it('an unreadable draft is refused with field problems and neither stores a row nor spends a code', () => {
    app = freshApp()
    setUpGuangdong(app)
    const error = thrown(() => createSite(app, draft({ phone: '', starLevel: '十星' })))
    expect(error.code).toBe('invalid-input')
    expect((error.details as { problems: { field: string }[] }).problems.map((p) => p.field).sort()).toEqual(['phone', 'starLevel'])
    expect(error.message).toContain('联系电话不能为空')
    expect(createSite(app, draft()).code).toBe('GD-2021-Y001')
  })

  it('update logs the changed fields by their Chinese labels, before and after; no change logs nothing', () => {
    app = freshApp()
    setUpGuangdong(app)
    const site = createSite(app, draft())
    const updated = updateSite(app, site.id, draft({ phone: '13900139000', starLevel: '五星', district: '天河区' }))
    expect(updated).toMatchObject({ phone: '13900139000', starLevel: 5, district: '天河区', code: 'GD-2021-Y001' })
    expect(updated.updatedAt > site.updatedAt).toBe(true)

    const last = siteAudit(site.id).at(-1)!
    expect(last.action).toBe('update')
    expect(last.summary).toContain('修改现场 GD-2021-Y001')
    expect(last.summary).toContain('联系电话：13800138000 → 13900139000')
    expect(last.summary).toContain('申报星级：4 → 5')
    expect(last.summary).toContain('区县：（空） → 天河区')
    expect(last.summary).not.toContain('现场名称')
    expect(last.details).toEqual(expect.arrayContaining([{ field: 'phone', from: '13800138000', to: '13900139000' }]))

    const count = siteAudit(site.id).length
    updateSite(app, site.id, draft({ phone: '13900139000', starLevel: '★★★★★', district: '天河区' }))
    expect(siteAudit(site.id)).toHaveLength(count)
  })

  it('update of a missing site is not-found in Chinese', () => {
    app = freshApp()
    setUpGuangdong(app)
    const error = thrown(() => updateSite(app, 4242, draft()))
    expect(error.code).toBe('not-found')
    expect(error.message).toContain('4242')
  })

  it('remove is a soft delete into 回收站, restore brings it back, both audited; a deleted site cannot be edited', () => {
    app = freshApp()
    setUpGuangdong(app)
    const a = createSite(app, draft())
    const b = createSite(app, draft({ name: '深圳福田营业厅' }))

    expect(removeSites(app, [a.id])).toBe(1)
    expect(removeSites(app, [a.id])).toBe(0) // already deleted: nothing to do, nothing logged
    expect(listSites(app).map((s) => s.code)).toEqual([b.code])
    expect(listSites(app, { deleted: true }).map((s) => s.code)).toEqual([a.code])
    expect(thrown(() => updateSite(app, a.id, draft({ phone: '13900139000' }))).code).toBe('conflict')

    expect(restoreSites(app, [a.id])).toBe(1)
    expect(listSites(app).map((s) => s.code)).toEqual([a.code, b.code])
    expect(listSites(app, { deleted: true })).toEqual([])

    expect(siteAudit(a.id).map((e) => [e.action, e.summary])).toEqual([
      ['create', '新建现场 GD-2021-Y001 广州天河营业厅'],
      ['delete', '删除现场 GD-2021-Y001 广州天河营业厅（可在回收站恢复）'],
      ['restore', '恢复现场 GD-2021-Y001 广州天河营业厅'],
    ])
  })

  it('a batch with one unknown id changes nothing (one transaction)', () => {
    app = freshApp()
    setUpGuangdong(app)
    const a = createSite(app, draft())
    expect(thrown(() => removeSites(app, [a.id, 9999])).code).toBe('not-found')
    expect(listSites(app).map((s) => s.id)).toEqual([a.id])
    expect(siteAudit(a.id)).toHaveLength(1)
  })

  it('codes are never reused: not after a soft delete, not even after the row is gone', () => {
    app = freshApp()
    setUpGuangdong(app)
    createSite(app, draft())
    const second = createSite(app, draft({ name: '深圳福田营业厅' }))
    removeSites(app, [second.id])
    expect(createSite(app, draft({ name: '佛山禅城营业厅' })).code).toBe('GD-2021-Y003')
    // As a future purge would: the row is gone entirely (foreign keys off only to allow this test-side delete).
    app.db.pragma('foreign_keys = OFF')
    app.db.prepare('DELETE FROM sites WHERE code = ?').run('GD-2021-Y003')
    app.db.pragma('foreign_keys = ON')
    expect(createSite(app, draft({ name: '东莞南城营业厅' })).code).toBe('GD-2021-Y004')
  })

  it('setStatus changes only what differs and logs the Chinese status labels', () => {
    app = freshApp()
    setUpGuangdong(app)
    const a = createSite(app, draft())
    const b = createSite(app, draft({ name: '深圳福田营业厅' }))
    setSiteStatus(app, [b.id], 'approved')
    expect(setSiteStatus(app, [a.id, b.id], 'approved')).toBe(1)
    expect(siteAudit(a.id).at(-1)!.summary).toBe('现场 GD-2021-Y001 状态：待审核 → 审核通过')
  })
})
