/**
 * Which sites go into the bundle, and the refusal while any of them has an open error-level finding.
 * Reads the attachments and findings tables (owned by the attachments and checks features) directly.
 */
import { AppError } from '../../core/errors'
import { listAttachments, type AttachmentRecord } from '../../db/repositories/attachments'
import type { SiteRecord } from '../../db/repositories/sites'
import { blockingSites } from '../checks/findings'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'

export interface BundleSite extends SiteRecord {
  attachments: AttachmentRecord[]
}

/** Sites not yet (or no longer) part of a submission; 暂缓报送 ones are held back with a reason. */
const EXCLUDED = new Set(['draft', 'rejected', 'deferred'])

export function selectSites(app: AppContext, siteIds?: number[]): BundleSite[] {
  const { campaign } = requireSetup(app)
  const all = app.sites.list(campaign.id)
  let sites: SiteRecord[]
  if (siteIds?.length) {
    const byId = new Map(all.map((s) => [s.id, s]))
    const unknown = siteIds.filter((id) => !byId.has(id))
    if (unknown.length)
      throw new AppError('invalid-input', `以下编号的现场不在本年度活动中或已删除：${unknown.join('、')}`, { siteIds: unknown })
    const bad = siteIds.map((id) => byId.get(id)!).filter((s) => EXCLUDED.has(s.status))
    if (bad.length)
      throw new AppError('invalid-input', `草稿、未通过或暂缓报送的现场不能报送：${bad.map((s) => `${s.code} ${s.name}`).join('、')}`)
    sites = [...new Set(siteIds)].map((id) => byId.get(id)!)
  } else {
    sites = all.filter((s) => !EXCLUDED.has(s.status))
  }
  if (!sites.length) throw new AppError('conflict', '没有可报送的现场：请先录入现场并完成审核（草稿、未通过和暂缓报送的现场不会报送）')
  const attachments = listAttachments(app.db, { siteIds: sites.map((s) => s.id) })
  const bySite = new Map<number, AttachmentRecord[]>()
  for (const a of attachments) bySite.set(a.siteId, [...(bySite.get(a.siteId) ?? []), a])
  return sites.map((s) => ({ ...s, attachments: bySite.get(s.id) ?? [] }))
}

export interface OpenError {
  siteId: number
  siteCode: string
  siteName: string
  rule: string
  message: string
}

/** Open error-level findings of these sites, as the checks feature judges them (errors cannot be waived). */
export function openErrors(app: AppContext, sites: BundleSite[]): OpenError[] {
  return blockingSites(
    app,
    sites.map((s) => s.id),
  ).flatMap((b) => b.reasons.map((r) => ({ siteId: b.siteId, siteCode: b.siteCode, siteName: b.siteName, rule: r.rule, message: r.message })))
}

/**
 * The refusal names every blocking site's open errors and how many sites would remain (`ready`): the page
 * offers to defer the blocking ones and send the rest.
 */
export function refuseOnOpenErrors(errors: OpenError[], selected?: number): void {
  if (!errors.length) return
  const sites = new Set(errors.map((e) => e.siteId)).size
  const sample = errors
    .slice(0, 5)
    .map((e) => `${e.siteCode} ${e.siteName}：${e.message}`)
    .join('；')
  throw new AppError(
    'conflict',
    `有 ${sites} 个现场存在 ${errors.length} 项未解决的错误，不能生成报送包。请先在“审核”中处理：${sample}${errors.length > 5 ? ' 等' : ''}`,
    { findings: errors, ...(selected !== undefined ? { ready: selected - sites } : {}) },
  )
}
