import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { ERROR_NOT_WAIVABLE } from '../../../src-main/core/checks'
import { queryAudit } from '../../../src-main/db/repositories/audit'
import { getCampaignByYear } from '../../../src-main/db/repositories/campaigns'
import { getCampaign, saveCampaign, startNextCampaign } from '../../../src-main/services/campaign/campaign'
import { recheckSites, runChecks, runChecksSync } from '../../../src-main/services/checks/engine'
import { blockingSites, checkSummary, listFindings, unwaiveFinding, waiveFinding } from '../../../src-main/services/checks/findings'
import { exportCheckReport } from '../../../src-main/services/checks/report'
import type { AppContext } from '../../../src-main/services/context'
import { createSite, removeSites, updateSite } from '../../../src-main/services/sites/sites'
import { freshApp, setUpGuangdong } from '../services/helpers'
import { attach, goodDraft, pdfFile, storedFile, tempDir } from './helpers'
import { rejection, thrown } from '../../helpers/errors'

let app: AppContext
afterEach(() => app?.close())

function setUp(): AppContext {
  app = freshApp()
  setUpGuangdong(app)
  return app
}

const rulesOf = (siteId: number, includeWaived = false) =>
  listFindings(app, { siteId, includeWaived }).map((f) => f.rule).sort()

/** A site that passes every check: letters attached (then re-checked, whatever the attachments service does). */
async function cleanSite(overrides = {}) {
  const site = createSite(app, goodDraft(overrides))
  await attach(app, site.id, 'superior-letter')
  await attach(app, site.id, 'lecturer-letter')
  recheckSites(app, [site.id])
  return site
}

describe('findings follow the saved data', () => {
  it('sites.create records findings at once, and sites.update removes the fixed one (recheck)', () => {
    setUp()
    const site = createSite(app, goodDraft({ phone: '1380013800' }))
    expect(rulesOf(site.id)).toEqual(['phone-format', 'superior-letter', 'training-proof'])
    updateSite(app, site.id, goodDraft({ phone: '020-87654321' }))
    expect(rulesOf(site.id)).toEqual(['superior-letter', 'training-proof'])
  })

  it('a site with its letters attached has no findings and is not blocking', async () => {
    setUp()
    const site = await cleanSite()
    expect(rulesOf(site.id, true)).toEqual([])
    expect(blockingSites(app)).toEqual([])
    const bad = createSite(app, goodDraft({ name: '另一个营业厅', address: '广州市越秀区中山路 9 号' }))
    expect(blockingSites(app).map((b) => [b.siteCode, b.reasons.map((r) => r.rule).sort()])).toEqual([
      [bad.code, ['superior-letter', 'training-proof']],
    ])
    expect(blockingSites(app, [site.id])).toEqual([])
  })

  it('re-checking one site leaves the findings of the others untouched', () => {
    setUp()
    const a = createSite(app, goodDraft({ name: 'A 厅', address: '地址 A' }))
    const b = createSite(app, goodDraft({ name: 'B 厅', address: '地址 B' }))
    const before = listFindings(app, { siteId: b.id }).map((f) => f.id)
    recheckSites(app, [a.id])
    expect(listFindings(app, { siteId: b.id }).map((f) => f.id)).toEqual(before)
  })

  it('duplicates are found on both sites, and deleting one clears the other', () => {
    setUp()
    const a = createSite(app, goodDraft())
    const b = createSite(app, goodDraft({ name: '广州天河营业厅 ', address: '别处 8 号' }))
    expect(listFindings(app, { rule: 'duplicate-site' }).map((f) => [f.siteCode, f.fingerprint])).toEqual([
      [a.code, `duplicate-site:name:${b.code}`],
      [b.code, `duplicate-site:name:${a.code}`],
    ])
    removeSites(app, [b.id])
    expect(listFindings(app, { rule: 'duplicate-site' })).toEqual([])
  })

  it('the form stores names as typed, and （新址） and (新址) are still the same site to the duplicate check', () => {
    setUp()
    const a = createSite(app, goodDraft({ name: '广州天河营业厅（新址）', address: '广州市天河区天河路１号（东门）' }))
    const b = createSite(app, goodDraft({ name: '广州天河营业厅(新址)', address: '别处 8 号' }))
    expect([a.name, a.address, b.name]).toEqual(['广州天河营业厅（新址）', '广州市天河区天河路１号（东门）', '广州天河营业厅(新址)'])
    expect(listFindings(app, { rule: 'duplicate-site' }).map((f) => [f.siteCode, f.fingerprint])).toEqual([
      [a.code, `duplicate-site:name:${b.code}`],
      [b.code, `duplicate-site:name:${a.code}`],
    ])
  })

  it('renaming a site away from its twin clears the twin too', () => {
    setUp()
    const a = createSite(app, goodDraft())
    const b = createSite(app, goodDraft({ address: '别处 8 号' }))
    expect(rulesOf(a.id)).toContain('duplicate-site')
    updateSite(app, b.id, goodDraft({ name: '天河北营业厅', address: '别处 8 号' }))
    expect(rulesOf(a.id)).not.toContain('duplicate-site')
    expect(rulesOf(b.id)).not.toContain('duplicate-site')
  })

  it('each run is recorded in check_runs with its counts', () => {
    setUp()
    createSite(app, goodDraft({ email: 'bad@x' }))
    const r = runChecksSync(app)
    const row = app.db.prepare('SELECT * FROM check_runs WHERE id = ?').get(r.runId) as Record<string, unknown>
    expect(row).toMatchObject({ scope: 'all', sites: 1, errors: 2, warnings: 1 })
    expect(r).toMatchObject({ sites: 1, errors: 2, warnings: 1, waived: 0 })
  })
})

