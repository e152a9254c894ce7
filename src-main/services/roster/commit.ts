/**
 * 'roster.commit': re-read the file, refuse when it changed since the preview or (unless only valid rows
 * were asked for) when any row cannot be imported, then create and update in ONE transaction with an audit
 * entry per site, one for the import and the findings of the sites touched. A cancel or any failure before
 * the end leaves the database as it was.
 */
import { AppError, invalid } from '../../core/errors'
import { describeProblem, type RowProblem } from '../../core/roster/problems'
import { SITE_FIELD_LABELS, SITE_TYPE_INFO, type SiteType } from '../../core/sites/fields'
import { appendAuditMany, type AuditEntryInput } from '../../db/repositories/audit'
import { backupBeforeRisk } from '../backup/create'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { recheckSites } from '../checks/engine'
import { describeChanges } from '../sites/sites'
import { parseRosterFile } from './parse'
import { planRoster, type PlannedRow } from './plan'
import { countPlan, type RosterCounts } from './preview'
import { readWorkbookFile } from './workbookFile'

export interface CommitInput {
  path: string
  fileSha256: string
  validOnly: boolean
}

export interface CommitResult {
  created: number
  updated: number
  /** Rows that matched a site whose values were already the same. */
  unchanged: number
  /** Rows not imported because of errors. */
  skipped: number
  errors: RowProblem[]
  warnings: RowProblem[]
  counts: RosterCounts
  fileSha256: string
}

/** Cancel is checked this often inside the transaction; throwing there rolls everything back. */
const SLICE = 500

export async function commitRoster(app: AppContext, input: CommitInput, job?: JobHandle): Promise<CommitResult> {
  const file = readWorkbookFile(input.path)
  if (file.sha256 !== input.fileSha256.toLowerCase())
    throw new AppError('conflict', `“${file.fileName}”在预览之后已被修改，为免导入未经核对的内容，请重新预览后再导入`)
  const parsed = await parseRosterFile(app, file, job)
  job?.throwIfCancelled()
  const plan = planRoster(app, parsed)
  const counts = countPlan(plan)
  const errors = plan.rows.flatMap((r) => r.problems.filter((p) => p.kind === 'error'))
  const warnings = plan.rows.flatMap((r) => (r.status === 'error' ? [] : r.problems.filter((p) => p.kind === 'warning')))
  if (counts.error && !input.validOnly) {
    const first = errors.slice(0, 5).map(describeProblem).join('；')
    throw invalid(
      `共 ${counts.total} 行，其中 ${counts.error} 行有错误无法导入，本次未导入任何数据。请修正后重新导入，或选择“只导入无错误的行”（${counts.new + counts.update} 行）。${first}${errors.length > 5 ? '……' : ''}`,
      errors.map((p) => ({ field: p.field, message: describeProblem(p) })),
    )
  }
  job?.throwIfCancelled()

  const { campaign, provinceCode } = plan
  const todo = plan.rows.filter((r) => r.status !== 'error')
  const now = app.now()
  let created = 0
  let updated = 0
  let unchanged = 0
  const touched: number[] = []
  // A copy of the database from just before, so a wrong roster can be undone from 设置 → 备份.
  await backupBeforeRisk(app, 'before-import')
  job?.throwIfCancelled()
  app.db.transaction(() => {
    const fresh = todo.filter((r) => r.status === 'new')
    const codeOf = reserveCodes(app, fresh, (type) => `${provinceCode}-${campaign.year}-${SITE_TYPE_INFO[type].letter}`)
    const ids = new Map<string, number>()
    for (let i = 0; i < fresh.length; i += SLICE) {
      job?.throwIfCancelled()
      job?.progress('写入数据库', i, fresh.length + todo.length)
      const slice = fresh.slice(i, i + SLICE).map((r) => ({ values: r.read.values!, code: codeOf.get(r)! }))
      for (const [code, id] of app.sites.insertMany(slice, { campaignId: campaign.id, status: 'pending', now })) ids.set(code, id)
    }
    // Audit entries in row order, creations and updates interleaved as the roster lists them.
    const entries: AuditEntryInput[] = []
    todo.forEach((r, i) => {
      if (i % SLICE === 0) {
        job?.throwIfCancelled()
        job?.progress('写入数据库', fresh.length + i, fresh.length + todo.length)
      }
      const values = r.read.values!
      if (r.status === 'new') {
        const code = codeOf.get(r)!
        const id = ids.get(code)!
        entries.push({ actor: app.actor, action: 'create', entity: 'site', entityId: id, summary: `导入新建现场 ${code} ${values.name}` })
        touched.push(id)
        created++
        return
      }
      const before = app.sites.get(r.target!.id)!
      const changes = describeChanges(before, values)
      if (!changes.length) {
        unchanged++
        return
      }
      app.sites.update(before.id, values, now)
      touched.push(before.id)
      const labels = changes.map((c) => SITE_FIELD_LABELS[c.field as keyof typeof SITE_FIELD_LABELS] ?? c.field).join('、')
      entries.push({ actor: app.actor, action: 'update', entity: 'site', entityId: before.id, summary: `导入修改现场 ${before.code}：${labels}`, details: changes })
      updated++
    })
    const skipped = counts.error
    entries.push({
      actor: app.actor,
      action: 'import',
      entity: 'roster',
      entityId: null,
      summary: `导入推荐汇总表“${parsed.fileName}”：新建 ${created}，更新 ${updated}，未变 ${unchanged}，跳过 ${skipped}`,
      details: { fileName: parsed.fileName, fileSha256: parsed.sha256, sheet: parsed.sheet, created, updated, unchanged, skipped },
    })
    appendAuditMany(app.db, entries, now)
    job?.progress('写入数据库', fresh.length + todo.length, fresh.length + todo.length)
    // As after saving one site, the findings follow the stored data; in the same transaction, so a crash
    // or a failing check can never leave imported sites without their findings.
    job?.progress('审核', 0, 1)
    recheckSites(app, touched)
  })()
  job?.progress('审核', 1, 1)
  return { created, updated, unchanged, skipped: counts.error, errors, warnings, counts, fileSha256: parsed.sha256 }
}

/** New sites' codes in row order, per prefix: exactly what one nextCode per row would give, in one statement per prefix. */
function reserveCodes(app: AppContext, fresh: PlannedRow[], prefixOf: (type: SiteType) => string): Map<PlannedRow, string> {
  const byPrefix = new Map<string, PlannedRow[]>()
  for (const r of fresh) {
    const prefix = prefixOf(r.read.values!.type)
    const list = byPrefix.get(prefix)
    if (list) list.push(r)
    else byPrefix.set(prefix, [r])
  }
  const codeOf = new Map<PlannedRow, string>()
  for (const [prefix, rows] of byPrefix) app.sites.reserveCodes(prefix, rows.length).forEach((code, i) => codeOf.set(rows[i], code))
  return codeOf
}
