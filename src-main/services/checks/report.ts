/**
 * 审核报告.xlsx: a summary sheet and one row per finding. Goes into the bundle (02_审核报告.xlsx) and is
 * offered to the clerk. Written to a temp name in the target folder and renamed, so a crash never leaves a
 * half-written report under the real name.
 */
import fs from 'node:fs'
import path from 'node:path'
import type ExcelJS from 'exceljs'
import { RULE_IDS, RULE_LABELS, SEVERITY_LABELS, type Severity } from '../../core/checks'
import { AppError, invalid } from '../../core/errors'
import { fsErrorCode, saveFailureMessage } from '../../core/files/fsError'
import { SITE_TYPE_INFO, type SiteType } from '../../core/sites/fields'
import type { AppContext } from '../context'
import { writeFileAtomic } from '../files/atomicWrite'
import type { JobHandle } from '../jobs'
import { requireSetup } from '../settings/association'
import { listDeferrals } from '../../db/repositories/deferrals'
import type { FindingRow } from '../../db/repositories/findings'
import { checkSummary, listFindings, type CheckSummary } from './findings'
import { loadExcelJS } from '../files/exceljs'
import { applyPrintSetup } from '../files/printSetup'

/** Text Excel (or a later CSV export) could take for a formula: = + - @ at the start. */
const FORMULA_LIKE = /^[=+\-@]/

/** Set a cell to text, marked as text (format "@") when it could be read as a formula. */
function setText(cell: ExcelJS.Cell, value: string): void {
  cell.value = value
  if (FORMULA_LIKE.test(value)) cell.numFmt = '@'
}

