/**
 * The 总览 page in one pass over the current register (no file lists) and the received bundles: counts by
 * province, site type, declared star level, operator and recommender; the mainland provinces that have sent
 * nothing at all; the days left to the office's deadline.
 */
import { PROVINCES } from '../../core/association/provinces'
import { SITE_TYPE_INFO, STAR_LABELS, type SiteType } from '../../core/sites/fields'
import { listReceivedBundles } from '../../db/office/bundles'
import { currentRegisterFields } from '../../db/office/register'
import type { OfficeContext } from './context'
import { officeProfileView, type OfficeProfileView } from './settings'

export interface Count {
  key: string
  label: string
  sites: number
}

export interface OfficeOverview {
  profile: OfficeProfileView
  daysLeft: number | null
  totals: { sites: number; provinces: number; pending: number; bundles: number }
  byProvince: { province: string; sites: number; bundleId: number | null; receivedAt: string | null; pending: number }[]
  byType: Count[]
  byStar: Count[]
  byEnterprise: Count[]
  byRecommender: Count[]
  missing: string[]
}

const MAINLAND = PROVINCES.filter((p) => !['TW', 'HK', 'MO'].includes(p.code)).map((p) => p.name)

function tally(values: Iterable<string>, label: (key: string) => string): Count[] {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].map(([key, sites]) => ({ key, label: label(key), sites })).sort((a, b) => b.sites - a.sites || a.key.localeCompare(b.key, 'zh-CN'))
}

/** Whole days from the office's today (local date) to the deadline. */
export function daysUntil(deadline: string, nowIso: string): number {
  const now = new Date(nowIso)
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - today) / 86_400_000)
}

export function officeOverview(office: OfficeContext): OfficeOverview {
  const profile = officeProfileView(office)
  const sites = currentRegisterFields(office.db)
  const bundles = listReceivedBundles(office.db)
  const provinces = new Map<string, OfficeOverview['byProvince'][number]>()
  const row = (province: string) => {
    let r = provinces.get(province)
    if (!r) provinces.set(province, (r = { province, sites: 0, bundleId: null, receivedAt: null, pending: 0 }))
    return r
  }
  for (const b of bundles) {
    if (b.status === 'ingested') Object.assign(row(b.province), { bundleId: b.id, receivedAt: b.receivedAt })
    else if (b.status === 'pending-confirmation') row(b.province).pending++
  }
  for (const s of sites) row(s.province).sites++
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim())
  const sent = new Set(bundles.map((b) => b.province))
  return {
    profile,
    daysLeft: profile.deadline ? daysUntil(profile.deadline, office.now()) : null,
    totals: {
      sites: sites.length,
      provinces: [...provinces.values()].filter((p) => p.bundleId !== null).length,
      pending: bundles.filter((b) => b.status === 'pending-confirmation').length,
      bundles: bundles.length,
    },
    byProvince: [...provinces.values()].sort((a, b) => {
      const ia = MAINLAND.indexOf(a.province)
      const ib = MAINLAND.indexOf(b.province)
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib)
    }),
    byType: tally(
      sites.map((s) => s.type),
      (k) => SITE_TYPE_INFO[k as SiteType]?.label ?? k,
    ),
    byStar: tally(
      sites.map((s) => String(s.starLevel)),
      (k) => STAR_LABELS[Number(k)] ?? `${k} 星`,
    ),
    byEnterprise: tally(
      sites.map((s) => text(s.fields.enterprise)),
      (k) => k || '未填写',
    ),
    byRecommender: tally(
      sites.map((s) => text(s.recommender)),
      (k) => k || '未填写',
    ),
    missing: MAINLAND.filter((p) => !sent.has(p)),
  }
}
