import { AppError, invalid } from '../../core/errors'
import { DEFERRED_STATUS, SITE_FIELD_LABELS, SITE_TYPE_INFO, SITE_STATUS_LABELS, type SiteStatus } from '../../core/sites/fields'
import { cleanProse } from '../../core/text'
import { readSiteDraft, type SiteDraft, type SiteValues } from '../../core/sites/draft'
import { appendAudit, queryAudit, type AuditEntry } from '../../db/repositories/audit'
import { getDeferral, putDeferral, removeDeferral } from '../../db/repositories/deferrals'
import { FindingsRepository } from '../../db/repositories/findings'
import { countLiveSites, listSiteTableRows, type SiteRecord, type SiteTableRow } from '../../db/repositories/sites'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'
import { recheckSites } from '../checks/engine'

function readOrThrow(draft: SiteDraft): SiteValues {
  const { values, problems } = readSiteDraft(draft)
  if (!values) throw invalid(problems.map((p) => p.message).join('；'), problems)
  return values
}

function mustGet(app: AppContext, id: number): SiteRecord {
  const site = app.sites.get(id)
  if (!site) throw new AppError('not-found', `找不到编号为 ${id} 的现场，可能已被删除`)
  return site
}

export interface SiteCheckCounts {
  /** Open error-level findings. */
  errors: number
  /** Open warnings: a waived warning no longer counts. */
  warnings: number
}

export type ListedSite = SiteRecord & { checks: SiteCheckCounts }

/** The campaign's sites, each with its open findings counted (one grouped query for the whole list). */
export function listSites(app: AppContext, options: { deleted?: boolean } = {}): ListedSite[] {
  const { campaign } = requireSetup(app)
  const sites = app.sites.list(campaign.id, options)
  const counts = new FindingsRepository(app.db).openCountsBySite(campaign.id, options.deleted)
  const none: SiteCheckCounts = { errors: 0, warnings: 0 }
  // The records are fresh from the repository: add the field in place rather than copy 10,000 objects.
  for (const site of sites) (site as ListedSite).checks = counts.get(site.id) ?? none
  return sites as ListedSite[]
}

export type ListedSiteRow = SiteTableRow & { checks: SiteCheckCounts }

/** The registry table's rows (`sites.rows`): the columns it shows and searches, with the open findings counted. */
export function listSiteRows(app: AppContext, options: { deleted?: boolean } = {}): ListedSiteRow[] {
  const { campaign } = requireSetup(app)
  const rows = listSiteTableRows(app.db, campaign.id, options)
  const counts = new FindingsRepository(app.db).openCountsBySite(campaign.id, options.deleted)
  const none: SiteCheckCounts = { errors: 0, warnings: 0 }
  for (const row of rows) (row as ListedSiteRow).checks = counts.get(row.id) ?? none
  return rows as ListedSiteRow[]
}

/** Sites not deleted, of every year. */
export function liveSiteCountAllYears(app: AppContext): number {
  return countLiveSites(app.db)
}

export function getSite(app: AppContext, id: number): SiteRecord {
  return mustGet(app, id)
}

export function createSite(app: AppContext, draft: SiteDraft, status: SiteStatus = 'pending'): SiteRecord {
  const values = readOrThrow(draft)
  const { campaign, provinceCode } = requireSetup(app)
  const now = app.now()
  const id = app.db.transaction(() => {
    const code = app.sites.nextCode(`${provinceCode}-${campaign.year}-${SITE_TYPE_INFO[values.type].letter}`)
    const newId = app.sites.insert(values, { code, campaignId: campaign.id, status, now })
    appendAudit(
      app.db,
      { actor: app.actor, action: 'create', entity: 'site', entityId: newId, summary: `新建现场 ${code} ${values.name}` },
      now,
    )
    return newId
  })()
  recheckSites(app, [id]) // after the commit: findings follow the saved data
  return mustGet(app, id)
}

/** Field-by-field changes in Chinese, for the audit log ("联系电话：A → B"). */
export function describeChanges(before: SiteValues, after: SiteValues): { field: string; from: unknown; to: unknown }[] {
  const changes: { field: string; from: unknown; to: unknown }[] = []
  for (const key of Object.keys(after) as (keyof SiteValues)[]) {
    const a = JSON.stringify(before[key] ?? null)
    const b = JSON.stringify(after[key] ?? null)
    if (a !== b) changes.push({ field: key, from: before[key], to: after[key] })
  }
  return changes
}

const show = (v: unknown) => (v === null || v === '' ? '（空）' : Array.isArray(v) ? v.join('、') : String(v))

export function updateSite(app: AppContext, id: number, draft: SiteDraft): SiteRecord {
  const values = readOrThrow(draft)
  const now = app.now()
  app.db.transaction(() => {
    const before = mustGet(app, id)
    if (before.deletedAt) throw new AppError('conflict', `现场 ${before.code} 已在回收站中，请先恢复再修改`)
    const changes = describeChanges(before, values)
    if (!changes.length) return
    app.sites.update(id, values, now)
    const text = changes
      .map((c) => `${SITE_FIELD_LABELS[c.field as keyof typeof SITE_FIELD_LABELS] ?? c.field}：${show(c.from)} → ${show(c.to)}`)
      .join('；')
    appendAudit(
      app.db,
      { actor: app.actor, action: 'update', entity: 'site', entityId: id, summary: `修改现场 ${before.code}：${text}`, details: changes },
      now,
    )
  })()
  recheckSites(app, [id])
  return mustGet(app, id)
}

