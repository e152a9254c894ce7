/**
 * (a) The generated template filled with 200 rows, 20 of them bad in 20 different ways: the preview names
 * exactly those cells, a valid-only commit stores the other 180, the corrected file updates 180 and creates
 * 20, and the CLI prints the DESIGN §8 JSON shape.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { openApp } from '../../../src-main/services/context'
import type { OpOutput } from '../../../src-main/api/contract'
import { ROSTER_COLUMNS, type RosterField } from '../../../src-main/core/roster/columns'
import { columnLetter } from '../../../src-main/core/roster/letters'
import { dbSnapshot, siteCount } from '../../fixtures/roster/db'
import { fillTemplate, validSite, type RosterRowValues } from '../../fixtures/roster/sites'
import { runCli } from '../cli/run'
import { freshApp, setUpGuangdong } from '../services/helpers'
import { tempDir } from '../../fixtures/roster/tempDir'

const letter = (f: RosterField) => columnLetter(ROSTER_COLUMNS.findIndex((c) => c.field === f) + 1)

/** Row index (0-based data row) -> how it is broken and which column must be blamed. */
const BREAKAGES: Array<{ i: number; field: RosterField; change: (v: RosterRowValues) => void }> = [
  { i: 3, field: 'name', change: (v) => (v.name = null) },
  { i: 11, field: 'type', change: (v) => (v.type = null) },
  { i: 19, field: 'type', change: (v) => (v.type = '超市') },
  { i: 27, field: 'starLevel', change: (v) => (v.starLevel = '九星') },
  { i: 35, field: 'applyDate', change: (v) => (v.applyDate = '下个月') },
  { i: 43, field: 'applyDate', change: (v) => (v.applyDate = '2021-02-30') },
  { i: 51, field: 'staffCount', change: (v) => (v.staffCount = -5) },
  { i: 59, field: 'seats', change: (v) => (v.seats = '三十个') },
  { i: 67, field: 'phone', change: (v) => (v.phone = null) },
  { i: 75, field: 'uscc', change: (v) => (v.uscc = null) },
  { i: 83, field: 'city', change: (v) => (v.city = null) },
  { i: 91, field: 'recommender', change: (v) => (v.recommender = null) },
  { i: 99, field: 'enterprise', change: (v) => (v.enterprise = null) },
  { i: 107, field: 'address', change: (v) => (v.address = null) },
  { i: 115, field: 'manager', change: (v) => (v.manager = null) },
  { i: 123, field: 'applyDate', change: (v) => (v.applyDate = null) },
  { i: 131, field: 'starLevel', change: (v) => (v.starLevel = null) },
  { i: 139, field: 'areaSqm', change: (v) => (v.areaSqm = '很大') },
  // Same name and recommender as row index 5: a duplicate inside the file, reported on this later row.
  { i: 147, field: 'name', change: (v) => Object.assign(v, { ...validSite(5), seq: 148 }) },
  { i: 155, field: 'code', change: (v) => (v.code = 'GD-2021-Y999') },
]

function rosterRows(broken: boolean, remark = ''): RosterRowValues[] {
  const rows = Array.from({ length: 200 }, (_, i) => ({ ...validSite(i), remarks: remark }))
  if (broken) for (const b of BREAKAGES) b.change(rows[b.i])
  return rows
}

