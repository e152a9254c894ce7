/** Reading findings, waiving warnings, and the questions other features ask ("which sites are blocked?"). */
import { ERROR_NOT_WAIVABLE, RULE_IDS, RULE_LABELS, type RuleId, type Severity } from '../../core/checks'
import { AppError, invalid } from '../../core/errors'
import { appendAudit } from '../../db/repositories/audit'
import { liveSiteCount } from '../../db/repositories/checkInputs'
import { FindingsRepository, type FindingFilter, type FindingRow } from '../../db/repositories/findings'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'

export type FindingQuery = Omit<FindingFilter, 'campaignId'>

export function listFindings(app: AppContext, query: FindingQuery = {}): FindingRow[] {
  const { campaign } = requireSetup(app)
  return new FindingsRepository(app.db).list({ ...query, campaignId: campaign.id })
}

const MAX_REASON = 500

function mustGetFinding(app: AppContext, findingId: number): FindingRow {
  const repo = new FindingsRepository(app.db)
  const f = repo.get(findingId)
  if (!f) throw new AppError('not-found', `找不到编号为 ${findingId} 的审核问题，可能已在重新审核后消失，请刷新后再试`)
  const { campaign } = requireSetup(app)
  const row = repo.list({ campaignId: campaign.id, siteId: f.siteId, includeWaived: true }).find((r) => r.id === findingId)
  if (!row) throw new AppError('not-found', `审核问题 ${findingId} 所属的现场已删除或不在当前年度`)
  return row
}

/** Waive a warning with a reason; errors must be fixed, never waived. Recorded in the audit log. */
export function waiveFinding(app: AppContext, findingId: number, reasonInput: string): FindingRow {
  // Trim only: a reason is Chinese prose, its full-width punctuation stays as typed.
  const reason = reasonInput.replace(/\r\n?/g, '\n').trim()
  if (!reason) throw invalid('请填写豁免原因', [{ field: 'reason', message: '豁免原因不能为空' }])
  if (reason.length > MAX_REASON)
    throw invalid(`豁免原因过长（${reason.length} 字，最多 ${MAX_REASON} 字）`, [{ field: 'reason', message: '豁免原因过长' }])
  const now = app.now()
  app.db.transaction(() => {
    const f = mustGetFinding(app, findingId)
    if (f.severity === 'error') throw new AppError('forbidden', ERROR_NOT_WAIVABLE)
    new FindingsRepository(app.db).putWaiver(f.siteId, f.fingerprint, reason, app.actor, now)
    appendAudit(
      app.db,
      {
        actor: app.actor,
        action: 'waive',
        entity: 'site',
        entityId: f.siteId,
        summary: `豁免现场 ${f.siteCode} 的“${RULE_LABELS[f.rule] ?? f.rule}”警告：${reason}`,
        details: { findingId, rule: f.rule, target: f.target, fingerprint: f.fingerprint, message: f.message, reason },
      },
      now,
    )
  })()
  return mustGetFinding(app, findingId)
}

export function unwaiveFinding(app: AppContext, findingId: number): FindingRow {
  const now = app.now()
  app.db.transaction(() => {
    const f = mustGetFinding(app, findingId)
    if (!new FindingsRepository(app.db).deleteWaiver(f.siteId, f.fingerprint))
      throw new AppError('conflict', '该问题没有被豁免，无需撤销')
    appendAudit(
      app.db,
      {
        actor: app.actor,
        action: 'unwaive',
        entity: 'site',
        entityId: f.siteId,
        summary: `撤销现场 ${f.siteCode} 的“${RULE_LABELS[f.rule] ?? f.rule}”豁免（原因：${f.waiverReason ?? ''}）`,
        details: { findingId, rule: f.rule, fingerprint: f.fingerprint, previousReason: f.waiverReason },
      },
      now,
    )
  })()
  return mustGetFinding(app, findingId)
}

export interface BlockingSite {
  siteId: number
  siteCode: string
  siteName: string
  reasons: { rule: RuleId; message: string }[]
}

/** Sites with open error-level findings (letters and bundles refuse them), with what to fix. */
export function blockingSites(app: AppContext, siteIds?: number[]): BlockingSite[] {
  const { campaign } = requireSetup(app)
  const bySite = new Map<number, BlockingSite>()
  for (const r of new FindingsRepository(app.db).blocking(campaign.id, siteIds)) {
    let s = bySite.get(r.siteId)
    if (!s) bySite.set(r.siteId, (s = { siteId: r.siteId, siteCode: r.code, siteName: r.name, reasons: [] }))
    s.reasons.push({ rule: r.rule, message: r.message })
  }
  return [...bySite.values()]
}

export interface CheckSummary {
  sites: number
  lastRunAt: string | null
  errors: number
  warnings: number
  waived: number
  sitesWithErrors: number
  sitesWithWarnings: number
  byRule: { rule: RuleId; label: string; severity: Severity; open: number; waived: number; sites: number }[]
}

/** Counts for the dashboard: open findings by severity, and per rule that has findings (in DESIGN §5 order). */
export function checkSummary(app: AppContext): CheckSummary {
  const { campaign } = requireSetup(app)
  const repo = new FindingsRepository(app.db)
  const counts = repo.counts(campaign.id)
  const byRule = RULE_IDS.flatMap((rule) => {
    const rows = counts.filter((c) => c.rule === rule)
    return rows.map((c) => ({ rule, label: RULE_LABELS[rule], severity: c.severity, open: c.open, waived: c.waived, sites: c.sites }))
  })
  const open = (sev: Severity) => counts.filter((c) => c.severity === sev).reduce((n, c) => n + c.open, 0)
  const withOpen = repo.sitesWithOpen(campaign.id)
  return {
    sites: liveSiteCount(app.db, campaign.id),
    lastRunAt: repo.lastRun()?.finishedAt ?? null,
    errors: open('error'),
    warnings: open('warning'),
    waived: counts.reduce((n, c) => n + c.waived, 0),
    sitesWithErrors: withOpen.errors,
    sitesWithWarnings: withOpen.warnings,
    byRule,
  }
}
