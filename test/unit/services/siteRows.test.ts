import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import type { AppContext } from '../../../src-main/services/context'
import { createSite, listSiteRows, listSites, removeSites } from '../../../src-main/services/sites/sites'
import { draft, freshApp, setUpGuangdong } from './helpers'

let app: AppContext
afterEach(() => app?.close())

const TABLE_KEYS = ['id', 'code', 'name', 'type', 'enterprise', 'recommender', 'city', 'district', 'address', 'starLevel', 'status', 'checks']

describe('sites.rows: the registry table’s rows', () => {
  it('each site of sites.list, in the same order, with the same table columns and counts, and nothing more', async () => {
    app = freshApp()
    setUpGuangdong(app)
    createSite(app, draft({ name: '广州天河营业厅（新址）', phone: '12345', highlights: '在抗疫斗争中表现突出，获得表彰！' }))
    createSite(app, draft({ name: '深圳福田营业厅', email: 'c#d.com', remarks: '备注' }))
    const gone = createSite(app, draft({ name: '已删除现场' }))
    removeSites(app, [gone.id])

    const answer = await dispatch(app, 'sites.rows', {})
    expect(answer.ok).toBe(true)
    const rows = (answer as { value: { sites: Record<string, unknown>[] } }).value.sites
    const full = listSites(app)
    expect(rows.map((r) => r.id)).toEqual(full.map((s) => s.id))
    rows.forEach((row, i) => {
      expect(Object.keys(row).sort()).toEqual([...TABLE_KEYS].sort())
      for (const key of TABLE_KEYS) expect(row[key]).toEqual((full[i] as unknown as Record<string, unknown>)[key])
    })
    expect(rows[0].name).toBe('广州天河营业厅（新址）')
    expect((rows[0].checks as { errors: number }).errors).toBeGreaterThan(0)

    const trash = listSiteRows(app, { deleted: true })
    expect(trash.map((r) => r.id)).toEqual([gone.id])
    expect(trash[0].name).toBe('已删除现场')
  })

  it('refuses unknown input like every operation, and needs an association like sites.list', async () => {
    app = freshApp()
    const unset = await dispatch(app, 'sites.rows', {})
    const list = await dispatch(app, 'sites.list', {})
    expect(unset.ok).toBe(false)
    expect(!unset.ok && unset.error).toEqual(!list.ok && list.error)
    setUpGuangdong(app)
    const extra = await dispatch(app, 'sites.rows', { withAttachments: true })
    expect(!extra.ok && extra.error.code).toBe('invalid-input')
  })
})
