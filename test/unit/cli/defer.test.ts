/**
 * 暂缓报送 from the command line, over a real data folder and a real child process: a bundle refused for one
 * site's open errors goes out with `--defer-unready` holding exactly that site back (listed with its reason
 * and errors), verifies clean, and names only the packed sites in its manifest, cover letter and roster; the
 * check report counts the deferred site; `sites` lists, defers and resumes.
 */
import ExcelJS from 'exceljs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/services/context'
import { createSite } from '../../../src-main/services/sites/sites'
import { recheckSites } from '../../../src-main/services/checks/engine'
import { draft } from '../services/helpers'
import { bundleApp, docxXml, readZip, seedSites, tempDir, xlsxColumn } from '../bundle/helpers'
import { runCli } from './run'

const apps: AppContext[] = []
afterEach(() => {
  for (const a of apps.splice(0)) a.close()
})

/** Two ready sites with their attachments, and a third with no attachments at all (open errors). */
async function dataWithOneUnready() {
  const app = bundleApp()
  apps.push(app)
  await seedSites(app)
  const faulty = createSite(app, draft({ name: '佛山禅城营业厅', city: '佛山市', address: '佛山市禅城区祖庙路 9 号', uscc: '91440000719283738L' }))
  recheckSites(app, [faulty.id])
  return { app, faulty, data: app.dataDir }
}

/** Each case runs the CLI a dozen times; on a busy 2-core machine one run can take ~10 s. */
const json = (r: { stdout: string }) => JSON.parse(r.stdout)