describe('attachment integrity with real stored files', () => {
  it('a missing file and a resized file are errors on the quick path; altered bytes only on the deep path', async () => {
    setUp()
    const site = await cleanSite()
    const letter = listFindings(app, { siteId: site.id })
    expect(letter).toEqual([])
    const stored = app.db.prepare("SELECT sha256, size FROM attachments WHERE site_id = ? AND kind = 'superior-letter'").get(site.id) as { sha256: string; size: number }
    const file = storedFile(app, stored.sha256)

    // Same size, different bytes: only re-hashing can tell.
    const original = fs.readFileSync(file)
    const altered = Buffer.from(original)
    altered[altered.length - 2] ^= 0xff
    fs.chmodSync(file, 0o644)
    fs.writeFileSync(file, altered)
    await runChecks(app, {})
    expect(rulesOf(site.id)).toEqual([])
    await runChecks(app, { deep: true })
    const deep = listFindings(app, { siteId: site.id })
    expect(deep.map((f) => [f.rule, f.target])).toEqual([['attachment-integrity', 'superior-letter']])
    expect(deep[0].message).toContain('内容已被改动')

    fs.writeFileSync(file, Buffer.concat([original, Buffer.from('x')]))
    await runChecks(app, {})
    expect(listFindings(app, { siteId: site.id })[0].message).toContain('大小与登记时不符')

    fs.rmSync(file)
    await runChecks(app, {})
    expect(listFindings(app, { siteId: site.id }).map((f) => f.message)).toEqual([
      expect.stringContaining('已丢失'),
    ])
    expect(blockingSites(app).map((b) => b.siteId)).toEqual([site.id])
  })
})