/**
 * Bulk status change, one transaction, one audit entry per site (with the reason when given). 暂缓报送 needs
 * a reason and records the status the site comes back to (site_deferrals); any other status ends a deferral.
 */
export function setSiteStatus(app: AppContext, ids: number[], status: SiteStatus, options: { reason?: string } = {}): number {
  // A reason is prose: stored as typed (full-width punctuation kept), less invisible characters.
  const reason = cleanProse(options.reason ?? '')
  if (status === DEFERRED_STATUS && !reason) throw invalid('暂缓报送需要填写原因（例如：报送截止前未解决的错误）', [{ field: 'reason', message: '请填写暂缓报送的原因' }])
  const now = app.now()
  return app.db.transaction(() => {
    let n = 0
    for (const id of ids) {
      const site = mustGet(app, id)
      const deferral = site.status === DEFERRED_STATUS ? getDeferral(app.db, id) : null
      // Deferring a deferred site again only replaces the reason.
      if (site.status === status && !(status === DEFERRED_STATUS && deferral && deferral.reason !== reason)) continue
      if (status === DEFERRED_STATUS)
        putDeferral(app.db, { siteId: id, reason, previousStatus: deferral?.previousStatus ?? site.status, deferredAt: now, deferredBy: app.actor })
      else if (site.status === DEFERRED_STATUS) removeDeferral(app.db, id)
      if (site.status !== status) app.sites.setStatus(id, status, now)
      const why = reason ? `（原因：${reason}）` : ''
      appendAudit(
        app.db,
        {
          actor: app.actor,
          action: 'status',
          entity: 'site',
          entityId: id,
          summary: `现场 ${site.code} 状态：${SITE_STATUS_LABELS[site.status]} → ${SITE_STATUS_LABELS[status]}${why}`,
          ...(reason || deferral ? { details: { from: site.status, to: status, ...(reason ? { reason } : {}) } } : {}),
        },
        now,
      )
      n++
    }
    return n
  })()
}

/**
 * 恢复报送: each deferred site goes back to the status it had before it was deferred (待审核 if that is not
 * known), in one transaction; sites that are not deferred are left as they are.
 */
export function resumeSites(app: AppContext, ids: number[]): number {
  const now = app.now()
  return app.db.transaction(() => {
    let n = 0
    for (const id of ids) {
      const site = mustGet(app, id)
      if (site.status !== DEFERRED_STATUS) continue
      const deferral = getDeferral(app.db, id)
      const back: SiteStatus = deferral && deferral.previousStatus !== DEFERRED_STATUS ? deferral.previousStatus : 'pending'
      removeDeferral(app.db, id)
      app.sites.setStatus(id, back, now)
      appendAudit(
        app.db,
        {
          actor: app.actor,
          action: 'status',
          entity: 'site',
          entityId: id,
          summary: `现场 ${site.code} 恢复报送：${SITE_STATUS_LABELS[site.status]} → ${SITE_STATUS_LABELS[back]}`,
          details: { from: site.status, to: back, deferredReason: deferral?.reason ?? null },
        },
        now,
      )
      n++
    }
    return n
  })()
}

/** Soft delete: the site goes to 回收站 and can be restored; its code is never given to another site. */
export function removeSites(app: AppContext, ids: number[]): number {
  const now = app.now()
  const count = app.db.transaction(() => {
    let n = 0
    for (const id of ids) {
      const site = mustGet(app, id)
      if (site.deletedAt) continue
      app.sites.setDeleted(id, now, now)
      appendAudit(
        app.db,
        { actor: app.actor, action: 'delete', entity: 'site', entityId: id, summary: `删除现场 ${site.code} ${site.name}（可在回收站恢复）` },
        now,
      )
      n++
    }
    return n
  })()
  // Deleting or restoring one of two duplicates changes the other's findings too.
  recheckSites(app, ids)
  return count
}

export function restoreSites(app: AppContext, ids: number[]): number {
  const now = app.now()
  const count = app.db.transaction(() => {
    let n = 0
    for (const id of ids) {
      const site = mustGet(app, id)
      if (!site.deletedAt) continue
      app.sites.setDeleted(id, null, now)
      appendAudit(
        app.db,
        { actor: app.actor, action: 'restore', entity: 'site', entityId: id, summary: `恢复现场 ${site.code} ${site.name}` },
        now,
      )
      n++
    }
    return n
  })()
  // Deleting or restoring one of two duplicates changes the other's findings too.
  recheckSites(app, ids)
  return count
}

/** What was done to one site, newest first; also for a site in the recycle bin. */
export function siteHistory(app: AppContext, siteId: number, limit = 5000): AuditEntry[] {
  mustGet(app, siteId)
  return queryAudit(app.db, { entity: 'site', entityId: String(siteId), limit })
}
