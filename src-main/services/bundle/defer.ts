/**
 * 暂缓报送 at bundle time: the sites whose open errors block the bundle are deferred (one transaction, one
 * audit entry each, with the reason) so that the bundle can go out on time with the others. The deferral is
 * committed before packing starts: it is the clerk's decision and stands even if the build then fails or is
 * cancelled; the sites come back with 恢复报送.
 */
import { AppError } from '../../core/errors'
import type { AppContext } from '../context'
import { listDeferredSites } from '../sites/deferrals'
import { setSiteStatus } from '../sites/sites'
import { openErrors, type BundleSite } from './select'

export const DEFAULT_DEFER_REASON = '报送截止前未解决的错误'

export interface DeferUnready {
  reason: string
  /** The sites the clerk saw and confirmed: when the blocking set is no longer exactly these, nothing is deferred. */
  siteIds?: number[]
}

export interface HeldBack {
  siteId: number
  code: string
  name: string
  reason: string
  errors: { rule: string; message: string }[]
  /** Deferred by this build (rather than earlier). */
  justDeferred: boolean
}

/** Defer the blocking sites among `sites`; returns the sites left to pack. */
export function deferUnready(app: AppContext, sites: BundleSite[], options: DeferUnready): { sites: BundleSite[]; deferredIds: number[] } {
  const errors = openErrors(app, sites)
  const blocking = [...new Set(errors.map((e) => e.siteId))]
  const ready = sites.length - blocking.length
  if (options.siteIds) {
    const expected = new Set(options.siteIds)
    if (expected.size !== blocking.length || blocking.some((id) => !expected.has(id)))
      throw new AppError('conflict', '有未解决错误的现场已有变化，未暂缓任何现场。请核对下面的名单后重新确认。', { findings: errors, ready })
  }
  if (!blocking.length) return { sites, deferredIds: [] }
  if (!ready)
    throw new AppError('conflict', `全部 ${sites.length} 个现场都有未解决的错误，暂缓后没有可报送的现场。请先在“审核”中处理。`, { findings: errors, ready })
  setSiteStatus(app, blocking, 'deferred', { reason: options.reason })
  const deferred = new Set(blocking)
  return { sites: sites.filter((s) => !deferred.has(s.id)), deferredIds: blocking }
}

/** Every site held back from the bundle (deferred now or before), with its reason and open errors. */
export function heldBack(app: AppContext, justDeferred: number[]): HeldBack[] {
  const now = new Set(justDeferred)
  return listDeferredSites(app).map((d) => ({
    siteId: d.siteId,
    code: d.code,
    name: d.name,
    reason: d.reason,
    errors: d.errors,
    justDeferred: now.has(d.siteId),
  }))
}
