/**
 * Read-only views the office's pages need beyond the CLI's: received bundles with the province's registered
 * fingerprint beside each, a bundle's diff with names and labels, one register site for the drawer, the
 * ratings recorded, and the office's audit log.
 */
import path from 'node:path'
import { AppError } from '../../core/errors'
import type { BundleDiff } from '../../core/office/diff'
import { fieldValueText } from '../../core/office/fieldValues'
import { fieldLabel } from '../../core/office/fieldLabels'
import { ROSTER_COLUMNS } from '../../core/roster/columns'
import { queryAudit, type AuditEntry, type AuditQuery } from '../../db/repositories/audit'
import { bundleById, listReceivedBundles, type ReceivedBundle } from '../../db/office/bundles'
import { listProvinceKeys } from '../../db/office/provinceKeys'
import { currentRegisterFields, registerSiteById, sitesOfBundle, type RegisterSite } from '../../db/office/register'
import { allOfficeResults, officeResultsOf, type OfficeResult } from '../../db/office/results'
import type { OfficeContext } from './context'

export interface BundleView extends ReceivedBundle {
  registeredFingerprint: string | null
}

export function listBundles(office: OfficeContext): BundleView[] {
  const current = new Map(listProvinceKeys(office.db).map((k) => [k.province, k.fingerprint]))
  return listReceivedBundles(office.db).map((b) => ({ ...b, registeredFingerprint: current.get(b.province) ?? null }))
}

export function diffCounts(diff: unknown): { added: number; withdrawn: number; changed: number } | null {
  if (!diff || typeof diff !== 'object') return null
  const d = diff as Partial<BundleDiff>
  return { added: d.added?.length ?? 0, withdrawn: d.withdrawn?.length ?? 0, changed: d.changed?.length ?? 0 }
}

/** A field's value as a person reads it: text as is, lists and objects as JSON, nothing as ''. */
export interface BundleDiffView {
  bundleId: number
  province: string
  previousBundleId: number | null
  diff: {
    added: { code: string; name: string }[]
    withdrawn: { code: string; name: string }[]
    changed: { code: string; name: string; field: string; label: string; before: string | null; after: string | null }[]
  } | null
}

export function bundleDiff(office: OfficeContext, bundleId: number): BundleDiffView {
  const bundle = bundleById(office.db, bundleId)
  if (!bundle) throw new AppError('not-found', `没有编号为 ${bundleId} 的报送包`)
  // The bundle this one replaced arrived before it; an older one confirmed later also points here, but after.
  const previous = listReceivedBundles(office.db)
    .filter((b) => b.supersededBy === bundleId && b.id < bundleId)
    .at(-1)
  const diff = bundle.diff as BundleDiff | null
  if (!diff) return { bundleId, province: bundle.province, previousBundleId: previous?.id ?? null, diff: null }
  const names = new Map(sitesOfBundle(office.db, bundleId).map((s) => [s.code, s.name]))
  const text = (field: string, v: unknown) => (v === null || v === undefined ? null : fieldValueText(field, v))
  return {
    bundleId,
    province: bundle.province,
    previousBundleId: previous?.id ?? null,
    diff: {
      added: diff.added,
      withdrawn: diff.withdrawn,
      changed: diff.changed.map((c) => ({ code: c.code, name: names.get(c.code) ?? '', field: c.field, label: fieldLabel(c.field), before: text(c.field, c.before), after: text(c.field, c.after) })),
    },
  }
}

export interface RegisterSiteView {
  site: RegisterSite
  bundle: ReceivedBundle
  /** The fields in the roster's column order, then any others; labels in Chinese. */
  fields: { field: string; label: string; value: string }[]
}

export function registerSiteView(office: OfficeContext, id: number): RegisterSiteView {
  const site = registerSiteById(office.db, id)
  if (!site) throw new AppError('not-found', `全国名册中没有编号为 ${id} 的现场`)
  const bundle = bundleById(office.db, site.bundleId)!
  const all: Record<string, unknown> = { code: site.code, name: site.name, type: site.type, recommender: site.recommender, starLevel: site.starLevel, ...site.fields }
  const order = ROSTER_COLUMNS.map((c) => c.field as string).filter((f) => f !== 'seq')
  const keys = [...order.filter((f) => f in all), ...Object.keys(all).filter((f) => !order.includes(f) && f !== 'files').sort()]
  return { site, bundle, fields: keys.map((field) => ({ field, label: fieldLabel(field), value: fieldValueText(field, all[field]) })) }
}

/** The register for the 全国名册 table: no file lists (one query, not one per site), optionally one province. */
export function listRegisterRows(office: OfficeContext, filter: { province?: string } = {}): Omit<RegisterSite, 'files'>[] {
  const rows = currentRegisterFields(office.db)
  return filter.province ? rows.filter((r) => r.province === filter.province) : rows
}

export const fileNameOf = (entryPath: string): string => path.posix.basename(entryPath)

export interface ResultView extends OfficeResult {
  inRegister: boolean
}

export function listOfficeResults(office: OfficeContext, filter: { province?: string } = {}): ResultView[] {
  const results = filter.province ? officeResultsOf(office.db, filter.province) : allOfficeResults(office.db)
  const current = new Set(currentRegisterFields(office.db).map((s) => `${s.province}\u0000${s.code}`))
  return results.map((r) => ({ ...r, inRegister: current.has(`${r.province}\u0000${r.code}`) }))
}

export function listOfficeAudit(office: OfficeContext, query: AuditQuery): AuditEntry[] {
  return queryAudit(office.db, query)
}