describe('waivers', () => {
  it('a warning is waived with a reason (audited), an error cannot be, and the waiver survives a re-run', () => {
    setUp()
    const site = createSite(app, goodDraft({ email: 'tianhe@gd' }))
    const warning = listFindings(app, { siteId: site.id, rule: 'email-format' })[0]
    const error = listFindings(app, { siteId: site.id, severity: 'error' })[0]

    expect(thrown(() => waiveFinding(app, warning.id, '   ')).code).toBe('invalid-input')
    const refused = thrown(() => waiveFinding(app, error.id, '领导同意'))
    expect(refused.code).toBe('forbidden')
    expect(refused.message).toBe(ERROR_NOT_WAIVABLE)

    const waived = waiveFinding(app, warning.id, '该厅无对外邮箱，已电话核实')
    expect(waived).toMatchObject({ waived: true, waiverReason: '该厅无对外邮箱，已电话核实', waivedBy: '测试员' })
    const audit = queryAudit(app.db, { action: 'waive', limit: 10 })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ entity: 'site', entityId: String(site.id) })
    expect(audit[0].summary).toContain('电子邮箱格式')
    expect(audit[0].summary).toContain('该厅无对外邮箱，已电话核实')
    expect(queryAudit(app.db, { action: 'waive', text: '领导同意', limit: 10 })).toEqual([])

    expect(listFindings(app, { siteId: site.id }).some((f) => f.rule === 'email-format')).toBe(false)
    runChecksSync(app)
    const again = listFindings(app, { siteId: site.id, includeWaived: true }).find((f) => f.rule === 'email-format')!
    expect(again.id).toBe(warning.id) // the same finding, not a look-alike
    expect(again.waiverReason).toBe('该厅无对外邮箱，已电话核实')
    // Even when the finding row itself is gone and comes back (fixed, then broken again) the waiver holds,
    // because it hangs on the fingerprint, not on the row.
    updateSite(app, site.id, goodDraft({ email: '' }))
    expect(listFindings(app, { siteId: site.id, includeWaived: true }).some((f) => f.rule === 'email-format')).toBe(false)
    updateSite(app, site.id, goodDraft({ email: 'tianhe@gd' }))
    const back = listFindings(app, { siteId: site.id, includeWaived: true }).find((f) => f.rule === 'email-format')!
    expect(back.waiverReason).toBe('该厅无对外邮箱，已电话核实')
    const again2 = back
    expect(checkSummary(app)).toMatchObject({ warnings: 0, waived: 1 })

    const reopened = unwaiveFinding(app, again2.id)
    expect(reopened.waived).toBe(false)
    expect(queryAudit(app.db, { action: 'unwaive', limit: 10 })[0].summary).toContain('该厅无对外邮箱')
    expect(checkSummary(app)).toMatchObject({ warnings: 1, waived: 0 })
  })

  it('over the API: waiving an error is refused with the Chinese message', async () => {
    setUp()
    const site = createSite(app, goodDraft())
    const error = listFindings(app, { siteId: site.id, severity: 'error' })[0]
    const r = await dispatch(app, 'checks.waive', { findingId: error.id, reason: '特殊情况' })
    expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: ERROR_NOT_WAIVABLE } })
  })
})

describe('the API', () => {
  it('checks.run, checks.findings with filters, checks.summary and checks.blocking', async () => {
    setUp()
    const hall = createSite(app, goodDraft({ email: 'x@y' }))
    const cc = createSite(app, goodDraft({ name: '广州客服中心', type: '客服中心', address: '客服路 1 号', enterprise: '中国电信' }))
    const run = await dispatch(app, 'checks.run', {})
    expect(run).toMatchObject({ ok: true, value: { sites: 2, errors: 4, warnings: 2 } })
    const only = async (input: object) => {
      const r = await dispatch(app, 'checks.findings', input)
      if (!r.ok) throw new Error(r.error.message)
      return (r.value as { findings: { siteCode: string; rule: string }[] }).findings.map((f) => `${f.siteCode} ${f.rule}`)
    }
    expect(await only({ severity: 'warning' })).toEqual([`${cc.code} type-fields`, `${hall.code} email-format`]) // by site code
    expect(await only({ type: 'callcenter', rule: 'type-fields' })).toEqual([`${cc.code} type-fields`])
    expect(await only({ enterprise: '中国电信', severity: 'warning' })).toEqual([`${cc.code} type-fields`])
    const bad = await dispatch(app, 'checks.findings', { rule: 'no-such-rule' })
    expect(bad.ok).toBe(false)

    const summary = await dispatch(app, 'checks.summary', {})
    expect(summary.ok && summary.value).toMatchObject({ sites: 2, errors: 4, warnings: 2, sitesWithErrors: 2 })
    const byRule = (summary.ok ? (summary.value as { byRule: { rule: string; open: number }[] }).byRule : []).map((r) => `${r.rule}=${r.open}`)
    expect(byRule).toEqual(['email-format=1', 'superior-letter=2', 'training-proof=2', 'type-fields=1'])

    const blocking = await dispatch(app, 'checks.blocking', { siteIds: [cc.id] })
    expect(blocking.ok && (blocking.value as { sites: { siteCode: string }[] }).sites.map((s) => s.siteCode)).toEqual([cc.code])
  })
})

