import { afterEach, describe, expect, it } from 'vitest'
import { FindingsRepository } from '../../../src-main/db/repositories/findings'
import type { AppContext } from '../../../src-main/services/context'
import { createSite, listSites, removeSites } from '../../../src-main/services/sites/sites'
import { draft, freshApp, setUpGuangdong } from './helpers'

let app: AppContext
afterEach(() => app?.close())

const open = (siteId: number) => new FindingsRepository(app.db).list({ campaignId: 1, siteId })

describe('the site list counts each site’s open findings', () => {
  it('errors and warnings as the findings say; a waived warning is not open; a deleted site is counted only in 回收站', () => {
    app = freshApp()
    setUpGuangdong(app)
    const faulty = createSite(app, draft({ name: '错误现场', phone: '12345', email: 'a#b.com' }))
    const warned = createSite(app, draft({ name: '警告现场', email: 'c#d.com' }))
    const gone = createSite(app, draft({ name: '已删除现场', phone: '12345' }))
    const before = new Map(listSites(app).map((s) => [s.id, s.checks]))
    const expected = (id: number) => {
      const f = open(id)
      return { errors: f.filter((x) => x.severity === 'error').length, warnings: f.filter((x) => x.severity === 'warning').length }
    }
    expect(before.get(faulty.id)).toEqual(expected(faulty.id))
    expect(before.get(faulty.id)?.errors).toBeGreaterThan(0)
    expect(before.get(warned.id)).toEqual(expected(warned.id))
    expect(before.get(warned.id)?.warnings).toBeGreaterThan(0)

    const repo = new FindingsRepository(app.db)
    for (const f of open(warned.id).filter((x) => x.severity === 'warning')) repo.putWaiver(warned.id, f.fingerprint, '已核实', '测试员', app.now())
    expect(listSites(app).find((s) => s.id === warned.id)?.checks.warnings).toBe(0)

    removeSites(app, [gone.id])
    expect(listSites(app).some((s) => s.id === gone.id)).toBe(false)
    // 回收站 lists carry counts too, from whatever findings the deleted site still has stored.
    const stored = app.db.prepare("SELECT COUNT(*) AS n FROM findings WHERE site_id = ? AND severity = 'error'").get(gone.id) as { n: number }
    expect(listSites(app, { deleted: true }).find((s) => s.id === gone.id)?.checks.errors).toBe(stored.n)
  })
})