describe('bundle --defer-unready and sites status/resume/list (real child process)', () => {
  it('holds back exactly the unready site, exits 0, verifies, and packs only the ready sites', async () => {
    const { faulty, data, app } = await dataWithOneUnready()
    const out = path.join(tempDir('starsite-defer-out-'), '报送包.zip')

    const refused = runCli(['--data', data, 'bundle', '--out', out, '--json'])
    expect(refused.status, refused.stderr).toBe(1)
    expect(json(refused).error.code).toBe('conflict')
    expect(app.sites.get(faulty.id)!.status).toBe('pending')

    const r = runCli(['--data', data, 'bundle', '--out', out, '--defer-unready', '--json'])
    expect(r.status, r.stderr).toBe(0)
    const doc = json(r)
    expect(doc.sites).toBe(2)
    expect(doc.deferred).toHaveLength(1)
    expect(doc.deferred[0]).toMatchObject({ code: faulty.code, name: '佛山禅城营业厅', reason: '报送截止前未解决的错误', justDeferred: true })
    expect(doc.deferred[0].errors.map((e: { rule: string }) => e.rule)).toContain('superior-letter')
    // The person at the terminal sees the held-back site, its reason and its errors.
    expect(r.stderr).toContain(`${faulty.code} 佛山禅城营业厅（原因：报送截止前未解决的错误）`)
    expect(r.stderr).toContain(doc.deferred[0].errors[0].message)

    const v = runCli(['--data', data, 'verify', out, '--json'])
    expect(v.status, v.stderr).toBe(0)
    expect(json(v)).toMatchObject({ ok: true, problems: [] })

    const items = await readZip(out)
    const manifest = JSON.parse(items.find((e) => e.name === 'manifest.json')!.data.toString('utf8'))
    expect(manifest.sites.map((s: { code: string }) => s.code)).toEqual(['GD-2021-Y001', 'GD-2021-Z001'])
    expect(items.some((e) => e.name.includes('佛山禅城营业厅'))).toBe(false)
    const cover = await docxXml(items.find((e) => e.name === '00_报送函.docx')!.data)
    expect(cover).toContain('GD-2021-Y001')
    expect(cover).not.toContain(faulty.code)
    expect(await xlsxColumn(items.find((e) => e.name === '01_推荐汇总表.xlsx')!.data, 0, '现场编号')).toEqual(['GD-2021-Y001', 'GD-2021-Z001'])
    // The check report states how many were held back.
    const report = new ExcelJS.Workbook()
    await report.xlsx.load(items.find((e) => e.name === '02_审核报告.xlsx')!.data as unknown as ArrayBuffer)
    const summary = new Map<string, unknown>()
    report.getWorksheet('汇总')!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(summary.get('暂缓报送的现场')).toBe(1)

    // Deferred: still registered, findings kept, a reasoned audit entry; the packed ones are 已报送.
    expect(app.sites.get(faulty.id)!.status).toBe('deferred')
    const audit = app.db.prepare("SELECT summary, details_json FROM audit_log WHERE entity = 'site' AND entity_id = ? AND action = 'status'").all(String(faulty.id)) as {
      summary: string
      details_json: string
    }[]
    expect(audit).toHaveLength(1)
    expect(audit[0].summary).toContain('待审核 → 暂缓报送（原因：报送截止前未解决的错误）')
    expect(JSON.parse(audit[0].details_json)).toMatchObject({ from: 'pending', to: 'deferred', reason: '报送截止前未解决的错误' })
    const findings = app.db.prepare('SELECT COUNT(*) AS n FROM findings WHERE site_id = ?').get(faulty.id) as { n: number }
    expect(findings.n).toBeGreaterThan(0)

    const listed = runCli(['--data', data, 'sites', 'list', '--status', '暂缓报送', '--json'])
    expect(listed.status, listed.stderr).toBe(0)
    expect(json(listed).sites.map((s: { code: string; deferReason: string }) => [s.code, s.deferReason])).toEqual([[faulty.code, '报送截止前未解决的错误']])
    const alias = runCli(['--data', data, 'list', '--status', 'deferred', '--json'])
    expect(json(alias).sites).toHaveLength(1)
    const human = runCli(['--data', data, 'sites', 'list', '--status', 'deferred'])
    expect(human.stdout).toContain('暂缓原因')
    expect(human.stdout).toContain('报送截止前未解决的错误')

    // A second bundle the same way: the already-deferred site is listed again, not deferred anew.
    const again = runCli(['--data', data, 'bundle', '--out', out.replace('.zip', '2.zip'), '--defer-unready', '--reason', '另一个原因', '--json'])
    expect(again.status, again.stderr).toBe(0)
    expect(json(again).deferred).toMatchObject([{ code: faulty.code, reason: '报送截止前未解决的错误', justDeferred: false }])

    // One click back: the status it had before.
    const resumed = runCli(['--data', data, 'sites', 'resume', faulty.code, '--json'])
    expect(resumed.status, resumed.stderr).toBe(0)
    expect(json(resumed)).toEqual({ count: 1, sites: [{ code: faulty.code, name: '佛山禅城营业厅', from: 'deferred', to: 'pending' }] })
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM site_deferrals').get()).toEqual({ n: 0 })
  }, 600_000)

  it('sites status: by code or name, in one go; 暂缓报送 needs a reason; bad sites or statuses change nothing (exit 2)', async () => {
    const { faulty, data, app } = await dataWithOneUnready()
    const noReason = runCli(['--data', data, 'sites', 'status', faulty.code, '--to', '暂缓报送', '--json'])
    expect(noReason.status).toBe(2)
    expect(json(noReason).error.message).toContain('原因')

    const unknown = runCli(['--data', data, 'sites', 'status', faulty.code, 'GD-2021-Y999', '--to', 'draft'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('GD-2021-Y999')
    expect(app.sites.get(faulty.id)!.status).toBe('pending')

    const badStatus = runCli(['--data', data, 'sites', 'status', faulty.code, '--to', '作废'])
    expect(badStatus.status).toBe(2)
    expect(badStatus.stderr).toContain('暂缓报送（deferred）')

    const ok = runCli(['--data', data, 'sites', 'status', faulty.code, '广州天河营业厅', '--to', 'deferred', '--reason', '上级推荐函未盖章', '--json'])
    expect(ok.status, ok.stderr).toBe(0)
    expect(json(ok)).toMatchObject({ count: 2, sites: [{ code: faulty.code, from: 'pending', to: 'deferred' }, { code: 'GD-2021-Y001', to: 'deferred' }] })

    const toDraft = runCli(['--data', data, 'sites', 'status', 'GD-2021-Y001', '--to', '草稿', '--reason', '资料重填'])
    expect(toDraft.status, toDraft.stderr).toBe(0)
    expect(toDraft.stderr).toContain('暂缓报送 → 草稿')
    // Leaving 暂缓报送 by any status ends the deferral record.
    expect(app.db.prepare('SELECT site_id FROM site_deferrals').all()).toEqual([{ site_id: faulty.id }])
    const last = app.db.prepare("SELECT summary FROM audit_log WHERE action = 'status' ORDER BY id DESC LIMIT 1").get() as { summary: string }
    expect(last.summary).toBe('现场 GD-2021-Y001 状态：暂缓报送 → 草稿（原因：资料重填）')

    const wrongOption = runCli(['--data', data, 'sites', 'list', '--to', 'draft'])
    expect(wrongOption.status).toBe(2)
    const reasonAlone = runCli(['--data', data, 'bundle', '--out', path.join(data, 'x.zip'), '--reason', '某原因'])
    expect(reasonAlone.status).toBe(2)
  }, 600_000)
})