describe('campaign settings', () => {
  it('saving the campaign is validated, audited and re-runs the checks', async () => {
    setUp()
    const site = createSite(app, goodDraft({ starLevel: 4 }))
    expect(rulesOf(site.id)).not.toContain('star-level')
    const config = { ...getCampaign(app).config, starLevels: [1, 2, 3] }
    const saved = await dispatch(app, 'campaign.save', { config })
    expect(saved.ok).toBe(true)
    expect(rulesOf(site.id)).toContain('star-level')
    expect(listFindings(app, { rule: 'star-level' })[0].message).toContain('一星级、二星级、三星级')
    expect(queryAudit(app.db, { entity: 'campaign', action: 'update', limit: 5 })[0].summary).toContain('可申报星级')

    const reversed = await dispatch(app, 'campaign.save', {
      config: { ...config, applicationWindow: { start: '2021-10-31', end: '2021-01-01' } },
    })
    expect(reversed).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(!reversed.ok && reversed.error.message).toContain('申报开始日期不能晚于截止日期')
    expect(thrown(() => saveCampaign(app, { ...config, year: 2022 })).message).toContain('开始下一年度')
  })

  it('startNext copies the active campaign to the next year with shifted dates and makes it active', () => {
    setUp()
    const before = getCampaign(app)
    saveCampaign(app, { ...before.config, starLevels: [2, 3, 4] })
    const next = startNextCampaign(app)
    expect(next).toMatchObject({ year: 2022, active: true })
    expect(next.config.applicationWindow).toEqual({ start: '2022-01-01', end: '2022-10-31' })
    expect(next.config.resultBatches.map((b) => b.due)).toEqual(['2022-06-30', '2022-12-31'])
    expect(next.config.starLevels).toEqual([2, 3, 4]) // the edited rules carry over
    expect(next.config.name).toContain('2022')
    expect(getCampaign(app).year).toBe(2022)
    expect(getCampaignByYear(app.db, 2021)?.active).toBe(false)
    expect(queryAudit(app.db, { entity: 'campaign', action: 'create', limit: 1 })[0].summary).toContain('开始 2022 年度')
    // New sites go into the new year: their codes carry it.
    expect(createSite(app, goodDraft()).code).toMatch(/^GD-2022-Y/)
  })
})

