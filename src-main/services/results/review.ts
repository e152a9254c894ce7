/**
 * Turning a result row into a site's result: confirming a match by hand (确认), refusing the candidates
 * (不是这些), and applying every automatic match at once (应用结果). A result applied sets the site's status to
 * 已评定 or 未通过 and records the awarded star level in site_results, with an audit entry.
 */
import { AppError } from '../../core/errors'
import { starLabel } from '../../core/sites/fields'
import { appendAudit } from '../../db/repositories/audit'
import { getResult, listResults, putSiteResult, setResultMatch, type ResultRecord } from '../../db/repositories/results'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'
import { setSiteStatus } from '../sites/sites'

export const outcomeText = (r: Pick<ResultRecord, 'outcome' | 'awardedStar'>): string =>
  r.outcome === 'rejected' ? '未通过' : starLabel(r.awardedStar ?? 0)

function mustGetResult(app: AppContext, id: number): ResultRecord {
  const r = getResult(app.db, id)
  if (!r) throw new AppError('not-found', `找不到编号为 ${id} 的评定结果，请刷新后重试`)
  return r
}

/** Inside the caller's transaction: record the result on the site and set the site's status. */
function applyToSite(app: AppContext, result: ResultRecord, siteId: number, method: ResultRecord['matchMethod'], now: string): void {
  const { campaign } = requireSetup(app)
  const site = app.sites.get(siteId)
  if (!site || site.deletedAt || site.campaignId !== campaign.id)
    throw new AppError('not-found', '所选现场不存在、已删除或不属于当前年度，请刷新后重新选择')
  setResultMatch(app.db, result.id, { siteId, status: 'confirmed', method, confirmedAt: now })
  putSiteResult(
    app.db,
    { siteId, resultId: result.id, outcome: result.outcome, awardedStar: result.awardedStar, certificateNo: result.certificateNo, plaqueNo: result.plaqueNo, batch: result.batch },
    now,
  )
  setSiteStatus(app, [siteId], result.outcome === 'rated' ? 'rated' : 'rejected')
  const batch = result.batch ? `，${result.batch}` : ''
  const cert = `${result.certificateNo ? `，证书编号 ${result.certificateNo}` : ''}${result.plaqueNo ? `，标牌编号 ${result.plaqueNo}` : ''}`
  appendAudit(
    app.db,
    {
      actor: app.actor,
      action: 'result',
      entity: 'site',
      entityId: siteId,
      summary: `记录评定结果：现场 ${site.code} ${site.name} ${outcomeText(result)}${batch}${cert}`,
      details: { resultId: result.id, method, sourceRow: result.sourceRow, sourceFile: result.sourceFile },
    },
    now,
  )
}

/** 确认: this row is about that site (one of the candidates, or any site of the year for an unmatched row). */
export function confirmResult(app: AppContext, id: number, siteId: number): ResultRecord {
  const now = app.now()
  app.db.transaction(() => {
    const result = mustGetResult(app, id)
    if (result.status === 'confirmed' && result.siteId === siteId) return
    if (result.status === 'confirmed')
      throw new AppError('conflict', '这条结果已确认给另一个现场；如需更正，请在“推荐现场”中修改该现场的状态后重新导入')
    const method = result.status === 'matched' && result.siteId === siteId ? result.matchMethod : 'manual'
    applyToSite(app, result, siteId, method, now)
  })()
  return mustGetResult(app, id)
}

/** 不是这些: none of the candidates is the site; the row stays unmatched and leaves the review list. */
export function rejectResultMatch(app: AppContext, id: number): ResultRecord {
  const now = app.now()
  app.db.transaction(() => {
    const result = mustGetResult(app, id)
    if (result.status === 'confirmed') throw new AppError('conflict', '这条结果已确认并记入现场，不能再改为未匹配')
    setResultMatch(app.db, id, { siteId: null, status: 'unmatched', method: null, candidates: [], reason: '已人工确认：不是系统中的候选现场' })
    appendAudit(
      app.db,
      {
        actor: app.actor,
        action: 'update',
        entity: 'results',
        entityId: id,
        summary: `评定结果“${result.source.name}”（第 ${result.sourceRow} 行）：确认不是候选现场，标为未匹配`,
      },
      now,
    )
  })()
  return mustGetResult(app, id)
}

/** 应用结果: every automatically matched row of the year is recorded on its site. */
export function applyMatchedResults(app: AppContext): { applied: number } {
  const { campaign } = requireSetup(app)
  const now = app.now()
  return app.db.transaction(() => {
    const matched = listResults(app.db, campaign.id).filter((r) => r.status === 'matched' && r.siteId !== null)
    for (const r of matched) applyToSite(app, r, r.siteId!, r.matchMethod, now)
    return { applied: matched.length }
  })()
}