function yyyymmdd(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`
}

export function defaultReportPath(app: AppContext): string {
  return path.join(app.dataDir, 'outputs', `审核报告_${yyyymmdd(app.now())}.xlsx`)
}

/** The summary of only some sites, counted from their findings the way checkSummary counts the campaign. */
function summaryOf(findings: FindingRow[], sites: number, lastRunAt: string | null): CheckSummary {
  const open = findings.filter((f) => !f.waived)
  const sitesWith = (sev: Severity) => new Set(open.filter((f) => f.severity === sev).map((f) => f.siteId)).size
  const byRule = RULE_IDS.flatMap((rule) =>
    (['error', 'warning'] as const).flatMap((severity) => {
      const of = findings.filter((f) => f.rule === rule && f.severity === severity)
      if (!of.length) return []
      const openOf = of.filter((f) => !f.waived)
      return [{ rule, label: RULE_LABELS[rule], severity, open: openOf.length, waived: of.length - openOf.length, sites: new Set(openOf.map((f) => f.siteId)).size }]
    }),
  )
  return {
    sites,
    lastRunAt,
    errors: open.filter((f) => f.severity === 'error').length,
    warnings: open.filter((f) => f.severity === 'warning').length,
    waived: findings.length - open.length,
    sitesWithErrors: sitesWith('error'),
    sitesWithWarnings: sitesWith('warning'),
    byRule,
  }
}

/** siteIds: a report on only these sites (the bundle's 02_审核报告 covers the packed sites); absent: all. */
export async function buildReportWorkbook(app: AppContext, siteIds?: number[]): Promise<ExcelJS.Workbook> {
  const { association, campaign } = requireSetup(app)
  const only = siteIds ? new Set(siteIds) : null
  const findings = listFindings(app, { includeWaived: true }).filter((f) => !only || only.has(f.siteId))
  const summary = only ? summaryOf(findings, only.size, checkSummary(app).lastRunAt) : checkSummary(app)
  const wb = new (await loadExcelJS()).Workbook()
  wb.creator = 'starsite'
  wb.created = new Date(app.now())

  const s = wb.addWorksheet('汇总')
  s.columns = [{ width: 26 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 14 }]
  const pair = (label: string, value: string | number) => {
    const row = s.addRow([])
    setText(row.getCell(1), label)
    if (typeof value === 'number') row.getCell(2).value = value
    else setText(row.getCell(2), value)
  }
  const title = s.addRow([])
  setText(title.getCell(1), `${campaign.config.name} 审核报告`)
  title.font = { bold: true, size: 14 }
  pair('协会', association.name)
  pair('年度', String(campaign.year))
  pair('最近审核时间', summary.lastRunAt ?? '尚未审核')
  pair('生成时间', app.now())
  pair('现场数', summary.sites)
  pair('错误（未解决）', summary.errors)
  pair('警告（未豁免）', summary.warnings)
  pair('已豁免的警告', summary.waived)
  pair('有错误的现场', summary.sitesWithErrors)
  // Held back from the submission with a reason (暂缓报送): counted, so the receiver knows the bundle is partial.
  pair('暂缓报送的现场', listDeferrals(app.db, campaign.id).length)
  s.addRow([])
  const head = s.addRow(['规则', '级别', '未解决', '已豁免', '涉及现场'])
  head.font = { bold: true }
  for (const r of summary.byRule) {
    const row = s.addRow([])
    setText(row.getCell(1), r.label)
    setText(row.getCell(2), SEVERITY_LABELS[r.severity])
    row.getCell(3).value = r.open
    row.getCell(4).value = r.waived
    row.getCell(5).value = r.sites
  }

  const f = wb.addWorksheet('问题明细')
  f.columns = [
    { header: '现场编号', width: 16 },
    { header: '现场名称', width: 32 },
    { header: '现场类型', width: 10 },
    { header: '规则', width: 18 },
    { header: '级别', width: 8 },
    { header: '问题说明', width: 70 },
    { header: '豁免原因', width: 30 },
  ]
  f.getRow(1).font = { bold: true }
  f.views = [{ state: 'frozen', ySplit: 1 }]
  for (const x of findings) {
    const row = f.addRow([])
    setText(row.getCell(1), x.siteCode)
    setText(row.getCell(2), x.siteName)
    setText(row.getCell(3), SITE_TYPE_INFO[x.siteType as SiteType]?.label ?? x.siteType)
    setText(row.getCell(4), RULE_LABELS[x.rule] ?? x.rule)
    setText(row.getCell(5), SEVERITY_LABELS[x.severity])
    setText(row.getCell(6), x.message)
    setText(row.getCell(7), x.waiverReason ?? '')
  }
  f.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } }
  // The summary is a short form five columns wide: an upright page holds it; the findings are a table.
  applyPrintSetup(s, { title: `${association.name} 审核报告`, headerRows: 0, orientation: 'portrait' })
  applyPrintSetup(f, { title: `${association.name} 审核报告 问题明细` })
  return wb
}

/** Write the report to `outPath` (default outputs/审核报告_YYYYMMDD.xlsx) and return the path written. */
export async function exportCheckReport(app: AppContext, options: { outPath?: string; siteIds?: number[] } = {}, job?: JobHandle): Promise<string> {
  const target = path.resolve(options.outPath ?? defaultReportPath(app))
  if (path.extname(target).toLowerCase() !== '.xlsx') throw invalid('审核报告应保存为 .xlsx 文件，请修改文件名')
  const dir = path.dirname(target)
  if (!fs.existsSync(dir)) throw invalid(`保存位置“${dir}”不存在，请选择已有的文件夹`)
  job?.progress('report', 0, 1)
  const wb = await buildReportWorkbook(app, options.siteIds)
  job?.throwIfCancelled()
  const data = Buffer.from(await wb.xlsx.writeBuffer())
  job?.throwIfCancelled()
  try {
    writeFileAtomic(app.dataDir, target, data)
  } catch (error) {
    const code = fsErrorCode(error)
    if (!code) throw error
    // Open in Excel or not ours to write: the clerk can fix it and try again.
    const kind = code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' ? 'conflict' : 'internal'
    throw new AppError(kind, saveFailureMessage(code, target, 'Excel'))
  }
  job?.progress('report', 1, 1)
  return target
}