describe('roster import from the filled template', () => {
  it('reports exactly the broken cells, imports the rest, then updates and creates from the corrected file', async () => {
    const app = freshApp()
    setUpGuangdong(app)
    const dir = tempDir('starsite-roster-')
    const template = path.join(dir, 'template.xlsx')
    expect((await dispatch(app, 'roster.template', { outPath: template })).ok).toBe(true)
    const bad = path.join(dir, 'bad.xlsx')
    await fillTemplate(template, rosterRows(true), bad)

    const env = await dispatch(app, 'roster.preview', { path: bad })
    expect(env.ok).toBe(true)
    const preview = (env as { value: OpOutput<'roster.preview'> }).value
    expect(preview.headerRow).toBe(1)
    expect(preview.ignoredColumns).toEqual([])
    const errorCells = preview.rows.flatMap((r) => r.problems.filter((p) => p.kind === 'error').map((p) => `${p.row}${p.column}`))
    const expected = BREAKAGES.map((b) => `${b.i + 2}${letter(b.field)}`)
    expect(new Set(errorCells)).toEqual(new Set(expected))
    expect(errorCells).toHaveLength(20) // one problem per broken row, none elsewhere
    expect(preview.rows.filter((r) => r.status === 'error').map((r) => r.row).sort((a, b) => a - b)).toEqual(
      BREAKAGES.map((b) => b.i + 2).sort((a, b) => a - b),
    )
    expect(preview.rows.flatMap((r) => r.problems.filter((p) => p.kind === 'warning'))).toEqual([])
    expect(preview.counts).toMatchObject({ total: 200, new: 180, update: 0, error: 20 })
    const dup = preview.rows.find((r) => r.row === 149)!.problems[0]
    expect(dup.message).toContain('第 7 行')
    expect(siteCount(app)).toBe(0) // preview changes nothing

    // Without validOnly the commit refuses and changes nothing.
    const before = dbSnapshot(app)
    const refused = await dispatch(app, 'roster.commit', { path: bad, fileSha256: preview.fileSha256 })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('20 行有错误')
    expect(dbSnapshot(app)).toBe(before)

    const committed = await dispatch(app, 'roster.commit', { path: bad, fileSha256: preview.fileSha256, validOnly: true })
    expect(committed.ok).toBe(true)
    const result = (committed as { value: OpOutput<'roster.commit'> }).value
    expect(result).toMatchObject({ created: 180, updated: 0, skipped: 20 })
    expect(result.errors).toHaveLength(20)
    expect(siteCount(app)).toBe(180)
    const audit = app.db.prepare("SELECT summary FROM audit_log WHERE action = 'import'").all() as { summary: string }[]
    expect(audit).toHaveLength(1)
    expect(audit[0].summary).toContain('bad.xlsx')

    // The clerk fixes the 20 rows and changes every remark: 180 updates, 20 new sites, no duplicates.
    const fixed = path.join(dir, 'fixed.xlsx')
    await fillTemplate(template, rosterRows(false, '已更正'), fixed)
    const p2 = await dispatch(app, 'roster.preview', { path: fixed })
    const preview2 = (p2 as { value: OpOutput<'roster.preview'> }).value
    expect(preview2.counts).toMatchObject({ total: 200, new: 20, update: 180, error: 0 })
    const c2 = await dispatch(app, 'roster.commit', { path: fixed, fileSha256: preview2.fileSha256 })
    expect((c2 as { value: OpOutput<'roster.commit'> }).value).toMatchObject({ created: 20, updated: 180, unchanged: 0, skipped: 0 })
    expect(siteCount(app)).toBe(200)
    const remarks = app.db.prepare('SELECT DISTINCT remarks FROM sites').all()
    expect(remarks).toEqual([{ remarks: '已更正' }])

    // Each creation's audit entry names its own site: the id and the code in the summary belong together.
    const creations = app.db
      .prepare("SELECT s.code, a.summary FROM audit_log a JOIN sites s ON s.id = CAST(a.entity_id AS INTEGER) WHERE a.action = 'create' AND a.entity = 'site'")
      .all() as { code: string; summary: string }[]
    expect(creations).toHaveLength(200)
    for (const c of creations) expect(c.summary).toContain(c.code)

    // The findings the import stored are exactly those a full check run makes now: nothing to change.
    const findings = () => app.db.prepare('SELECT id, site_id, rule, severity, target, message, fingerprint FROM findings ORDER BY id').all()
    const afterImport = findings()
    expect(new Set(afterImport.map((f) => (f as { site_id: number }).site_id)).size).toBe(200)
    expect((await dispatch(app, 'checks.run', {})).ok).toBe(true)
    expect(findings()).toEqual(afterImport)
    app.close()
  })

  it('refuses a commit when the file changed after the preview', async () => {
    const app = freshApp()
    setUpGuangdong(app)
    const dir = tempDir('starsite-roster-')
    const template = path.join(dir, 'template.xlsx')
    await dispatch(app, 'roster.template', { outPath: template })
    const file = path.join(dir, 'r.xlsx')
    await fillTemplate(template, [validSite(0), validSite(1)], file)
    const preview = (await dispatch(app, 'roster.preview', { path: file })) as { value: OpOutput<'roster.preview'> }
    await fillTemplate(template, [validSite(0), validSite(1), validSite(2)], file)
    const before = dbSnapshot(app)
    const env = await dispatch(app, 'roster.commit', { path: file, fileSha256: preview.value.fileSha256 })
    expect(env.ok).toBe(false)
    if (!env.ok) {
      expect(env.error.code).toBe('conflict')
      expect(env.error.message).toContain('重新预览')
    }
    expect(dbSnapshot(app)).toBe(before)
    app.close()
  })

  it('CLI: import --json prints the §8 shape; without --valid-only nothing changes and the exit code is 1', async () => {
    const data = tempDir('starsite-cli-roster-')
    expect(runCli(['--data', data, 'init', '--association', '广东省通信行业协会', '--short', '粤通协', '--province', '广东', '--year', '2021']).status).toBe(0)
    const tpl = path.join(data, 'tpl.xlsx')
    const t = runCli(['--data', data, 'template', '--out', tpl, '--json'])
    expect(t.status).toBe(0)
    expect(fs.existsSync(tpl)).toBe(true)
    const rows = rosterRows(true).slice(0, 40) // breakages at indexes 3, 11, 19, 27, 35
    const file = path.join(data, 'roster.xlsx')
    await fillTemplate(tpl, rows, file)

    const refused = runCli(['--data', data, 'import', file])
    expect(refused.status).toBe(1)
    expect(refused.stdout).toContain(`第 5 行 ${letter('name')} 列（现场名称）：现场名称不能为空`)

    const dry = runCli(['--data', data, 'import', file, '--dry-run', '--valid-only', '--json'])
    expect(dry.status).toBe(0)
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: 0, updated: 0, skipped: 5 })

    const r = runCli(['--data', data, 'import', file, '--valid-only', '--json'])
    expect(r.status).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc).toMatchObject({ created: 35, updated: 0, skipped: 5 })
    expect(doc.errors).toHaveLength(5)
    for (const e of doc.errors) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['row', 'column', 'field', 'message']))
      expect(typeof e.row).toBe('number')
      expect(e.column).toMatch(/^[A-Z]+$/)
    }
    const app = openApp({ dataDir: data })
    expect(siteCount(app)).toBe(35)
    app.close()
  }, 180_000) // five real CLI processes on a shared 2-core machine
})
