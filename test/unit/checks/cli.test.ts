import { describe, expect, it } from 'vitest'
import { openApp } from '../../../src-main/services/context'
import { recheckSites } from '../../../src-main/services/checks/engine'
import { saveAssociation } from '../../../src-main/services/settings/association'
import { createSite } from '../../../src-main/services/sites/sites'
import { runCli } from '../cli/run'
import { attach, goodDraft, tempDir } from './helpers'

interface CheckDoc {
  sites: number
  errors: number
  warnings: number
  findings: { siteCode: string; siteName: string; rule: string; severity: string; message: string }[]
}

describe('starsite check', () => {
  it('exits 1 while an error is open and 0 once it is fixed; --json has the documented shape', async () => {
    const data = tempDir()
    let app = openApp({ dataDir: data })
    let siteId: number
    try {
      saveAssociation(app, { name: '广东省通信行业协会', shortName: '粤通协', province: '广东' }, 2021)
      siteId = createSite(app, goodDraft({ email: 'tianhe@gd' })).id
    } finally {
      app.close()
    }

    const failing = runCli(['--data', data, 'check', '--json'])
    expect(failing.status, failing.stderr).toBe(1)
    const doc = JSON.parse(failing.stdout) as CheckDoc
    expect(doc).toMatchObject({ sites: 1, errors: 2, warnings: 1 })
    expect(Object.keys(doc.findings[0]).sort()).toEqual(
      expect.arrayContaining(['message', 'rule', 'severity', 'siteCode', 'siteName']),
    )
    expect(doc.findings.map((f) => `${f.siteCode} ${f.rule} ${f.severity}`).sort()).toEqual([
      'GD-2021-Y001 email-format warning',
      'GD-2021-Y001 superior-letter error',
      'GD-2021-Y001 training-proof error',
    ])
    expect(doc.findings.every((f) => f.siteName === '广州天河营业厅' && /[\u4e00-\u9fa5]/.test(f.message))).toBe(true)
    expect(failing.stderr).toContain('错误 2 条')

    app = openApp({ dataDir: data })
    try {
      await attach(app, siteId, 'superior-letter')
      await attach(app, siteId, 'lecturer-letter')
      recheckSites(app, [siteId])
    } finally {
      app.close()
    }
    const passing = runCli(['--data', data, 'check', '--json'])
    expect(passing.status, passing.stderr).toBe(0)
    expect(JSON.parse(passing.stdout)).toMatchObject({ sites: 1, errors: 0, warnings: 1 })

    const human = runCli(['--data', data, 'check'])
    expect(human.status).toBe(0)
    expect(human.stdout).toContain('电子邮箱格式')
    expect(human.stderr).toContain('已审核 1 个现场')
  })

  it('before init: exit 1 with the init hint, and no data folder is created', () => {
    const data = `${tempDir()}/not-yet`
    const r = runCli(['--data', data, 'check', '--json'])
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout).error.code).toBe('not-initialised')
    expect(r.stderr).toContain('starsite init')
  })
})