describe('the report', () => {
  it('a save place that cannot be written is refused in Chinese, naming the whole path and the code', async () => {
    setUp()
    const dir = tempDir('starsite-report-')
    const notAFolder = path.join(dir, '报告')
    fs.writeFileSync(notAFolder, 'x')
    const target = path.join(notAFolder, '审核报告.xlsx')
    const error = await rejection(exportCheckReport(app, { outPath: target }))
    expect(error.code).toBe('internal')
    expect(error.message).toBe(`保存位置的文件夹不存在，“${target}”未保存（ENOTDIR），请另选保存位置`)
    expect(fs.readdirSync(dir)).toEqual(['报告'])
    const tmp = path.join(app.dataDir, 'tmp')
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]) // no marker of a partial that never was
  })

  it('writes 审核报告.xlsx with a summary and one row per finding; formula-like text stays text', async () => {
    setUp()
    const site = createSite(app, goodDraft({ name: '=HYPERLINK("http://x","点我")', email: 'a@b' }))
    const f = listFindings(app, { siteId: site.id, rule: 'email-format' })[0]
    waiveFinding(app, f.id, '-已核实')
    const dir = tempDir('starsite-report-')
    const out = await exportCheckReport(app, { outPath: path.join(dir, '审核报告.xlsx') })
    expect(out).toBe(path.join(dir, '审核报告.xlsx'))
    expect(fs.readdirSync(dir)).toEqual(['审核报告.xlsx']) // no temp file left behind

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题明细'])
    const sheet = wb.getWorksheet('问题明细')!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual(['现场编号', '现场名称', '现场类型', '规则', '级别', '问题说明', '豁免原因'])
    expect(sheet.rowCount).toBe(1 + listFindings(app, { includeWaived: true }).length)
    const nameCell = sheet.getRow(2).getCell(2)
    expect(nameCell.type).toBe(ExcelJS.ValueType.String)
    expect(nameCell.value).toBe('=HYPERLINK("http://x","点我")')
    expect(nameCell.numFmt).toBe('@')
    const waivedRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(4).value === '电子邮箱格式')!
    expect(waivedRow.getCell(7).value).toBe('-已核实')
    expect(waivedRow.getCell(7).type).toBe(ExcelJS.ValueType.String)
    const summary = wb.getWorksheet('汇总')!
    const labels = summary.getColumn(1).values.slice(1)
    expect(labels).toContain('错误（未解决）')
    // Printed: the findings as an A4 landscape table with its header on every page; the short summary upright.
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' })
    expect(sheet.headerFooter).toMatchObject({ oddHeader: '&C&"-,Bold"广东省通信行业协会 审核报告 问题明细', oddFooter: '&C第 &P 页，共 &N 页' })
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 })
    expect(summary.pageSetup.printTitlesRow).toBeUndefined()
  })

  it('defaults to outputs/审核报告_YYYYMMDD.xlsx and refuses a folder that does not exist', async () => {
    setUp()
    createSite(app, goodDraft())
    const r = await dispatch(app, 'checks.exportReport', {})
    expect(r).toEqual({ ok: true, value: { path: path.join(app.dataDir, 'outputs', '审核报告_20210506.xlsx') } })
    expect(fs.existsSync(path.join(app.dataDir, 'outputs', '审核报告_20210506.xlsx'))).toBe(true)
    const missing = await dispatch(app, 'checks.exportReport', { outPath: path.join(app.dataDir, 'nope', 'r.xlsx') })
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})

describe('training roster', () => {
  it('a claimed certificate is accepted once the roster holds it, and an unknown one is a warning', async () => {
    setUp()
    const site = createSite(app, goodDraft({ certificates: 'GD2021001、GD2021999' }))
    await attach(app, site.id, 'superior-letter')
    await attach(app, site.id, 'training-certificate', pdfFile())
    recheckSites(app, [site.id])
    // No roster: the scan makes it a warning "未核验", numbers are not judged unknown.
    expect(listFindings(app, { siteId: site.id }).map((f) => `${f.rule}/${f.severity}`)).toEqual(['training-proof/warning'])
    app.db
      .prepare("INSERT INTO training_records (trainee, certificate_no, class, created_at, updated_at) VALUES ('王五', 'GD2021001', 'hall', 'x', 'x')")
      .run()
    runChecksSync(app)
    expect(listFindings(app, { siteId: site.id }).map((f) => `${f.rule}/${f.severity}/${f.fingerprint}`)).toEqual([
      'certificate-unknown/warning/certificate-unknown:certificates:GD2021999',
    ])
  })
})
